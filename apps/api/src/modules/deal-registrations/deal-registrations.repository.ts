import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canonicalDomain,
  canonicalTaxId,
  type ConflictKind,
  customerNameAltKeys,
  customerNameCore,
  type EvidenceKind,
  normaliseCustomerName,
  OPEN_REGISTRATION_STATUSES,
  type RegistrationInput,
  type RegistrationStatus,
  UNDER_REVIEW_STATUSES,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/connection.repository';

/** A registration row as the service reads it. */
export type Row = {
  id: string;
  partner_id: string;
  status: RegistrationStatus;
  customer_name: string;
  customer_name_norm: string;
  /** The matcher's canonical name (parseCustomerName(name).core), retrieved by the open-registrations trigram index. */
  customer_name_core: string;
  /** Second retrieval keys (customerNameAltKeys): short forms and translations share one with their full name. */
  customer_name_keys?: string[];
  customer_tax_id: string | null;
  customer_domain: string | null;
  industry_id: string;
  region_id: string;
  details: RegistrationInput;
  estimated_amount: string;
  sla_due: string | null;
  protection_ends: string | null;
  extensions: number;
};

/** The customer columns of a registration as stored: canonical keys and the matcher's normalised forms. */
export function customerColumns(
  input: RegistrationInput,
): Pick<
  Row,
  'customer_name' | 'customer_name_norm' | 'customer_name_core' | 'customer_tax_id' | 'customer_domain' | 'industry_id' | 'region_id'
> & { customer_name_keys: string[] } {
  const c = input.customer;
  return {
    customer_name: c.name,
    customer_name_norm: normaliseCustomerName(c.name),
    customer_name_core: customerNameCore(c.name),
    customer_tax_id: canonicalTaxId(c.taxId),
    customer_domain: canonicalDomain(c.domain),
    industry_id: c.industryId,
    region_id: c.regionId,
    customer_name_keys: customerNameAltKeys(c.name),
  };
}

/**
 * The columns of a Row, named: a prepared statement must not return `*` (a column added by a later migration would make
 * every connection that prepared it fail with "cached plan must not change result type").
 */
const ROW_COLUMNS = 'id, partner_id, status, customer_name, customer_name_norm, customer_name_core, customer_tax_id, customer_domain, industry_id, region_id, details, estimated_amount, sla_due, protection_ends, extensions';

/** The columns a new registration is written with (both inserts), and their parameters $1…$13 (insertParams). */
const INSERT_COLUMNS = `partner_id, customer_name, customer_name_norm, customer_name_core, customer_tax_id, customer_domain, industry_id, region_id,
                        details, estimated_amount, expected_close, created_by, customer_name_keys`;
const INSERT_VALUES = '$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text[]';

function insertParams(partnerId: string, input: RegistrationInput, actorId: string): unknown[] {
  const c = customerColumns(input);
  return [partnerId, c.customer_name, c.customer_name_norm, c.customer_name_core, c.customer_tax_id, c.customer_domain, c.industry_id, c.region_id, JSON.stringify(input), input.estimatedAmount, input.expectedCloseDate, actorId, c.customer_name_keys];
}

/** Open registrations, written out so the planner can use the partial indexes over open registrations. */
const OPEN = `status IN ('submitted', 'in_review', 'in_conflict', 'approved')`;

/** Trigram similarity above which a name is a candidate for the domain matcher (retrieval only; the matcher decides). */
export const TRIGRAM_THRESHOLD = 0.3;

export type Candidate = {
  id: string;
  partner_id: string;
  status: RegistrationStatus;
  customer_name: string;
  customer_name_core: string;
  customer_tax_id: string | null;
  customer_domain: string | null;
  submitted_at: Date | null;
};

/** `null` = every partner (vendor-wide); otherwise the partner organisations a caller may see. */
export type Owners = readonly string[] | null;

