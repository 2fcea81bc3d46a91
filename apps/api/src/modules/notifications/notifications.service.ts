import { AppError } from '../../common/errors/app-error';
import { Inject, Injectable } from '@nestjs/common';
import { type Locale, type Notification, type NotificationKind, renderNotification } from '@partnerline/domain';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MailService } from './mail.service';
import { type NotificationRow, NotificationsRepository } from './notifications.repository';

export interface NotifyInput {
  userIds: readonly string[];
  kind: NotificationKind;
  params: Record<string, unknown>;
  /** Path in the recipient's app, e.g. /portal/application or /admin/partners/<id>. */
  link?: string | ((userId: string) => string);
}

/**
 * In-app notifications, written in the caller's transaction (so they exist exactly when the change does).
 * When SMTP is configured each one is also queued for email; the outbox sweeper sends it after commit.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
  ) {}

  async notify(m: EntityManager, input: NotifyInput): Promise<void> {
    const users = [...new Set(input.userIds)];
    if (!users.length) return;
    const emailStatus = this.mail.enabled ? 'pending' : 'none';
    await this.repo.insertMany(
      m,
      users.map((userId) => ({ userId, kind: input.kind, params: input.params, link: typeof input.link === 'function' ? input.link(userId) : (input.link ?? null), emailStatus })),
    );
  }

  async list(userId: string, locale: Locale, limit = 50): Promise<{ items: Notification[]; unread: number }> {
    const { rows, unread } = await this.repo.latest(userId, limit);
    return { items: rows.map((r) => this.view(r, locale)), unread };
  }

  /** Marks one (or, without id, all) of the caller's notifications read; another user's id simply matches nothing. */
  async markRead(userId: string, id?: string): Promise<number> {
    return this.repo.markRead(userId, id ?? null);
  }

  /** Marks one of the caller's notifications read (again is fine); another user's, or none, is 404. */
  async markOneRead(userId: string, id: string): Promise<void> {
    const changed = await this.repo.markRead(userId, id);
    if (!changed && !(await this.repo.isAddressedTo(userId, id))) throw AppError.notFound('notification', id);
  }

  view(r: NotificationRow, locale: Locale): Notification {
    const { title, body } = renderNotification(r.kind, r.params, locale);
    return {
      id: r.id,
      kind: r.kind,
      title,
      body,
      link: r.link,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at?.toISOString() ?? null,
    };
  }

  publicUrl(path: string): string {
    return `${this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`}${path}`;
  }
}
