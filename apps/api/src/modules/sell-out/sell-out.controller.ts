import { Body, Controller, Get, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { SellOutListQuerySchema, SellOutReportListSchema, SellOutReportSchema, SellOutUploadSchema } from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { AnyRole, CurrentUser, PartnerRoles } from '../../common/auth/auth.decorators';
import { scopeOf } from '../../common/auth/scope';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { IdParamDto } from '../../common/http/params';
import { SellOutService } from './sell-out.service';
import { SpreadsheetUploadInterceptor, type UploadedSheet } from '../../common/files/spreadsheet-upload';

class UploadDto extends createZodDto(SellOutUploadSchema) {}
class ListQueryDto extends createZodDto(SellOutListQuerySchema) {}
class ReportDto extends createZodDto(SellOutReportSchema) {}
class ReportListDto extends createZodDto(SellOutReportListSchema) {}

/** Sell-out reports of distribution agreements (issue #14). */
@ApiTags('sell-out')
@Controller('sell-out-reports')
export class SellOutController {
  constructor(private readonly sellOut: SellOutService) {}

  /**
   * A period's sell-out (multipart: `file` CSV or XLSX ≤ 5 MB with columns date, customer, product, quantity, amount —
   * or 日期, 客户, 产品, 数量, 金额 — plus agreementId, periodStart, acceptGoodRows). Bad rows and not accepted →
   * 422 SELL_OUT_ROWS_INVALID naming each row, field and why; nothing is stored.
   */
  @Post()
  @PartnerRoles()
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(SpreadsheetUploadInterceptor)
  @ZodResponse({ type: ReportDto, status: 201 })
  report(@Body() body: UploadDto, @UploadedFile() file: UploadedSheet, @CurrentUser() user: AuthenticatedUser) {
    return this.sellOut.report(body, file, user);
  }

  /** Reports newest first (a partner sees its own), with each report's skipped rows and why. */
  @Get()
  @AnyRole()
  @ZodResponse({ type: ReportListDto })
  list(@Query() q: ListQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.sellOut.list(q, scopeOf(user));
  }

  @Get(':id')
  @AnyRole()
  @ZodResponse({ type: ReportDto })
  get(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.sellOut.get(id, scopeOf(user));
  }
}
