import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { renderNotification } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MailService } from './mail.service';
import { AuthRepository } from '../auth/auth.repository';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

const BATCH = 20;
const MAX_ATTEMPTS = 5;

/**
 * The email outbox: claims pending notifications with FOR UPDATE SKIP LOCKED (several API instances never
 * send the same one), sends each in its recipient's language, and records sent / failed.
 */
@Injectable()
export class NotificationMailer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationMailer.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly notifications: NotificationsService,
    private readonly repo: NotificationsRepository,
    private readonly users: AuthRepository,
  ) {}

  onApplicationBootstrap() {
    if (this.mail.enabled && this.config.JOBS_ENABLED) this.timer = setInterval(() => void this.sendPending(), 3000);
  }

  onModuleDestroy() {
    if (this.timer) clearInterval(this.timer);
  }

  /** Sends one batch; returns how many were sent. Safe to call concurrently from several instances. */
  async sendPending(): Promise<number> {
    if (!this.mail.enabled || this.running) return 0;
    this.running = true;
    let sent = 0;
    try {
      await this.db.transaction(async (m) => {
        const rows = await this.repo.claimPendingEmails(m, BATCH, await this.users.disabledUserIds(m));
        const recipients = await this.users.mailRecipients(
          m,
          rows.map((r) => r.user_id),
        );
        for (const r of rows) {
          const to = recipients.get(r.user_id);
          if (!to) continue;
          const { title, body } = renderNotification(r.kind, r.params, to.locale);
          const link = r.link ? `\n\n${this.notifications.publicUrl(r.link)}` : '';
          try {
            await this.mail.send({ to: to.email, subject: title, text: `${body}${link}` });
            await this.repo.markEmailed(m, r.id);
            sent++;
          } catch (err) {
            const failed = r.email_attempts + 1 >= MAX_ATTEMPTS;
            await this.repo.markEmailFailed(m, r.id, failed);
            this.logger.warn(`email for notification ${r.id} failed: ${(err as Error).message}`);
          }
        }
      });
    } finally {
      this.running = false;
    }
    return sent;
  }
}
