import { Module } from '@nestjs/common';
import { CoverageController } from './coverage.controller';
import { CoverageRefresher } from './coverage-refresher';
import { CoverageRepository } from './coverage.repository';
import { CoverageService } from './coverage.service';
import { ReportingController } from './reporting.controller';
import { ReportingRepository } from './reporting.repository';
import { ReportingService } from './reporting.service';

/** Read-only aggregates (home-page counts now, the leadership view next). See ReportingRepository for why it reads other modules' tables. */
@Module({ controllers: [ReportingController, CoverageController], providers: [ReportingRepository, ReportingService, CoverageRepository, CoverageService, CoverageRefresher] })
export class ReportingModule {}
