import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConflictKind } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/connection.repository';

export interface NewConflict {
  kind: ConflictKind;
  registrationId: string;
  evidence: Record<string, unknown>;
  registrationIds: readonly string[];
  directAccountIds: readonly string[];
  agreementIds: readonly string[];
  /** Every kind found for the customer (one case per customer); defaults to [kind]. */
  kinds?: readonly ConflictKind[];
}

/** A case number as people read it. */
export const caseNumber = (n: number | string) => `C-${String(n).padStart(6, '0')}`;

/** The conflicts and conflict_parties tables: the only SQL about them. */
@Injectable()
export class ConflictsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Opens a conflict raised by `registrationId`, with every party (the raiser included). */
  async open(m: EntityManager, c: NewConflict): Promise<string> {
    const [row] = await m.query(`INSERT INTO conflicts (kind, kinds, registration_id, evidence) VALUES ($1, $2, $3, $4) RETURNING id`, [c.kind, c.kinds ?? [c.kind], c.registrationId, JSON.stringify(c.evidence)]);
    const parties: [string | null, string | null, string | null][] = [
      [c.registrationId, null, null],
      ...c.registrationIds.map((id) => [id, null, null] as [string, null, null]),
      ...c.directAccountIds.map((id) => [null, id, null] as [null, string, null]),
      ...c.agreementIds.map((id) => [null, null, id] as [null, null, string]),
    ];
    await m.query(
      `INSERT INTO conflict_parties (conflict_id, registration_id, direct_account_id, exclusive_agreement_id)
       SELECT $1, x.r, x.d, x.a FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) AS x(r, d, a)`,
      [row.id, parties.map((p) => p[0]), parties.map((p) => p[1]), parties.map((p) => p[2])],
    );
    return row.id as string;
  }

  /**
   * The open case of this customer: the earliest open conflict any of these registrations is a party of, locked
   * (a case being resolved is not joined; a joiner waits for the resolution and then opens a new case).
   */
  async openCaseAmong(m: EntityManager, registrationIds: readonly string[]): Promise<{ id: string; number: string } | null> {
    if (!registrationIds.length) return null;
    const [row] = await m.query(
      `SELECT c.id, c.number FROM conflicts c WHERE c.status = 'open'
          AND EXISTS (SELECT 1 FROM conflict_parties p WHERE p.conflict_id = c.id AND p.registration_id = ANY($1::uuid[]))
        ORDER BY c.opened_at, c.number LIMIT 1 FOR UPDATE`,
      [registrationIds],
    );
    return row ? { id: row.id, number: String(row.number) } : null;
  }

  /** Adds the parties a case does not have yet, and the kinds found. */
  async join(m: EntityManager, id: string, p: { registrationIds: readonly string[]; directAccountIds: readonly string[]; agreementIds: readonly string[]; kinds: readonly ConflictKind[] }): Promise<void> {
    await m.query(
      `INSERT INTO conflict_parties (conflict_id, registration_id)
       SELECT $1, x FROM unnest($2::uuid[]) AS x WHERE NOT EXISTS (SELECT 1 FROM conflict_parties p WHERE p.conflict_id = $1 AND p.registration_id = x)`,
      [id, [...new Set(p.registrationIds)]],
    );
    await m.query(
      `INSERT INTO conflict_parties (conflict_id, direct_account_id)
       SELECT $1, x FROM unnest($2::uuid[]) AS x WHERE NOT EXISTS (SELECT 1 FROM conflict_parties p WHERE p.conflict_id = $1 AND p.direct_account_id = x)`,
      [id, [...new Set(p.directAccountIds)]],
    );
    await m.query(
      `INSERT INTO conflict_parties (conflict_id, exclusive_agreement_id)
       SELECT $1, x FROM unnest($2::uuid[]) AS x WHERE NOT EXISTS (SELECT 1 FROM conflict_parties p WHERE p.conflict_id = $1 AND p.exclusive_agreement_id = x)`,
      [id, [...new Set(p.agreementIds)]],
    );
    await m.query(`UPDATE conflicts SET kinds = ARRAY(SELECT DISTINCT k FROM unnest(kinds || $2::text[]) AS k ORDER BY k) WHERE id = $1`, [id, p.kinds]);
  }

  /** The open case a registration is a party of, if any. */
  async openCaseOf(m: EntityManager, registrationId: string): Promise<{ id: string; number: string } | null> {
    const [row] = await m.query(
      `SELECT c.id, c.number FROM conflicts c JOIN conflict_parties p ON p.conflict_id = c.id WHERE p.registration_id = $1 AND c.status = 'open' ORDER BY c.opened_at LIMIT 1`,
      [registrationId],
    );
    return row ? { id: row.id, number: String(row.number) } : null;
  }

  /** The holder's agreement is awarded the customer: every registration party loses. */
  async awardHolder(m: EntityManager, id: string, agreementId: string): Promise<void> {
    await m.query(`UPDATE conflict_parties SET awarded = (exclusive_agreement_id IS NOT NULL AND exclusive_agreement_id = $2) WHERE conflict_id = $1 AND direct_account_id IS NULL`, [id, agreementId]);
  }

  /** Awarded flag of each exclusive holder party. */
  async holderAwards(id: string): Promise<Map<string, boolean | null>> {
    const rows: { exclusive_agreement_id: string; awarded: boolean | null }[] = await this.db.query(
      `SELECT exclusive_agreement_id, awarded FROM conflict_parties WHERE conflict_id = $1 AND exclusive_agreement_id IS NOT NULL`,
      [id],
    );
    return new Map(rows.map((r) => [r.exclusive_agreement_id, r.awarded]));
  }

  /**
   * A page of cases in (status, opened_at, id) order (issue #13): the page's cases first, read in index order
   * (conflicts_list_idx, migration 1764890000000) with nothing joined, then for those only the raising registration and
   * one pass over each case's parties (their number and the customer names written differently). A named prepared
   * statement (one per status filter, so its generic plan keeps the index condition): planning took longer than running.
   */
  async list(status: 'open' | 'resolved' | undefined, page = 1, pageSize = 50): Promise<
    { id: string; number: string; kind: ConflictKind; kinds: string[]; status: 'open' | 'resolved'; opened_at: Date; resolution: string | null; customer_name: string; other_names: string[]; partner_id: string; parties: number }[]
  > {
    const params: unknown[] = status ? [status] : [];
    const where = status ? 'WHERE c.status = $1' : '';
    return preparedQuery(
      this.db,
      `WITH page AS (SELECT c.id, c.number, c.kind, c.kinds, c.status, c.opened_at, c.resolution, c.registration_id FROM conflicts c ${where}
                      ORDER BY c.status, c.opened_at, c.id LIMIT $${params.push(pageSize)} OFFSET $${params.push((page - 1) * pageSize)})
       SELECT c.id, c.number, c.kind, c.kinds, c.status, c.opened_at, c.resolution, r.customer_name, r.partner_id, x.parties, x.other_names
         FROM page c JOIN deal_registrations r ON r.id = c.registration_id
        CROSS JOIN LATERAL (
              SELECT count(*)::int AS parties,
                     coalesce(array_agg(DISTINCT o.customer_name ORDER BY o.customer_name) FILTER (WHERE o.customer_name <> r.customer_name), '{}') AS other_names
                FROM conflict_parties p LEFT JOIN deal_registrations o ON o.id = p.registration_id WHERE p.conflict_id = c.id) x
        ORDER BY c.status, c.opened_at, c.id`,
      params,
    );
  }

  async get(m: EntityManager, id: string, lock = false): Promise<Record<string, unknown> | null> {
    const [c] = await m.query(`SELECT * FROM conflicts WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return c ?? null;
  }

  /** The registrations of a conflict with what the detail view shows, in submission order. */
  async registrationParties(id: string): Promise<Record<string, unknown>[]> {
    return this.db.query(
      `SELECT r.id, r.partner_id, r.status, r.customer_name, r.customer_name_norm, r.customer_name_core, r.customer_tax_id, r.customer_domain, r.submitted_at, r.details,
              r.industry_id, r.region_id, r.agreement_id, x.share_percent, x.awarded
         FROM conflict_parties x JOIN deal_registrations r ON r.id = x.registration_id
        WHERE x.conflict_id = $1 ORDER BY r.submitted_at`,
      [id],
    );
  }

  async directParties(id: string): Promise<{ id: string; kind: string; name: string; name_core: string; tax_id: string | null; domain: string | null; owner_name: string | null }[]> {
    return this.db.query(`SELECT d.id, d.kind, d.name, d.name_core, d.tax_id, d.domain, d.owner_name FROM conflict_parties x JOIN direct_accounts d ON d.id = x.direct_account_id WHERE x.conflict_id = $1`, [id]);
  }

  async agreementParties(id: string, m: EntityManager = this.db.manager): Promise<string[]> {
    const rows: { exclusive_agreement_id: string }[] = await m.query(`SELECT exclusive_agreement_id FROM conflict_parties WHERE conflict_id = $1 AND exclusive_agreement_id IS NOT NULL`, [id]);
    return rows.map((r) => r.exclusive_agreement_id);
  }

  async registrationIds(m: EntityManager, id: string): Promise<string[]> {
    const rows: { registration_id: string }[] = await m.query(`SELECT registration_id FROM conflict_parties WHERE conflict_id = $1 AND registration_id IS NOT NULL`, [id]);
    return rows.map((r) => r.registration_id);
  }

  async award(m: EntityManager, id: string, winnerRegistrationId: string): Promise<void> {
    await m.query(`UPDATE conflict_parties SET awarded = (registration_id = $2), share_percent = CASE WHEN registration_id = $2 THEN 100 ELSE NULL END WHERE conflict_id = $1 AND registration_id IS NOT NULL`, [id, winnerRegistrationId]);
  }

  async setShare(m: EntityManager, id: string, registrationId: string, percent: number): Promise<void> {
    await m.query(`UPDATE conflict_parties SET share_percent = $3, awarded = true WHERE conflict_id = $1 AND registration_id = $2`, [id, registrationId, percent]);
  }

  /** Another open conflict the registration is a party of. */
  async hasOtherOpen(m: EntityManager, registrationId: string, exceptConflictId: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM conflicts c JOIN conflict_parties p ON p.conflict_id = c.id WHERE p.registration_id = $1 AND c.status = 'open' AND c.id <> $2 LIMIT 1`, [registrationId, exceptConflictId]);
    return rows.length > 0;
  }

  async markResolved(m: EntityManager, id: string, resolution: string, rationale: string, actorId: string, at: Date): Promise<void> {
    await m.query(`UPDATE conflicts SET status = 'resolved', resolution = $2, rationale = $3, resolved_by = $4, resolved_at = $5 WHERE id = $1`, [id, resolution, rationale, actorId, at]);
  }
}
