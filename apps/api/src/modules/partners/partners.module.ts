import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { ApplicationsService } from './applications.service';
import { PartnerUsersService } from './partner-users.service';
import { PartnersController } from './partners.controller';
import { PartnersRepository } from './partners.repository';
import { ScreeningService } from './screening.service';

@Module({
  imports: [CatalogModule],
  controllers: [PartnersController],
  providers: [PartnersRepository, ApplicationsService, ScreeningService, PartnerUsersService],
  exports: [PartnersRepository, ScreeningService],
})
export class PartnersModule {}
