import { channelStrategyFor, DEFAULT_POLICIES, usccCheckChar } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../modules/auth/password';
import { INDUSTRIES, PRODUCT_LINES, PRODUCTS } from './data/catalog';
import { DEMO_PASSWORD, PARTNERS, VENDOR_USERS } from './data/partners';
import { CHINA_PROVINCES, OTHER_COUNTRIES, type RegionSeed, TIER1 } from './data/regions';
import { intBetween, prng } from './prng';
import { seedAgreements } from './seed-agreements';
import { seedRegistrations } from './seed-registrations';
import { seedScreening } from './seed-screening';
import { type RebateSeedSummary, seedRebates } from './rebates.seed';
import { type RenewalSeedSummary, seedRenewals } from './renewals.seed';
import { seedTraining } from './seed-training';

const SEED = 20261122;
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Tables the demo data fills, children first (for --reset). */
const TABLES = ['rebate_disputes', 'rebate_ledger', 'rebate_statement_lines', 'rebate_statements', 'rebate_runs', 'rebate_reversals', 'rebate_quotas', 'deposit_events', 'agreement_deposits', 'sell_out_lines', 'sell_out_reports', 'partner_invoices', 'support_messages', 'support_requests', 'qualification_reviews', 'certifications', 'quiz_attempts', 'enrolments', 'certification_paths', 'courses', 'evidence_files', 'conflict_parties', 'conflicts', 'registration_status_history', 'deal_registrations', 'direct_accounts', 'exclusive_claims', 'agreement_scopes', 'agreement_versions', 'agreements', 'notifications', 'invitations', 'password_resets', 'app_flags', 'partner_trials', 'partner_info_requests', 'partner_decisions', 'partner_screenings', 'partner_status_history', 'partner_segment_requests', 'audit_log', 'sessions', 'login_attempts', 'users', 'partners', 'segments', 'products', 'product_lines', 'regions', 'industries'];

type Ids = Map<string, string>;

async function insertReturningId(m: EntityManager, sql: string, params: unknown[]): Promise<string> {
  const rows: { id: string }[] = await m.query(`${sql} RETURNING id`, params);
  return rows[0].id;
}

async function seedRegions(m: EntityManager): Promise<{ ids: Ids; cityToProvince: Map<string, string> }> {
  const ids: Ids = new Map();
  const cityToProvince = new Map<string, string>();
  const cn = await insertReturningId(m, `INSERT INTO regions (code, parent_id, level, path, name_zh, name_en) VALUES ('CN', NULL, 'country', '/CN/', '中国', 'China')`, []);
  ids.set('CN', cn);
  const addTree = async (parentCode: string | null, parentPath: string, entries: RegionSeed[], level: 'province' | 'country') => {
    for (const [code, zh, en, cities] of entries) {
      const path = `${parentPath}${code}/`;
      ids.set(code, await insertReturningId(
        m,
        `INSERT INTO regions (code, parent_id, level, path, name_zh, name_en) VALUES ($1, $2, $3, $4, $5, $6)`,
        [code, parentCode ? ids.get(parentCode) : null, level, path, zh, en],
      ));
      for (const [cityCode, cityZh, cityEn] of cities ?? []) {
        ids.set(cityCode, await insertReturningId(
          m,
          `INSERT INTO regions (code, parent_id, level, path, name_zh, name_en) VALUES ($1, $2, 'city', $3, $4, $5)`,
          [cityCode, ids.get(code), `${path}${cityCode}/`, cityZh, cityEn],
        ));
        cityToProvince.set(cityCode, code);
      }
    }
  };
  await addTree('CN', '/CN/', CHINA_PROVINCES, 'province');
  await addTree(null, '/', OTHER_COUNTRIES, 'country');
  return { ids, cityToProvince };
}

