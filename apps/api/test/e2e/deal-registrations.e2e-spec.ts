import type { INestApplication } from '@nestjs/common';
import { DealRegistrationsService } from '../../src/modules/deal-registrations/deal-registrations.service';
import { businessToday } from '../../src/common/time';
import { api, binaryBody, createTestApp, loginAs } from '../support/test-app';

// First in this file: the sweep test below expires approved registrations, demo ones included.
describe('deal registration demo data', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('has registrations in every state, open conflicts of all three kinds and a resolved split', async () => {
    const manager = await loginAs(app, 'manager@partnerline.demo');
    const statuses = new Set((await api(app, manager).get('/api/deal-registrations?pageSize=200')).body.items.map((r: { status: string }) => r.status));
    for (const s of ['draft', 'in_review', 'in_conflict', 'approved', 'won', 'lost', 'expired', 'rejected', 'withdrawn']) expect(statuses).toContain(s);
    const open = (await api(app, manager).get('/api/conflicts?status=open')).body as { kind: string }[];
    expect(new Set(open.map((c) => c.kind))).toEqual(new Set(['duplicate_customer', 'exclusive_territory', 'direct_sales']));
    const resolved = (await api(app, manager).get('/api/conflicts?status=resolved')).body as { id: string; resolution: string }[];
    const split = resolved.find((c) => c.resolution === 'split')!;
    const detail = (await api(app, manager).get(`/api/conflicts/${split.id}`)).body;
    expect(detail.registrations.map((r: { sharePercent: number }) => r.sharePercent).sort()).toEqual([40, 60]);
  });
});

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
    // 90 days of protection counted from the business day (policy time zone), not the UTC date.
    expect(d.protectionEnds).toBe(new Date(Date.parse(`${businessToday()}T00:00:00Z`) + 89 * 86_400_000).toISOString().slice(0, 10));
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

