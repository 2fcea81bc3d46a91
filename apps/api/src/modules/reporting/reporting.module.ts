import { Module } from '@nestjs/common';
import { ReportingController } from './reporting.controller';
import { ReportingRepository } from './reporting.repository';
import { ReportingService } from './reporting.service';

/** Read-only aggregates (home-page counts now, the leadership view next). See ReportingRepository for why it reads other modules' tables. */
@Module({ controllers: [ReportingController], providers: [ReportingRepository, ReportingService] })
export class ReportingModule {}
