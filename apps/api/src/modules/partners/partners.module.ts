import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { ApplicationsService } from './applications.service';
import { IncidentsController } from './incidents.controller';
import { IncidentsRepository } from './incidents.repository';
import { IncidentsService } from './incidents.service';
import { PartnerUsersService } from './partner-users.service';
import { PartnersController } from './partners.controller';
import { PartnersRepository } from './partners.repository';
import { ScreeningService } from './screening.service';

@Module({
  imports: [CatalogModule],
  controllers: [PartnersController, IncidentsController],
  providers: [PartnersRepository, ApplicationsService, ScreeningService, PartnerUsersService, IncidentsRepository, IncidentsService],
  exports: [PartnersRepository, ScreeningService, IncidentsService],
})
export class PartnersModule {}
