import type { INestApplication } from '@nestjs/common';
import { api, createTestApp, loginAs } from '../support/test-app';

/**
 * The review queue (issue #13): GET /deal-registrations with search, filters, sorting, bounded paging and capped
 * counts; GET /deal-registrations/counts; POST /deal-registrations/bulk-approve. Customers here ("队列测试…") are used
 * by no other test file.
 */
describe('registration review queue', () => {
  let app: INestApplication;
  let lanting: string;
  let huaxin: string;
  let manager: string;
  let industries: { id: string; code: string }[];
  let regions: { id: string; code: string }[];
  let products: { id: string; sku: string }[];
  const ind = (c: string) => industries.find((i) => i.code === c)!.id;
  const reg = (c: string) => regions.find((r) => r.code === c)!.id;
  const ids: Record<string, string> = {};

  const registration = (name: string, industry: string, region: string, amount: string) => ({
    customer: { name, industryId: ind(industry), regionId: reg(region) },
    contacts: [{ name: '周先生', decisionLevel: 'decision_maker' }],
    products: [{ productId: products.find((p) => p.sku === 'DP-ENT')!.id, quantity: 2 }],
    estimatedAmount: amount,
    expectedCloseDate: '2027-04-30',
    stage: 'qualifying',
    need: '客户需要统一的经销商数据平台。',
    evidence: { proofOfCommunication: '电话沟通纪要', customerFeedback: '认可方案', customerDetails: '财务总监 周先生' },
  });
  const queue = (query: string, who = manager) => api(app, who).get(`/api/deal-registrations?${query}`);

  beforeAll(async () => {
    app = await createTestApp();
    [lanting, huaxin, manager] = await Promise.all([loginAs(app, 'owner@lanting.demo'), loginAs(app, 'owner@huaxin.demo'), loginAs(app, 'manager@partnerline.demo')]);
    industries = (await api(app, manager).get('/api/industries')).body;
    regions = (await api(app, manager).get('/api/regions')).body;
    products = (await api(app, manager).get('/api/products')).body;
    for (const [key, name, industry, region, amount] of [
      ['a', '队列测试甲机械有限公司', 'MFG', 'ZJ-NB', '100000.00'],
      ['b', '队列测试乙机械有限公司', 'MFG', 'ZJ-NB', '300000.00'],
      ['c', '队列测试丙机械有限公司', 'MFG', 'ZJ-NB', '200000.00'],
      // Financial services in Zhejiang is 华信's exclusive territory: this one opens a case.
      ['x', '队列测试丁金融服务公司', 'FIN', 'ZJ-HZ', '50000.00'],
    ] as const) {
      const res = await api(app, lanting).post('/api/deal-registrations?submit=true').send(registration(name, industry, region, amount));
      expect(res.status).toBe(201);
      ids[key] = res.body.id;
    }
  });
  afterAll(() => app.close());

  it('searches by customer and by partner name, open registrations by SLA due, with the page fields the old list had', async () => {
    const res = await queue(`status=open&q=${encodeURIComponent('队列测试')}`).expect(200);
    expect(res.body.total).toBe(4);
    expect(res.body.totalExact).toBe(true);
    expect(res.body.page).toBe(1);
    expect(res.body.pageSize).toBe(25);
    const items = res.body.items as { id: string; slaDue: string; partnerName: string; inOpenCase: boolean; status: string }[];
    expect(items.map((r) => r.slaDue)).toEqual(items.map((r) => r.slaDue).sort());
    expect(items.every((r) => r.partnerName === '兰亭科技有限公司')).toBe(true);
    expect(items.find((r) => r.id === ids.x)!.inOpenCase).toBe(true);
    expect(items.find((r) => r.id === ids.a)!.inOpenCase).toBe(false);
    const byPartner = (await queue(`status=open&q=${encodeURIComponent('兰亭')}&pageSize=200`).expect(200)).body.items as { id: string }[];
    expect(byPartner.map((r) => r.id)).toEqual(expect.arrayContaining(Object.values(ids)));
  });

  it('filters by industry, region subtree, partner, manager and overdue', async () => {
    const q = `q=${encodeURIComponent('队列测试')}`;
    expect((await queue(`${q}&industryId=${ind('MFG')}`).expect(200)).body.total).toBe(3);
    expect((await queue(`${q}&regionId=${reg('ZJ')}`).expect(200)).body.total).toBe(4);
    expect((await queue(`${q}&regionId=${reg('ZJ-HZ')}`).expect(200)).body.total).toBe(1);
    const partnerId = (await queue(q).expect(200)).body.items[0].partnerId;
    expect((await queue(`${q}&partnerId=${partnerId}`).expect(200)).body.total).toBe(4);
    expect((await queue(`${q}&managerId=00000000-0000-4000-8000-000000000000`).expect(200)).body.total).toBe(0);
    expect((await queue(`${q}&overdue=true`).expect(200)).body.total).toBe(0);
    expect((await queue(`${q}&status=approved`).expect(200)).body.total).toBe(0);
    expect((await queue(`${q}&status=in_conflict`).expect(200)).body.items.map((r: { id: string }) => r.id)).toEqual([ids.x]);
  });

  it('sorts by amount and pages; a page deeper than the cap is refused', async () => {
    const q = `q=${encodeURIComponent('队列测试')}&industryId=${ind('MFG')}`;
    const desc = (await queue(`${q}&sort=amount&order=desc`).expect(200)).body.items.map((r: { id: string }) => r.id);
    expect(desc).toEqual([ids.b, ids.c, ids.a]);
    const second = (await queue(`${q}&sort=amount&order=asc&page=2&pageSize=1`).expect(200)).body;
    expect(second.items.map((r: { id: string }) => r.id)).toEqual([ids.c]);
    expect(second.total).toBe(3);
    expect((await queue(`${q}&sort=customer`).expect(200)).body.items).toHaveLength(3);
    expect((await queue('page=402&pageSize=25')).status).toBe(400);
  });

  it('counts each tab under the same filters, capped at 1000', async () => {
    const counts = (await api(app, manager).get(`/api/deal-registrations/counts?q=${encodeURIComponent('队列测试')}`).expect(200)).body;
    expect(counts.open).toEqual({ count: 4, exact: true });
    expect(counts.in_conflict).toEqual({ count: 1, exact: true });
    expect(counts.in_review.count + counts.in_conflict.count).toBe(4);
    expect(counts.approved).toEqual({ count: 0, exact: true });
    expect(counts.all).toEqual({ count: 4, exact: true });
  });

  it('a partner sees only its own registrations, with the same paging', async () => {
    const mine = (await queue(`q=${encodeURIComponent('队列测试')}&pageSize=2`, lanting).expect(200)).body;
    expect(mine.total).toBe(4);
    expect(mine.items).toHaveLength(2);
    expect((await queue(`q=${encodeURIComponent('队列测试')}`, huaxin).expect(200)).body.total).toBe(0);
    expect((await api(app, lanting).post('/api/deal-registrations/bulk-approve').send({ ids: [ids.a] })).status).toBe(403);
  });

  it('bulk approval approves the clean ones and refuses the one in an open case with its 409 code', async () => {
    const res = await api(app, manager).post('/api/deal-registrations/bulk-approve').send({ ids: [ids.a, ids.b, ids.x], comment: '批量通过' }).expect(200);
    expect(res.body.results).toEqual([
      { id: ids.a, ok: true, status: 204 },
      { id: ids.b, ok: true, status: 204 },
      { id: ids.x, ok: false, status: 409, code: 'REGISTRATION_IN_OPEN_CASE' },
    ]);
    const a = (await api(app, lanting).get(`/api/deal-registrations/${ids.a}`).expect(200)).body;
    expect(a.status).toBe('approved');
    expect(a.reviewComment).toBe('批量通过');
    expect((await api(app, manager).get(`/api/deal-registrations/${ids.x}`).expect(200)).body.status).toBe('in_conflict');
    const counts = (await api(app, manager).get(`/api/deal-registrations/counts?q=${encodeURIComponent('队列测试')}`).expect(200)).body;
    expect(counts.approved).toEqual({ count: 2, exact: true });
    expect(counts.open).toEqual({ count: 2, exact: true });
  });
});
