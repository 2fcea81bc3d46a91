import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationKind } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/connection.repository';

export type NotificationRow = {
  id: string;
  kind: NotificationKind;
  params: Record<string, unknown>;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
};
export type PendingEmail = {
  id: string;
  user_id: string;
  kind: NotificationKind;
  params: Record<string, unknown>;
  link: string | null;
  email_attempts: number;
};

/** The notifications table: in-app notices and the email outbox. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One notification per row, in one statement. */
  async insertMany(
    m: EntityManager,
    rows: readonly {
      userId: string;
      kind: NotificationKind;
      params: Record<string, unknown>;
      link: string | null;
      emailStatus: 'pending' | 'none';
    }[],
  ): Promise<void> {
    if (!rows.length) return;
    await preparedQuery(
      m,
      `INSERT INTO notifications (user_id, kind, params, link, email_status)
       SELECT x.u, x.k, x.p::jsonb, x.l, x.e FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS x(u, k, p, l, e, n) ORDER BY x.n`,
      [
        rows.map((r) => r.userId),
        rows.map((r) => r.kind),
        rows.map((r) => JSON.stringify(r.params)),
        rows.map((r) => r.link),
        rows.map((r) => r.emailStatus),
      ],
    );
  }

  async latest(userId: string, limit: number): Promise<{ rows: NotificationRow[]; unread: number }> {
    const rows: NotificationRow[] = await this.db.query(
      `SELECT id, kind, params, link, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [userId, limit],
    );
    const [{ unread }] = await this.db.query(`SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [
      userId,
    ]);
    return { rows, unread };
  }

  /** Marks one (or, without id, all) of a user's notifications read; returns how many changed. */
  /** Is notification `id` addressed to `userId`? (Another user's notification is "not found".) */
  async isAddressedTo(userId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM notifications WHERE id = $1 AND user_id = $2`, [id, userId]);
    return rows.length > 0;
  }

  async markRead(userId: string, id: string | null): Promise<number> {
    const r: [unknown[], number] = await this.db.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid IS NULL OR id = $2)`,
      [userId, id],
    );
    return r[1];
  }

  /**
   * Claims a batch of pending emails (SKIP LOCKED: several instances never claim the same one), leaving those of
   * `skipUserIds` (disabled accounts) pending.
   */
  claimPendingEmails(m: EntityManager, batch: number, skipUserIds: readonly string[]): Promise<PendingEmail[]> {
    return m.query(
      `SELECT id, user_id, kind, params, link, email_attempts FROM notifications
        WHERE email_status = 'pending' AND user_id <> ALL($2::uuid[])
        ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [batch, skipUserIds],
    );
  }

  async markEmailed(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE notifications SET email_status = 'sent', emailed_at = now(), email_attempts = email_attempts + 1 WHERE id = $1`, [
      id,
    ]);
  }

  async markEmailFailed(m: EntityManager, id: string, givenUp: boolean): Promise<void> {
    await m.query(`UPDATE notifications SET email_attempts = email_attempts + 1, email_status = $2 WHERE id = $1`, [
      id,
      givenUp ? 'failed' : 'pending',
    ]);
  }
}
