import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** A registration related to the one under review (same customer by a canonical key or the name core). */
export type RelatedRow = {
  id: string;
  partner_id: string;
  customer_name: string;
  status: string;
  estimated_amount: string;
  submitted_at: Date | null;
  tax: boolean;
  dom: boolean;
  nm: boolean;
};

export type CustomerKeys = { id: string; partnerId: string; taxId: string | null; domain: string | null; nameCore: string };

const RELATED = `SELECT id, partner_id, customer_name, status, estimated_amount::text AS estimated_amount, submitted_at,
    coalesce(customer_tax_id = $2::text, false) AS tax, coalesce(customer_domain = $3::text, false) AS dom, (customer_name_core = $4::text AND $4::text <> '') AS nm
  FROM deal_registrations`;
const MATCHES = `(customer_tax_id = $2 OR customer_domain = $3 OR (customer_name_core = $4 AND $4 <> ''))`;

/** Reads for the reviewer's desk over the registrations table (owned by this module). */
@Injectable()
export class RegistrationReviewRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  get manager(): EntityManager {
    return this.db.manager;
  }

  /** Earlier (non-draft) registrations by the same partner for the same customer, newest first (the partner's index). */
  async partnerHistory(k: CustomerKeys, limit = 20): Promise<RelatedRow[]> {
    return this.db.query(
      `${RELATED} WHERE partner_id = $5 AND id <> $1 AND status <> 'draft' AND ${MATCHES} ORDER BY submitted_at DESC NULLS LAST, id LIMIT $6`,
      [k.id, k.taxId, k.domain, k.nameCore, k.partnerId, limit],
    );
  }

  /**
   * Open registrations by other partners for a matching customer (the open-registration indexes serve each key);
   * the reviewer sees why each one matches.
   */
  async similarByOthers(k: CustomerKeys, limit = 20): Promise<RelatedRow[]> {
    return this.db.query(
      `${RELATED} WHERE status IN ('submitted', 'in_review', 'in_conflict', 'approved') AND partner_id <> $5::uuid AND id <> $1::uuid AND ${MATCHES}
        ORDER BY submitted_at DESC NULLS LAST, id LIMIT $6`,
      [k.id, k.taxId, k.domain, k.nameCore, k.partnerId, limit],
    );
  }
}
