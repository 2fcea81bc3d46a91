import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PartnerStatus, PartnerSummary, PartnerType } from '@partnerline/domain';
import type { DataSource } from 'typeorm';

export interface PartnerListQuery {
  type?: PartnerType;
  status?: PartnerStatus;
  q?: string;
  page: number;
  pageSize: number;
}

type PartnerRow = {
  id: string;
  name: string;
  name_en: string | null;
  type: PartnerType;
  status: PartnerStatus;
  tax_id: string;
  domain: string | null;
  city: string | null;
  manager_id: string | null;
  manager_name: string | null;
  created_at: Date;
};

const SELECT = `SELECT p.id, p.name, p.name_en, p.type, p.status, p.tax_id, p.domain, r.name_zh AS city,
  p.manager_id, m.display_name AS manager_name, p.created_at
  FROM partners p LEFT JOIN regions r ON r.id = p.region_id LEFT JOIN users m ON m.id = p.manager_id`;

function toSummary(r: PartnerRow): PartnerSummary {
  return {
    id: r.id,
    name: r.name,
    nameEn: r.name_en,
    type: r.type,
    status: r.status,
    taxId: r.tax_id,
    domain: r.domain,
    city: r.city,
    managerId: r.manager_id,
    managerName: r.manager_name,
    createdAt: r.created_at.toISOString(),
  };
}

@Injectable()
export class PartnersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `tenant` confines the result to one organisation (partner callers); null means all. */
  async list(query: PartnerListQuery, tenant: string | null): Promise<{ items: PartnerSummary[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (tenant) where.push(`p.id = $${params.push(tenant)}`);
    if (query.type) where.push(`p.type = $${params.push(query.type)}`);
    if (query.status) where.push(`p.status = $${params.push(query.status)}`);
    if (query.q) {
      const i = params.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(p.name ILIKE $${i} OR p.name_en ILIKE $${i} OR p.tax_id ILIKE $${i} OR p.domain ILIKE $${i})`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM partners p ${filter}`, params);
    const rows: PartnerRow[] = await this.db.query(
      `${SELECT} ${filter} ORDER BY p.name LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items: rows.map(toSummary), total: count };
  }

  async get(id: string, tenant: string | null): Promise<PartnerSummary | null> {
    const rows: PartnerRow[] = await this.db.query(`${SELECT} WHERE p.id = $1 AND ($2::uuid IS NULL OR p.id = $2)`, [id, tenant]);
    return rows[0] ? toSummary(rows[0]) : null;
  }
}
