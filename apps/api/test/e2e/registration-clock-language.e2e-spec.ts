import type { INestApplication } from '@nestjs/common';
import { pinClock } from '../../src/common/time';
import { api, createTestApp, dataSourceOf, loginAs, PASSWORD } from '../support/test-app';

const CJK = /[\u4e00-\u9fff]/;

describe('deal registration: the business clock (Asia/Shanghai) decides the agreement term', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    pinClock(null);
    await app.close();
  });

  it('submitted at 23:30 Shanghai time on the last day of the term it is eligible; at 00:30 the next day it is refused', async () => {
    const ds = dataSourceOf(app);
    const manager = await loginAs(app, 'manager@partnerline.demo');
    const regions = (await api(app, manager).get('/api/regions')).body as { id: string; code: string }[];
    const industries = (await api(app, manager).get('/api/industries')).body as { id: string; code: string }[];
    const products = (await api(app, manager).get('/api/products')).body as { id: string }[];
    const [{ hash }] = await ds.query(`SELECT password_hash AS hash FROM users WHERE email = 'owner@lanting.demo'`);
    const [{ id: managerId }] = await ds.query(`SELECT id FROM users WHERE email = 'manager@partnerline.demo'`);
    const stamp = Date.now();
    // A partner whose only agreement (registration, all industries in 四川) ends on 2027-03-31.
    const [p] = await ds.query(`INSERT INTO partners (name, type, status, tax_id, domain, approved_at) VALUES ($1, 'smb', 'active', $2, $3, now()) RETURNING id`, [
      `时钟测试伙伴${stamp}`,
      `CLOCK-${stamp}`,
      `clock-${stamp}.example.cn`,
    ]);
    const terms = { evidenceStandard: { proofOfCommunication: false, customerFeedback: false, customerDetails: false } };
    const [a] = await ds.query(
      `INSERT INTO agreements (partner_id, type, status, start_date, end_date, terms, created_by) VALUES ($1, 'registration', 'active', '2026-01-01', '2027-03-31', $2, $3) RETURNING id`,
      [p.id, JSON.stringify(terms), managerId],
    );
    const sc = regions.find((r) => r.code === 'SC') ?? regions.find((r) => r.code === 'GD')!;
    await ds.query(`INSERT INTO agreement_scopes (agreement_id, industry_id, region_id) VALUES ($1, NULL, $2)`, [a.id, sc.id]);
    const email = `owner-clock-${stamp}@clock.test`;
    await ds.query(`INSERT INTO users (email, password_hash, display_name, role, partner_id) VALUES ($1, $2, 'x', 'partner_admin', $3)`, [email, hash, p.id]);
    const owner = await loginAs(app, email, PASSWORD);
    const draft = async (name: string) =>
      (
        await api(app, owner)
          .post('/api/deal-registrations')
          .send({
            customer: { name, industryId: industries.find((i) => i.code === 'MFG')!.id, regionId: sc.id },
            contacts: [{ name: '刘经理', decisionLevel: 'decision_maker' }],
            products: [{ productId: products[0].id, quantity: 1 }],
            estimatedAmount: '200000.00',
            expectedCloseDate: '2027-06-30',
            stage: 'qualifying',
            need: '统一客户数据平台建设。',
          })
          .expect(201)
      ).body.id as string;
    const lastEvening = await draft(`成都天府时钟甲有限公司${stamp}`);
    const nextMorning = await draft(`成都天府时钟乙有限公司${stamp}`);

    // 2027-03-31 15:30 UTC = 23:30 in Shanghai, still the last day of the term (UTC and Shanghai agree on the date here).
    pinClock('2027-03-31T15:30:00Z');
    const ok = await api(app, owner).post(`/api/deal-registrations/${lastEvening}/submit`);
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('in_review');

    // 2027-03-31 16:30 UTC = 00:30 on 1 April in Shanghai: the term is over, although it is still 31 March in UTC.
    pinClock('2027-03-31T16:30:00Z');
    const refused = await api(app, owner).post(`/api/deal-registrations/${nextMorning}/submit`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('REGISTRATION_NOT_COVERED');
    expect(refused.body.details.missing).toEqual(['covering_agreement']);
    pinClock(null);
  });
});

