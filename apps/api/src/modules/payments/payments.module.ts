import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module';
import { SpreadsheetUploadInterceptor } from '../../common/files/spreadsheet-upload';
import { PaymentsController } from './payments.controller';
import { PaymentsRepository } from './payments.repository';
import { PaymentsService } from './payments.service';

/** The payments ledger (partner_invoices). Exports PaymentsRepository: renewal reviews read integrityOf through it. */
@Module({
  imports: [PartnersModule],
  controllers: [PaymentsController],
  providers: [PaymentsRepository, PaymentsService, SpreadsheetUploadInterceptor],
  exports: [PaymentsRepository],
})
export class PaymentsModule {}
