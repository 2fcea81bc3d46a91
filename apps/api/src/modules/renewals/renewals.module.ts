import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { CatalogModule } from '../catalog/catalog.module';
import { DealRegistrationsModule } from '../deal-registrations/deal-registrations.module';
import { PartnersModule } from '../partners/partners.module';
import { PaymentsModule } from '../payments/payments.module';
import { RebatesModule } from '../rebates/rebates.module';
import { TrainingModule } from '../training/training.module';
import { UsersModule } from '../users/users.module';
import { RenewalDecisionsController } from './renewal-decisions.controller';
import { RenewalDecisionsRepository } from './renewal-decisions.repository';
import { RenewalDecisionsService } from './renewal-decisions.service';
import { RenewalFactsService } from './renewal-facts.service';
import { RenewalSweeper } from './renewal-sweeper';
import { RenewalReadinessController, RenewalReviewsController } from './renewals.controller';
import { RenewalsRepository } from './renewals.repository';
import { RenewalsService } from './renewals.service';
import { VendorRatingsController } from './vendor-ratings.controller';
import { VendorRatingsRepository } from './vendor-ratings.repository';
import { VendorRatingsService } from './vendor-ratings.service';

/**
 * Renewal reviews (issue #15; docs/domain.md §8): renewal_reviews, renewal_probation_conditions,
 * renewal_self_assessments. Incidents (partner_incidents) belong to the partners module.
 */
@Module({
  imports: [AgreementsModule, PartnersModule, RebatesModule, PaymentsModule, TrainingModule, CatalogModule, UsersModule, DealRegistrationsModule],
  controllers: [RenewalReviewsController, RenewalReadinessController, VendorRatingsController, RenewalDecisionsController],
  providers: [RenewalsRepository, RenewalFactsService, RenewalsService, RenewalSweeper, VendorRatingsRepository, VendorRatingsService, RenewalDecisionsRepository, RenewalDecisionsService],
  exports: [RenewalsService, RenewalsRepository, RenewalDecisionsService],
})
export class RenewalsModule {}
