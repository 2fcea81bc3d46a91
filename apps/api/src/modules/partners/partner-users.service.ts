import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InviteUser } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { AuthRepository } from '../auth/auth.repository';
import { hashPassword } from '../auth/password';
import { hashSessionToken, newSessionToken } from '../auth/session-token';
import { NotificationsService } from '../notifications/notifications.service';

const INVITATION_DAYS = 7;
// Invited accounts have no password until the invitation is accepted: this can never verify.
const NO_PASSWORD = '!invitation-pending';

/** A partner admin manages its own team: invite (email with a set-password link), disable, enable. */
@Injectable()
export class PartnerUsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly auth: AuthRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async invite(partnerId: string, input: InviteUser, actor: AuthenticatedUser): Promise<{ userId: string; inviteUrl: string; expiresAt: string }> {
    return inTransaction(this.db, async (m) => {
      const [partner] = await m.query(`SELECT name, status FROM partners WHERE id = $1 FOR UPDATE`, [partnerId]);
      if (!partner) throw AppError.notFound('partner', partnerId);
      if (['rejected', 'terminated'].includes(partner.status)) throw AppError.unprocessable(`A ${partner.status} partner cannot add users.`);
      const [taken] = await m.query(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [input.email]);
      if (taken) throw AppError.conflict('An account with this email already exists.', { field: 'email' });
      const [inviter] = await m.query(`SELECT display_name, locale FROM users WHERE id = $1`, [actor.id]);
      const [user] = await m.query(
        `INSERT INTO users (email, password_hash, display_name, role, job_role, partner_id, locale) VALUES ($1, $2, $3, 'partner_user', $4, $5, $6) RETURNING id`,
        [input.email, NO_PASSWORD, input.displayName, input.jobRole, partnerId, inviter.locale],
      );
      const token = newSessionToken();
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
      await m.query(`INSERT INTO invitations (user_id, token_hash, expires_at, created_by) VALUES ($1, $2, $3, $4)`, [user.id, hashSessionToken(token, this.config.sessionSecret), expiresAt, actor.id]);
      const path = `/portal/invitation?token=${encodeURIComponent(token)}`;
      await this.audit.record(m, { entity: 'user', entityId: user.id, action: 'user.invited', after: { email: input.email, displayName: input.displayName, jobRole: input.jobRole, partnerId } });
      await this.notifications.notify(m, { userIds: [user.id], kind: 'user.invited', params: { inviter: inviter.display_name, partner: partner.name, link: this.notifications.publicUrl(path) }, link: path });
      return { userId: user.id as string, inviteUrl: this.notifications.publicUrl(path), expiresAt: expiresAt.toISOString() };
    });
  }

  async acceptInvitation(token: string, password: string): Promise<{ email: string }> {
    const passwordHash = await hashPassword(password);
    return inTransaction(this.db, async (m) => {
      const [inv] = await m.query(
        `SELECT v.id, v.user_id, u.email FROM invitations v JOIN users u ON u.id = v.user_id
          WHERE v.token_hash = $1 AND v.accepted_at IS NULL AND v.expires_at > now() AND u.disabled_at IS NULL FOR UPDATE OF v`,
        [hashSessionToken(token, this.config.sessionSecret)],
      );
      if (!inv) throw AppError.unprocessable('This invitation link is invalid, already used or expired. Ask your administrator for a new one.', { reason: 'invalid_invitation' });
      await m.query(`UPDATE invitations SET accepted_at = now() WHERE id = $1`, [inv.id]);
      await m.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [inv.user_id, passwordHash]);
      await this.audit.record(m, { entity: 'user', entityId: inv.user_id, action: 'user.invitation_accepted', actor: { id: inv.user_id, email: inv.email } });
      return { email: inv.email as string };
    });
  }

  async setDisabled(partnerId: string, userId: string, disabled: boolean, actor: AuthenticatedUser): Promise<void> {
    if (userId === actor.id && disabled) throw AppError.unprocessable('You cannot disable your own account.');
    await inTransaction(this.db, async (m) => {
      const [u] = await m.query(`SELECT id, role, disabled_at FROM users WHERE id = $1 AND partner_id = $2 FOR UPDATE`, [userId, partnerId]);
      if (!u) throw AppError.notFound('user', userId);
      await m.query(`UPDATE users SET disabled_at = $2, disabled_reason = NULL WHERE id = $1`, [userId, disabled ? new Date() : null]);
      const revoked = disabled ? await this.auth.revokeAllSessions(m, userId) : 0;
      await this.audit.record(m, { entity: 'user', entityId: userId, action: disabled ? 'user.disabled' : 'user.enabled', before: { disabled: u.disabled_at !== null }, after: { disabled, sessionsRevoked: revoked } });
    });
  }
}
