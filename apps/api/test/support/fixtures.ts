import { AgreementTermsSchema, DEFAULT_POLICIES } from '@partnerline/domain';
import type { DataSource } from 'typeorm';

/**
 * Rows the API tests write straight into the test database (their own modules' flows are tested elsewhere): agreements
 * with their scopes, won deals and split deals, on the demo data's partners and users.
 */

const { holdingDays: _holdingDays, ...programme } = DEFAULT_POLICIES.rebates;

/** The default rebate programme as an agreement's pricing: threshold 80%, ≥80% → 2%, ≥100% → 4%, ≥120% → 6%, retroactive. */
export const REBATE_PROGRAMME = { model: 'fixed_rebate' as const, items: [], rebate: programme };

export interface DemoIds {
  /** Huaxin's and Lanting's partner ids. */
  huaxin: string;
  lanting: string;
  /** User ids. */
  admin: string;
  manager: string;
  huaxinOwner: string;
  /** The first industry and region by code. */
  industry: string;
  region: string;
}

/** Ids of the demo data the fixtures hang on. */
export async function demoIds(ds: DataSource): Promise<DemoIds> {
  const [ids] = await ds.query(
    `SELECT (SELECT partner_id FROM users WHERE email = 'owner@huaxin.demo') AS huaxin,
            (SELECT partner_id FROM users WHERE email = 'owner@lanting.demo') AS lanting,
            (SELECT id FROM users WHERE email = 'admin@partnerline.demo') AS admin,
            (SELECT id FROM users WHERE email = 'manager@partnerline.demo') AS manager,
            (SELECT id FROM users WHERE email = 'owner@huaxin.demo') AS "huaxinOwner",
            (SELECT id FROM industries ORDER BY code LIMIT 1) AS industry,
            (SELECT id FROM regions ORDER BY code LIMIT 1) AS region`,
  );
  return ids as DemoIds;
}

export interface AgreementFixture {
  partnerId: string;
  type?: 'registration' | 'distribution' | 'exclusive';
  startDate: string;
  endDate: string;
  createdBy: string;
  /** Also approved by this user (approved_by, approved_at = now()). */
  approvedBy?: string;
  /** The rest of the terms (partnerId, type and the dates come from above; scope defaults to the whole country). */
  terms?: Record<string, unknown>;
  /**
   * false: no agreement_scopes rows (the agreement then covers no segment for registrations, exclusivity or the lists'
   * scope columns) — for exclusive agreements that must not claim the whole country from every other test file.
   */
  withScopes?: boolean;
}

/**
 * An active agreement: its terms validated by AgreementTermsSchema (and stored as parsed), and one agreement_scopes row per
 * scope entry (the whole country unless the terms say otherwise), as the agreements module writes them.
 */
export async function insertAgreement(ds: DataSource, a: AgreementFixture): Promise<string> {
  const type = a.type ?? 'registration';
  const terms = AgreementTermsSchema.parse({
    scope: [{ industryId: null, regionId: null }],
    ...a.terms,
    partnerId: a.partnerId,
    type,
    startDate: a.startDate,
    endDate: a.endDate,
  });
  const [{ id }] = await ds.query(
    `INSERT INTO agreements (partner_id, type, status, start_date, end_date, terms, created_by, approved_by, approved_at)
     VALUES ($1, $2, 'active', $3, $4, $5, $6, $7, CASE WHEN $7::uuid IS NULL THEN NULL ELSE now() END) RETURNING id`,
    [a.partnerId, type, terms.startDate, terms.endDate, JSON.stringify(terms), a.createdBy, a.approvedBy ?? null],
  );
  for (const s of a.withScopes === false ? [] : terms.scope) {
    await ds.query(`INSERT INTO agreement_scopes (agreement_id, industry_id, region_id) VALUES ($1, $2, $3)`, [id, s.industryId, s.regionId]);
  }
  return id as string;
}

export interface WonDealFixture {
  partnerId: string;
  agreementId: string;
  customerName: string;
  amount: string;
  wonOn: string;
  industryId: string;
  regionId: string;
  createdBy: string;
  /** Written as details.products (one of each); without it details is `{}`. */
  productIds?: string[];
}

/** A won deal registration (estimated = won amount, expected close = won on). */
export async function insertWonDeal(ds: DataSource, d: WonDealFixture): Promise<string> {
  const details = d.productIds ? { products: d.productIds.map((productId) => ({ productId, quantity: 1 })) } : {};
  const [{ id }] = await ds.query(
    `INSERT INTO deal_registrations (partner_id, agreement_id, status, customer_name, customer_name_norm, industry_id, region_id, details, estimated_amount, expected_close, won_amount, won_on, created_by)
     VALUES ($1, $2, 'won', $3, $3, $4, $5, $9, $6, $7, $6, $7, $8) RETURNING id`,
    [d.partnerId, d.agreementId, d.customerName, d.industryId, d.regionId, d.amount, d.wonOn, d.createdBy, JSON.stringify(details)],
  );
  return id as string;
}

/** A resolved duplicate-customer conflict that split the deal: the registration keeps `sharePercent`. */
export async function splitDeal(
  ds: DataSource,
  registrationId: string,
  sharePercent: number,
  o: { rationale?: string; resolvedBy?: string; awarded?: boolean } = {},
): Promise<string> {
  const [{ id }] = await ds.query(
    `INSERT INTO conflicts (kind, status, registration_id, resolution, rationale, resolved_by, resolved_at) VALUES ('duplicate_customer', 'resolved', $1, 'split', $2, $3, now()) RETURNING id`,
    [registrationId, o.rationale ?? 'test split', o.resolvedBy ?? null],
  );
  await ds.query(`INSERT INTO conflict_parties (conflict_id, registration_id, share_percent, awarded) VALUES ($1, $2, $3, $4)`, [
    id,
    registrationId,
    sharePercent,
    o.awarded ?? null,
  ]);
  return id as string;
}
