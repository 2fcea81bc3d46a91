import type { INestApplication } from '@nestjs/common';
import { usccCheckChar } from '@partnerline/domain';
import request from 'supertest';
import { api, createTestApp, loginAs, PASSWORD } from '../support/test-app';

let seq = 0;
/** A fresh, valid credit code and domain per application, so tests never collide. */
function uniqueCompany() {
  seq++;
  const body = `91310115MA${String(Date.now() % 1e6).padStart(6, '0')}${seq % 10}`;
  return { taxId: body + usccCheckChar(body), domain: `applicant-${Date.now()}-${seq}.example.cn` };
}

describe('partner screening and onboarding', () => {
  let app: INestApplication;
  let manager: string;
  let industries: { id: string; code: string }[];
  let regions: { id: string; code: string }[];

  function application(overrides: Record<string, unknown> = {}) {
    const { taxId, domain } = uniqueCompany();
    return {
      companyName: '杭州云岚数据科技有限公司',
      companyNameEn: 'Hangzhou Yunlan Data Technology Co., Ltd.',
      taxIdKind: 'uscc',
      taxId,
      domain,
      regionId: regions.find((r) => r.code === 'ZJ-HZ')!.id,
      headcount: 85,
      annualRevenue: '26800000.00',
      yearsTrading: 6,
      businessLines: ['数据分析', '系统集成'],
      existingVendors: ['阿里云'],
      cashFlow: { positiveLastYear: true, receivablesDays: 75 },
      type: 'smb',
      desiredSegments: [{ industryId: industries.find((i) => i.code === 'RET')!.id, regionId: regions.find((r) => r.code === 'ZJ')!.id }],
      personInCharge: { name: '沈岚', title: '副总经理', email: 'shen@example.cn' },
      contacts: [],
      declarations: { integrity: true, noConflictingCompetitorProducts: true },
      account: { email: `owner-${domain}@example.cn`, displayName: '沈岚', password: 'Applicant-pass-2026', locale: 'zh-CN' },
      ...overrides,
    };
  }

  beforeAll(async () => {
    app = await createTestApp();
    manager = await loginAs(app, 'manager@partnerline.demo');
    industries = (await api(app, manager).get('/api/industries')).body;
    regions = (await api(app, manager).get('/api/regions')).body;
  });
  afterAll(() => app.close());

  async function applyAndScreen() {
    const res = await request(app.getHttpServer()).post('/api/partner-applications').set('Accept-Language', 'zh-CN').send(application());
    expect(res.status).toBe(201);
    const me = (await api(app, manager).get('/api/auth/me')).body;
    await api(app, manager).post(`/api/partners/${res.body.partnerId}/assign`).send({ managerId: me.id }).expect(204);
    return { partnerId: res.body.partnerId as string, applicant: res.body.token as string };
  }

  const passingSmbCard = { type: 'smb', scores: { cashFlowStability: 4, customerProximity: 4, dedicatedOwner: 3, integrityCompliance: 5 }, evidence: { integrityCompliance: '无纠纷记录' } };

  it('the whole path: apply → assign → score → request info → answer → trial → successful trial, visible to both sides', async () => {
    const applied = await request(app.getHttpServer()).post('/api/partner-applications').set('Accept-Language', 'zh-CN').send(application());
    expect(applied.status).toBe(201);
    expect(applied.body.reference).toMatch(/^PL-[0-9A-F]{8}$/);
    expect(applied.body.user).toMatchObject({ role: 'partner_admin', partnerId: applied.body.partnerId });
    const applicant = applied.body.token as string;
    const id = applied.body.partnerId as string;
    expect((await api(app, applicant).get(`/api/partners/${id}`)).body.stage).toBe('applied');

    const managers = (await api(app, manager).get('/api/notifications')).body;
    expect(managers.items.some((n: { kind: string; title: string }) => n.kind === 'application.submitted' && n.title.includes('杭州云岚'))).toBe(true);

    const me = (await api(app, manager).get('/api/auth/me')).body;
    await api(app, manager).post(`/api/partners/${id}/assign`).send({ managerId: me.id }).expect(204);
    const card = await api(app, manager).post(`/api/partners/${id}/screenings`).send(passingSmbCard);
    expect(card.status).toBe(201);
    expect(card.body).toMatchObject({ total: 82, passed: true, knockedOut: false });

    await api(app, manager).post(`/api/partners/${id}/decisions`).send({ decision: 'request_info', question: '请补充近两年的客户案例。' }).expect(204);
    const seen = (await api(app, applicant).get(`/api/partners/${id}`)).body;
    expect(seen.stage).toBe('info_requested');
    expect(seen.infoRequests[0]).toMatchObject({ question: '请补充近两年的客户案例。', answer: null });
    expect(seen.screenings).toEqual([]); // the vendor's scorecards stay internal
    const applicantNotes = (await api(app, applicant).get('/api/notifications').set('Accept-Language', 'zh-CN')).body;
    expect(applicantNotes.items[0]).toMatchObject({ kind: 'application.info_requested', title: '您的申请需要补充信息', link: '/portal/application' });

    await api(app, applicant).post(`/api/partners/${id}/info-requests/${seen.infoRequests[0].id}/answer`).send({ answer: '已补充 3 个零售客户案例。' }).expect(204);
    const answered = (await api(app, manager).get(`/api/partners/${id}`)).body;
    expect(answered.stage).toBe('screening');
    expect(answered.infoRequests[0].answer).toBe('已补充 3 个零售客户案例。');
    expect(answered.allowedDecisions).toEqual(['reject', 'request_info', 'approve_trial', 'approve']);

    await api(app, manager)
      .post(`/api/partners/${id}/decisions`)
      .send({ decision: 'approve_trial', trial: { customer: '杭州银泰百货', scope: '门店数据分析试点', endDate: '2027-03-31' } })
      .expect(204);
    expect((await api(app, applicant).get(`/api/partners/${id}`)).body).toMatchObject({ status: 'trial', stage: 'trial' });

    await api(app, manager).post(`/api/partners/${id}/trial-outcome`).send({ outcome: 'success', notes: '试点按期上线，客户满意。' }).expect(204);
    const done = (await api(app, applicant).get(`/api/partners/${id}`)).body;
    expect(done).toMatchObject({ status: 'trial', stage: 'trial_succeeded' });
    expect(done.approvedAt).not.toBeNull();
    expect(done.trials[0]).toMatchObject({ outcome: 'success', customer: '杭州银泰百货' });
    expect(done.statusHistory.map((h: { toStatus: string }) => h.toStatus)).toEqual(['applied', 'screening', 'trial']);

    const audit = await api(app, await loginAs(app, 'admin@partnerline.demo')).get(`/api/audit?entity=partner&entityId=${id}&pageSize=50`);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['partner.applied', 'partner.assigned', 'partner.scored', 'partner.decision.request_info', 'partner.info_answered', 'partner.decision.approve_trial', 'partner.trial_success']),
    );
  });

  it('a bad credit code → 400 naming taxId and the expected check digit', async () => {
    const a = application();
    const wrong = a.taxId.slice(0, 17) + (a.taxId[17] === '0' ? '1' : '0');
    const res = await request(app.getHttpServer()).post('/api/partner-applications').set('Accept-Language', 'zh-CN').send({ ...a, taxId: wrong });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: 'taxId', code: 'validation.uscc_checksum', message: expect.stringContaining(`应为 ${a.taxId[17]}`) }]);
  });

  it('a second application for the same tax id or domain → 409 pointing at the first', async () => {
    const first = application();
    await request(app.getHttpServer()).post('/api/partner-applications').send(first).expect(201);
    const sameTax = await request(app.getHttpServer()).post('/api/partner-applications').send({ ...application(), taxId: first.taxId });
    expect(sameTax.status).toBe(409);
    expect(sameTax.body.details).toMatchObject({ field: 'taxId', reference: expect.stringMatching(/^PL-/), status: 'applied' });
    const sameDomain = await request(app.getHttpServer()).post('/api/partner-applications').send({ ...application(), domain: first.domain });
    expect(sameDomain.status).toBe(409);
    expect(sameDomain.body.details.field).toBe('domain');
  });

  it('a score of 7 → 400 naming the criterion; a wrong-type scorecard → 422', async () => {
    const { partnerId } = await applyAndScreen();
    const seven = await api(app, manager).post(`/api/partners/${partnerId}/screenings`).send({ ...passingSmbCard, scores: { ...passingSmbCard.scores, customerProximity: 7 } });
    expect(seven.status).toBe(400);
    expect(seven.body.issues[0].path).toBe('scores.customerProximity');
    const wrongType = await api(app, manager)
      .post(`/api/partners/${partnerId}/screenings`)
      .send({ type: 'strategic', integrity: 4, scores: { customerRelationships: 4, execution: 4, strategicFit: 4, segmentCoverage: 4 } });
    expect(wrongType.status).toBe(422);
  });

  it('approval needs a passing scorecard; an integrity knock-out fails whatever the total', async () => {
    const { partnerId } = await applyAndScreen();
    const early = await api(app, manager).post(`/api/partners/${partnerId}/decisions`).send({ decision: 'approve' });
    expect(early.status).toBe(422);
    expect(early.body.details.reason).toBe('no_scorecard');
    const knocked = await api(app, manager).post(`/api/partners/${partnerId}/screenings`).send({ type: 'smb', scores: { cashFlowStability: 5, customerProximity: 5, dedicatedOwner: 5, integrityCompliance: 2 } });
    expect(knocked.body).toMatchObject({ passed: false, knockedOut: true, reasons: ['integrity_knockout'] });
    expect((await api(app, manager).post(`/api/partners/${partnerId}/decisions`).send({ decision: 'approve' })).body.details.reason).toBe('scorecard_failed');
  });

  it('rejected → active is a 409 listing the allowed transitions; the reason reaches the applicant', async () => {
    const { partnerId, applicant } = await applyAndScreen();
    await api(app, manager).post(`/api/partners/${partnerId}/decisions`).send({ decision: 'reject', reason: '目标行业与我方布局不符。' }).expect(204);
    const res = await api(app, manager).post(`/api/partners/${partnerId}/status`).send({ status: 'active', reason: 'try' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'rejected', to: 'active', allowed: [] } });
    const seen = (await api(app, applicant).get(`/api/partners/${partnerId}`)).body;
    expect(seen.stage).toBe('rejected');
    expect(seen.decisions).toEqual([expect.objectContaining({ decision: 'reject', text: '目标行业与我方布局不符。' })]);
  });

  it('suspend and reactivate an active partner, with the reason in its history', async () => {
    const admin = await loginAs(app, 'admin@partnerline.demo');
    const list = (await api(app, admin).get('/api/partners?q=qingyun&pageSize=5')).body.items;
    const id = list[0].id;
    await api(app, manager).post(`/api/partners/${id}/status`).send({ status: 'suspended', reason: '回款逾期 90 天' }).expect(204);
    await api(app, manager).post(`/api/partners/${id}/status`).send({ status: 'active', reason: '已结清欠款' }).expect(204);
    const d = (await api(app, admin).get(`/api/partners/${id}`)).body;
    expect(d.statusHistory.slice(-2).map((h: { toStatus: string; reason: string }) => [h.toStatus, h.reason])).toEqual([
      ['suspended', '回款逾期 90 天'],
      ['active', '已结清欠款'],
    ]);
  });

  it('a partner cannot screen or decide (403) nor read another applicant (404)', async () => {
    const { partnerId } = await applyAndScreen();
    const huaxin = await loginAs(app, 'owner@huaxin.demo');
    expect((await api(app, huaxin).post(`/api/partners/${partnerId}/decisions`).send({ decision: 'approve' })).status).toBe(403);
    expect((await api(app, huaxin).get(`/api/partners/${partnerId}`)).status).toBe(404);
    expect((await api(app, huaxin).get(`/api/partners/${partnerId}/users`)).status).toBe(404);
  });

  it('the directory filters by type, status, manager, segment and text (Chinese and Latin), sorts, pages and exports CSV', async () => {
    const byZh = (await api(app, manager).get('/api/partners?q=华信')).body;
    expect(byZh.items.map((p: { name: string }) => p.name)).toContain('华信智联科技有限公司');
    const byEn = (await api(app, manager).get('/api/partners?q=huaxin zhilian')).body;
    expect(byEn.items[0].name).toBe('华信智联科技有限公司');
    const typo = (await api(app, manager).get('/api/partners?q=Huaxin Zhilain Technology')).body;
    expect(typo.items.map((p: { name: string }) => p.name)).toContain('华信智联科技有限公司');
    const smbTrial = (await api(app, manager).get('/api/partners?type=smb&status=trial&pageSize=100')).body;
    expect(smbTrial.total).toBeGreaterThan(0);
    expect(smbTrial.items.every((p: { type: string; status: string }) => p.type === 'smb' && p.status === 'trial')).toBe(true);
    const sorted = (await api(app, manager).get('/api/partners?sort=applicationAge&order=asc&pageSize=100')).body.items.map((p: { appliedAt: string }) => p.appliedAt);
    expect([...sorted].sort()).toEqual(sorted);
    const page2 = (await api(app, manager).get('/api/partners?pageSize=10&page=2')).body;
    expect(page2.items).toHaveLength(10);
    const zj = regions.find((r) => r.code === 'ZJ')!;
    const inZj = (await api(app, manager).get(`/api/partners?regionId=${zj.id}&pageSize=100`)).body.items.map((p: { name: string }) => p.name);
    expect(inZj).toContain('兰亭科技有限公司');
    expect(inZj).not.toContain('华信智联科技有限公司');
    const csv = await api(app, manager).get('/api/partners?format=csv&type=strategic');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.startsWith('\uFEFFname,name_en,type,status')).toBe(true);
    expect(csv.text).toContain('华信智联科技有限公司');
    expect(csv.text).not.toContain('兰亭科技有限公司');
  });

  it('a partner admin invites a team member, who sets a password and signs in; disabling ends the sessions', async () => {
    const owner = await loginAs(app, 'owner@huaxin.demo');
    const me = (await api(app, owner).get('/api/auth/me')).body;
    const email = `presales-${Date.now()}@huaxin.demo`;
    const invite = await api(app, owner).post(`/api/partners/${me.partnerId}/users`).send({ email, displayName: '周工', jobRole: 'presales' });
    expect(invite.status).toBe(201);
    const token = new URL(invite.body.inviteUrl).searchParams.get('token')!;
    expect((await request(app.getHttpServer()).post('/api/auth/login').send({ email, password: 'anything-at-all' })).status).toBe(401);
    await request(app.getHttpServer()).post('/api/invitations/accept').send({ token, password: 'Presales-pass-2026' }).expect(200);
    expect((await request(app.getHttpServer()).post('/api/invitations/accept').send({ token, password: 'Presales-pass-2026' })).status).toBe(422);
    const member = await loginAs(app, email, 'Presales-pass-2026');
    expect((await api(app, member).get('/api/auth/me')).body).toMatchObject({ role: 'partner_user', jobRole: 'presales', partnerId: me.partnerId });
    const users = (await api(app, owner).get(`/api/partners/${me.partnerId}/users`)).body;
    const added = users.find((u: { email: string }) => u.email === email);
    await api(app, owner).post(`/api/partners/${me.partnerId}/users/${added.id}/disable`).send({ disabled: true }).expect(204);
    expect((await api(app, member).get('/api/auth/me')).status).toBe(401);

    const lanting = await loginAs(app, 'owner@lanting.demo');
    expect((await api(app, lanting).post(`/api/partners/${me.partnerId}/users`).send({ email: 'x@y.demo', displayName: 'x', jobRole: 'sales' })).status).toBe(404);
    const sales = await loginAs(app, 'sales@huaxin.demo');
    expect((await api(app, sales).post(`/api/partners/${me.partnerId}/users`).send({ email: 'x@y.demo', displayName: 'x', jobRole: 'sales' })).status).toBe(403);
  });

  it('notifications can be marked read, one or all, only the caller’s own', async () => {
    const { applicant } = await applyAndScreen();
    const list = (await api(app, applicant).get('/api/notifications')).body;
    expect(list.unread).toBeGreaterThan(0);
    await api(app, manager).post(`/api/notifications/${list.items[0].id}/read`).expect(404); // someone else's: not found (issue #12), no effect
    expect((await api(app, applicant).get('/api/notifications')).body.unread).toBe(list.unread);
    await api(app, applicant).post(`/api/notifications/${list.items[0].id}/read`).expect(204);
    expect((await api(app, applicant).get('/api/notifications')).body.unread).toBe(list.unread - 1);
    await api(app, applicant).post('/api/notifications/read-all').expect(204);
    expect((await api(app, applicant).get('/api/notifications')).body.unread).toBe(0);
  });

  it('seeded applicants exist at every stage', async () => {
    const all = (await api(app, manager).get('/api/partners?pageSize=200')).body.items as { stage: string; email?: string }[];
    const stages = new Set(all.map((p) => p.stage));
    for (const s of ['applied', 'screening', 'info_requested', 'approved', 'trial', 'trial_succeeded', 'rejected', 'active', 'suspended', 'terminated']) expect(stages).toContain(s);
    void PASSWORD;
  });
});
