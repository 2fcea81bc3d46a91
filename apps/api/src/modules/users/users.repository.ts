import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ManagedUser, type Role, type Scope, scopeManagerId, scopePartnerId } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { toUser } from '../auth/auth.repository';
import { escapeLike } from '../../common/database/like';
import { PartnersRepository } from '../partners/partners.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface UserListQuery {
  role?: Role;
  q?: string;
  partnerId?: string;
  page: number;
  pageSize: number;
}

@Injectable()
export class UsersRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly partners: PartnersRepository,
  ) {}

  /** Users visible in `scope`: everyone (vendor), one organisation's team (partner), a manager's partners' teams (manager). */
  async list(query: UserListQuery, scope: Scope, at: Date = new Date()): Promise<{ items: ManagedUser[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const partnerId = scopePartnerId(scope);
    const managerId = scopeManagerId(scope);
    if (partnerId) where.push(`u.partner_id = $${params.push(partnerId)}`);
    if (managerId) where.push(`u.partner_id = ANY($${params.push(await this.partners.idsManagedBy(this.db.manager, managerId))}::uuid[])`);
    if (query.role) where.push(`u.role = $${params.push(query.role)}`);
    if (query.partnerId) where.push(`u.partner_id = $${params.push(query.partnerId)}`);
    if (query.q && UUID.test(query.q)) {
      // A user's id (the audit log links a user record this way).
      where.push(`u.id = $${params.push(query.q)}`);
    } else if (query.q) {
      const i = params.push(`%${escapeLike(query.q)}%`);
      const named = params.push(await this.partners.idsNamedLike(this.db.manager, query.q));
      where.push(`(u.email ILIKE $${i} OR u.display_name ILIKE $${i} OR u.partner_id = ANY($${named}::uuid[]))`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const from = `FROM users u ${filter}`;
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count ${from}`, params);
    const rows = await this.db.query(
      `SELECT u.id, u.email, u.display_name, u.role, u.job_role, u.partner_id, u.locale, u.time_zone, u.disabled_at,
              EXISTS (SELECT 1 FROM invitations v WHERE v.user_id = u.id AND v.accepted_at IS NULL AND v.expires_at > $${params.length + 3}) AS invitation_pending
         ${from} ORDER BY u.role, u.email LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize, at],
    );
    // Organisation names come from the partners module.
    const partnerIds = [...new Set((rows as { partner_id: string | null }[]).flatMap((r) => (r.partner_id ? [r.partner_id] : [])))];
    const names = new Map((await this.partners.briefs(this.db.manager, partnerIds)).map((p) => [p.id, p.name]));
    return {
      items: rows.map((r: Parameters<typeof toUser>[0] & { invitation_pending: boolean }) => ({
        ...toUser({ ...r, partner_name: r.partner_id ? (names.get(r.partner_id) ?? null) : null }),
        invitationPending: r.invitation_pending,
      })),
      total: count,
    };
  }

  /** Active users holding one of these roles, by role (descending) then name: assignee lists and notice recipients. */
  async activeWithRoles(m: EntityManager, roles: readonly Role[]): Promise<{ id: string; displayName: string; role: Role }[]> {
    return m.query(
      `SELECT id, display_name AS "displayName", role FROM users WHERE role = ANY($1::text[]) AND disabled_at IS NULL ORDER BY role DESC, display_name`,
      [roles],
    );
  }

  /** Gives a user another role (vendor staff only: the caller checked). */
  async setRole(m: EntityManager, id: string, role: Role): Promise<void> {
    await m.query(`UPDATE users SET role = $2 WHERE id = $1`, [id, role]);
  }

  /** A user's display name, or null when there is no such user. */
  async displayName(m: EntityManager, id: string): Promise<string | null> {
    const rows: { display_name: string }[] = await m.query(`SELECT display_name FROM users WHERE id = $1`, [id]);
    return rows[0]?.display_name ?? null;
  }

  /** An active member of one partner organisation, or null. */
  async activeMember(m: EntityManager, userId: string, partnerId: string): Promise<{ id: string; displayName: string } | null> {
    const rows: { id: string; display_name: string }[] = await m.query(
      `SELECT id, display_name FROM users WHERE id = $1 AND partner_id = $2 AND disabled_at IS NULL`,
      [userId, partnerId],
    );
    return rows[0] ? { id: rows[0].id, displayName: rows[0].display_name } : null;
  }
}
