import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { api, createTestApp, dataSourceOf, loginAs, PASSWORD } from '../support/test-app';

/** Conflict cases a manager can trust (issue #11): why each party matched, exclusive holders as parties, precedence. */
describe('conflict cases', () => {
  let app: INestApplication;
  let ds: DataSource;
  let manager: string;
  let lanting: string;
  let industries: { id: string; code: string }[];
  let regions: { id: string; code: string }[];
  let products: { id: string }[];
  const ind = (c: string) => industries.find((i) => i.code === c)!.id;
  const reg = (c: string) => regions.find((r) => r.code === c)!.id;
  let seq = 0;

  beforeAll(async () => {
    app = await createTestApp();
    ds = dataSourceOf(app);
    [manager, lanting] = await Promise.all([loginAs(app, 'manager@partnerline.demo'), loginAs(app, 'owner@lanting.demo')]);
    industries = (await api(app, manager).get('/api/industries')).body;
    regions = (await api(app, manager).get('/api/regions')).body;
    products = (await api(app, manager).get('/api/products')).body;
  });
  afterAll(() => app.close());

  /** A trial partner (no agreement: it may register anywhere up to the trial limit) and its admin's token. */
  async function trialPartner(): Promise<string> {
    const tag = `${Date.now()}-${seq++}`;
    const [{ hash }] = await ds.query(`SELECT password_hash AS hash FROM users WHERE email = 'owner@lanting.demo'`);
    const [p] = await ds.query(`INSERT INTO partners (name, type, status, tax_id, domain, approved_at) VALUES ($1, 'smb', 'trial', $2, $3, now()) RETURNING id`, [`试用伙伴${tag}`, `TRIAL-${tag}`, `t${tag}.example.cn`]);
    const email = `trial-${tag}@cases.test`;
    await ds.query(`INSERT INTO users (email, password_hash, display_name, role, partner_id) VALUES ($1, $2, 'x', 'partner_admin', $3)`, [email, hash, p.id]);
    return loginAs(app, email, PASSWORD);
  }

  async function submit(token: string, customer: Record<string, string>) {
    const created = await api(app, token)
      .post('/api/deal-registrations')
      .send({
        customer,
        contacts: [{ name: '陈经理', decisionLevel: 'decision_maker' }],
        products: [{ productId: products[0].id, quantity: 1 }],
        estimatedAmount: '300000.00',
        expectedCloseDate: '2027-06-30',
        stage: 'solution',
        need: '核心网络扩容，覆盖全省营业厅。',
        evidence: { proofOfCommunication: '拜访纪要', customerFeedback: '认可', customerDetails: '网络部 陈经理' },
      });
    expect(created.status).toBe(201);
    const res = await api(app, token).post(`/api/deal-registrations/${created.body.id}/submit`);
    expect(res.status).toBe(200);
    return { id: created.body.id as string, ...(res.body as { status: string; conflicts: string[] }) };
  }

  const caseOf = async (registrationId: string) => {
    const open = ((await api(app, manager).get(`/api/deal-registrations/${registrationId}`)).body.conflicts as { id: string; status: string }[]).find((c) => c.status === 'open')!;
    return (await api(app, manager).get(`/api/conflicts/${open.id}`).expect(200)).body;
  };

  it('inside another partner’s exclusive territory: the holder is a selectable party and recommended over the intruder; awarding it rejects the intruder', async () => {
    const trial = await trialPartner();
    // 云帆 holds the exclusive 电信 × 广东; a trial partner with no agreement registers a customer there.
    const intruder = await submit(trial, { name: `广东岭南通信${seq}有限公司`, industryId: ind('TEL'), regionId: reg('GD-SZ') });
    expect(intruder).toMatchObject({ status: 'in_conflict', conflicts: ['exclusive_territory'] });
    const c = await caseOf(intruder.id);
    expect(c.number).toMatch(/^C-\d{6}$/);
    expect(c.kinds).toEqual(['exclusive_territory']);
    expect(c.registrations).toHaveLength(1);
    expect(c.registrations[0]).toMatchObject({ onTrial: true, intruder: true, selectable: true, match: { key: 'exclusive', score: null, normalised: null } });
    expect(c.exclusiveHolders).toHaveLength(1);
    const holder = c.exclusiveHolders[0];
    expect(holder).toMatchObject({ onTrial: false, selectable: true, awarded: null, match: { key: 'exclusive' } });
    expect(holder.agreementNumber).toBe(`AG-${holder.agreementId.slice(0, 8).toUpperCase()}`);
    // Never recommend the intruder: the holder itself is proposed, and the reasons say why.
    expect(c.recommendation).toEqual({ outcome: 'award', winnerId: holder.agreementId, reasons: ['intruder_excluded', 'exclusive_owner'] });

    // Deciding a party alone is refused, naming the case.
    const reject = await api(app, manager).post(`/api/deal-registrations/${intruder.id}/reject`).set('Accept-Language', 'zh-CN').send({ reason: '不在授权范围内' });
    expect(reject.status).toBe(409);
    expect(reject.body.code).toBe('REGISTRATION_IN_OPEN_CASE');
    expect(reject.body.message).toContain(c.number);
    expect(reject.body.details).toEqual({ conflictId: c.id, caseNumber: c.number });

    // An agreement that is not a holder of this case cannot be awarded.
    const wrong = await api(app, manager).post(`/api/conflicts/${c.id}/resolve`).send({ resolution: 'award', winnerAgreementId: c.id, rationale: '授予独家持有方' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('REGISTRATION_CONFLICT_HOLDER');
    await api(app, manager).post(`/api/conflicts/${c.id}/resolve`).send({ resolution: 'award', winnerAgreementId: holder.agreementId, rationale: '独家区域归持有方' }).expect(204);
    const after = (await api(app, manager).get(`/api/conflicts/${c.id}`)).body;
    expect(after.status).toBe('resolved');
    expect(after.exclusiveHolders[0]).toMatchObject({ awarded: true, selectable: false });
    expect(after.registrations[0]).toMatchObject({ status: 'rejected', awarded: false, selectable: false });
  });

  it('says why each party matched (key, score, both normalised forms); an active partner is never on trial; a split needs two parties', async () => {
    const trial = await trialPartner();
    const stamp = String(Date.now()).slice(-5);
    const a = await submit(lanting, { name: `杭州云栖${stamp}软件有限公司`, industryId: ind('RET'), regionId: reg('ZJ') });
    expect(a.status).toBe('in_review');
    // The same customer registered at one of the province's cities, written differently: compared across the region tree.
    const b = await submit(trial, { name: `云栖${stamp}软件（杭州）有限公司`, industryId: ind('RET'), regionId: reg('ZJ-HZ') });
    expect(b).toMatchObject({ status: 'in_conflict', conflicts: ['duplicate_customer'] });
    const c = await caseOf(b.id);
    const [first, second] = c.registrations;
    expect(first).toMatchObject({ id: a.id, onTrial: false, intruder: false });
    expect(second).toMatchObject({ id: b.id, onTrial: true });
    expect(second.match).toEqual({ key: 'name', score: 1, normalised: { ours: `云栖${stamp}`, theirs: `云栖${stamp}` } });
    expect(first.match.key).toBe('name');
    // Approving the first alone would hand the customer around the case.
    expect((await api(app, manager).post(`/api/deal-registrations/${a.id}/approve`)).status).toBe(409);
    const oneParty = await api(app, manager).post(`/api/conflicts/${c.id}/resolve`).send({ resolution: 'split', shares: [{ registrationId: a.id, percent: 100 }], rationale: '双方共同推进' });
    expect(oneParty.status).toBe(400);
    await api(app, manager).post(`/api/conflicts/${c.id}/resolve`).send({ resolution: 'split', shares: [{ registrationId: a.id, percent: 70 }, { registrationId: b.id, percent: 30 }], rationale: '双方共同推进' }).expect(204);
    expect((await api(app, manager).get(`/api/deal-registrations/${a.id}`)).body.status).toBe('approved');
  });

  it('a later submission of the same customer by its tax id joins the open case (one case per customer)', async () => {
    const [t1, t2, t3] = [await trialPartner(), await trialPartner(), await trialPartner()];
    const stamp = String(Date.now()).slice(-5);
    const x = await submit(t1, { name: `宁波东港${stamp}物流有限公司`, taxId: `91330200 ${stamp}-AB12CD`, industryId: ind('LOG'), regionId: reg('ZJ-NB') });
    const y = await submit(t2, { name: `东港${stamp}物流（宁波）有限公司`, industryId: ind('LOG'), regionId: reg('ZJ-NB') });
    const z = await submit(t3, { name: `Ningbo Donggang ${stamp} Logistics`, taxId: `91330200${stamp}ab12cd`, industryId: ind('LOG'), regionId: reg('ZJ') });
    expect([x.status, y.status, z.status]).toEqual(['in_review', 'in_conflict', 'in_conflict']);
    const c = await caseOf(z.id);
    expect(c.registrations.map((r: { id: string }) => r.id)).toEqual([x.id, y.id, z.id]);
    expect(c.registrations[2].match).toEqual({ key: 'tax_id', score: 1, normalised: { ours: `91330200${stamp}AB12CD`, theirs: `91330200${stamp}AB12CD` } });
    expect((await caseOf(y.id)).id).toBe(c.id);
  });

  it('direct-sales accounts match only within their own segment scope', async () => {
    const zj = await trialPartner();
    const bj = await trialPartner();
    // The demo's named account 浙江大学 (教育, 杭州) — 北京大学 in Beijing is another customer.
    const other = await submit(bj, { name: '北京大学', industryId: ind('EDU'), regionId: reg('BJ') });
    expect(other).toMatchObject({ status: 'in_review', conflicts: [] });
    const same = await submit(zj, { name: '浙江大学', industryId: ind('EDU'), regionId: reg('ZJ-HZ') });
    expect(same.conflicts).toContain('direct_sales');
    const c = await caseOf(same.id);
    expect(c.directAccounts.map((d: { name: string }) => d.name)).toEqual(['浙江大学']);
    // It joined the demo's open case of 浙江大学, whose first registration carries the account's web address.
    expect(['name', 'domain']).toContain(c.directAccounts[0].match.key);
  });

  it('a tax id that looks like a USCC must carry the right check character', async () => {
    const res = await api(app, lanting)
      .post('/api/deal-registrations')
      .set('Accept-Language', 'zh-CN')
      .send({
        customer: { name: '杭州校验位测试有限公司', taxId: '91330100MA27XXXX0A', industryId: ind('RET'), regionId: reg('ZJ') },
        contacts: [{ name: '王', decisionLevel: 'decision_maker' }],
        products: [{ productId: products[0].id, quantity: 1 }],
        estimatedAmount: '1000.00',
        expectedCloseDate: '2027-06-30',
        stage: 'solution',
        need: '校验位测试用例，不应创建。',
      });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('REGISTRATION_TAX_ID_CHECKSUM');
    expect(res.body.message).toContain('校验位');
  });
});
