import { Body, Controller, Get, HttpCode, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { InvoiceInputSchema, InvoicePaidSchema, InvoiceSchema, PaymentImportSchema, PaymentsPageSchema, PaymentsQuerySchema } from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { AnyRole, CurrentUser, Roles } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { IdParamDto } from '../../common/http/params';
import { SpreadsheetUploadInterceptor, type UploadedSheet } from '../../common/files/spreadsheet-upload';
import { PaymentsService } from './payments.service';

class InvoiceInputDto extends createZodDto(InvoiceInputSchema) {}
class InvoicePaidDto extends createZodDto(InvoicePaidSchema) {}
class InvoiceDto extends createZodDto(InvoiceSchema) {}
class PaymentsQueryDto extends createZodDto(PaymentsQuerySchema) {}
class PaymentsPageDto extends createZodDto(PaymentsPageSchema) {}
class PaymentImportDto extends createZodDto(PaymentImportSchema) {}

/** The payments ledger: the partner's invoices from the vendor and its payment integrity (issue #14). */
@ApiTags('payments')
@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  /** Invoices, latest due first (a partner sees its own), with the partner's payment integrity as of today. */
  @Get()
  @AnyRole()
  @ZodResponse({ type: PaymentsPageDto })
  list(@Query() q: PaymentsQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.payments.list(q, user);
  }

  @Post()
  @Roles('vendor_admin', 'channel_manager')
  @ZodResponse({ type: InvoiceDto, status: 201 })
  create(@Body() body: InvoiceInputDto, @CurrentUser() user: AuthenticatedUser) {
    return this.payments.create(body, user);
  }

  /**
   * A sheet of invoices (multipart `file`, CSV or XLSX ≤ 5 MB: partner — id, tax id or name —, invoice no, amount,
   * due date, paid date), all rows or none; any bad row → 422 PAYMENT_ROWS_INVALID naming each row and why.
   */
  @Post('import')
  @Roles('vendor_admin', 'channel_manager')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(SpreadsheetUploadInterceptor)
  @ZodResponse({ type: PaymentImportDto })
  import(@UploadedFile() file: UploadedSheet, @CurrentUser() user: AuthenticatedUser) {
    return this.payments.import(file, user);
  }

  /** Records an open invoice's payment (once). */
  @Post(':id/paid')
  @Roles('vendor_admin', 'channel_manager')
  @HttpCode(200)
  @ZodResponse({ type: InvoiceDto })
  paid(@Param() { id }: IdParamDto, @Body() body: InvoicePaidDto, @CurrentUser() user: AuthenticatedUser) {
    return this.payments.markPaid(id, body.paidOn, user);
  }
}
