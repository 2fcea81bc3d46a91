import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { QualificationReview, QualificationReviewInput, Scope } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { pageClause, scopeCondition, whereClause } from '../../common/database/scope-sql';

export type ReviewRow = {
  id: string;
  partner_id: string;
  partner_name: string;
  manager_id: string | null;
  due_on: string;
  status: 'scheduled' | 'completed';
  result: 'pass' | 'fail' | null;
  certified_staff: QualificationReview['certifiedStaff'];
  checklist: QualificationReviewInput | null;
  reviewer_name: string | null;
  completed_at: Date | null;
  overdue_notified: boolean;
};

/** The partner's and reviewer's names are joined for display only. */
const REVIEW_SELECT = `
  SELECT r.*, r.due_on::text AS due_on, p.name AS partner_name, p.manager_id, u.display_name AS reviewer_name
    FROM qualification_reviews r JOIN partners p ON p.id = r.partner_id LEFT JOIN users u ON u.id = r.reviewer_id`;

export interface ReviewFilter {
  scope: Scope;
  partnerId?: string;
  status?: 'scheduled' | 'completed';
  /** Scheduled and due before this date. */
  overdueOn?: string;
}

/** Qualification reviews: the only SQL of the review queue and its scheduler. */
@Injectable()
export class QualificationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private filter(f: ReviewFilter, params: unknown[]): string {
    const where: string[] = [];
    const scoped = scopeCondition(f.scope, 'r.partner_id', params, 'p.manager_id');
    if (scoped) where.push(scoped);
    if (f.partnerId) where.push(`r.partner_id = $${params.push(f.partnerId)}`);
    if (f.status) where.push(`r.status = $${params.push(f.status)}`);
    if (f.overdueOn) where.push(`r.status = 'scheduled' AND r.due_on < $${params.push(f.overdueOn)}::date`);
    return whereClause(where);
  }

  /** Scheduled first (earliest due first), then completed (latest first): one page with the total, or up to 1,000. */
  async list(f: ReviewFilter, page: { page: number; pageSize: number } | null): Promise<{ rows: ReviewRow[]; total: number | null }> {
    const params: unknown[] = [];
    const where = this.filter(f, params);
    const order = `ORDER BY (r.status = 'scheduled') DESC, r.due_on ASC, r.completed_at DESC, r.id`;
    if (!page) return { rows: await this.db.query(`${REVIEW_SELECT} ${where} ${order} LIMIT 1000`, params), total: null };
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM qualification_reviews r JOIN partners p ON p.id = r.partner_id ${where}`,
      params,
    );
    const rows: ReviewRow[] = await this.db.query(`${REVIEW_SELECT} ${where} ${order} ${pageClause(page, params)}`, params);
    return { rows, total };
  }

  async byId(id: string, scope: Scope, m: EntityManager | DataSource = this.db, lock = false): Promise<ReviewRow | null> {
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 'r.partner_id', params, 'p.manager_id');
    const [r]: ReviewRow[] = await m.query(
      `${REVIEW_SELECT} WHERE r.id = $1 ${scoped ? `AND ${scoped}` : ''} ${lock ? 'FOR UPDATE OF r' : ''}`,
      params,
    );
    return r ?? null;
  }

  /** The latest completed review of a partner completed on or after `from` (renewal reviews: the latest in the term). */
  async latestCompleted(m: EntityManager, partnerId: string, from: Date): Promise<{ id: string; result: 'pass' | 'fail'; due_on: string; completed_at: Date } | null> {
    const rows = await m.query(
      `SELECT id, result, due_on::text AS due_on, completed_at FROM qualification_reviews
        WHERE partner_id = $1 AND status = 'completed' AND completed_at >= $2 ORDER BY completed_at DESC, id LIMIT 1`,
      [partnerId, from],
    );
    return rows[0] ?? null;
  }

  async scheduledOf(m: EntityManager, partnerId: string): Promise<{ id: string; due_on: string } | null> {
    const [open] = await m.query(`SELECT id, due_on::text FROM qualification_reviews WHERE partner_id = $1 AND status = 'scheduled'`, [
      partnerId,
    ]);
    return open ?? null;
  }

  /** Schedules a review unless the partner already has one scheduled (unique index); the new id, or null. */
  async schedule(m: EntityManager, partnerId: string, dueOn: string): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO qualification_reviews (partner_id, due_on) VALUES ($1, $2) ON CONFLICT (partner_id) WHERE status = 'scheduled' DO NOTHING RETURNING id`,
      [partnerId, dueOn],
    );
    return rows[0]?.id ?? null;
  }

  async complete(
    m: EntityManager,
    id: string,
    c: { result: 'pass' | 'fail'; certifiedStaff: unknown; checklist: unknown; reviewerId: string; at: Date },
  ): Promise<void> {
    await m.query(
      `UPDATE qualification_reviews SET status = 'completed', result = $2, certified_staff = $3, checklist = $4, reviewer_id = $5, completed_at = $6 WHERE id = $1`,
      [id, c.result, JSON.stringify(c.certifiedStaff), JSON.stringify(c.checklist), c.reviewerId, c.at],
    );
  }

  // ── Sweep ─────────────────────────────────────────────────────────────

  /** Of these partners, those without a scheduled review, with the instant their last review was completed. */
  async unscheduled(m: EntityManager, partnerIds: readonly string[]): Promise<{ partnerId: string; lastCompletedAt: Date | null }[]> {
    if (!partnerIds.length) return [];
    const rows: { partner_id: string; last_done: Date | null }[] = await m.query(
      `SELECT x.partner_id, (SELECT max(r.completed_at) FROM qualification_reviews r WHERE r.partner_id = x.partner_id AND r.status = 'completed') AS last_done
         FROM unnest($1::uuid[]) AS x(partner_id)
        WHERE NOT EXISTS (SELECT 1 FROM qualification_reviews r WHERE r.partner_id = x.partner_id AND r.status = 'scheduled')`,
      [partnerIds],
    );
    return rows.map((r) => ({ partnerId: r.partner_id, lastCompletedAt: r.last_done }));
  }

  /** Overdue reviews not yet flagged (served by qualification_reviews_overdue_idx). */
  async countOverdueUnflagged(day: string): Promise<number> {
    const [{ n }] = await this.db.query(
      `SELECT count(*)::int AS n FROM qualification_reviews WHERE status = 'scheduled' AND due_on < $1::date AND NOT overdue_notified`,
      [day],
    );
    return n;
  }

  /** The next batch of them, locked; flagging takes them out of the set, rows another instance holds are skipped. */
  overdueBatch(m: EntityManager, day: string, limit: number): Promise<ReviewRow[]> {
    return m.query(
      `${REVIEW_SELECT} WHERE r.status = 'scheduled' AND r.due_on < $1::date AND NOT r.overdue_notified ORDER BY r.due_on, r.id LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
      [day, limit],
    );
  }

  async markOverdueNotified(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE qualification_reviews SET overdue_notified = true WHERE id = $1`, [id]);
  }
}
