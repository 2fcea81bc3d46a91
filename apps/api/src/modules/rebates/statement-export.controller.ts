import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LocaleSchema } from '@partnerline/domain';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AnyRole, CurrentUser } from '../../common/auth/auth.decorators';
import { scopeOf } from '../../common/auth/scope';
import { IdParamDto } from '../../common/http/params';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { localeOf } from '../../common/http/request-locale';
import { StatementExportService } from './statement-export.service';

class StatementExportQueryDto extends createZodDto(
  z.object({
    format: z.enum(['xlsx', 'csv']).default('xlsx'),
    /** The file's language; without it, the caller's (Accept-Language / profile). */
    lang: LocaleSchema.optional(),
  }),
) {}

/** Keeps a file name ASCII-safe for the plain `filename=` (the exact name travels in `filename*`). */
const asciiName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_');

@ApiTags('rebates')
@Controller('rebate-statements')
export class StatementExportController {
  constructor(private readonly exports: StatementExportService) {}

  /**
   * A statement as a file to keep (XLSX, or CSV with a BOM), in zh-CN or en. Vendor roles: any statement; partners:
   * their own approved or paid statements (404 otherwise).
   */
  @Get(':id/export')
  @AnyRole()
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({ description: 'The statement as an XLSX workbook or a CSV file (attachment).' })
  async export(
    @Param() p: IdParamDto,
    @Query() q: StatementExportQueryDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const file = await this.exports.export(p.id, scopeOf(user), q.format, q.lang ?? localeOf(req));
    res.setHeader('Content-Type', file.contentType);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${asciiName(file.filename)}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(file.body);
  }
}
