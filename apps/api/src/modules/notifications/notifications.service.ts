import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Locale, type Notification, type NotificationKind, renderNotification } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MailService } from './mail.service';

export interface NotifyInput {
  userIds: readonly string[];
  kind: NotificationKind;
  params: Record<string, unknown>;
  /** Path in the recipient's app, e.g. /portal/application or /admin/partners/<id>. */
  link?: string | ((userId: string) => string);
}

type Row = { id: string; kind: NotificationKind; params: Record<string, unknown>; link: string | null; created_at: Date; read_at: Date | null };

/**
 * In-app notifications, written in the caller's transaction (so they exist exactly when the change does).
 * When SMTP is configured each one is also queued for email; the outbox sweeper sends it after commit.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
  ) {}

  async notify(m: EntityManager, input: NotifyInput): Promise<void> {
    const users = [...new Set(input.userIds)];
    if (!users.length) return;
    const emailStatus = this.mail.enabled ? 'pending' : 'none';
    for (const userId of users) {
      const link = typeof input.link === 'function' ? input.link(userId) : (input.link ?? null);
      await m.query(`INSERT INTO notifications (user_id, kind, params, link, email_status) VALUES ($1, $2, $3, $4, $5)`, [
        userId,
        input.kind,
        JSON.stringify(input.params),
        link,
        emailStatus,
      ]);
    }
  }

  async list(userId: string, locale: Locale, limit = 50): Promise<{ items: Notification[]; unread: number }> {
    const rows: Row[] = await this.db.query(
      `SELECT id, kind, params, link, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [userId, limit],
    );
    const [{ unread }] = await this.db.query(`SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return { items: rows.map((r) => this.view(r, locale)), unread };
  }

  /** Marks one (or, without id, all) of the caller's notifications read; another user's id simply matches nothing. */
  async markRead(userId: string, id?: string): Promise<number> {
    const r: [unknown[], number] = await this.db.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid IS NULL OR id = $2)`,
      [userId, id ?? null],
    );
    return r[1];
  }

  view(r: Row, locale: Locale): Notification {
    const { title, body } = renderNotification(r.kind, r.params, locale);
    return { id: r.id, kind: r.kind, title, body, link: r.link, createdAt: r.created_at.toISOString(), readAt: r.read_at?.toISOString() ?? null };
  }

  publicUrl(path: string): string {
    return `${this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`}${path}`;
  }
}
