import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role, User } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { toUser } from '../auth/auth.repository';
import { escapeLike } from '../../common/database/like';

export interface UserListQuery {
  role?: Role;
  q?: string;
  partnerId?: string;
  page: number;
  pageSize: number;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: UserListQuery): Promise<{ items: User[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.role) where.push(`u.role = $${params.push(query.role)}`);
    if (query.partnerId) where.push(`u.partner_id = $${params.push(query.partnerId)}`);
    if (query.q) {
      const i = params.push(`%${escapeLike(query.q)}%`);
      where.push(`(u.email ILIKE $${i} OR u.display_name ILIKE $${i} OR p.name ILIKE $${i})`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const from = `FROM users u LEFT JOIN partners p ON p.id = u.partner_id ${filter}`;
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count ${from}`, params);
    const rows = await this.db.query(
      `SELECT u.id, u.email, u.display_name, u.role, u.job_role, u.partner_id, p.name AS partner_name, u.locale, u.time_zone, u.disabled_at
         ${from} ORDER BY u.role, u.email LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items: rows.map(toUser), total: count };
  }
}