async function seedCatalog(m: EntityManager, rand: () => number, regions: Ids, cityToProvince: Map<string, string>) {
  const industries: Ids = new Map();
  for (const [code, zh, en] of INDUSTRIES) {
    industries.set(code, await insertReturningId(m, `INSERT INTO industries (code, name_zh, name_en) VALUES ($1, $2, $3)`, [code, zh, en]));
  }
  const lines: Ids = new Map();
  for (const [code, zh, en] of PRODUCT_LINES) {
    lines.set(code, await insertReturningId(m, `INSERT INTO product_lines (code, name_zh, name_en) VALUES ($1, $2, $3)`, [code, zh, en]));
  }
  for (const [sku, line, zh, en, price, standard] of PRODUCTS) {
    await m.query(`INSERT INTO products (sku, product_line_id, name_zh, name_en, list_price, standard) VALUES ($1, $2, $3, $4, $5, $6)`, [sku, lines.get(line), zh, en, price, standard]);
  }

  // Scores: tier-1 provinces are big and easy for direct sales; regulated industries are hard to enter.
  const hardIndustries = new Set(['GOV', 'FIN', 'HLT', 'ENE']);
  const bigIndustries = new Set(['FIN', 'MFG', 'GOV', 'TEL']);
  const { highPotentialAt, hardDifficultyAt } = DEFAULT_POLICIES.segments;
  const rows: unknown[][] = [];
  for (const [industryCode, industryId] of industries) {
    for (const [regionCode, regionId] of regions) {
      if (regionCode === 'CN') continue;
      const province = cityToProvince.get(regionCode) ?? regionCode;
      const tier1 = TIER1.has(province);
      const potential = Math.min(100, (tier1 ? 62 : 30) + (bigIndustries.has(industryCode) ? 15 : 0) + intBetween(rand, -12, 18));
      const difficulty = Math.min(100, (hardIndustries.has(industryCode) ? 58 : 32) + (tier1 ? -6 : 8) + intBetween(rand, -14, 16));
      const p = Math.max(0, potential);
      const d = Math.max(0, difficulty);
      rows.push([industryId, regionId, p, d, channelStrategyFor(p, d, { highPotentialAt, hardDifficultyAt })]);
    }
  }
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const values = chunk.map((_, j) => `($${j * 5 + 1}, $${j * 5 + 2}, $${j * 5 + 3}, $${j * 5 + 4}, $${j * 5 + 5})`).join(', ');
    await m.query(`INSERT INTO segments (industry_id, region_id, market_potential, expansion_difficulty, strategy) VALUES ${values}`, chunk.flat());
  }
  return { industries, segments: rows.length };
}

function demoUscc(rand: () => number, index: number): string {
  const admin = ['110108', '310115', '440300', '330106', '320102'][index % 5];
  let body = `91${admin}`;
  while (body.length < 17) body += USCC_CHARS[Math.floor(rand() * USCC_CHARS.length)];
  return body + usccCheckChar(body);
}

