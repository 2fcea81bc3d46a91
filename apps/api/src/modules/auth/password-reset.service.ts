import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { homeAppFor, passwordResetExpiresAt, passwordResetMail, type PublicConfig } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import { businessNow } from '../../common/time';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { MailService } from '../notifications/mail.service';
import { NotificationsService } from '../notifications/notifications.service';
import { AuthRepository } from './auth.repository';
import { hashPassword } from './password';
import { assertAcceptablePassword } from './password-policy';
import { PasswordResetRepository } from './password-reset.repository';
import { hashSessionToken, newSessionToken } from './session-token';
import {
  PASSWORD_RESET_ACCOUNT_LIMIT,
  PASSWORD_RESET_CONFIRM_RATE_LIMIT,
  PASSWORD_RESET_RATE_LIMIT,
  ThrottleService,
} from './throttle.service';
import { ThrottleRepository } from './throttle.repository';

/** "Forgot password": an emailed, single-use, expiring link; using it ends every session of the account. */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: PasswordResetRepository,
    private readonly auth: AuthRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly notifications: NotificationsService,
    private readonly throttle: ThrottleService,
    private readonly counters: ThrottleRepository,
  ) {}

  async publicConfig(): Promise<PublicConfig> {
    return { emailEnabled: this.mail.enabled, demoData: (await this.repo.flag('demo_data')) === 'true' };
  }

  /**
   * The same answer whether or not the address has an account (no account discovery). Throttled per address
   * (429 past the limit, like sign-in) and per account (further requests are answered alike but send nothing).
   */
  async request(email: string, ip: string | null): Promise<{ accepted: true }> {
    if (!this.mail.enabled) throw new AppError('EMAIL_NOT_CONFIGURED');
    await this.throttle.assertWithin(PASSWORD_RESET_RATE_LIMIT, ip);
    const account = await this.repo.enabledAccount(email);
    if (!account) return { accepted: true };
    const hit = await this.counters.hit(
      null,
      `${PASSWORD_RESET_ACCOUNT_LIMIT.name}:acct:${account.id}`,
      new Date(),
      PASSWORD_RESET_ACCOUNT_LIMIT.windowSeconds,
    );
    if (hit.hits > PASSWORD_RESET_ACCOUNT_LIMIT.limit) return { accepted: true };

    const token = newSessionToken();
    await inTransaction(this.db, async (m) => {
      await this.repo.create(m, {
        userId: account.id,
        tokenHash: hashSessionToken(token, this.config.sessionSecret),
        expiresAt: passwordResetExpiresAt(businessNow()),
        ip,
      });
      await this.audit.record(m, {
        entity: 'user',
        entityId: account.id,
        action: 'user.password_reset_requested',
        after: { ip },
        actor: { id: null, email: null },
      });
    });
    const link = this.notifications.publicUrl(`/${homeAppFor(account.role)}/reset-password?token=${encodeURIComponent(token)}`);
    // Sent after the answer is decided and not awaited: a known address answers as fast as an unknown one.
    void this.mail.send({ to: account.email, ...passwordResetMail(account.locale, link) }).catch((err: unknown) => {
      this.logger.warn(`password-reset mail failed: ${err instanceof Error ? err.message : String(err)}`);
    });
    return { accepted: true };
  }

  /** Sets the new password, closes every open link of the account and ends all its sessions. */
  async confirm(token: string, password: string, ip: string | null): Promise<{ email: string }> {
    await this.throttle.assertWithin(PASSWORD_RESET_CONFIRM_RATE_LIMIT, ip);
    const tokenHash = hashSessionToken(token, this.config.sessionSecret);
    const open = await this.repo.lockOpen(this.db.manager, tokenHash, businessNow());
    if (!open) throw new AppError('PASSWORD_RESET_INVALID', {}, { reason: 'invalid_reset' });
    assertAcceptablePassword(password, open.email, ['password']);
    const passwordHash = await hashPassword(password);
    return inTransaction(this.db, async (m) => {
      const link = await this.repo.lockOpen(m, tokenHash, businessNow());
      if (!link) throw new AppError('PASSWORD_RESET_INVALID', {}, { reason: 'invalid_reset' });
      await this.repo.closeAllFor(m, link.userId, businessNow());
      await this.auth.setPasswordHash(m, link.userId, passwordHash);
      const revoked = await this.auth.revokeAllSessions(m, link.userId);
      await this.audit.record(m, {
        entity: 'user',
        entityId: link.userId,
        action: 'user.password_reset',
        after: { sessionsRevoked: revoked },
        actor: { id: link.userId, email: link.email },
      });
      return { email: link.email };
    });
  }
}
