import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { AuthModule } from '../auth/auth.module';
import { DealRegistrationsModule } from '../deal-registrations/deal-registrations.module';
import { TrainingModule } from '../training/training.module';
import { PartnerOverviewController } from './partner-overview.controller';
import { PartnerOverviewService } from './partner-overview.service';
import { PartnersModule } from './partners.module';

/** The partner 360: a read-only assembly over the owning modules' repositories (kept out of PartnersModule, which those modules import). */
@Module({
  imports: [PartnersModule, AgreementsModule, DealRegistrationsModule, TrainingModule, AuthModule],
  controllers: [PartnerOverviewController],
  providers: [PartnerOverviewService],
})
export class PartnerOverviewModule {}
