import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { channelStrategyFor, type Segment, type UpdateSegment } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { PoliciesService } from '../policies/policies.service';
import { CatalogRepository } from './catalog.repository';

@Injectable()
export class CatalogService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: CatalogRepository,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
  ) {}

  /** Updates potential/difficulty/notes; the quadrant is re-derived by the domain rule. */
  async updateSegment(id: string, change: UpdateSegment): Promise<Segment> {
    return inTransaction(this.db, async (m) => {
      const before = await this.repo.segment(id, m, true);
      if (!before) throw AppError.notFound('segment', id);
      const { segments: thresholds } = await this.policies.get(m);
      const marketPotential = change.marketPotential ?? before.marketPotential;
      const expansionDifficulty = change.expansionDifficulty ?? before.expansionDifficulty;
      await this.repo.updateSegment(m, id, {
        marketPotential,
        expansionDifficulty,
        notes: change.notes === undefined ? before.notes : change.notes,
        strategy: channelStrategyFor(marketPotential, expansionDifficulty, thresholds),
      });
      const after = (await this.repo.segment(id, m))!;
      await this.audit.record(m, { entity: 'segment', entityId: id, action: 'segment.updated', before, after });
      return after;
    });
  }
}
