import type { INestApplication } from '@nestjs/common';
import { api, createTestApp, loginAs } from '../support/test-app';

/**
 * The reviewer's desk: GET /deal-registrations/:id/review and the decision comment. Customers here are used by no
 * other test file (温州/丽水 names); every registration is created by this file.
 */
describe('registration review desk', () => {
  let app: INestApplication;
  let lanting: string;
  let huaxin: string;
  let manager: string;
  let admin: string;
  let industries: { id: string; code: string }[];
  let regions: { id: string; code: string }[];
  let products: { id: string; sku: string }[];
  const ind = (c: string) => industries.find((i) => i.code === c)!.id;
  const reg = (c: string) => regions.find((r) => r.code === c)!.id;

  const registration = (name: string, region = 'ZJ-NB', taxId?: string, industry = 'MFG') => ({
    customer: { name, industryId: ind(industry), regionId: reg(region), ...(taxId ? { taxId } : {}) },
    contacts: [
      { name: '潘先生', title: '总经理', decisionLevel: 'decision_maker' },
      { name: '林女士', decisionLevel: 'procurement' },
    ],
    products: [{ productId: products.find((p) => p.sku === 'DP-ENT')!.id, quantity: 3 }],
    estimatedAmount: '1234567.80',
    expectedCloseDate: '2027-05-31',
    stage: 'proposal',
    need: '客户需要统一的生产数据平台。',
    evidence: { proofOfCommunication: '2026-11-20 上门拜访纪要', customerFeedback: '认可方案', customerDetails: '总经理 潘先生' },
  });
  const submit = async (token: string, body: object) => {
    const res = await api(app, token).post('/api/deal-registrations?submit=true').send(body);
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    app = await createTestApp();
    [lanting, huaxin, manager, admin] = await Promise.all([loginAs(app, 'owner@lanting.demo'), loginAs(app, 'owner@huaxin.demo'), loginAs(app, 'manager@partnerline.demo'), loginAs(app, 'admin@partnerline.demo')]);
    industries = (await api(app, manager).get('/api/industries')).body;
    regions = (await api(app, manager).get('/api/regions')).body;
    products = (await api(app, manager).get('/api/products')).body;
  });
  afterAll(() => app.close());

  it('answers everything a decision needs in one response', async () => {
    const id = await submit(lanting, registration('温州眼镜制造有限公司'));
    const res = await api(app, manager).get(`/api/deal-registrations/${id}/review`);
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.status).toBe('in_review');
    expect(r.partner.name).toMatch(/兰亭/);
    expect(r.partner.type).toEqual(expect.any(String));
    expect(r.partner.agreements.length).toBeGreaterThan(0);
    expect(r.customer.name).toBe('温州眼镜制造有限公司');
    expect(r.customer.industry).toEqual({ id: ind('MFG'), nameZh: expect.any(String), nameEn: expect.any(String) });
    expect(r.customer.region.id).toBe(reg('ZJ-NB'));
    expect(r.customer.region.nameZh).toMatch(/宁波/);
    expect(r.products).toEqual([{ productId: expect.any(String), nameZh: expect.any(String), nameEn: expect.any(String), quantity: 3 }]);
    expect(r.products[0].nameEn).not.toBe('—');
    expect(r.estimatedAmount).toBe('1234567.80');
    expect(r.stage).toBe('proposal');
    expect(r.expectedCloseDate).toBe('2027-05-31');
    expect(r.contacts.map((c: { decisionLevel: string }) => c.decisionLevel)).toEqual(['decision_maker', 'procurement']);
    expect(r.agreement).toEqual(expect.objectContaining({ id: expect.any(String), type: expect.any(String) }));
    expect(r.evidence.proofOfCommunication).toBe('2026-11-20 上门拜访纪要');
    expect(r.missingEvidence).toEqual([]);
    expect(r.files).toEqual([]);
    expect(r.sla.dueBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.sla.overdueDays).toBe(0);
    expect(r.reviewComment).toBeNull();
  });

  it('lists the partner’s history with the customer and other partners’ registrations with why they match', async () => {
    const taxId = '91330300MA2CN5RX85';
    const first = await submit(lanting, registration('丽水青瓷工艺有限公司', 'ZJ-NB', taxId));
    expect((await api(app, manager).post(`/api/deal-registrations/${first}/reject`).send({ reason: '客户信息不全，请补充后重新提交。' })).status).toBe(204);
    const second = await submit(lanting, registration('丽水青瓷工艺有限公司', 'ZJ-NB', taxId));
    const mine = (await api(app, manager).get(`/api/deal-registrations/${second}/review`)).body;
    expect(mine.history.map((h: { id: string }) => h.id)).toEqual([first]);
    expect(mine.history[0]).toEqual(expect.objectContaining({ status: 'rejected', matchedOn: expect.arrayContaining(['taxId', 'name']) }));

    const other = await api(app, huaxin).post('/api/deal-registrations?submit=true').send(registration('丽水青瓷工艺公司', 'ZJ-HZ', taxId, 'FIN'));
    expect(other.status).toBe(201);
    const theirs = (await api(app, manager).get(`/api/deal-registrations/${other.body.id}/review`)).body;
    expect(theirs.similar.map((s: { id: string }) => s.id)).toEqual([second]);
    expect(theirs.similar[0].partnerName).toMatch(/兰亭/);
    expect(theirs.similar[0].matchedOn).toContain('taxId');
    expect(theirs.history).toEqual([]);
  });

  it('reject requires a comment (400 naming the field); the comment reaches the partner', async () => {
    const id = await submit(lanting, registration('温州鞋业制造有限公司'));
    const empty = await api(app, manager).post(`/api/deal-registrations/${id}/reject`).send({ reason: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.issues.map((i: { path: string }) => i.path)).toEqual(['reason']);
    const none = await api(app, manager).post(`/api/deal-registrations/${id}/reject`).send({});
    expect(none.status).toBe(400);
    expect((await api(app, manager).post(`/api/deal-registrations/${id}/reject`).send({ reason: '该客户已由直销团队跟进。' })).status).toBe(204);
    const seen = (await api(app, lanting).get(`/api/deal-registrations/${id}`)).body;
    expect(seen.status).toBe('rejected');
    expect(seen.reviewComment).toBe('该客户已由直销团队跟进。');
  });

  it('approve takes an optional comment: stored, in the history and audit, shown to the partner', async () => {
    const plain = await submit(lanting, registration('温州阀门制造有限公司'));
    expect((await api(app, manager).post(`/api/deal-registrations/${plain}/approve`).send({})).status).toBe(204);
    expect((await api(app, lanting).get(`/api/deal-registrations/${plain}`)).body.reviewComment).toBeNull();

    const id = await submit(lanting, registration('温州泵业制造有限公司'));
    const res = await api(app, manager).post(`/api/deal-registrations/${id}/approve`).send({ comment: '证据充分，请在保护期内推进。' });
    expect(res.status).toBe(204);
    const seen = (await api(app, lanting).get(`/api/deal-registrations/${id}`)).body;
    expect(seen.status).toBe('approved');
    expect(seen.reviewComment).toBe('证据充分，请在保护期内推进。');
    expect(seen.history.at(-1).note).toBe('证据充分，请在保护期内推进。');
    expect((await api(app, manager).get(`/api/deal-registrations/${id}/review`)).body.reviewComment).toBe('证据充分，请在保护期内推进。');
    const audit = (await api(app, admin).get(`/api/audit?entity=deal_registration&entityId=${id}`)).body.items as { action: string; after: { note?: string } | null }[];
    expect(audit.find((a) => a.action === 'registration.approved')?.after?.note).toBe('证据充分，请在保护期内推进。');
  });

  it('is for vendor staff only: a partner gets 403, even for its own registration; an unknown id is a 404', async () => {
    const id = await submit(lanting, registration('温州乐器制造有限公司'));
    expect((await api(app, lanting).get(`/api/deal-registrations/${id}/review`)).status).toBe(403);
    expect((await api(app, huaxin).get(`/api/deal-registrations/${id}/review`)).status).toBe(403);
    const unknown = await api(app, manager).get('/api/deal-registrations/00000000-0000-4000-8000-000000000000/review');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
  });
});