/** The deal_registrations, registration_status_history and evidence_files tables: the only SQL about them. */
@Injectable()
export class DealRegistrationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  get manager(): EntityManager {
    return this.db.manager;
  }

  async insertDraft(m: EntityManager, partnerId: string, input: RegistrationInput, actorId: string): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO deal_registrations (${INSERT_COLUMNS}, status)
       VALUES (${INSERT_VALUES}, 'draft') RETURNING id`,
      insertParams(partnerId, input, actorId),
    );
    return row.id as string;
  }

  /**
   * Creates a registration that is submitted at once, in one statement: the row already in its review status, and its
   * status history draft → submitted → (in review | in conflict).
   */
  async insertSubmitted(
    m: EntityManager,
    partnerId: string,
    input: RegistrationInput,
    actorId: string,
    s: { status: RegistrationStatus; submittedAt: Date; slaDue: string; agreementId: string | null },
  ): Promise<Row> {
    const [row] = await preparedQuery(
      m,
      `WITH r AS (
         INSERT INTO deal_registrations (${INSERT_COLUMNS}, status, submitted_at, sla_due, agreement_id)
         VALUES (${INSERT_VALUES}, $14, $15, $16, $17) RETURNING ${ROW_COLUMNS}),
       h AS (
         INSERT INTO registration_status_history (registration_id, from_status, to_status, note, actor_id, occurred_at)
         SELECT r.id, x.f, x.t, NULL, x.a, clock_timestamp() + x.k * interval '1 microsecond' FROM r,
                (VALUES (NULL::text, 'draft'::text, $12::uuid, 1), ('draft', 'submitted', $12::uuid, 2), ('submitted', $14::text, NULL::uuid, 3)) AS x(f, t, a, k)
          ORDER BY x.k)
       SELECT ${ROW_COLUMNS} FROM r`,
      [...insertParams(partnerId, input, actorId), s.status, s.submittedAt, s.slaDue, s.agreementId],
    );
    return row as Row;
  }

  async addHistory(
    m: EntityManager,
    id: string,
    from: RegistrationStatus | null,
    to: RegistrationStatus,
    note: string | null,
    actorId: string | null,
  ): Promise<void> {
    await m.query(
      `INSERT INTO registration_status_history (registration_id, from_status, to_status, note, actor_id) VALUES ($1, $2, $3, $4, $5)`,
      [id, from, to, note, actorId],
    );
  }

  async load(m: EntityManager, id: string, owners: Owners, lock = false): Promise<Row | null> {
    const rows: Row[] = await m.query(
      `SELECT * FROM deal_registrations WHERE id = $1 AND ($2::uuid[] IS NULL OR partner_id = ANY($2::uuid[])) ${lock ? 'FOR UPDATE' : ''}`,
      [id, owners],
    );
    return rows[0] ?? null;
  }

  async setStatus(m: EntityManager, id: string, to: RegistrationStatus): Promise<void> {
    await m.query(`UPDATE deal_registrations SET status = $2 WHERE id = $1`, [id, to]);
  }

  async countOpen(m: EntityManager, partnerId: string): Promise<number> {
    const [{ n }] = await preparedQuery(m, `SELECT count(*)::int AS n FROM deal_registrations WHERE partner_id = $1 AND status = ANY($2)`, [
      partnerId,
      OPEN_REGISTRATION_STATUSES,
    ]);
    return n;
  }

  async evidenceKinds(m: EntityManager, id: string): Promise<EvidenceKind[]> {
    const rows: { kind: EvidenceKind }[] = await m.query(`SELECT DISTINCT kind FROM evidence_files WHERE registration_id = $1`, [id]);
    return rows.map((r) => r.kind);
  }

  /**
   * Transaction-scoped advisory locks (exclusive or shared), in one statement and in the order given (the domain sorts
   * them); the same statement sets this transaction's trigram threshold for the candidate lookups that follow
   * (`name_core % $1` in openMatches and DirectAccountsRepository.candidates).
   */
  async lockKeys(m: EntityManager, locks: readonly { key: string; shared: boolean }[]): Promise<void> {
    // unnest yields the keys in array order and each row takes its lock as it is produced: the given order holds.
    await preparedQuery(
      m,
      `SELECT set_config('pg_trgm.similarity_threshold', '${TRIGRAM_THRESHOLD}', true),
              (SELECT count(*) FROM (SELECT CASE WHEN x.shared THEN pg_advisory_xact_lock_shared(hashtextextended(x.key, 0)) ELSE pg_advisory_xact_lock(hashtextextended(x.key, 0)) END
                                       FROM unnest($1::text[], $2::boolean[]) WITH ORDINALITY AS x(key, shared, n) ORDER BY x.n) l)`,
      [locks.map((l) => l.key), locks.map((l) => l.shared)],
    );
  }

  /**
   * One statement for both lookups of a submission: the partner's own open registration of the same customer (exact
   * keys, or the same normalised name in the region) and the other partners' candidates (exact keys, or names that
   * may match among the related regions of the same industry, by trigram or by second key).
   */
  async openMatches(m: EntityManager, r: Row, regionIds: readonly string[]): Promise<{ own: string | null; others: Candidate[] }> {
    const rows: (Candidate & { own: boolean })[] = await preparedQuery(
      m,
      `SELECT id, partner_id, status, customer_name, customer_name_core, customer_tax_id, customer_domain, submitted_at, partner_id = $1 AS own
         FROM deal_registrations
        WHERE ${OPEN} AND id <> $7
          AND ((customer_tax_id IS NOT NULL AND customer_tax_id = $2) OR (customer_domain IS NOT NULL AND customer_domain = $3)
               OR (partner_id <> $1 AND region_id = ANY($4::uuid[]) AND industry_id = $5 AND (customer_name_core % $6 OR customer_name_keys && $10::text[]))
               OR (partner_id = $1 AND region_id = $8 AND customer_name_norm = $9))
        -- Capped, so what matters most comes first: the partner's own, then exact keys, then the closest names.
        ORDER BY partner_id = $1 DESC,
                 ((customer_tax_id IS NOT NULL AND customer_tax_id = $2) OR (customer_domain IS NOT NULL AND customer_domain = $3)) DESC,
                 similarity(customer_name_core, $6) DESC
        LIMIT 500`,
      [r.partner_id, r.customer_tax_id, r.customer_domain, regionIds, r.industry_id, r.customer_name_core, r.id, r.region_id, r.customer_name_norm, r.customer_name_keys ?? customerNameAltKeys(r.customer_name)],
    );
    const own = rows.find((x) => x.own)?.id ?? null;
    return { own, others: rows.filter((x) => !x.own).map(({ own: _own, ...c }) => c) };
  }

  async markSubmitted(m: EntityManager, id: string, at: Date, slaDue: string, agreementId: string | null): Promise<void> {
    await m.query(`UPDATE deal_registrations SET submitted_at = $2, sla_due = $3, agreement_id = $4 WHERE id = $1`, [
      id,
      at,
      slaDue,
      agreementId,
    ]);
  }

  async markApproved(m: EntityManager, id: string, at: Date, protectionEnds: string): Promise<void> {
    await m.query(`UPDATE deal_registrations SET approved_at = $2, protection_ends = $3 WHERE id = $1`, [id, at, protectionEnds]);
  }

  async setRejectionReason(m: EntityManager, id: string, reason: string): Promise<void> {
    await m.query(`UPDATE deal_registrations SET rejection_reason = $2, review_comment = $2 WHERE id = $1`, [id, reason]);
  }

  /** The reviewer's comment on an approval (shown to the partner). */
  async setReviewComment(m: EntityManager, id: string, comment: string | null): Promise<void> {
    await m.query(`UPDATE deal_registrations SET review_comment = $2 WHERE id = $1`, [id, comment]);
  }

  async setWon(m: EntityManager, id: string, amount: string, date: string): Promise<void> {
    await m.query(`UPDATE deal_registrations SET won_amount = $2, won_on = $3 WHERE id = $1`, [id, amount, date]);
  }

  async setLost(m: EntityManager, id: string, reason: string): Promise<void> {
    await m.query(`UPDATE deal_registrations SET lost_reason = $2 WHERE id = $1`, [id, reason]);
  }

  async extendProtection(m: EntityManager, id: string, newEnd: string): Promise<void> {
    await m.query(`UPDATE deal_registrations SET protection_ends = $2, extensions = extensions + 1 WHERE id = $1`, [id, newEnd]);
  }

  async insertEvidence(
    m: EntityManager,
    f: { registrationId: string; kind: EvidenceKind; filename: string; mime: string; content: Buffer; sha256: string; uploadedBy: string },
  ): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO evidence_files (registration_id, kind, filename, mime_type, size_bytes, sha256, content, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [f.registrationId, f.kind, f.filename, f.mime, f.content.length, f.sha256, f.content, f.uploadedBy],
    );
    return row.id as string;
  }

  async evidenceCount(m: EntityManager, id: string): Promise<number> {
    const [r] = await m.query(`SELECT count(*)::int AS n FROM evidence_files WHERE registration_id = $1`, [id]);
    return Number(r.n);
  }

  async evidenceFiles(
    id: string,
  ): Promise<{ id: string; kind: string; filename: string; mime_type: string; size_bytes: number; uploaded_at: Date }[]> {
    return this.db.query(
      `SELECT id, kind, filename, mime_type, size_bytes, uploaded_at FROM evidence_files WHERE registration_id = $1 ORDER BY uploaded_at`,
      [id],
    );
  }

  async evidenceContent(id: string, fileId: string): Promise<{ filename: string; mime_type: string; content: Buffer } | null> {
    const [f] = await this.db.query(`SELECT filename, mime_type, content FROM evidence_files WHERE id = $1 AND registration_id = $2`, [
      fileId,
      id,
    ]);
    return f ?? null;
  }

  /** The partner 360's registration figures: counts, pipeline (open estimates) and won revenue, the latest ten. */
  async partnerSummary(partnerId: string): Promise<{
    open: number;
    won: number;
    lost: number;
    pipeline: string;
    revenue: string;
    recent: { id: string; customer_name: string; status: string; estimated_amount: string; expected_close: string; updated_at: Date }[];
  }> {
    const [c] = await this.db.query(
      `SELECT count(*) FILTER (WHERE ${OPEN})::int AS open, count(*) FILTER (WHERE status = 'won')::int AS won,
              count(*) FILTER (WHERE status = 'lost')::int AS lost,
              coalesce(sum(estimated_amount) FILTER (WHERE ${OPEN}), 0)::text AS pipeline,
              coalesce(sum(won_amount) FILTER (WHERE status = 'won'), 0)::text AS revenue
         FROM deal_registrations WHERE partner_id = $1`,
      [partnerId],
    );
    const recent = await this.db.query(
      `SELECT id, customer_name, status, estimated_amount::text AS estimated_amount, expected_close::text AS expected_close, updated_at
         FROM deal_registrations WHERE partner_id = $1 ORDER BY updated_at DESC, id LIMIT 10`,
      [partnerId],
    );
    return { ...c, recent };
  }

  /** A partner's latest registration status changes (for the partner 360's timeline). */
  async partnerStatusHistory(
    partnerId: string,
    limit: number,
  ): Promise<{ registration_id: string; customer_name: string; from_status: string | null; to_status: string; actor_id: string | null; occurred_at: Date }[]> {
    return this.db.query(
      `SELECT h.registration_id, r.customer_name, h.from_status, h.to_status, h.actor_id, h.occurred_at
         FROM registration_status_history h JOIN deal_registrations r ON r.id = h.registration_id
        WHERE r.partner_id = $1 ORDER BY h.occurred_at DESC LIMIT $2`,
      [partnerId, limit],
    );
  }

  async history(id: string): Promise<{ from_status: string | null; to_status: string; note: string | null; occurred_at: Date }[]> {
    return this.db.query(
      `SELECT from_status, to_status, note, occurred_at FROM registration_status_history WHERE registration_id = $1 ORDER BY occurred_at, id`,
      [id],
    );
  }

  /** Partner of each registration. */
  async partnersOf(m: EntityManager, ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { partner_id: string }[] = await preparedQuery(
      m,
      `SELECT DISTINCT partner_id FROM deal_registrations WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => r.partner_id);
  }

  /** The partner won business with this customer before (another registration of its own, by exact keys). */
  async isIncumbent(
    m: EntityManager,
    r: Pick<Row, 'id' | 'partner_id' | 'customer_tax_id' | 'customer_domain' | 'customer_name_norm'>,
  ): Promise<boolean> {
    const rows = await m.query(
      `SELECT 1 FROM deal_registrations w WHERE w.partner_id = $1 AND w.status = 'won' AND w.id <> $2
          AND ((w.customer_tax_id IS NOT NULL AND w.customer_tax_id = $3) OR (w.customer_domain IS NOT NULL AND w.customer_domain = $4) OR w.customer_name_norm = $5) LIMIT 1`,
      [r.partner_id, r.id, r.customer_tax_id, r.customer_domain, r.customer_name_norm],
    );
    return rows.length > 0;
  }

  /** Conflicts a registration is a party of. */
  async conflictsOf(id: string): Promise<{ id: string; kind: ConflictKind; status: 'open' | 'resolved' }[]> {
    return this.db.query(
      `SELECT DISTINCT c.id, c.kind, c.status, c.opened_at FROM conflicts c JOIN conflict_parties p ON p.conflict_id = c.id WHERE p.registration_id = $1 ORDER BY c.opened_at`,
      [id],
    );
  }

  // ---- the sweep: bounded batches, keyset by id, claimed with SKIP LOCKED, indexed by (status, date) ----

  async countSweepWork(day: string, reminderEnds: readonly string[]): Promise<number> {
    const [{ n }] = await this.db.query(
      `SELECT (SELECT count(*) FROM deal_registrations WHERE status = 'approved' AND protection_ends < $1::date)
            + (SELECT count(*) FROM deal_registrations r WHERE r.status = 'approved' AND r.protection_ends = ANY($2::date[])
                  AND NOT EXISTS (SELECT 1 FROM registration_reminders x WHERE x.registration_id = r.id AND x.kind = 'expiring' AND x.days = (r.protection_ends - $1::date)))
            + (SELECT count(*) FROM deal_registrations r WHERE r.status = ANY($3) AND r.sla_due < $1::date
                  AND NOT EXISTS (SELECT 1 FROM registration_reminders x WHERE x.registration_id = r.id AND x.kind = 'sla_breached')) AS n`,
      [day, reminderEnds, UNDER_REVIEW_STATUSES],
    );
    return Number(n);
  }

  /** Ids of the registrations submitted under an agreement that are still waiting for a review (not in a conflict case). */
  async underReviewOfAgreement(m: EntityManager, agreementId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM deal_registrations WHERE agreement_id = $1 AND status IN ('submitted', 'in_review') ORDER BY id`,
      [agreementId],
    );
    return rows.map((r) => r.id);
  }

  /** Approved registrations whose protection ended before `day`. */
  async claimExpired(m: EntityManager, day: string, after: string | null, limit: number): Promise<Row[]> {
    return m.query(
      `SELECT * FROM deal_registrations WHERE status = 'approved' AND protection_ends < $1::date AND ($2::uuid IS NULL OR id > $2)
        ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [day, after, limit],
    );
  }

  /** Approved registrations whose protection ends on one of the reminder dates and that were not reminded for that day yet. */
  async claimReminders(
    m: EntityManager,
    day: string,
    ends: readonly string[],
    after: string | null,
    limit: number,
  ): Promise<(Row & { protection_ends: string })[]> {
    return m.query(
      `SELECT r.* FROM deal_registrations r WHERE r.status = 'approved' AND r.protection_ends = ANY($2::date[]) AND ($3::uuid IS NULL OR r.id > $3)
          AND NOT EXISTS (SELECT 1 FROM registration_reminders x WHERE x.registration_id = r.id AND x.kind = 'expiring' AND x.days = (r.protection_ends - $1::date))
        ORDER BY r.id LIMIT $4 FOR UPDATE OF r SKIP LOCKED`,
      [day, ends, after, limit],
    );
  }

  /** Reviews past their SLA date that were not escalated yet. */
  async claimOverdue(m: EntityManager, day: string, after: string | null, limit: number): Promise<(Row & { sla_due: string })[]> {
    return m.query(
      `SELECT r.* FROM deal_registrations r WHERE r.status = ANY($4) AND r.sla_due < $1::date AND ($2::uuid IS NULL OR r.id > $2)
          AND NOT EXISTS (SELECT 1 FROM registration_reminders x WHERE x.registration_id = r.id AND x.kind = 'sla_breached')
        ORDER BY r.id LIMIT $3 FOR UPDATE OF r SKIP LOCKED`,
      [day, after, limit, UNDER_REVIEW_STATUSES],
    );
  }

  /** Records a reminder once; false when it was already recorded (at-least-once runs stay harmless). */
  async recordReminder(m: EntityManager, registrationId: string, kind: 'expiring' | 'sla_breached', days: number): Promise<boolean> {
    const rows = await m.query(
      `INSERT INTO registration_reminders (registration_id, kind, days) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
      [registrationId, kind, days],
    );
    return rows.length > 0;
  }
}
