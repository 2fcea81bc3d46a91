import type { INestApplication } from '@nestjs/common';
import { api, createTestApp, loginAs } from '../support/test-app';

describe('deal registration (submission and conflict detection)', () => {
  let app: INestApplication;
  let lanting: string;
  let huaxin: string;
  let manager: string;
  let industries: { id: string; code: string }[];
  let regions: { id: string; code: string }[];
  let products: { id: string; sku: string }[];
  const ind = (c: string) => industries.find((i) => i.code === c)!.id;
  const reg = (c: string) => regions.find((r) => r.code === c)!.id;

  const registration = (name: string, industry: string, region: string, evidence: Record<string, string> = { proofOfCommunication: '2026-11-20 拜访纪要', customerDetails: '信息中心主任 张女士' }) => ({
    customer: { name, industryId: ind(industry), regionId: reg(region) },
    contacts: [{ name: '张女士', decisionLevel: 'decision_maker' }],
    products: [{ productId: products.find((p) => p.sku === 'DP-ENT')!.id, quantity: 1 }],
    estimatedAmount: '480000.00',
    expectedCloseDate: '2027-03-31',
    stage: 'solution',
    need: '客户计划建设统一数据平台，整合门店与会员数据。',
    evidence,
  });

  beforeAll(async () => {
    app = await createTestApp();
    [lanting, huaxin, manager] = await Promise.all([loginAs(app, 'owner@lanting.demo'), loginAs(app, 'owner@huaxin.demo'), loginAs(app, 'manager@partnerline.demo')]);
    industries = (await api(app, manager).get('/api/industries')).body;
    regions = (await api(app, manager).get('/api/regions')).body;
    products = (await api(app, manager).get('/api/products')).body;
  });
  afterAll(() => app.close());

  async function register(token: string, body: object) {
    const res = await api(app, token).post('/api/deal-registrations').send(body);
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  it('a covered, evidenced registration goes to review; the manager approves it with a protection period', async () => {
    const id = await register(lanting, registration('宁波海天塑机集团有限公司', 'MFG', 'ZJ-NB'));
    const res = await api(app, lanting).post(`/api/deal-registrations/${id}/submit`);
    expect(res.body).toEqual({ status: 'in_review', conflicts: [] });
    await api(app, manager).post(`/api/deal-registrations/${id}/approve`).expect(204);
    const d = (await api(app, lanting).get(`/api/deal-registrations/${id}`)).body;
    expect(d.status).toBe('approved');
    expect(d.protectionEnds).toBe(new Date(Date.now() + 89 * 86_400_000).toISOString().slice(0, 10));
    expect(d.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['draft', 'submitted', 'in_review', 'approved']);
  });

  it('missing mandatory evidence → 422 naming it; a segment outside every agreement → 422', async () => {
    const noEvidence = await register(lanting, registration('温州正泰电器股份有限公司', 'MFG', 'ZJ', { customerDetails: '采购部' }));
    const r1 = await api(app, lanting).post(`/api/deal-registrations/${noEvidence}/submit`);
    expect(r1.status).toBe(422);
    expect(r1.body.details.missing).toEqual(['proofOfCommunication']);
    const outside = await register(lanting, registration('北京首都机场集团有限公司', 'LOG', 'BJ'));
    const r2 = await api(app, lanting).post(`/api/deal-registrations/${outside}/submit`);
    expect(r2.status).toBe(422);
    expect(r2.body.details.missing).toEqual(['covering_agreement']);
  });

  it('detects another partner’s exclusive territory and the same customer under a different Chinese name', async () => {
    // 兰亭 (registration on 浙江) registers a financial customer inside 华信's exclusive 金融 × 中国.
    const first = await register(lanting, registration('杭州银泰金融服务有限公司', 'FIN', 'ZJ-HZ'));
    const r1 = await api(app, lanting).post(`/api/deal-registrations/${first}/submit`);
    expect(r1.body).toEqual({ status: 'in_conflict', conflicts: ['exclusive_territory'] });
    // 华信 registers the same customer a minute later, written differently.
    const second = await register(huaxin, registration('银泰金融服务（杭州）有限公司', 'FIN', 'ZJ-HZ', { proofOfCommunication: '电话沟通', customerFeedback: '认可方案', customerDetails: '财务总监' }));
    const r2 = await api(app, huaxin).post(`/api/deal-registrations/${second}/submit`);
    expect(r2.body).toEqual({ status: 'in_conflict', conflicts: ['duplicate_customer'] });
    // A partner never reads another partner's registration.
    expect((await api(app, huaxin).get(`/api/deal-registrations/${first}`)).status).toBe(404);
    // Approving around an open conflict is refused.
    expect((await api(app, manager).post(`/api/deal-registrations/${second}/approve`)).status).toBe(409);
  });

  it('a partner’s own duplicate is refused with a pointer to its existing registration', async () => {
    const a = await register(lanting, registration('绍兴黄酒集团有限公司', 'RET', 'ZJ'));
    await api(app, lanting).post(`/api/deal-registrations/${a}/submit`).expect(200);
    const b = await register(lanting, registration('绍兴黄酒集团有限公司', 'RET', 'ZJ'));
    const res = await api(app, lanting).post(`/api/deal-registrations/${b}/submit`);
    expect(res.status).toBe(409);
    expect(res.body.details.existingRegistrationId).toBe(a);
  });
});
