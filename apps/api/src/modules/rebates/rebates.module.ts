import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { DealRegistrationsModule } from '../deal-registrations/deal-registrations.module';
import { OperationsModule } from '../operations/operations.module';
import { PartnersModule } from '../partners/partners.module';
import { SellOutModule } from '../sell-out/sell-out.module';
import { DepositsController } from './deposits.controller';
import { DepositsRepository } from './deposits.repository';
import { DepositsService } from './deposits.service';
import { StatementExportController } from './statement-export.controller';
import { StatementExportService } from './statement-export.service';
import { PerformanceController } from './performance.controller';
import { PerformanceService } from './performance.service';
import { QuotasController } from './quotas.controller';
import { QuotasRepository } from './quotas.repository';
import { QuotasService } from './quotas.service';
import { WhatIfController } from './what-if.controller';
import { RebateBasisService } from './rebate-basis.service';
import { RebateDisputesRepository } from './rebate-disputes.repository';
import { RebateDisputesService } from './rebate-disputes.service';
import { RebateLedgerRepository } from './rebate-ledger.repository';
import { RebateLedgerService } from './rebate-ledger.service';
import { RebateReversalsRepository } from './rebate-reversals.repository';
import { RebateReversalsService } from './rebate-reversals.service';
import { RebateRunsRepository } from './rebate-runs.repository';
import { RebateRunsService } from './rebate-runs.service';
import { RebateStatementsRepository } from './rebate-statements.repository';
import { RebateStatementsService } from './rebate-statements.service';
import { RebateDisputesController, RebateLedgerController, RebateReversalsController, RebateRunsController, RebateStatementsController } from './rebates.controller';

/**
 * Performance, quotas, rebate runs, statements, the append-only ledger, disputes, reversals and deposits (issue #14).
 * Owns the rebate_* tables, agreement_deposits and deposit_events; other modules' tables are read through their
 * exported repositories.
 */
@Module({
  imports: [AgreementsModule, DealRegistrationsModule, OperationsModule, PartnersModule, SellOutModule],
  controllers: [RebateRunsController, RebateStatementsController, RebateDisputesController, RebateReversalsController, RebateLedgerController, PerformanceController, WhatIfController, QuotasController, DepositsController, StatementExportController],
  providers: [
    RebateLedgerRepository,
    RebateLedgerService,
    RebateRunsRepository,
    RebateRunsService,
    RebateStatementsRepository,
    RebateStatementsService,
    RebateDisputesRepository,
    RebateDisputesService,
    RebateReversalsRepository,
    RebateReversalsService,
    RebateBasisService,
    PerformanceService,
    QuotasRepository,
    QuotasService,
    DepositsRepository,
    DepositsService,
    StatementExportService,
  ],
  exports: [RebateLedgerRepository, RebateRunsService, RebateStatementsRepository, PerformanceService, DepositsRepository, DepositsService],
})
export class RebatesModule {}
