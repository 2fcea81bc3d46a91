import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { User } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';

/** Password-reset links (only the keyed hash of each token is stored) and the instance flags of app_flags. */
@Injectable()
export class PasswordResetRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** An enabled account by email (case-insensitive), or null. */
  async enabledAccount(email: string): Promise<{ id: string; email: string; role: User['role']; locale: User['locale'] } | null> {
    const rows: { id: string; email: string; role: User['role']; locale: User['locale'] }[] = await this.db.query(
      `SELECT id, email, role, locale FROM users WHERE lower(email) = lower($1) AND disabled_at IS NULL`,
      [email],
    );
    return rows[0] ?? null;
  }

  async create(m: EntityManager, r: { userId: string; tokenHash: string; expiresAt: Date; ip: string | null }): Promise<void> {
    await m.query(`INSERT INTO password_resets (user_id, token_hash, expires_at, requested_ip) VALUES ($1, $2, $3, $4)`, [
      r.userId,
      r.tokenHash,
      r.expiresAt,
      r.ip,
    ]);
  }

  /** Locks an unused, unexpired link of an enabled account by its token hash. */
  async lockOpen(m: EntityManager, tokenHash: string, at: Date): Promise<{ id: string; userId: string; email: string } | null> {
    const rows: { id: string; user_id: string; email: string }[] = await m.query(
      `SELECT r.id, r.user_id, u.email FROM password_resets r JOIN users u ON u.id = r.user_id
        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2 AND u.disabled_at IS NULL FOR UPDATE OF r`,
      [tokenHash, at],
    );
    return rows[0] ? { id: rows[0].id, userId: rows[0].user_id, email: rows[0].email } : null;
  }

  /** Marks every open link of the user used (the one just used, and any older ones). */
  async closeAllFor(m: EntityManager, userId: string, at: Date): Promise<void> {
    await m.query(`UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [userId, at]);
  }

  async flag(key: string): Promise<string | null> {
    const rows: { value: string }[] = await this.db.query(`SELECT value FROM app_flags WHERE key = $1`, [key]);
    return rows[0]?.value ?? null;
  }
}