describe('deal registration: a refused registration reads Chinese end to end', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('no covering agreement, own duplicate, missing evidence: a stable code and a Chinese message', async () => {
    const [lanting, manager] = await Promise.all([loginAs(app, 'owner@lanting.demo'), loginAs(app, 'manager@partnerline.demo')]);
    const industries = (await api(app, manager).get('/api/industries')).body as { id: string; code: string }[];
    const regions = (await api(app, manager).get('/api/regions')).body as { id: string; code: string }[];
    const products = (await api(app, manager).get('/api/products')).body as { id: string }[];
    const zh = (path: string) => api(app, lanting).post(path).set('Accept-Language', 'zh-CN,zh;q=0.9');
    const body = (name: string, industry: string, region: string, evidence: Record<string, string>) => ({
      customer: { name, industryId: industries.find((i) => i.code === industry)!.id, regionId: regions.find((r) => r.code === region)!.id },
      contacts: [{ name: '张女士', decisionLevel: 'decision_maker' }],
      products: [{ productId: products[0].id, quantity: 1 }],
      estimatedAmount: '300000.00',
      expectedCloseDate: '2027-03-31',
      stage: 'solution',
      need: '客户计划建设统一数据平台。',
      evidence,
    });
    const full = { proofOfCommunication: '拜访纪要', customerDetails: '信息中心主任' };
    const create = async (b: object) => (await api(app, lanting).post('/api/deal-registrations').send(b).expect(201)).body.id as string;
    const stamp = Date.now();
    const expectChinese = (res: { status: number; body: { code: string; message: string } }, status: number, code: string) => {
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect(res.body.message).toMatch(CJK);
      // No English words reach a Chinese reader.
      expect(res.body.message).not.toMatch(/[A-Za-z]{3,}/);
    };

    // 兰亭 has no agreement on logistics in Beijing.
    const outside = await create(body(`北京物流园区${stamp}有限公司`, 'LOG', 'BJ', full));
    expectChinese(await zh(`/api/deal-registrations/${outside}/submit`), 422, 'REGISTRATION_NOT_COVERED');

    const first = await create(body(`绍兴纺织${stamp}集团有限公司`, 'RET', 'ZJ', full));
    await zh(`/api/deal-registrations/${first}/submit`).expect(200);
    const again = await create(body(`绍兴纺织${stamp}集团有限公司`, 'RET', 'ZJ', full));
    const dup = await zh(`/api/deal-registrations/${again}/submit`);
    expectChinese(dup, 409, 'REGISTRATION_DUPLICATE_OWN');
    expect(dup.body.details.existingRegistrationId).toBe(first);

    const thin = await create(body(`温州鞋业${stamp}有限公司`, 'MFG', 'ZJ', { customerDetails: '采购部' }));
    const missing = await zh(`/api/deal-registrations/${thin}/submit`);
    expectChinese(missing, 422, 'REGISTRATION_EVIDENCE_MISSING');
    expect(missing.body.message).toContain('沟通记录');
    expect(missing.body.details.missing).toEqual(['proofOfCommunication']);

    // The same refusal in English for an English reader.
    const en = await api(app, lanting).post(`/api/deal-registrations/${thin}/submit`).set('Accept-Language', 'en');
    expect(en.body.message).toBe('The agreement’s evidence standard requires: proof of communication.');
  });

  it('a direct-account import reports refused lines in the reader’s language', async () => {
    const admin = await loginAs(app, 'admin@partnerline.demo');
    const csv = ['kind,name,tax_id,domain,industry_code,region_code,owner', 'bogus,某公司,,,,,', 'named_account,宁波港物流有限公司,,,LOG,XX,直销二部'].join('\n');
    const zh = await api(app, admin).post('/api/direct-accounts/import').set('Accept-Language', 'zh-CN').send({ csv }).expect(200);
    expect(zh.body.rejected.map((r: { line: number }) => r.line)).toEqual([2, 3]);
    expect(zh.body.rejected[0].reason).toContain('而不是“bogus”');
    expect(zh.body.rejected[1].reason).toBe('未知的区域代码 region_code“XX”');
    const en = await api(app, admin).post('/api/direct-accounts/import').set('Accept-Language', 'en').send({ csv }).expect(200);
    expect(en.body.rejected[1].reason).toBe('unknown region_code "XX"');
  });
});
