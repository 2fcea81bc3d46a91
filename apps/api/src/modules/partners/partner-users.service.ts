import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type InviteUser, invitationExpiresAt, isClosedPartner } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { businessNow } from '../../common/time';
import { AuditService } from '../audit/audit.service';
import { AuthRepository } from '../auth/auth.repository';
import { PartnersRepository } from './partners.repository';
import { hashPassword } from '../auth/password';
import { assertAcceptablePassword } from '../auth/password-policy';
import { INVITATION_ACCEPT_RATE_LIMIT, ThrottleService } from '../auth/throttle.service';
import { hashSessionToken, newSessionToken } from '../auth/session-token';
import { NotificationsService } from '../notifications/notifications.service';

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
    private readonly partners: PartnersRepository,
    private readonly notifications: NotificationsService,
    private readonly throttle: ThrottleService,
  ) {}

  async invite(
    partnerId: string,
    input: InviteUser,
    actor: AuthenticatedUser,
  ): Promise<{ userId: string; inviteUrl: string; expiresAt: string }> {
    return inTransaction(this.db, async (m) => {
      const partner = await this.partners.lockForChange(m, partnerId);
      if (!partner) throw AppError.notFound('partner', partnerId);
      if (isClosedPartner(partner.status)) throw new AppError('PARTNER_CLOSED_FOR_USERS', {}, { status: partner.status });
      if (await this.auth.emailTaken(m, input.email)) throw new AppError('ACCOUNT_EMAIL_TAKEN', {}, { field: 'email' });
      const inviter = (await this.auth.findUser(actor.id, m))!;
      const userId = await this.auth.createUser(m, {
        email: input.email,
        passwordHash: NO_PASSWORD,
        displayName: input.displayName,
        role: 'partner_user',
        jobRole: input.jobRole,
        partnerId,
        locale: inviter.locale,
      });
      const token = newSessionToken();
      const expiresAt = invitationExpiresAt(businessNow());
      await this.auth.createInvitation(m, {
        userId,
        tokenHash: hashSessionToken(token, this.config.sessionSecret),
        expiresAt,
        createdBy: actor.id,
      });
      const path = `/portal/invitation?token=${encodeURIComponent(token)}`;
      await this.audit.record(m, {
        entity: 'user',
        entityId: userId,
        action: 'user.invited',
        after: { email: input.email, displayName: input.displayName, jobRole: input.jobRole, partnerId },
      });
      await this.notifications.notify(m, {
        userIds: [userId],
        kind: 'user.invited',
        params: { inviter: inviter.displayName, partner: partner.name, link: this.notifications.publicUrl(path) },
        link: path,
      });
      return { userId, inviteUrl: this.notifications.publicUrl(path), expiresAt: expiresAt.toISOString() };
    });
  }

  /** Rate-limited per address; the token is checked before the (deliberately slow) password hash is computed. */
  async acceptInvitation(token: string, password: string, address: string | null): Promise<{ email: string }> {
    await this.throttle.assertWithin(INVITATION_ACCEPT_RATE_LIMIT, address);
    const tokenHash = hashSessionToken(token, this.config.sessionSecret);
    const open = await this.auth.lockOpenInvitation(this.db.manager, tokenHash, businessNow());
    if (!open) throw new AppError('INVITATION_INVALID', {}, { reason: 'invalid_invitation' });
    assertAcceptablePassword(password, open.email, ['password']);
    const passwordHash = await hashPassword(password);
    return inTransaction(this.db, async (m) => {
      const inv = await this.auth.lockOpenInvitation(m, tokenHash, businessNow());
      if (!inv) throw new AppError('INVITATION_INVALID', {}, { reason: 'invalid_invitation' });
      await this.auth.acceptInvitation(m, inv.id);
      await this.auth.setPasswordHash(m, inv.userId, passwordHash);
      await this.audit.record(m, {
        entity: 'user',
        entityId: inv.userId,
        action: 'user.invitation_accepted',
        actor: { id: inv.userId, email: inv.email },
      });
      return { email: inv.email };
    });
  }

  async setDisabled(partnerId: string, userId: string, disabled: boolean, actor: AuthenticatedUser): Promise<void> {
    if (userId === actor.id && disabled) throw new AppError('CANNOT_DISABLE_SELF');
    await inTransaction(this.db, async (m) => {
      const u = await this.auth.lockUser(m, userId, partnerId);
      if (!u) throw AppError.notFound('user', userId);
      await this.auth.updateUser(m, userId, { disabledAt: disabled ? businessNow() : null, disabledReason: null });
      const revoked = disabled ? await this.auth.revokeAllSessions(m, userId) : 0;
      await this.audit.record(m, {
        entity: 'user',
        entityId: userId,
        action: disabled ? 'user.disabled' : 'user.enabled',
        before: { disabled: u.disabledAt !== null },
        after: { disabled, sessionsRevoked: revoked },
      });
    });
  }
}
