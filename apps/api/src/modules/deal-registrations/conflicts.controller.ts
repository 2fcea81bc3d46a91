import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiTags } from '@nestjs/swagger';
import { ConflictDetailSchema, ConflictResolutionSchema, ConflictSummarySchema, DirectAccountImportReportSchema } from '@partnerline/domain';
import { createZodDto, ZodResponse, ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentUser, Roles, VendorRoles } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { localeOf } from '../../common/http/request-locale';
import { IdParamDto } from '../../common/http/params';
import { ConflictsService, type Resolution } from './conflicts.service';
import { DirectAccountsService } from './direct-accounts.service';

const ResolutionSchema = ConflictResolutionSchema;
/** A page of cases, oldest first (the most urgent): 50 by default, at most 500; a page past the end is empty. */
class StatusQueryDto extends createZodDto(
  z.object({ status: z.enum(['open', 'resolved']).optional(), page: z.coerce.number().int().min(1).max(1000).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(50) }),
) {}
class ImportDto extends createZodDto(z.object({ csv: z.string().min(1).max(900_000) })) {}
class ConflictSummaryDto extends createZodDto(ConflictSummarySchema) {}
class ConflictDetailDto extends createZodDto(ConflictDetailSchema) {}
class ImportReportDto extends createZodDto(DirectAccountImportReportSchema) {}

/** Conflict cases and their resolution (channel managers), and the direct-sales account import (vendor admins). */
@ApiTags('conflicts')
@Controller()
export class ConflictsController {
  constructor(
    private readonly conflicts: ConflictsService,
    private readonly direct: DirectAccountsService,
  ) {}

  @Get('conflicts')
  @VendorRoles()
  @ZodResponse({ type: [ConflictSummaryDto] })
  list(@Query() q: StatusQueryDto) {
    return this.conflicts.list(q.status, q.page, q.pageSize);
  }

  @Get('conflicts/:id')
  @VendorRoles()
  @ZodResponse({ type: ConflictDetailDto })
  get(@Param() { id }: IdParamDto) {
    return this.conflicts.detail(id);
  }

  @Post('conflicts/:id/resolve')
  @Roles('vendor_admin', 'channel_manager')
  @HttpCode(204)
  resolve(@Param() { id }: IdParamDto, @Body(new ZodValidationPipe(ResolutionSchema)) body: Resolution, @CurrentUser() user: AuthenticatedUser) {
    return this.conflicts.resolve(id, body, user);
  }

  /** CSV columns: kind, name, tax_id, domain, industry_code, region_code, owner. Returns imported count and rejected lines. */
  @Post('direct-accounts/import')
  @Roles('vendor_admin')
  @HttpCode(200)
  @ZodResponse({ type: ImportReportDto })
  import(@Body() body: ImportDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.direct.import(body.csv, user, localeOf(req));
  }
}
