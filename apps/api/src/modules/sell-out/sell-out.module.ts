import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { CatalogModule } from '../catalog/catalog.module';
import { PartnersModule } from '../partners/partners.module';
import { SellOutController } from './sell-out.controller';
import { SellOutRepository } from './sell-out.repository';
import { SellOutService } from './sell-out.service';
import { SpreadsheetUploadInterceptor } from '../../common/files/spreadsheet-upload';

/** Sell-out reports (sell_out_reports, sell_out_lines). Exports SellOutRepository: the rebate basis reads lines through it. */
@Module({
  imports: [AgreementsModule, CatalogModule, PartnersModule],
  controllers: [SellOutController],
  providers: [SellOutRepository, SellOutService, SpreadsheetUploadInterceptor],
  exports: [SellOutRepository],
})
export class SellOutModule {}