async function seedPeople(m: EntityManager, rand: () => number, regions: Ids) {
  const hash = await hashPassword(DEMO_PASSWORD); // one hash for all demo accounts: they share the password
  const vendor: Ids = new Map();
  for (const [email, name, role, locale] of VENDOR_USERS) {
    vendor.set(email.split('@')[0], await insertReturningId(
      m,
      `INSERT INTO users (email, password_hash, display_name, role, locale) VALUES ($1, $2, $3, $4, $5)`,
      [email, hash, name, role, locale],
    ));
  }
  let users = vendor.size;
  const partnerIds: Ids = new Map();
  for (const [i, p] of PARTNERS.entries()) {
    const foreign = !regions.has(p.region) || ['SG', 'MY-KL', 'ID-JK', 'VN-HCM', 'TH-BKK', 'AE-DXB'].includes(p.region);
    const taxId = foreign ? `${p.region.slice(0, 2)}-${String(100000000 + Math.floor(rand() * 899999999))}` : demoUscc(rand, i);
    // Open applications are recent (days to weeks old); established partners applied one to two years ago.
    const open = p.status === 'applied' || p.status === 'screening';
    const ageDays = open ? 2 + Math.floor(rand() * 40) : p.status === 'trial' ? 60 + Math.floor(rand() * 60) : 300 + Math.floor(rand() * 400);
    const created = new Date(Date.now() - ageDays * 86_400_000);
    created.setUTCHours(2, 0, 0, 0);
    const partnerId = await insertReturningId(
      m,
      `INSERT INTO partners (name, name_en, type, status, tax_id, domain, region_id, manager_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
      [p.name, p.nameEn, p.type, p.status, taxId, `${p.slug}.example.com`, regions.get(p.region), p.status === 'applied' ? null : vendor.get(p.manager), created],
    );
    partnerIds.set(p.slug, partnerId);
    await m.query(`UPDATE partners SET tax_id_kind = $2, applied_at = $3 WHERE id = $1`, [partnerId, foreign ? 'other' : 'uscc', created]);
    if (['applied', 'screening', 'trial', 'active', 'suspended'].includes(p.status)) {
      const locale = foreign ? 'en' : 'zh-CN';
      const ownerName = foreign ? `${p.nameEn.split(' ')[0]} Admin` : `${p.name.slice(0, 2)}管理员`;
      await m.query(
        `INSERT INTO users (email, password_hash, display_name, role, partner_id, locale, time_zone) VALUES ($1, $2, $3, 'partner_admin', $4, $5, $6)`,
        [`owner@${p.slug}.demo`, hash, ownerName, partnerId, locale, 'Asia/Shanghai'],
      );
      users++;
      for (const [local, name, jobRole] of p.team ?? []) {
        await m.query(
          `INSERT INTO users (email, password_hash, display_name, role, job_role, partner_id, locale) VALUES ($1, $2, $3, 'partner_user', $4, $5, $6)`,
          [`${local}@${p.slug}.demo`, hash, name, jobRole, partnerId, locale],
        );
        users++;
      }
    }
  }
  return { users, partners: PARTNERS.length, partnerIds, vendor };
}

export interface SeedSummary {
  regions: number;
  segments: number;
  partners: number;
  users: number;
  /** What the rebates demo wrote (runs, statements, payments, …). */
  rebates?: RebateSeedSummary;
  /** What the renewal reviews demo wrote (agreements, reviews, decisions, self-assessments, incidents). */
  renewals?: RenewalSeedSummary;
}

/** Loads the demo data in one transaction. Returns null when the database already has users. */
export async function seedDemo(ds: DataSource): Promise<SeedSummary | null> {
  const summary = await ds.transaction(async (m) => {
    const [{ count }] = await m.query(`SELECT count(*)::int AS count FROM users`);
    if (count > 0) return null;
    const rand = prng(SEED);
    const { ids: regions, cityToProvince } = await seedRegions(m);
    const { segments, industries } = await seedCatalog(m, rand, regions, cityToProvince);
    const { partnerIds, vendor, ...people } = await seedPeople(m, rand, regions);
    await seedScreening(m, rand, { partnerIds, vendor, regions, industries });
    await seedAgreements(m, { partnerIds, vendor, regions, industries });
    await seedRegistrations(m, { partnerIds, vendor, regions, industries });
    await seedTraining(m, { partnerIds, vendor });
    await m.query(`INSERT INTO policies (id, value) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = NULL`, [JSON.stringify(DEFAULT_POLICIES)]);
    await m.query(
      `INSERT INTO audit_log (entity, entity_id, action, after) VALUES ('system', 'seed', 'demo_data.loaded', $1)`,
      [JSON.stringify({ seed: SEED, regions: regions.size, segments, ...people })],
    );
    // The sign-in page shows the demo password only while this flag is set (GET /auth/config).
    await m.query(`INSERT INTO app_flags (key, value) VALUES ('demo_data', 'true') ON CONFLICT (key) DO UPDATE SET value = 'true', updated_at = now()`);
    return { regions: regions.size, segments, ...people };
  });
  // Rebates (issue #14) through the rebates, payments and registration services, once the data above has committed.
  if (!summary) return null;
  const rebates = await seedRebates(ds);
  // Renewal reviews (issue #15) through the renewals, decisions, partners and payments services, after the rebates demo.
  return { ...summary, rebates, renewals: await seedRenewals(ds) };
}

/** Empties every demo table and loads the demo data again (development only). */
export async function resetDemo(ds: DataSource): Promise<SeedSummary | null> {
  await ds.transaction(async (m) => {
    // The audit log is append-only by trigger; a reset is the one sanctioned exception.
    await m.query(`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await m.query(`TRUNCATE ${TABLES.join(', ')} CASCADE`);
    await m.query(`ALTER TABLE audit_log ENABLE TRIGGER USER`);
  });
  return seedDemo(ds);
}
