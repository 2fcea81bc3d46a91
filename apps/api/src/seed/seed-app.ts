import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DataSource, EntityManager } from 'typeorm';
import { AppModule } from '../app.module';
import { type AuthenticatedUser, requestContext } from '../common/http/request-context';
import { loadConfig } from '../config/config';

/**
 * The pieces a demo seed that writes through the services needs (rebates, renewals): an application context on the
 * seed's database, the demo accounts as signed-in callers, and work run as one of them.
 */

/**
 * Boots the API's services (jobs off, silent) on the data source's database, runs `work`, closes. The main demo data
 * has committed before such a seed runs: a failure says so and how to load it all again.
 */
export async function withSeedApp<T>(
  ds: DataSource,
  seed: { name: string; what: string },
  work: (app: INestApplicationContext) => Promise<T>,
): Promise<T> {
  const url = (ds.options as { url?: string }).url;
  if (!url) throw new Error(`${seed.name} seed: the data source has no URL`);
  const config = loadConfig({
    NODE_ENV: 'development',
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: '1',
    SESSION_SECRET: 'seed-only-'.padEnd(40, 'x'),
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, url), { logger: false });
  try {
    return await work(app);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(
      `demo data for ${seed.what} could not be loaded (${message}); the rest of the demo data is in place — fix the cause, then reload with npm run seed:reset`,
      { cause: err },
    );
  } finally {
    await app.close();
  }
}

/** The demo accounts (…@….demo), read once, as the services see a signed-in caller (audit rows name it). */
export async function demoActors(m: EntityManager, seedName: string): Promise<(email: string) => AuthenticatedUser> {
  const rows: { id: string; email: string; role: AuthenticatedUser['role']; partner_id: string | null; locale: AuthenticatedUser['locale'] }[] =
    await m.query(`SELECT id, email, role, partner_id, locale FROM users WHERE email LIKE '%.demo'`);
  const byEmail = new Map(rows.map((u) => [u.email, u]));
  return (email) => {
    const u = byEmail.get(email);
    if (!u) throw new Error(`${seedName} seed: user ${email} not found`);
    return { id: u.id, email: u.email, role: u.role, partnerId: u.partner_id, sessionId: 'demo-seed', locale: u.locale };
  };
}

/** The demo data's records by their codes, read once (a seed names partners by slug, catalogue rows by code). */
export interface DemoCatalogue {
  partner: (slug: string) => string;
  industry: (code: string) => string;
  region: (code: string) => string;
  productId: (sku: string) => string;
  lineId: (code: string) => string;
  /** Industries and the region tree, as the domain's expandScope reads them. */
  catalog: { industryIds: string[]; regions: { id: string; parentId: string | null }[] };
}

export async function demoCatalogue(m: EntityManager, seedName: string): Promise<DemoCatalogue> {
  const partners: { id: string; domain: string }[] = await m.query(`SELECT id, domain FROM partners WHERE domain LIKE '%.example.com'`);
  const industries: { id: string; code: string }[] = await m.query(`SELECT id, code FROM industries`);
  const regions: { id: string; code: string; parent_id: string | null }[] = await m.query(`SELECT id, code, parent_id FROM regions`);
  const products: { id: string; sku: string }[] = await m.query(`SELECT id, sku FROM products`);
  const lines: { id: string; code: string }[] = await m.query(`SELECT id, code FROM product_lines`);
  const find = <T extends { id: string }>(xs: T[], f: (x: T) => boolean, what: string): string => {
    const x = xs.find(f);
    if (!x) throw new Error(`${seedName} seed: ${what} not found in the demo data`);
    return x.id;
  };
  return {
    partner: (slug) => find(partners, (p) => p.domain === `${slug}.example.com`, `partner ${slug}`),
    industry: (code) => find(industries, (i) => i.code === code, `industry ${code}`),
    region: (code) => find(regions, (r) => r.code === code, `region ${code}`),
    productId: (sku) => find(products, (p) => p.sku === sku, `product ${sku}`),
    lineId: (code) => find(lines, (l) => l.code === code, `product line ${code}`),
    catalog: { industryIds: industries.map((i) => i.id), regions: regions.map((r) => ({ id: r.id, parentId: r.parent_id })) },
  };
}

/** Runs `work` as `user` (the request context the services read the caller and the language from). */
export const asUser = <T>(user: AuthenticatedUser, work: () => Promise<T>): Promise<T> =>
  requestContext.run({ requestId: 'demo-seed', locale: user.locale, user }, work);
