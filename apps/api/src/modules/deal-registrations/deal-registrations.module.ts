import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { CatalogModule } from '../catalog/catalog.module';
import { PartnersModule } from '../partners/partners.module';
import { UsersModule } from '../users/users.module';
import { ConflictsController } from './conflicts.controller';
import { ConflictsRepository } from './conflicts.repository';
import { ConflictsService } from './conflicts.service';
import { DealRegistrationsController } from './deal-registrations.controller';
import { DealRegistrationsRepository } from './deal-registrations.repository';
import { DealRegistrationsService } from './deal-registrations.service';
import { DirectAccountsRepository } from './direct-accounts.repository';
import { DirectAccountsService } from './direct-accounts.service';
import { PerformanceBasisRepository } from './performance-basis.repository';
import { RebateBasisRepository } from './rebate-basis.repository';
import { RegistrationSweeper } from './registration-sweeper';
import { RegistrationReviewController } from './registration-review.controller';
import { RegistrationReviewRepository } from './registration-review.repository';
import { RegistrationReviewService } from './registration-review.service';
import { RegistrationQueueController } from './registration-queue.controller';
import { RegistrationQueueRepository } from './registration-queue.repository';
import { RegistrationQueueService } from './registration-queue.service';

@Module({
  imports: [PartnersModule, AgreementsModule, UsersModule, CatalogModule],
  controllers: [RegistrationQueueController, DealRegistrationsController, RegistrationReviewController, ConflictsController],
  providers: [DealRegistrationsRepository, ConflictsRepository, DirectAccountsRepository, DealRegistrationsService, ConflictsService, DirectAccountsService, RegistrationSweeper, RegistrationReviewRepository, RegistrationReviewService, RegistrationQueueRepository, RegistrationQueueService, RebateBasisRepository, PerformanceBasisRepository],
  exports: [DealRegistrationsRepository, DealRegistrationsService, RebateBasisRepository, PerformanceBasisRepository],
})
export class DealRegistrationsModule {}
