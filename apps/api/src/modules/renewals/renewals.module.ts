import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { PartnersModule } from '../partners/partners.module';

/**
 * Renewal reviews (issue #15; docs/domain.md §8): renewal_reviews, renewal_probation_conditions,
 * renewal_self_assessments. Incidents (partner_incidents) belong to the partners module.
 */
@Module({
  imports: [AgreementsModule, PartnersModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class RenewalsModule {}
