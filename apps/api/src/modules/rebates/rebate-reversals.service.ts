import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateRebateReversal, RebateReversal } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessToday } from '../../common/time';
import { AuditService } from '../audit/audit.service';
import { DealRegistrationsRepository } from '../deal-registrations/deal-registrations.repository';
import { type ReversalRow, RebateReversalsRepository } from './rebate-reversals.repository';

const toReversal = (r: ReversalRow): RebateReversal => ({
  registrationId: r.registration_id,
  reversedOn: r.reversed_on,
  reason: r.reason,
  reversedBy: { id: r.reversed_by, name: r.reversed_by_name },
  createdAt: r.created_at.toISOString(),
});

/** Reversal of a won deal (once): the next run books a reversal, or one clawback when the line was already paid. */
@Injectable()
export class RebateReversalsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: RebateReversalsRepository,
    private readonly registrations: DealRegistrationsRepository,
    private readonly audit: AuditService,
  ) {}

  async create(input: CreateRebateReversal, user: AuthenticatedUser): Promise<RebateReversal> {
    await inTransaction(this.db, async (m) => {
      const reg = await this.registrations.load(m, input.registrationId, null);
      if (!reg) throw AppError.notFound('deal_registration', input.registrationId);
      if (reg.status !== 'won') throw new AppError('REBATE_REVERSAL_NOT_WON', { status: reg.status });
      const inserted = await this.repo.insert(m, { registrationId: input.registrationId, reversedOn: businessToday(), reason: input.reason, reversedBy: user.id });
      if (!inserted) throw new AppError('REBATE_REVERSAL_EXISTS');
      await this.audit.record(m, { entity: 'rebate_reversal', entityId: input.registrationId, action: 'rebate_reversal.created', after: { reason: input.reason } });
    });
    return toReversal((await this.repo.find(input.registrationId))!);
  }

  async list(): Promise<RebateReversal[]> {
    return (await this.repo.list()).map(toReversal);
  }
}
