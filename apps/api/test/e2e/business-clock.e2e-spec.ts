import type { INestApplication } from '@nestjs/common';
import { DEFAULT_POLICIES } from '@partnerline/domain';
import { businessTimeZone, businessToday, pinClock } from '../../src/common/time';
import { api, createTestApp, loginAs } from '../support/test-app';

type Ref = { id: string; code: string };

/** The business clock (policy time zone, default Asia/Shanghai) decides the date rules of agreements. */
describe('business clock', () => {
  let app: INestApplication;
  let manager: string;
  let manager2: string;
  let admin: string;
  let industries: Ref[];
  let regions: Ref[];

  beforeAll(async () => {
    app = await createTestApp();
    [manager, manager2, admin] = await Promise.all([
      loginAs(app, 'manager@partnerline.demo'),
      loginAs(app, 'manager2@partnerline.demo'),
      loginAs(app, 'admin@partnerline.demo'),
    ]);
    industries = (await api(app, manager).get('/api/industries')).body;
    regions = (await api(app, manager).get('/api/regions')).body;
  });
  afterEach(() => pinClock(null));
  afterAll(async () => {
    await api(app, admin).put('/api/policies').send(DEFAULT_POLICIES);
    await app.close();
  });

  it('runs in the policy time zone from start-up, follows a saved change and refuses an unknown zone in the caller language', async () => {
    expect(businessTimeZone()).toBe('Asia/Shanghai');
    pinClock('2030-06-30T17:00:00Z'); // 01:00 on 1 July in Shanghai, 13:00 on 30 June in New York
    expect(businessToday()).toBe('2030-07-01');
    const ny = structuredClone(DEFAULT_POLICIES);
    ny.display.defaultTimeZone = 'America/New_York';
    expect((await api(app, admin).put('/api/policies').send(ny)).status).toBe(200);
    expect(businessToday()).toBe('2030-06-30');

    const bad = structuredClone(DEFAULT_POLICIES);
    bad.display.defaultTimeZone = 'Mars/Olympus';
    const res = await api(app, admin).put('/api/policies').set('Accept-Language', 'zh-CN').send(bad);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'POLICY_UNKNOWN_TIME_ZONE', details: { field: 'display.defaultTimeZone' } });
    expect(res.body.message).toContain('未知时区');
    expect(businessTimeZone()).toBe('America/New_York');

    expect((await api(app, admin).put('/api/policies').send(DEFAULT_POLICIES)).status).toBe(200);
    expect(businessTimeZone()).toBe('Asia/Shanghai');
  });

  it('an exclusive agreement holds its segment until midnight in Shanghai on its last day, not midnight UTC', async () => {
    const partners: { id: string; name: string }[] = (await api(app, manager).get('/api/partners?pageSize=200')).body.items;
    const huaxin = partners.find((p) => p.name.includes('华信'))!.id;
    const industryId = industries.find((i) => i.code === 'RES')!.id;
    const regionId = regions.find((r) => r.code === 'GD-SZ')!.id;
    const created = await api(app, manager)
      .post('/api/agreements')
      .send({
        partnerId: huaxin,
        type: 'exclusive',
        scope: [{ industryId, regionId }],
        startDate: '2019-01-01',
        endDate: '2019-12-31',
        evaluationPeriod: 'quarter',
        quotaPerPeriod: '5000000.00',
        deposit: { amount: '200000.00', dueDate: '2019-01-01', handling: 'offset' },
        obligations: { vendor: '提供售前支持', partner: '按期回款' },
      });
    expect(created.status).toBe(201);
    await api(app, manager).post(`/api/agreements/${created.body.id}/submit`).expect(204);
    pinClock('2019-06-01T04:00:00Z'); // approved while its term runs (an agreement whose term has ended is refused, issue #11)
    await api(app, manager2).post(`/api/agreements/${created.body.id}/approve`).send({}).expect(204);

    const holderNow = async () =>
      (await api(app, manager).get(`/api/exclusivity?industryId=${industryId}&regionId=${regionId}`)).body.holder;
    pinClock('2019-12-31T15:30:00Z'); // 23:30 on 31 December in Shanghai: still the last day of the term
    expect((await holderNow())?.agreementId).toBe(created.body.id);
    pinClock('2019-12-31T16:30:00Z'); // 00:30 on 1 January in Shanghai (still 31 December in UTC): the term is over
    expect(await holderNow()).toBeNull();
  });
});
