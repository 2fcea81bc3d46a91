import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AgreementTerms, coefficientFor } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { RebateBasisRepository } from '../deal-registrations/rebate-basis.repository';
import { SellOutRepository } from '../sell-out/sell-out.repository';
import type { BasisRow } from './rebate-run.compute';
import { RebateReversalsRepository } from './rebate-reversals.repository';

/** One (agreement, period) whose basis lines are asked for; `key` groups the lines of the answer. */
export interface BasisTarget {
  key: number;
  agreementId: string;
  /** A distribution agreement: its partner's reported sell-out lines count too (share 1). */
  sellOut: boolean;
  /** The agreement's incentive coefficients (激励系数); empty without any (then no product lines are read). */
  rules: NonNullable<AgreementTerms['incentiveCoefficients']>;
  start: string;
  end: string;
}

/**
 * The basis lines of rebate periods (issue #14), built the same way for a run's statements and for the performance
 * views, so both agree: won deals (deal-registrations, split share) with reversed deals left out, then the sell-out
 * lines of distribution agreements (sell-out, share 1), each with its incentive coefficient (coefficientFor the
 * agreement's rules, '1' without rules). One set-based read per source for all targets.
 */
@Injectable()
export class RebateBasisService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly won: RebateBasisRepository,
    private readonly sellOut: SellOutRepository,
    private readonly reversals: RebateReversalsRepository,
  ) {}

  /**
   * The lines of each target, by key (targets without lines are absent), and the description of every line read —
   * reversed deals included (a reversal's clawback line is described by its deal).
   */
  async linesOf(targets: readonly BasisTarget[], m: EntityManager = this.db.manager): Promise<{ lines: Map<number, BasisRow[]>; descriptions: Map<string, string> }> {
    const lines = new Map<number, BasisRow[]>();
    const descriptions = new Map<string, string>();
    if (!targets.length) return { lines, descriptions };
    const byKey = new Map(targets.map((t) => [t.key, t]));
    const add = (key: number, row: BasisRow) => {
      const list = lines.get(key);
      if (list) list.push(row);
      else lines.set(key, [row]);
    };
    const wonLines = await this.won.wonBasis(
      targets.map((t) => ({ key: t.key, agreementId: t.agreementId, start: t.start, end: t.end, productLines: t.rules.length > 0 })),
      m,
    );
    const reversed = await this.reversals.reversedAmong(
      wonLines.map((l) => l.id),
      m,
    );
    const distribution = targets.filter((t) => t.sellOut);
    const sellOutLines = distribution.length ? await this.sellOut.basisLinesFor(distribution, m) : [];
    for (const l of wonLines) {
      descriptions.set(l.id, l.customerName);
      if (reversed.has(l.id)) continue;
      const rules = byKey.get(l.key)!.rules;
      const coefficient = rules.length ? coefficientFor(rules, { productLineIds: l.productLineIds ?? [], industryId: l.industryId }) : '1';
      add(l.key, { id: l.id, kind: 'deal', amount: l.amount, share: l.share, coefficient, description: l.customerName, occurredOn: l.wonOn });
    }
    for (const l of sellOutLines) {
      descriptions.set(l.id, l.customer);
      const rules = byKey.get(l.key)!.rules;
      const coefficient = rules.length ? coefficientFor(rules, { productLineIds: [l.productLineId], industryId: null }) : '1';
      add(l.key, { id: l.id, kind: 'sell_out', amount: l.amount, share: '1', coefficient, description: l.customer, occurredOn: l.soldOn });
    }
    return { lines, descriptions };
  }
}
