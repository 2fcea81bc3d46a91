import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { PartnersModule } from '../partners/partners.module';
import { AgreementSweeper } from './agreement-sweeper';
import { AgreementsController } from './agreements.controller';
import { AgreementsRepository } from './agreements.repository';
import { AgreementsService } from './agreements.service';

@Module({
  imports: [PartnersModule, CatalogModule],
  controllers: [AgreementsController],
  providers: [AgreementsRepository, AgreementsService, AgreementSweeper],
  exports: [AgreementsRepository, AgreementsService],
})
export class AgreementsModule {}
