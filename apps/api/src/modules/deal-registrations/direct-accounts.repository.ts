import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/connection.repository';

export interface NewDirectAccount {
  kind: string;
  name: string;
  nameNorm: string;
  nameCore: string;
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
      `INSERT INTO direct_accounts (kind, name, name_norm, name_core, tax_id, domain, industry_id, region_id, owner_name, created_by) VALUES ($1, $2, $3, $10, $4, $5, $6, $7, $8, $9)`,
      [a.kind, a.name, a.nameNorm, a.taxId, a.domain, a.industryId, a.regionId, a.owner, a.createdBy, a.nameCore],
    );
  }

  /**
   * Accounts that may be the customer, by index: the same canonical tax id or domain, or `name_core % $core`
   * (threshold set for the transaction). Only accounts whose segment scope holds the customer: no region or one of
   * the customer's related regions, no industry or the customer's (a named account in Zhejiang never meets Beijing).
   */
  async candidates(
    m: EntityManager,
    c: { taxId: string | null; domain: string | null; nameCore: string; regionIds: readonly string[]; industryId: string },
  ): Promise<{ id: string; name: string; name_core: string; tax_id: string | null; domain: string | null }[]> {
    // The trigram threshold is set for the transaction by DealRegistrationsRepository.lockKeys, which runs first.
    return preparedQuery(
      m,
      `SELECT id, name, name_core, tax_id, domain FROM direct_accounts
        WHERE ((tax_id IS NOT NULL AND tax_id = $1) OR (domain IS NOT NULL AND domain = $2) OR name_core % $3)
          AND (region_id IS NULL OR region_id = ANY($4::uuid[])) AND (industry_id IS NULL OR industry_id = $5)
        LIMIT 200`,
      [c.taxId, c.domain, c.nameCore, c.regionIds, c.industryId],
    );
  }

  get manager(): EntityManager {
    return this.db.manager;
  }
}
