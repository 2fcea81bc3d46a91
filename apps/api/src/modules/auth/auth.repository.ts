import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { User } from '@partnerline/domain';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { LoginAttemptEntity, SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';
import { preparedQuery } from '../../database/connection.repository';

export interface SessionWithUser {
  sessionId: string;
  expiresAt: Date;
  user: User;
}

const USER_COLUMNS = `u.id, u.email, u.display_name, u.role, u.job_role, u.partner_id, p.name AS partner_name,
  u.locale, u.time_zone, u.disabled_at`;

type UserRow = {
  id: string;
  email: string;
  display_name: string;
  role: User['role'];
  job_role: User['jobRole'];
  partner_id: string | null;
  partner_name: string | null;
  locale: User['locale'];
  time_zone: string;
  disabled_at: Date | null;
};

export function toUser(r: UserRow): User {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    jobRole: r.job_role,
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    locale: r.locale,
    timeZone: r.time_zone,
    disabled: r.disabled_at !== null,
  };
}

@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findCredentials(email: string): Promise<{ id: string; passwordHash: string; disabled: boolean } | null> {
    const row = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
    return row ? { id: row.id, passwordHash: row.passwordHash, disabled: row.disabledAt !== null } : null;
  }

  async findUser(id: string, manager: EntityManager = this.db.manager): Promise<User | null> {
    const rows: UserRow[] = await manager.query(
      `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN partners p ON p.id = u.partner_id WHERE u.id = $1`,
      [id],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  async findActiveSession(tokenHash: string): Promise<SessionWithUser | null> {
    const rows: (UserRow & { session_id: string; expires_at: Date })[] = await preparedQuery(
      this.db,
      `SELECT s.id AS session_id, s.expires_at, ${USER_COLUMNS}
         FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN partners p ON p.id = u.partner_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash],
    );
    const r = rows[0];
    return r ? { sessionId: r.session_id, expiresAt: r.expires_at, user: toUser(r) } : null;
  }

  recordAttempt(manager: EntityManager, email: string, ip: string | null, succeeded: boolean) {
    return manager.insert(LoginAttemptEntity, { email, ip, succeeded });
  }

  async createSession(
    manager: EntityManager,
    s: Pick<SessionEntity, 'userId' | 'tokenHash' | 'expiresAt' | 'ip' | 'userAgent'>,
  ): Promise<string> {
    const result = await manager.insert(SessionEntity, s);
    return result.identifiers[0].id as string;
  }

  async revokeSession(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.update(SessionEntity, { id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllSessions(manager: EntityManager, userId: string): Promise<number> {
    const r = await manager.update(SessionEntity, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return r.affected ?? 0;
  }

  /** Locks a user row for a change; with `partnerId`, only a user of that organisation. */
  async lockUser(
    m: EntityManager,
    id: string,
    partnerId?: string,
  ): Promise<{ id: string; role: User['role']; disabledAt: Date | null } | null> {
    const rows: { id: string; role: User['role']; disabled_at: Date | null }[] = await m.query(
      `SELECT id, role, disabled_at FROM users WHERE id = $1 AND ($2::uuid IS NULL OR partner_id = $2) FOR UPDATE`,
      [id, partnerId ?? null],
    );
    return rows[0] ? { id: rows[0].id, role: rows[0].role, disabledAt: rows[0].disabled_at } : null;
  }

  async emailTaken(m: EntityManager, email: string): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [email])).length > 0;
  }

  async createUser(
    m: EntityManager,
    u: {
      email: string;
      passwordHash: string;
      displayName: string;
      role: User['role'];
      jobRole?: User['jobRole'];
      partnerId: string | null;
      locale: User['locale'];
    },
  ): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO users (email, password_hash, display_name, role, job_role, partner_id, locale) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [u.email, u.passwordHash, u.displayName, u.role, u.jobRole ?? null, u.partnerId, u.locale],
    );
    return row.id as string;
  }

  async updateUser(
    m: EntityManager,
    id: string,
    change: Partial<Pick<UserEntity, 'displayName' | 'locale' | 'timeZone' | 'disabledAt' | 'disabledReason'>>,
  ): Promise<void> {
    await m.update(UserEntity, { id }, change);
  }

  async setPasswordHash(m: EntityManager, id: string, passwordHash: string): Promise<void> {
    await m.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [id, passwordHash]);
  }

  /** An enabled channel manager, or null. */
  async enabledChannelManager(m: EntityManager, id: string): Promise<{ id: string; displayName: string } | null> {
    const rows: { id: string; display_name: string }[] = await m.query(
      `SELECT id, display_name FROM users WHERE id = $1 AND role = 'channel_manager' AND disabled_at IS NULL`,
      [id],
    );
    return rows[0] ? { id: rows[0].id, displayName: rows[0].display_name } : null;
  }

  /** Display names by user id (unknown ids are absent). */
  async displayNames(ids: readonly string[], m: EntityManager = this.db.manager): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; display_name: string }[] = await m.query(`SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`, [
      [...new Set(ids)],
    ]);
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  async createInvitation(m: EntityManager, inv: { userId: string; tokenHash: string; expiresAt: Date; createdBy: string }): Promise<void> {
    await m.query(`INSERT INTO invitations (user_id, token_hash, expires_at, created_by) VALUES ($1, $2, $3, $4)`, [
      inv.userId,
      inv.tokenHash,
      inv.expiresAt,
      inv.createdBy,
    ]);
  }

  /** Locks an open invitation (not accepted, not expired at `at`, user enabled) by its token hash. */
  async lockOpenInvitation(m: EntityManager, tokenHash: string, at: Date): Promise<{ id: string; userId: string; email: string } | null> {
    const rows: { id: string; user_id: string; email: string }[] = await m.query(
      `SELECT v.id, v.user_id, u.email FROM invitations v JOIN users u ON u.id = v.user_id
        WHERE v.token_hash = $1 AND v.accepted_at IS NULL AND v.expires_at > $2 AND u.disabled_at IS NULL FOR UPDATE OF v`,
      [tokenHash, at],
    );
    return rows[0] ? { id: rows[0].id, userId: rows[0].user_id, email: rows[0].email } : null;
  }

  /** Enabled accounts holding one of `roles` (optionally of one organisation), by display name. */
  async enabledWithRoles(
    m: EntityManager,
    roles: readonly User['role'][],
    partnerId?: string,
  ): Promise<{ id: string; displayName: string; email: string }[]> {
    return m.query(
      `SELECT id, display_name AS "displayName", email FROM users
        WHERE role = ANY($1::text[]) AND disabled_at IS NULL AND ($2::uuid IS NULL OR partner_id = $2) ORDER BY display_name`,
      [roles, partnerId ?? null],
    );
  }

  /** Every disabled account (few): the mail outbox leaves their notices unsent. */
  async disabledUserIds(m: EntityManager = this.db.manager): Promise<string[]> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM users WHERE disabled_at IS NOT NULL`);
    return rows.map((r) => r.id);
  }

  /** Email address and language of some users, by id. */
  async mailRecipients(m: EntityManager, ids: readonly string[]): Promise<Map<string, { email: string; locale: User['locale'] }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; email: string; locale: User['locale'] }[] = await m.query(
      `SELECT id, email, locale FROM users WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, { email: r.email, locale: r.locale }]));
  }

  /** A partner organisation's team, with whether an invitation is still open at `at`. */
  async teamOf(
    partnerId: string,
    at: Date,
  ): Promise<
    {
      id: string;
      email: string;
      displayName: string;
      role: User['role'];
      jobRole: User['jobRole'];
      disabled: boolean;
      invitationPending: boolean;
    }[]
  > {
    const rows: {
      id: string;
      email: string;
      display_name: string;
      role: User['role'];
      job_role: User['jobRole'];
      disabled_at: Date | null;
      invitation_pending: boolean;
    }[] = await this.db.query(
      `SELECT u.id, u.email, u.display_name, u.role, u.job_role, u.disabled_at,
              EXISTS (SELECT 1 FROM invitations v WHERE v.user_id = u.id AND v.accepted_at IS NULL AND v.expires_at > $2) AS invitation_pending
         FROM users u WHERE u.partner_id = $1 ORDER BY u.role, u.display_name`,
      [partnerId, at],
    );
    return rows.map((u) => ({
      id: u.id,
      email: u.email,
      displayName: u.display_name,
      role: u.role,
      jobRole: u.job_role,
      disabled: u.disabled_at !== null,
      invitationPending: u.invitation_pending,
    }));
  }

  async acceptInvitation(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE invitations SET accepted_at = now() WHERE id = $1`, [id]);
  }
}
