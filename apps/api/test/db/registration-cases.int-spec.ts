import type { INestApplication } from '@nestjs/common';
import { usccCheckChar } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { api, createTestApp, dataSourceOf, isRealServer, loginAs, PASSWORD } from '../support/test-app';

/**
 * One case per customer, race-proof across keys (issue #11). Partners submit one customer by different keys — some
 * by tax id, others by a differently written name (at province level instead of the city) with a web address — at
 * the same moment: exactly one is first (in review), every other is in ONE open case with it, and none of the case's
 * registrations can be approved on its own. The race only means something on a real server (PGlite is one session).
 */
describe(`conflict cases under concurrent submissions (${isRealServer() ? 'PostgreSQL server' : 'embedded'})`, () => {
  let app: INestApplication;
  let ds: DataSource;
  let manager: string;
  let ids: { gd: string; sz: string; edu: string; product: string; managerId: string; hash: string };

  beforeAll(async () => {
    app = await createTestApp(isRealServer() ? { DATABASE_POOL_SIZE: '20' } : {});
    ds = dataSourceOf(app);
    manager = await loginAs(app, 'manager@partnerline.demo');
    const regions = (await api(app, manager).get('/api/regions')).body as { id: string; code: string }[];
    const industries = (await api(app, manager).get('/api/industries')).body as { id: string; code: string }[];
    const products = (await api(app, manager).get('/api/products')).body as { id: string }[];
    const [{ hash }] = await ds.query(`SELECT password_hash AS hash FROM users WHERE email = 'owner@lanting.demo'`);
    const [{ id: managerId }] = await ds.query(`SELECT id FROM users WHERE email = 'manager@partnerline.demo'`);
    ids = { gd: regions.find((r) => r.code === 'GD')!.id, sz: regions.find((r) => r.code === 'GD-SZ')!.id, edu: industries.find((i) => i.code === 'EDU')!.id, product: products[0].id, managerId, hash };
  });
  afterAll(() => app.close());

  /** `n` active partners, each with a registration agreement on Guangdong and a logged-in admin. */
  async function partners(n: number, tag: string): Promise<string[]> {
    const tokens: string[] = [];
    for (let i = 0; i < n; i++) {
      const [p] = await ds.query(`INSERT INTO partners (name, type, status, tax_id, domain, approved_at) VALUES ($1, 'smb', 'active', $2, $3, now()) RETURNING id`, [
        `案件测试伙伴${tag}-${i}`,
        `CASE-${tag}-${i}`,
        `c${i}-${tag}.example.cn`,
      ]);
      const terms = { evidenceStandard: { proofOfCommunication: false, customerFeedback: false, customerDetails: false } };
      const [a] = await ds.query(
        `INSERT INTO agreements (partner_id, type, status, start_date, end_date, terms, created_by) VALUES ($1, 'registration', 'active', DATE '2020-01-01', DATE '2100-01-01', $2, $3) RETURNING id`,
        [p.id, JSON.stringify(terms), ids.managerId],
      );
      await ds.query(`INSERT INTO agreement_scopes (agreement_id, industry_id, region_id) VALUES ($1, NULL, $2)`, [a.id, ids.gd]);
      const email = `case-${i}-${tag}@cases.test`;
      await ds.query(`INSERT INTO users (email, password_hash, display_name, role, partner_id) VALUES ($1, $2, 'x', 'partner_admin', $3)`, [email, ids.hash, p.id]);
      tokens.push(await loginAs(app, email, PASSWORD));
    }
    return tokens;
  }

  const draft = async (token: string, customer: Record<string, string>) =>
    (
      await api(app, token)
        .post('/api/deal-registrations')
        .send({
          customer: { industryId: ids.edu, ...customer },
          contacts: [{ name: '李校长', decisionLevel: 'decision_maker' }],
          products: [{ productId: ids.product, quantity: 1 }],
          estimatedAmount: '120000.00',
          expectedCloseDate: '2027-06-30',
          stage: 'qualifying',
          need: '智慧校园数据平台一期建设。',
        })
        .expect(201)
    ).body.id as string;

  const openCasesOf = async (regIds: string[]) =>
    (await ds.query(`SELECT DISTINCT c.id FROM conflicts c JOIN conflict_parties p ON p.conflict_id = c.id WHERE c.status = 'open' AND p.registration_id = ANY($1::uuid[])`, [regIds])) as { id: string }[];

  it('16 partners submit one customer by mixed keys at once → one in review, the rest in ONE case; approving inside the case → 409', async () => {
    if (!isRealServer()) {
      console.log('mixed-key race: skipped on embedded PostgreSQL (one session, advisory locks do not exclude); runs on PostgreSQL 15 in .ci/run');
      return;
    }
    const stamp = String(Date.now()).slice(-6);
    const body = `91440300MA${stamp}0`.slice(0, 17);
    const taxId = body + usccCheckChar(body);
    const tokens = await partners(16, `mix${stamp}`);
    const regIds: string[] = [];
    for (let i = 0; i < 16; i++) {
      // Even partners: tax id (written with spaces) at city level; odd partners: the name written differently, a web address, at province level.
      const customer: Record<string, string> = i % 2 === 0
        ? { name: `深圳市鹏城${stamp}教育科技有限公司`, taxId: `${taxId.slice(0, 6)} ${taxId.slice(6)}`, regionId: ids.sz }
        : { name: `鹏城${stamp}教育科技（深圳）有限公司`, domain: `https://www.pengcheng${stamp}.edu.cn/`, regionId: ids.gd };
      regIds.push(await draft(tokens[i], customer));
    }
    const results = await Promise.all(regIds.map((id, i) => api(app, tokens[i]).post(`/api/deal-registrations/${id}/submit`)));
    expect(results.map((r) => r.status)).toEqual(Array(16).fill(200));
    expect(results.filter((r) => r.body.status === 'in_review')).toHaveLength(1);
    expect(results.filter((r) => r.body.status === 'in_conflict')).toHaveLength(15);
    const cases = await openCasesOf(regIds);
    expect(cases).toHaveLength(1);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM conflict_parties WHERE conflict_id = $1 AND registration_id IS NOT NULL`, [cases[0].id]);
    expect(n).toBe(16);
    const first = regIds[results.findIndex((r) => r.body.status === 'in_review')];
    const approve = await api(app, manager).post(`/api/deal-registrations/${first}/approve`);
    expect(approve.status).toBe(409);
    expect(approve.body.code).toBe('REGISTRATION_IN_OPEN_CASE');
    expect(approve.body.details.conflictId).toBe(cases[0].id);
  }, 180_000);

  it('64 partners submitting one customer → one case with 64 parties; the award decides all of them', async () => {
    const stamp = String(Date.now()).slice(-6);
    const tokens = await partners(64, `n${stamp}`);
    const regIds: string[] = [];
    for (const t of tokens) regIds.push(await draft(t, { name: `广州白云${stamp}学校`, domain: `baiyun${stamp}.edu.cn`, regionId: ids.sz }));
    const results = await Promise.all(regIds.map((id, i) => api(app, tokens[i]).post(`/api/deal-registrations/${id}/submit`)));
    expect(results.map((r) => r.status)).toEqual(Array(64).fill(200));
    const cases = await openCasesOf(regIds);
    expect(cases).toHaveLength(1);
    const detail = (await api(app, manager).get(`/api/conflicts/${cases[0].id}`).expect(200)).body;
    expect(detail.registrations).toHaveLength(64);
    expect(detail.registrations.every((r: { match: { key: string } }) => r.match.key === 'domain')).toBe(true);
    const winner = regIds[5];
    for (const path of ['approve', 'reject']) {
      const res = await api(app, manager).post(`/api/deal-registrations/${winner}/${path}`).send({ reason: '单独处理' });
      expect(res.status).toBe(409);
      expect(res.body.params?.case ?? res.body.message).toBeTruthy();
    }
    await api(app, manager).post(`/api/conflicts/${cases[0].id}/resolve`).send({ resolution: 'award', winnerRegistrationId: winner, rationale: '客户确认由该伙伴跟进' }).expect(204);
    const statuses = await ds.query(`SELECT status, count(*)::int AS n FROM deal_registrations WHERE id = ANY($1::uuid[]) GROUP BY status ORDER BY status`, [regIds]);
    expect(statuses).toEqual([
      { status: 'approved', n: 1 },
      { status: 'rejected', n: 63 },
    ]);
  }, 300_000);
});
