import { Module } from '@nestjs/common';
import { RebateLedgerRepository } from './rebate-ledger.repository';

/**
 * Performance, quotas, rebate runs, statements, the append-only ledger, disputes, reversals and deposits (issue #14).
 * Owns the rebate_* tables, agreement_deposits and deposit_events; other modules' tables are read through their
 * exported repositories.
 */
@Module({
  imports: [],
  controllers: [],
  providers: [RebateLedgerRepository],
  exports: [RebateLedgerRepository],
})
export class RebatesModule {}
