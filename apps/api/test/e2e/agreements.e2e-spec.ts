import type { INestApplication } from '@nestjs/common';
import { AgreementsService } from '../../src/modules/agreements/agreements.service';
import { businessToday } from '../../src/common/time';
import { api, createTestApp, dataSourceOf, loginAs } from '../support/test-app';

const plus = (n: number) => new Date(Date.parse(`${businessToday()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type Ref = { id: string; code: string };

describe('agreements', () => {
  let app: INestApplication;
  let manager: string;
  let manager2: string;
  let admin: string;
  let industries: Ref[];
  let regions: Ref[];
  let partners: { id: string; name: string }[];
  const ind = (c: string) => industries.find((i) => i.code === c)!.id;
  const reg = (c: string) => regions.find((r) => r.code === c)!.id;
  const partner = (q: string) => partners.find((p) => p.name.includes(q))!.id;

  function exclusive(partnerId: string, scope: [string | null, string | null][], startDate: string, endDate: string) {
    return {
      partnerId,
      type: 'exclusive',
      scope: scope.map(([i, r]) => ({ industryId: i && ind(i), regionId: r && reg(r) })),
      startDate,
      endDate,
      evaluationPeriod: 'quarter',
      quotaPerPeriod: '5000000.00',
      deposit: { amount: '200000.00', dueDate: startDate, handling: 'offset' },
      obligations: { vendor: '提供售前支持', partner: '按期回款' },
    };
  }

  async function draftAndSubmit(body: object, by = manager): Promise<string> {
    const res = await api(app, by).post('/api/agreements').send(body);
    expect(res.status).toBe(201);
    await api(app, by).post(`/api/agreements/${res.body.id}/submit`).expect(204);
    return res.body.id;
  }

  beforeAll(async () => {
    app = await createTestApp();
    [manager, manager2, admin] = await Promise.all([loginAs(app, 'manager@partnerline.demo'), loginAs(app, 'manager2@partnerline.demo'), loginAs(app, 'admin@partnerline.demo')]);
    industries = (await api(app, manager).get('/api/industries')).body;
    regions = (await api(app, manager).get('/api/regions')).body;
    partners = (await api(app, manager).get('/api/partners?pageSize=200')).body.items;
  });
  afterAll(() => app.close());

  it('drafts, submits and — approved by another manager — activates, claiming the segment', async () => {
    const id = await draftAndSubmit(exclusive(partner('华信'), [['RES', 'ZJ']], '2030-01-01', '2030-12-31'));
    const self = await api(app, manager).post(`/api/agreements/${id}/approve`).send({});
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('SELF_APPROVAL');
    await api(app, manager2).post(`/api/agreements/${id}/approve`).send({}).expect(204);
    const detail = (await api(app, manager).get(`/api/agreements/${id}`)).body;
    expect(detail).toMatchObject({ status: 'active', approvedBy: 'Emily Chen', number: expect.stringMatching(/^PL-EX-2030-/) });
    const holder = (await api(app, manager).get(`/api/exclusivity?industryId=${ind('RES')}&regionId=${reg('ZJ-HZ')}&on=2030-06-01`)).body.holder;
    expect(holder).toMatchObject({ agreementId: id, partnerName: '华信智联科技有限公司' });
    expect((await api(app, manager).get(`/api/exclusivity?industryId=${ind('RES')}&regionId=${reg('ZJ-HZ')}&on=2031-01-01`)).body.holder).toBeNull();
  });

  it('catches overlap through the region tree (all of China vs one city) with a 409 naming the holder; adjacent terms are fine', async () => {
    const china = await draftAndSubmit(exclusive(partner('华信'), [['LOG', 'CN']], '2031-01-01', '2031-12-31'));
    await api(app, manager2).post(`/api/agreements/${china}/approve`).send({}).expect(204);
    const city = await draftAndSubmit(exclusive(partner('鼎盛'), [['LOG', 'GD-SZ']], '2031-06-01', '2032-05-31'));
    const res = await api(app, manager2).post(`/api/agreements/${city}/approve`).send({}).set('Accept-Language', 'zh-CN');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EXCLUSIVE_OVERLAP');
    expect(res.body.message).toContain('华信智联科技有限公司');
    expect(res.body.details.holder.agreementId).toBe(china);
    expect(res.body.details.overlaps[0]).toMatchObject({ regionNameZh: '深圳市', from: '2031-01-01', until: '2031-12-31' });
    expect((await api(app, manager).get(`/api/agreements/${city}`)).body.status).toBe('pending_approval');

    const adjacent = await draftAndSubmit(exclusive(partner('鼎盛'), [['LOG', 'GD-SZ']], '2032-01-01', '2032-12-31'));
    await api(app, manager2).post(`/api/agreements/${adjacent}/approve`).send({}).expect(204);

    const preview = await api(app, manager).post('/api/exclusivity/preview').send({ scope: [{ industryId: ind('LOG'), regionId: reg('GD') }], startDate: '2031-12-01', endDate: '2032-02-01' });
    expect(new Set(preview.body.overlaps.map((o: { agreementId: string }) => o.agreementId))).toEqual(new Set([china, adjacent]));
  });

  it('exclusive without a track record → 422 naming it; a vendor admin may override in writing (audited)', async () => {
    const noRecord = partners.find((p) => p.name.includes('开元'))!.id; // approved in screening, no trial
    const id = await draftAndSubmit(exclusive(noRecord, [['RES', 'SX']], '2030-01-01', '2030-12-31'));
    const res = await api(app, manager2).post(`/api/agreements/${id}/approve`).send({});
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'AGREEMENT_INCOMPLETE', details: { missing: ['track_record'] } });
    expect((await api(app, manager2).post(`/api/agreements/${id}/approve`).send({ overrideTrackRecord: { justification: '省级重点客户指定合作方，管理层特批。' } })).status).toBe(403);
    await api(app, admin).post(`/api/agreements/${id}/approve`).send({ overrideTrackRecord: { justification: '省级重点客户指定合作方，管理层特批。' } }).expect(204);
    const audit = (await api(app, admin).get(`/api/audit?entity=agreement&entityId=${id}`)).body.items;
    expect(audit[0]).toMatchObject({ action: 'agreement.approved', actorEmail: 'admin@partnerline.demo' });
    expect(audit[0].after.overrideJustification).toContain('特批');
    // Its first agreement made the approved applicant an active partner.
    expect((await api(app, admin).get(`/api/partners/${noRecord}`)).body.status).toBe('active');
  });

  it('refuses to submit an incomplete agreement, naming what is missing', async () => {
    const res = await api(app, manager).post('/api/agreements').send({ partnerId: partner('兰亭'), type: 'registration', scope: [{ industryId: null, regionId: reg('ZJ') }], startDate: '2030-01-01', endDate: '2030-12-31' });
    const submit = await api(app, manager).post(`/api/agreements/${res.body.id}/submit`);
    expect(submit.status).toBe(422);
    expect(submit.body.details.missing).toEqual(['evidence_standard']);
    const dist = await api(app, manager).post('/api/agreements').send({ partnerId: partner('金石'), type: 'distribution', scope: [{ industryId: null, regionId: reg('JS') }], startDate: '2030-01-01', endDate: '2030-12-31' });
    expect((await api(app, manager).post(`/api/agreements/${dist.body.id}/submit`)).body.details.missing).toEqual(['products']);
  });

  it('an amendment is a new version approved again, with a diff; termination frees the segment', async () => {
    const id = await draftAndSubmit(exclusive(partner('华信'), [['RES', 'HB']], '2030-01-01', '2030-12-31'));
    await api(app, manager2).post(`/api/agreements/${id}/approve`).send({}).expect(204);
    const current = (await api(app, manager).get(`/api/agreements/${id}`)).body.terms;
    const amended = await api(app, manager).post(`/api/agreements/${id}/amend`).send({ ...current, quotaPerPeriod: '6500000.00' });
    expect(amended.body).toEqual({ version: 2 });
    await api(app, manager2).post(`/api/agreements/${id}/approve`).send({}).expect(204);
    const versions = (await api(app, manager).get(`/api/agreements/${id}/versions`)).body;
    expect(versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, 'approved'],
      [2, 'approved'],
    ]);
    expect(versions[1].changedFields).toEqual(['quotaPerPeriod']);
    expect((await api(app, manager).get(`/api/agreements/${id}`)).body).toMatchObject({ version: 2, quotaPerPeriod: '6500000.00' });

    // Terminated with effect on 07-01: still in force (and holding its scope) through 06-30 (issue #11).
    await api(app, manager).post(`/api/agreements/${id}/terminate`).send({ reason: '双方协商解除', effectiveDate: '2030-07-01' }).expect(204);
    expect((await api(app, manager).get(`/api/exclusivity?industryId=${ind('RES')}&regionId=${reg('HB')}&on=2030-06-30`)).body.holder?.agreementId).toBe(id);
    expect((await api(app, manager).get(`/api/exclusivity?industryId=${ind('RES')}&regionId=${reg('HB')}&on=2030-07-01`)).body.holder).toBeNull();
  });

  it('termination on D: in force through D−1 ("terminates on D"), terminated from D; a successor may start on D', async () => {
    const id = await draftAndSubmit(exclusive(partner('华信'), [['RES', 'SX']], plus(-10), plus(300)));
    await api(app, manager2).post(`/api/agreements/${id}/approve`).send({}).expect(204);
    const d = plus(20);
    await api(app, manager).post(`/api/agreements/${id}/terminate`).send({ reason: '合作调整', effectiveDate: d }).expect(204);
    // Before D: still active, its termination on D recorded, its scope held through D−1 and free from D.
    expect((await api(app, manager).get(`/api/agreements/${id}`)).body).toMatchObject({ status: 'active', termination: { reason: '合作调整', effectiveDate: d } });
    expect((await api(app, manager).get(`/api/exclusivity?industryId=${ind('RES')}&regionId=${reg('SX')}&on=${plus(19)}`)).body.holder?.agreementId).toBe(id);
    expect((await api(app, manager).get(`/api/exclusivity?industryId=${ind('RES')}&regionId=${reg('SX')}&on=${d}`)).body.holder).toBeNull();
    // A successor may start on D.
    const successor = await draftAndSubmit(exclusive(partner('云帆'), [['RES', 'SX']], d, plus(200)));
    await api(app, manager2).post(`/api/agreements/${successor}/approve`).send({}).expect(204);
    // On D the sweep marks it terminated.
    const service = app.get(AgreementsService);
    expect(await service.sweepTerminations(plus(19))).not.toContain(id);
    expect(await service.sweepTerminations(d)).toContain(id);
    expect((await api(app, manager).get(`/api/agreements/${id}`)).body.status).toBe('terminated');
  });

  it('approving an agreement whose term has ended is refused; an amendment overlapping another holder is refused at submission, naming it', async () => {
    const ended = await draftAndSubmit(exclusive(partner('华信'), [['RES', 'NM']], '2020-01-01', '2020-12-31'));
    const res = await api(app, manager2).post(`/api/agreements/${ended}/approve`).send({});
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('AGREEMENT_TERM_ENDED');
    // 华信 holds 金融 × 中国; 云帆's exclusive amended to take 金融 × 广东 is refused when submitted.
    const own = await draftAndSubmit(exclusive(partner('云帆'), [['RES', 'HI']], plus(1), plus(60)));
    await api(app, manager2).post(`/api/agreements/${own}/approve`).send({}).expect(204);
    const current = (await api(app, manager).get(`/api/agreements/${own}`)).body.terms;
    const amend = await api(app, manager).post(`/api/agreements/${own}/amend`).send({ ...current, scope: [...current.scope, { industryId: ind('FIN'), regionId: reg('GD') }] });
    expect(amend.status).toBe(409);
    expect(amend.body.code).toBe('EXCLUSIVE_OVERLAP');
    expect(amend.body.details.holder.partnerName).toContain('华信');
  });

  it('the expiry sweep expires agreements past their end date, once', async () => {
    const ds = dataSourceOf(app);
    // A term that has not ended yet can be approved (an ended one cannot, issue #11); the sweep runs the day after it ends.
    const id = await draftAndSubmit(exclusive(partner('华信'), [['RES', 'HN']], plus(-30), plus(0)));
    await api(app, manager2).post(`/api/agreements/${id}/approve`).send({}).expect(204);
    const sweeper = app.get(AgreementsService);
    const [first, second] = await Promise.all([sweeper.sweepExpired(plus(1)), sweeper.sweepExpired(plus(1))]);
    expect([...first, ...second].filter((x) => x === id)).toHaveLength(1);
    expect((await ds.query(`SELECT status FROM agreements WHERE id = $1`, [id]))[0].status).toBe('expired');
  });

  it('a partner sees its own agreements (not drafts) and the printable document; another partner gets 404', async () => {
    const huaxin = await loginAs(app, 'owner@huaxin.demo');
    const lanting = await loginAs(app, 'owner@lanting.demo');
    const mine = (await api(app, huaxin).get('/api/agreements?pageSize=100')).body.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a: { partnerName: string; status: string }) => a.partnerName === '华信智联科技有限公司' && a.status !== 'draft')).toBe(true);
    const exclusiveFin = mine.find((a: { type: string; scope: { industryNameZh: string }[] }) => a.type === 'exclusive' && a.scope[0]?.industryNameZh === '金融');
    expect(exclusiveFin).toBeDefined();
    expect((await api(app, lanting).get(`/api/agreements/${exclusiveFin.id}`)).status).toBe(404);
    const doc = await api(app, huaxin).get(`/api/agreements/${exclusiveFin.id}/document?lang=zh-CN`);
    expect(doc.headers['content-type']).toMatch(/text\/html/);
    expect(doc.text).toContain('独家合作协议');
    expect(doc.text).toContain('华信智联科技有限公司');
    const en = await api(app, huaxin).get(`/api/agreements/${exclusiveFin.id}/document?lang=en`);
    expect(en.text).toContain('Exclusive Partner Agreement');
    expect((await api(app, huaxin).post(`/api/agreements/${exclusiveFin.id}/approve`).send({})).status).toBe(403);
    expect((await api(app, huaxin).get(`/api/exclusivity?industryId=${ind('FIN')}&regionId=${reg('BJ')}`)).status).toBe(403);
  });

  it('lists with filters: type, status, partner, segment, ending within N days', async () => {
    const byType = (await api(app, manager).get('/api/agreements?type=distribution&pageSize=100')).body.items;
    expect(byType.length).toBeGreaterThan(0);
    expect(byType.every((a: { type: string }) => a.type === 'distribution')).toBe(true);
    const zj = (await api(app, manager).get(`/api/agreements?regionId=${reg('ZJ-HZ')}&status=active&pageSize=100`)).body.items.map((a: { partnerName: string }) => a.partnerName);
    expect(zj).toContain('兰亭科技有限公司');
    const ending = (await api(app, manager).get('/api/agreements?endingWithinDays=60&pageSize=100')).body.items;
    expect(ending.every((a: { endDate: string; status: string }) => a.status === 'active' && a.endDate <= new Date(Date.now() + 61 * 86_400_000).toISOString().slice(0, 10))).toBe(true);
    const statuses = new Set((await api(app, manager).get('/api/agreements?pageSize=200')).body.items.map((a: { status: string }) => a.status));
    for (const s of ['draft', 'pending_approval', 'active', 'expired', 'terminated']) expect(statuses).toContain(s);
  });
});