describe('conflict resolution, protection, direct accounts', () => {
  let app: INestApplication;
  let lanting: string;
  let huaxin: string;
  let manager: string;
  let admin: string;
  let ids: Record<string, string>;
  let products: { id: string; sku: string }[];

  const body = (name: string, industryId: string, regionId: string, extra: object = {}) => ({
    customer: { name, industryId, regionId, ...extra },
    contacts: [{ name: '王总', decisionLevel: 'decision_maker' }],
    products: [{ productId: products[0].id, quantity: 2 }],
    estimatedAmount: '960000.00',
    expectedCloseDate: '2027-06-30',
    stage: 'proposal',
    need: '集团数据中台建设，需要覆盖全部门店。',
    evidence: { proofOfCommunication: '拜访纪要', customerFeedback: '认可', customerDetails: 'CIO 王总' },
  });

  beforeAll(async () => {
    app = await createTestApp();
    [lanting, huaxin, manager, admin] = await Promise.all([loginAs(app, 'owner@lanting.demo'), loginAs(app, 'owner@huaxin.demo'), loginAs(app, 'manager@partnerline.demo'), loginAs(app, 'admin@partnerline.demo')]);
    const industries = (await api(app, manager).get('/api/industries')).body as { id: string; code: string }[];
    const regions = (await api(app, manager).get('/api/regions')).body as { id: string; code: string }[];
    products = (await api(app, manager).get('/api/products')).body;
    ids = {
      fin: industries.find((i) => i.code === 'FIN')!.id,
      ret: industries.find((i) => i.code === 'RET')!.id,
      hz: regions.find((r) => r.code === 'ZJ-HZ')!.id,
      zj: regions.find((r) => r.code === 'ZJ')!.id,
    };
  });
  afterAll(() => app.close());

  it('recommends with reasons and resolves a 60/40 split; both partners are told and protected', async () => {
    const a = (await api(app, lanting).post('/api/deal-registrations').send(body('杭州西湖银行股份有限公司', ids.fin, ids.hz))).body.id;
    await api(app, lanting).post(`/api/deal-registrations/${a}/submit`).expect(200);
    const b = (await api(app, huaxin).post('/api/deal-registrations').send(body('西湖银行（杭州）股份有限公司', ids.fin, ids.hz))).body.id;
    expect((await api(app, huaxin).post(`/api/deal-registrations/${b}/submit`)).body.status).toBe('in_conflict');
    // One case per customer: 华信's registration joined the case 兰亭's submission opened (exclusive territory).
    const dup = ((await api(app, manager).get(`/api/deal-registrations/${b}`)).body.conflicts as { id: string; status: string }[]).find((c) => c.status === 'open')!;
    const detail = (await api(app, manager).get(`/api/conflicts/${dup.id}`)).body;
    expect(detail.registrations.map((r: { partnerName: string }) => r.partnerName)).toEqual(['兰亭科技有限公司', '华信智联科技有限公司']);
    // 华信 holds the exclusive 金融 × 中国: the owner is recommended, and the system says why.
    expect(detail.recommendation).toEqual({ outcome: 'award', winnerId: b, reasons: ['exclusive_owner'] });
    const noRationale = await api(app, manager).post(`/api/conflicts/${dup.id}/resolve`).send({ resolution: 'split', shares: [{ registrationId: a, percent: 60 }, { registrationId: b, percent: 40 }], rationale: '' });
    expect(noRationale.status).toBe(400);
    const badSplit = await api(app, manager).post(`/api/conflicts/${dup.id}/resolve`).send({ resolution: 'split', shares: [{ registrationId: a, percent: 60 }, { registrationId: b, percent: 30 }], rationale: '双方共同推进' });
    expect(badSplit.status).toBe(422);
    await api(app, manager)
      .post(`/api/conflicts/${dup.id}/resolve`)
      .send({ resolution: 'split', shares: [{ registrationId: a, percent: 60 }, { registrationId: b, percent: 40 }], rationale: '兰亭有客户关系，华信持有独家，双方合作推进。' })
      .expect(204);
    const after = (await api(app, manager).get(`/api/conflicts/${dup.id}`)).body;
    expect(after.registrations.map((r: { sharePercent: number }) => r.sharePercent)).toEqual([60, 40]);
    expect((await api(app, huaxin).get(`/api/deal-registrations/${b}`)).body.status).toBe('approved');
    const notes = (await api(app, lanting).get('/api/notifications')).body.items.map((n: { kind: string }) => n.kind);
    expect(notes).toContain('registration.conflict_resolved');
  });

  it('one extension with a progress update, then won; the sweep expires and reminds exactly once', async () => {
    const id = (await api(app, lanting).post('/api/deal-registrations').send(body('湖州丝绸之路集团有限公司', ids.ret, ids.zj))).body.id;
    await api(app, lanting).post(`/api/deal-registrations/${id}/submit`).expect(200);
    await api(app, manager).post(`/api/deal-registrations/${id}/approve`).expect(204);
    const ext = await api(app, lanting).post(`/api/deal-registrations/${id}/extend`).send({ progress: '已完成 POC，进入商务谈判。' });
    expect(ext.status).toBe(200);
    expect((await api(app, lanting).post(`/api/deal-registrations/${id}/extend`).send({ progress: '客户内部审批延迟，再申请一次延期。' })).status).toBe(422);
    await api(app, lanting).post(`/api/deal-registrations/${id}/won`).send({ amount: '880000.00', date: '2027-01-15' }).expect(204);
    expect((await api(app, lanting).get(`/api/deal-registrations/${id}`)).body.status).toBe('won');

    const other = (await api(app, lanting).post('/api/deal-registrations').send(body('嘉兴南湖科技园发展有限公司', ids.ret, ids.zj))).body.id;
    await api(app, lanting).post(`/api/deal-registrations/${other}/submit`).expect(200);
    await api(app, manager).post(`/api/deal-registrations/${other}/approve`).expect(204);
    const ends = (await api(app, lanting).get(`/api/deal-registrations/${other}`)).body.protectionEnds as string;
    const svc = app.get(DealRegistrationsService);
    const fourteenBefore = new Date(new Date(`${ends}T00:00:00Z`).getTime() - 14 * 86_400_000).toISOString().slice(0, 10);
    expect((await svc.sweep(fourteenBefore)).reminded).toBeGreaterThanOrEqual(1);
    expect((await svc.sweep(fourteenBefore)).reminded).toBe(0);
    const dayAfter = new Date(new Date(`${ends}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
    expect((await svc.sweep(dayAfter)).expired).toContain(other);
  });

  it('imports direct accounts by CSV with a row-by-row report; a registration of one is a direct-sales conflict', async () => {
    const csv = ['kind,name,tax_id,domain,industry_code,region_code,owner', 'named_account,杭州湾大酒店有限公司,,hzbay.example.cn,RET,ZJ-HZ,直销一部', 'bogus,某公司,,,,,', 'open_opportunity,,,,,,', 'named_account,Ningbo Port Logistics Co Ltd,,,LOG,XX,直销二部'].join('\n');
    const res = await api(app, admin).post('/api/direct-accounts/import').send({ csv });
    expect(res.body.imported).toBe(1);
    expect(res.body.rejected.map((r: { line: number }) => r.line)).toEqual([3, 4, 5]);
    expect(res.body.rejected[2].reason).toContain('XX');
    expect((await api(app, manager).post('/api/direct-accounts/import').send({ csv })).status).toBe(403);
    const id = (await api(app, lanting).post('/api/deal-registrations').send(body('杭州湾大酒店', ids.ret, ids.hz, { domain: 'https://www.hzbay.example.cn' }))).body.id;
    expect((await api(app, lanting).post(`/api/deal-registrations/${id}/submit`)).body).toEqual({ status: 'in_conflict', conflicts: ['direct_sales'] });
    const c = (await api(app, manager).get('/api/conflicts?status=open')).body.find((x: { kind: string; customerName: string }) => x.kind === 'direct_sales' && x.customerName === '杭州湾大酒店');
    const detail = (await api(app, manager).get(`/api/conflicts/${c.id}`)).body;
    // A partner over direct sales: protect the partner's interest first.
    expect(detail.recommendation).toEqual({ outcome: 'award', winnerId: id, reasons: ['partner_over_direct', 'first_to_register'] });
  });

  it('the review queue lists by SLA due, with breaches flagged; partners see only their own', async () => {
    const queue = (await api(app, manager).get('/api/deal-registrations?pageSize=200')).body.items as { slaDue: string | null; status: string; partnerName: string }[];
    const open = queue.filter((r) => ['in_review', 'in_conflict'].includes(r.status));
    expect(open.map((r) => r.slaDue)).toEqual([...open.map((r) => r.slaDue)].sort());
    const mine = (await api(app, lanting).get('/api/deal-registrations?pageSize=200')).body.items as { partnerName: string }[];
    expect(mine.every((r) => r.partnerName === '兰亭科技有限公司')).toBe(true);
  });
});

describe('deal registration policies: auto-approval and SLA escalation', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('auto-approves inside the partner’s own exclusive scope when the policy says so; escalates overdue reviews once', async () => {
    const [admin, huaxin, manager] = await Promise.all([loginAs(app, 'admin@partnerline.demo'), loginAs(app, 'owner@huaxin.demo'), loginAs(app, 'manager@partnerline.demo')]);
    const policies = (await api(app, admin).get('/api/policies')).body.policies;
    await api(app, admin).put('/api/policies').send({ ...policies, registrations: { ...policies.registrations, autoApproveInOwnExclusiveScope: true } }).expect(200);
    try {
      const industries = (await api(app, manager).get('/api/industries')).body as { id: string; code: string }[];
      const regions = (await api(app, manager).get('/api/regions')).body as { id: string; code: string }[];
      const products = (await api(app, manager).get('/api/products')).body as { id: string }[];
      const res = await api(app, huaxin)
        .post('/api/deal-registrations')
        .send({
          customer: { name: `拉萨城市商业银行${Date.now()}`, industryId: industries.find((i) => i.code === 'FIN')!.id, regionId: regions.find((r) => r.code === 'XZ')!.id },
          contacts: [{ name: '次仁', decisionLevel: 'decision_maker' }],
          products: [{ productId: products[0].id, quantity: 1 }],
          estimatedAmount: '500000.00',
          expectedCloseDate: '2027-09-30',
          stage: 'qualifying',
          need: '核心业务数据整合与监管报送。',
          evidence: { proofOfCommunication: '电话', customerFeedback: '积极', customerDetails: '信息科技部' },
        });
      const submitted = await api(app, huaxin).post(`/api/deal-registrations/${res.body.id}/submit`);
      expect(submitted.body.status).toBe('approved');
    } finally {
      await api(app, admin).put('/api/policies').send(policies).expect(200);
    }
    const svc = app.get(DealRegistrationsService);
    const farFuture = '2099-01-01';
    const first = await svc.sweep(farFuture);
    expect(first.escalated).toBeGreaterThan(0);
    expect((await svc.sweep(farFuture)).escalated).toBe(0);
    const adminNotes = (await api(app, admin).get('/api/notifications')).body.items.map((n: { kind: string }) => n.kind);
    expect(adminNotes).toContain('registration.sla_breached');
  });
});

describe('evidence files', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('stores checked files that count toward the evidence standard; refuses fakes, wrong types and oversized files', async () => {
    const [lanting, huaxin, manager] = await Promise.all([loginAs(app, 'owner@lanting.demo'), loginAs(app, 'owner@huaxin.demo'), loginAs(app, 'manager@partnerline.demo')]);
    const industries = (await api(app, manager).get('/api/industries')).body as { id: string; code: string }[];
    const regions = (await api(app, manager).get('/api/regions')).body as { id: string; code: string }[];
    const products = (await api(app, manager).get('/api/products')).body as { id: string }[];
    const id = (
      await api(app, lanting)
        .post('/api/deal-registrations')
        .send({
          customer: { name: `台州吉利汽车零部件${Date.now()}有限公司`, industryId: industries.find((i) => i.code === 'MFG')!.id, regionId: regions.find((r) => r.code === 'ZJ')!.id },
          contacts: [{ name: '周工', decisionLevel: 'user_influencer' }],
          products: [{ productId: products[0].id, quantity: 1 }],
          estimatedAmount: '350000.00',
          expectedCloseDate: '2027-04-30',
          stage: 'qualifying',
          need: '产线数据采集与质量分析平台。',
          evidence: { customerDetails: '设备部周工' },
        })
    ).body.id as string;
    // Without proof of communication the standard is not met…
    expect((await api(app, lanting).post(`/api/deal-registrations/${id}/submit`)).body.details.missing).toEqual(['proofOfCommunication']);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
    // 兰亭's owner reads Chinese; ask for English to read the refusal in English (the Chinese one is tested below).
    const fake = await api(app, lanting).post(`/api/deal-registrations/${id}/evidence`).set('Accept-Language', 'en').field('kind', 'proofOfCommunication').attach('file', Buffer.from('not really a pdf'), '纪要.pdf');
    expect(fake.status).toBe(422);
    expect(fake.body.message).toContain('not a real .pdf');
    const exe = await api(app, lanting).post(`/api/deal-registrations/${id}/evidence`).field('kind', 'proofOfCommunication').attach('file', Buffer.from('MZ...'), 'tool.exe');
    expect(exe.status).toBe(422);
    const big = await api(app, lanting).post(`/api/deal-registrations/${id}/evidence`).field('kind', 'proofOfCommunication').attach('file', Buffer.concat([pdf, Buffer.alloc(6 * 1024 * 1024)]), 'big.pdf');
    expect(big.status).toBe(413);
    const ok = await api(app, lanting).post(`/api/deal-registrations/${id}/evidence`).field('kind', 'proofOfCommunication').attach('file', pdf, '拜访纪要.pdf');
    expect(ok.status).toBe(201);
    // …a file of that kind meets it.
    expect((await api(app, lanting).post(`/api/deal-registrations/${id}/submit`)).body.status).toBe('in_review');
    const files = (await api(app, manager).get(`/api/deal-registrations/${id}/evidence`)).body;
    expect(files).toEqual([expect.objectContaining({ kind: 'proofOfCommunication', filename: '拜访纪要.pdf', mimeType: 'application/pdf', size: pdf.length })]);
    const download = await api(app, manager).get(`/api/deal-registrations/${id}/evidence/${files[0].id}`).buffer(true).parse(binaryBody);
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
    expect((await api(app, huaxin).get(`/api/deal-registrations/${id}/evidence/${files[0].id}`)).status).toBe(404);
  });
});
