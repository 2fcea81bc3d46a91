import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface NewDirectAccount {
  kind: string;
  name: string;
  nameNorm: string;
  taxId: string | null;
  domain: string | null;
  industryId: string | null;
  regionId: string | null;
  owner: string | null;
  createdBy: string;
}

/** The direct_accounts table (the vendor's own named accounts and open opportunities). */
@Injectable()
export class DirectAccountsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(m: EntityManager, a: NewDirectAccount): Promise<void> {
    await m.query(
      `INSERT INTO direct_accounts (kind, name, name_norm, tax_id, domain, industry_id, region_id, owner_name, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [a.kind, a.name, a.nameNorm, a.taxId, a.domain, a.industryId, a.regionId, a.owner, a.createdBy],
    );
  }

  /** Accounts that may be the customer: exact tax id or domain, or a trigram pre-filter on the name (the domain rule decides). */
  async candidates(m: EntityManager, c: { taxId: string | null; domain: string | null; nameNorm: string }): Promise<{ id: string; name: string; tax_id: string | null; domain: string | null }[]> {
    return m.query(
      `SELECT id, name, tax_id, domain FROM direct_accounts WHERE (tax_id IS NOT NULL AND tax_id = $1) OR (domain IS NOT NULL AND domain = $2) OR similarity(name_norm, $3) > 0.2`,
      [c.taxId, c.domain, c.nameNorm],
    );
  }

  get manager(): EntityManager {
    return this.db.manager;
  }
}
