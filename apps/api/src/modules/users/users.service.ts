import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type ChangeRole,
  type InviteStaff,
  type InviteStaffResult,
  invitationExpiresAt,
  isVendorRole,
  type SetUserDisabled,
  type User,
} from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessNow } from '../../common/time';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { AuthRepository } from '../auth/auth.repository';
import { hashSessionToken, newSessionToken } from '../auth/session-token';
import { MailService } from '../notifications/mail.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersRepository } from './users.repository';

// Invited accounts have no password until the invitation is accepted: this can never verify.
const NO_PASSWORD = '!invitation-pending';

/** Vendor administrators manage vendor staff: invite by email, change roles, disable and enable. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly mail: MailService,
  ) {}

  /**
   * Creates the account (no usable password) and an invitation whose token only exists in the emailed link
   * (the table keeps its keyed hash). The invitee sets a password through POST /invitations/accept.
   * Without email the answer carries the link, for the administrator to pass on.
   */
  async invite(input: InviteStaff, actor: AuthenticatedUser): Promise<InviteStaffResult & { inviteUrl: string | null }> {
    return inTransaction(this.db, async (m) => {
      if (await this.auth.emailTaken(m, input.email)) throw new AppError('ACCOUNT_EMAIL_TAKEN', {}, { field: 'email' });
      const inviter = (await this.auth.findUser(actor.id, m))!;
      const userId = await this.auth.createUser(m, {
        email: input.email,
        passwordHash: NO_PASSWORD,
        displayName: input.displayName,
        role: input.role,
        partnerId: null,
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
      const path = `/admin/accept-invitation?token=${encodeURIComponent(token)}`;
      await this.audit.record(m, {
        entity: 'user',
        entityId: userId,
        action: 'user.invited',
        after: { email: input.email, displayName: input.displayName, role: input.role },
      });
      await this.notifications.notify(m, {
        userIds: [userId],
        kind: 'user.invited_staff',
        params: { inviter: inviter.displayName, role: input.role, link: this.notifications.publicUrl(path) },
        link: path,
      });
      return {
        userId,
        expiresAt: expiresAt.toISOString(),
        emailSent: this.mail.enabled,
        inviteUrl: this.mail.enabled ? null : this.notifications.publicUrl(path),
      };
    });
  }

  /** Another vendor role for a vendor staff member; never one's own (an administrator cannot lock themself out). */
  async changeRole(userId: string, change: ChangeRole, actorId: string): Promise<User> {
    if (userId === actorId) throw new AppError('CANNOT_CHANGE_OWN_ROLE');
    return inTransaction(this.db, async (m) => {
      const locked = await this.auth.lockUser(m, userId);
      if (!locked) throw AppError.notFound('user', userId);
      if (!isVendorRole(locked.role)) throw new AppError('ROLE_CHANGE_NOT_ALLOWED', {}, { role: locked.role });
      if (locked.role !== change.role) {
        await this.users.setRole(m, userId, change.role);
        await this.audit.record(m, {
          entity: 'user',
          entityId: userId,
          action: 'user.role_changed',
          before: { role: locked.role },
          after: { role: change.role },
        });
      }
      return (await this.auth.findUser(userId, m))!;
    });
  }

  /** Disabling a user also revokes every session it has, effective on its next request. */
  async setDisabled(userId: string, change: SetUserDisabled, actorId: string): Promise<User> {
    if (userId === actorId && change.disabled) throw new AppError('CANNOT_DISABLE_SELF');
    return inTransaction(this.db, async (m) => {
      if (!(await this.auth.lockUser(m, userId))) throw AppError.notFound('user', userId);
      const before = await this.auth.findUser(userId, m);
      await this.auth.updateUser(
        m,
        userId,
        change.disabled ? { disabledAt: new Date(), disabledReason: change.reason ?? null } : { disabledAt: null, disabledReason: null },
      );
      const revoked = change.disabled ? await this.auth.revokeAllSessions(m, userId) : 0;
      const after = (await this.auth.findUser(userId, m))!;
      await this.audit.record(m, {
        entity: 'user',
        entityId: userId,
        action: change.disabled ? 'user.disabled' : 'user.enabled',
        before,
        after: { ...after, reason: change.reason ?? null, sessionsRevoked: revoked },
      });
      return after;
    });
  }
}
