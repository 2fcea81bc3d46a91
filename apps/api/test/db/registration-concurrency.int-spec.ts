import type { INestApplication } from '@nestjs/common';
import { api, createTestApp, dataSourceOf, isRealServer, loginAs, PASSWORD } from '../support/test-app';

const PARTNERS = 32;

/** 32 partners submit one new customer at the same moment: exactly one is first, every other is in conflict with it. */
describe(`concurrent registrations of one customer (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded'})`, () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp(isRealServer() ? { DATABASE_POOL_SIZE: '20' } : {});
  });
  afterAll(() => app.close());

  it(`${PARTNERS} concurrent submissions → one in review, ${PARTNERS - 1} in conflict with it, nothing lost`, async () => {
    const ds = dataSourceOf(app);
    const manager = await loginAs(app, 'manager@partnerline.demo');
    const regions = (await api(app, manager).get('/api/regions')).body as { id: string; code: string }[];
    const industries = (await api(app, manager).get('/api/industries')).body as { id: string; code: string }[];
    const products = (await api(app, manager).get('/api/products')).body as { id: string; sku: string }[];
    const gd = regions.find((r) => r.code === 'GD')!.id;
    const sz = regions.find((r) => r.code === 'GD-SZ')!.id;
    const edu = industries.find((i) => i.code === 'EDU')!.id;
    const [{ hash }] = await ds.query(`SELECT password_hash AS hash FROM users WHERE email = 'owner@lanting.demo'`);
    const [{ id: managerId }] = await ds.query(`SELECT id FROM users WHERE email = 'manager@partnerline.demo'`);
    const stamp = Date.now();
    // Fixture: 32 active partners, each with a registration agreement on Guangdong and an admin account.
    const tokens: string[] = [];
    for (let i = 0; i < PARTNERS; i++) {
      const [p] = await ds.query(
        `INSERT INTO partners (name, type, status, tax_id, domain, approved_at) VALUES ($1, 'smb', 'active', $2, $3, now()) RETURNING id`,
        [`并发测试伙伴${i}-${stamp}`, `TEST-${stamp}-${i}`, `p${i}-${stamp}.example.cn`],
      );
      const terms = { evidenceStandard: { proofOfCommunication: false, customerFeedback: false, customerDetails: false } };
      const [a] = await ds.query(
        `INSERT INTO agreements (partner_id, type, status, start_date, end_date, terms, created_by) VALUES ($1, 'registration', 'active', current_date - 1, current_date + 365, $2, $3) RETURNING id`,
        [p.id, JSON.stringify(terms), managerId],
      );
      await ds.query(`INSERT INTO agreement_scopes (agreement_id, industry_id, region_id) VALUES ($1, NULL, $2)`, [a.id, gd]);
      const email = `owner-${i}-${stamp}@concurrency.test`;
      await ds.query(`INSERT INTO users (email, password_hash, display_name, role, partner_id) VALUES ($1, $2, 'x', 'partner_admin', $3)`, [email, hash, p.id]);
      tokens.push(await loginAs(app, email, PASSWORD));
    }
    const ids: string[] = [];
    for (const token of tokens) {
      const res = await api(app, token)
        .post('/api/deal-registrations')
        .send({
          customer: { name: `深圳市鹏城教育科技有限公司${stamp}`, domain: `pengcheng-${stamp}.edu.cn`, industryId: edu, regionId: sz },
          contacts: [{ name: '李校长', decisionLevel: 'decision_maker' }],
          products: [{ productId: products[0].id, quantity: 1 }],
          estimatedAmount: '120000.00',
          expectedCloseDate: '2027-06-30',
          stage: 'qualifying',
          need: '智慧校园数据平台一期建设。',
        });
      ids.push(res.body.id);
    }

    const started = performance.now();
    const results = await Promise.all(ids.map((id, i) => api(app, tokens[i]).post(`/api/deal-registrations/${id}/submit`)));
    const elapsed = Math.round(performance.now() - started);
    expect(results.map((r) => r.status)).toEqual(Array(PARTNERS).fill(200));
    const inReview = results.filter((r) => r.body.status === 'in_review');
    expect(inReview).toHaveLength(1);
    expect(results.filter((r) => r.body.status === 'in_conflict')).toHaveLength(PARTNERS - 1);
    const first = ids[results.findIndex((r) => r.body.status === 'in_review')];
    // Every other registration is in a duplicate-customer case that names the first one (one case per customer, issue #11).
    const linked: { registration_id: string }[] = await ds.query(
      `SELECT DISTINCT o.registration_id FROM conflicts c JOIN conflict_parties p ON p.conflict_id = c.id JOIN conflict_parties o ON o.conflict_id = c.id
        WHERE c.kind = 'duplicate_customer' AND o.registration_id = ANY($1::uuid[]) AND o.registration_id <> $2 AND p.registration_id = $2`,
      [ids, first],
    );
    expect(linked).toHaveLength(PARTNERS - 1);
    const statuses = await ds.query(`SELECT status, count(*)::int AS n FROM deal_registrations WHERE id = ANY($1::uuid[]) GROUP BY status ORDER BY status`, [ids]);
    expect(statuses).toEqual([
      { status: 'in_conflict', n: PARTNERS - 1 },
      { status: 'in_review', n: 1 },
    ]);
    console.log(`${PARTNERS} concurrent submissions on ${isRealServer() ? 'PostgreSQL server' : 'embedded PostgreSQL'}: ${elapsed} ms`);
  }, 180_000);
});
