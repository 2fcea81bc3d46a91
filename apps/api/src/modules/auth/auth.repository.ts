import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { User } from '@partnerline/domain';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { LoginAttemptEntity, SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

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
    const rows: (UserRow & { session_id: string; expires_at: Date })[] = await this.db.query(
      `SELECT s.id AS session_id, s.expires_at, ${USER_COLUMNS}
         FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN partners p ON p.id = u.partner_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash],
    );
    const r = rows[0];
    return r ? { sessionId: r.session_id, expiresAt: r.expires_at, user: toUser(r) } : null;
  }

  async failuresSince(email: string, ip: string | null, since: Date): Promise<{ byEmail: Date[]; byIp: Date[] }> {
    const rows: { email: string; ip: string | null; attempted_at: Date }[] = await this.db.query(
      `SELECT email, ip, attempted_at FROM login_attempts
        WHERE NOT succeeded AND attempted_at > $3 AND (email = $1 OR ($2::text IS NOT NULL AND ip = $2))`,
      [email, ip, since],
    );
    return {
      byEmail: rows.filter((r) => r.email === email).map((r) => r.attempted_at),
      byIp: rows.filter((r) => ip !== null && r.ip === ip).map((r) => r.attempted_at),
    };
  }

  recordAttempt(manager: EntityManager, email: string, ip: string | null, succeeded: boolean) {
    return manager.insert(LoginAttemptEntity, { email, ip, succeeded });
  }

  async createSession(manager: EntityManager, s: Pick<SessionEntity, 'userId' | 'tokenHash' | 'expiresAt' | 'ip' | 'userAgent'>): Promise<string> {
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
}
