import type { INestApplication } from '@nestjs/common';
import { api, createTestApp, loginAs } from '../support/test-app';

/**
 * `POST /deal-registrations?submit=true` (the one-screen form's "Submit"): the same rules, history, audit, conflict
 * case and notices as create + submit, in one request. Customers here are used by no other test file.
 */
describe('deal registration created and submitted in one request', () => {
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

  const registration = (name: string, industry: string, region: string, evidence: Record<string, string> = { proofOfCommunication: '2026-11-21 电话沟通纪要', customerDetails: '财务总监 周先生' }, taxId?: string) => ({
    customer: { name, industryId: ind(industry), regionId: reg(region), ...(taxId ? { taxId } : {}) },
    contacts: [{ name: '周先生', decisionLevel: 'decision_maker' }],
    products: [{ productId: products.find((p) => p.sku === 'DP-ENT')!.id, quantity: 2 }],
    estimatedAmount: '265000.00',
    expectedCloseDate: '2027-04-30',
    stage: 'qualifying',
    need: '客户需要统一的经销商数据平台。',
    evidence,
  });

  beforeAll(async () => {
    app = await createTestApp();
    [lanting, huaxin, manager, admin] = await Promise.all([loginAs(app, 'owner@lanting.demo'), loginAs(app, 'owner@huaxin.demo'), loginAs(app, 'manager@partnerline.demo'), loginAs(app, 'admin@partnerline.demo')]);
    industries = (await api(app, manager).get('/api/industries')).body;
    regions = (await api(app, manager).get('/api/regions')).body;
    products = (await api(app, manager).get('/api/products')).body;
  });
  afterAll(() => app.close());

  it('answers 201 with the id and the review status; history and audit read as draft → submitted → in review', async () => {
    const res = await api(app, lanting).post('/api/deal-registrations?submit=true').send(registration('绍兴黄酒酿造集团有限公司', 'MFG', 'ZJ-NB'));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), status: 'in_review', conflicts: [] });
    const d = (await api(app, lanting).get(`/api/deal-registrations/${res.body.id}`)).body;
    expect(d.status).toBe('in_review');
    expect(d.slaDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(d.history.map((h: { fromStatus: string | null; toStatus: string }) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'draft'],
      ['draft', 'submitted'],
      ['submitted', 'in_review'],
    ]);
    const audit = (await api(app, admin).get(`/api/audit?entity=deal_registration&entityId=${res.body.id}`)).body.items as { action: string }[];
    expect(audit.map((a) => a.action).sort()).toEqual(['registration.drafted', 'registration.in_review', 'registration.submitted']);
  });

  it('a second partner submitting the same customer by tax id joins the open case of the first', async () => {
    const taxId = '91330600MA2BX0RK4D';
    const evidence = { proofOfCommunication: '电话沟通', customerFeedback: '认可方案', customerDetails: '财务总监' };
    // Financial services in Zhejiang: 华信 holds it exclusively, so the first submission is already in a case.
    const first = await api(app, lanting).post('/api/deal-registrations?submit=true').send(registration('绍兴纺织印染有限公司', 'FIN', 'ZJ-HZ', evidence, taxId));
    expect(first.status).toBe(201);
    const second = await api(app, huaxin).post('/api/deal-registrations?submit=true').send(registration('绍兴市纺织印染公司', 'FIN', 'ZJ', evidence, taxId));
    expect(second.status).toBe(201);
    expect(second.body.status).toBe('in_conflict');
    expect(second.body.conflicts).toContain('duplicate_customer');
    const d = (await api(app, huaxin).get(`/api/deal-registrations/${second.body.id}`)).body;
    expect(d.conflicts).toHaveLength(1);
    const kase = (await api(app, manager).get(`/api/conflicts/${d.conflicts[0].id}`)).body;
    expect(kase.registrations.map((r: { id: string }) => r.id).sort()).toEqual([first.body.id, second.body.id].sort());
  });

  it('refuses what create + submit refuses: missing evidence (422, nothing stored) and the partner’s own duplicate (409)', async () => {
    const before = (await api(app, lanting).get('/api/deal-registrations?pageSize=200')).body.total as number;
    const missing = await api(app, lanting).post('/api/deal-registrations?submit=true').send(registration('嘉兴电气成套设备有限公司', 'MFG', 'ZJ', { customerDetails: '采购部' }));
    expect(missing.status).toBe(422);
    expect(missing.body.details.missing).toEqual(['proofOfCommunication']);
    expect((await api(app, lanting).get('/api/deal-registrations?pageSize=200')).body.total).toBe(before);

    const once = await api(app, lanting).post('/api/deal-registrations?submit=true').send(registration('湖州丝绸之路集团有限公司', 'MFG', 'ZJ-HZ'));
    expect(once.status).toBe(201);
    const again = await api(app, lanting).post('/api/deal-registrations?submit=true').send(registration('湖州丝绸之路集团有限公司', 'MFG', 'ZJ-HZ'));
    expect(again.status).toBe(409);
    expect(again.body.details.existingRegistrationId).toBe(once.body.id);
  });

  it('tells the form what a segment needs: the covering agreement and its required evidence', async () => {
    const covered = (await api(app, huaxin).get(`/api/deal-registrations/requirements?industryId=${ind('FIN')}&regionId=${reg('ZJ-HZ')}`)).body;
    expect(covered.covered).toBe(true);
    expect(covered.agreement.type).toBe('exclusive');
    expect(Object.keys(covered.evidence).sort()).toEqual(['customerDetails', 'customerFeedback', 'proofOfCommunication']);
    const outside = (await api(app, lanting).get(`/api/deal-registrations/requirements?industryId=${ind('LOG')}&regionId=${reg('BJ')}`)).body;
    expect(outside).toEqual({ covered: false, agreement: null, evidence: { proofOfCommunication: false, customerFeedback: false, customerDetails: false } });
    expect((await api(app, manager).get(`/api/deal-registrations/requirements?industryId=${ind('FIN')}&regionId=${reg('ZJ')}`)).status).toBe(403);
    expect((await api(app, lanting).get(`/api/deal-registrations/requirements?industryId=nope&regionId=${reg('ZJ')}`)).status).toBe(400);
  });

  it('a value other than true/false for submit is a 400', async () => {
    const res = await api(app, lanting).post('/api/deal-registrations?submit=yes').send(registration('舟山远洋渔业有限公司', 'MFG', 'ZJ'));
    expect(res.status).toBe(400);
  });
});
