import type { INestApplication } from '@nestjs/common';
import { pinClock } from '../../src/common/time';
import { demoIds, insertAgreement, insertWonDeal, REBATE_PROGRAMME, splitDeal } from '../support/fixtures';
import { statementOf, waitForRebateRun } from '../support/rebates';
import { api, createTestApp, dataSourceOf, loginAs } from '../support/test-app';

/**
 * Performance, what-if, quotas, the overview's watch list and deposits (issue #14). Agreements and won deals are
 * written straight into the test database (their own modules' flows are tested elsewhere); the business clock is
 * pinned to 2026-11-15 (Asia/Shanghai), half-way through the fourth quarter of a 2026 term (46 of 92 days).
 */
describe('rebates: performance, what-if, quotas, deposits', () => {
  let app: INestApplication;
  let manager: string;
  let admin: string;
  let huaxinOwner: string;
  let lantingOwner: string;
  let huaxin: string;
  let ownerId: string;
  let industryId: string;
  let regionId: string;

  const sql = (text: string, params: unknown[] = []) => dataSourceOf(app).query(text, params);

  async function agreement(o: {
    type?: 'registration' | 'distribution' | 'exclusive';
    start?: string;
    end?: string;
    pricing?: object | null;
    deposit?: object | null;
    quota?: string | null;
    incentiveCoefficients?: object[];
  }): Promise<string> {
    return insertAgreement(dataSourceOf(app), {
      partnerId: huaxin,
      type: o.type,
      startDate: o.start ?? '2026-01-01',
      endDate: o.end ?? '2026-12-31',
      createdBy: ownerId,
      // An exclusive agreement on the whole country would be exclusive against every other partner's registrations.
      withScopes: o.type !== 'exclusive',
      terms: {
        pricing: o.pricing === undefined ? REBATE_PROGRAMME : o.pricing,
        evaluationPeriod: 'quarter',
        quotaPerPeriod: o.quota === undefined ? '1000000.00' : o.quota,
        deposit: o.deposit ?? null,
        ...(o.incentiveCoefficients ? { incentiveCoefficients: o.incentiveCoefficients } : {}),
      },
    });
  }

  const won = (agreementId: string, amount: string, wonOn: string, productIds: string[] = []) =>
    insertWonDeal(dataSourceOf(app), {
      partnerId: huaxin,
      agreementId,
      customerName: `返点测试客户 ${agreementId.slice(0, 8)} ${amount} ${wonOn}`,
      amount,
      wonOn,
      industryId,
      regionId,
      createdBy: ownerId,
      productIds,
    });

  const split = (registrationId: string, sharePercent: number) => splitDeal(dataSourceOf(app), registrationId, sharePercent);

  beforeAll(async () => {
    app = await createTestApp();
    pinClock('2026-11-15T04:00:00Z');
    [manager, admin, huaxinOwner, lantingOwner] = await Promise.all([
      loginAs(app, 'manager@partnerline.demo'),
      loginAs(app, 'admin@partnerline.demo'),
      loginAs(app, 'owner@huaxin.demo'),
      loginAs(app, 'owner@lanting.demo'),
    ]);
    [{ id: ownerId, partner_id: huaxin }] = await sql(`SELECT id, partner_id FROM users WHERE email = 'owner@huaxin.demo'`);
    ({ industry: industryId, region: regionId } = await demoIds(dataSourceOf(app)));
  });
  afterAll(async () => {
    pinClock(null);
    await app.close();
  });

  let main: string;

  it('performance: achievement with a split deal at its share, reversed deals out, attainment, tier and the exact gap to the next tier', async () => {
    main = await agreement({});
    await won(main, '600000.00', '2026-10-10');
    const shared = await won(main, '500000.00', '2026-11-02');
    await split(shared, 50);
    const reversed = await won(main, '300000.00', '2026-11-03');
    await sql(`INSERT INTO rebate_reversals (registration_id, reversed_on, reason, reversed_by) VALUES ($1, '2026-11-10', 'customer returned', $2)`, [reversed, ownerId]);
    await won(main, '999999.00', '2026-09-30'); // the previous quarter: not in this period

    const res = await api(app, huaxinOwner).get(`/api/agreements/${main}/performance`);
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p.period).toEqual({ index: 4, start: '2026-10-01', end: '2026-12-31' });
    expect(p.periods).toHaveLength(4);
    expect(p).toMatchObject({
      asOf: '2026-11-15',
      final: false,
      quota: { amount: '1000000.00', source: 'terms', editable: false },
      achievement: '850000.00',
      attainmentPercent: '85.00',
      pacePercent: '50.00',
      lines: 2,
      watch: null,
      statement: null,
    });
    expect(p.elapsedFraction).toBeCloseTo(0.5, 10);
    expect(p.programme).toMatchObject({ kind: 'attainment', method: 'retroactive', thresholdPercent: '80' });
    expect(p.result).toMatchObject({ tierIndex: 0, ratePercent: '2', earned: '17000.00', alreadySettled: '0.00', payable: '17000.00' });
    expect(p.result.next).toEqual({ tierIndex: 1, ratePercent: '4', moreNeeded: '150000.00', earnedThen: '40000.00', increase: '23000.00' });
    expect(p.series[0]).toEqual({ date: '2026-10-01', achievement: '0.00' });
    expect(p.series.find((s: { date: string }) => s.date === '2026-10-15')).toEqual({ date: '2026-10-15', achievement: '600000.00' });
    expect(p.series.at(-1)).toEqual({ date: '2026-11-15', achievement: '850000.00' });

    const q3 = (await api(app, manager).get(`/api/agreements/${main}/performance?period=2026-07-01`)).body;
    // 99.9999 % shows as 100.00 but the second tier needs the full quota: still 2 % of 999,999
    expect(q3).toMatchObject({ final: true, achievement: '999999.00', attainmentPercent: '100.00', result: { tierIndex: 0, earned: '19999.98', next: { moreNeeded: '1.00' } } });
    const unknown = await api(app, manager).get(`/api/agreements/${main}/performance?period=2026-07-02`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('PERFORMANCE_PERIOD_UNKNOWN');
  });

  it('what-if: one more deal of 150,000 reaches the next tier — 23,000.00 more, exactly', async () => {
    const res = await api(app, huaxinOwner).get(`/api/rebates/what-if?agreementId=${main}&amount=150000`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      periodStart: '2026-10-01',
      amount: '150000.00',
      before: '17000.00',
      after: '40000.00',
      increase: '23000.00',
      tierBefore: 0,
      tierAfter: 1,
      attainmentBefore: '85.00',
      attainmentAfter: '100.00',
    });
    const small = (await api(app, manager).get(`/api/rebates/what-if?agreementId=${main}&amount=0.01`)).body;
    expect(small).toMatchObject({ before: '17000.00', after: '17000.00', increase: '0.00', tierAfter: 0 });
    expect((await api(app, manager).get(`/api/rebates/what-if?agreementId=${main}&amount=-5`)).status).toBe(400);
  });

  it('another partner sees none of it (404), and a partner cannot set quotas or move deposits (403)', async () => {
    for (const url of [`/api/agreements/${main}/performance`, `/api/rebates/what-if?agreementId=${main}&amount=1`, `/api/agreements/${main}/quotas`, `/api/agreements/${main}/deposit`]) {
      const res = await api(app, lantingOwner).get(url);
      expect([url, res.status]).toEqual([url, 404]);
    }
    expect((await api(app, huaxinOwner).put(`/api/agreements/${main}/quotas/2026-10-01`).send({ quota: '1' })).status).toBe(403);
    expect((await api(app, huaxinOwner).post(`/api/agreements/${main}/deposit-events`).send({ to: 'paid', occurredOn: '2026-11-15' })).status).toBe(403);
    expect((await api(app, huaxinOwner).get(`/api/rebates/performance`)).status).toBe(403);
  });

  it('quota: set freely before its period starts; afterwards only as an audited amendment with a reason', async () => {
    const future = await agreement({ start: '2027-01-01', end: '2027-12-31' });
    const set = await api(app, manager).put(`/api/agreements/${future}/quotas/2027-04-01`).send({ quota: '1200000' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ periodIndex: 2, periodStart: '2027-04-01', periodEnd: '2027-06-30', quota: '1200000.00', source: 'set', editable: true, amendmentReason: null, setBy: { name: expect.any(String) } });
    const list = (await api(app, huaxinOwner).get(`/api/agreements/${future}/quotas`)).body.items;
    expect(list.map((q: { quota: string; source: string }) => `${q.quota}/${q.source}`)).toEqual(['1000000.00/terms', '1200000.00/set', '1000000.00/terms', '1000000.00/terms']);

    const refused = await api(app, manager).put(`/api/agreements/${main}/quotas/2026-10-01`).send({ quota: '850000' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('QUOTA_AMENDMENT_REQUIRED');
    expect((await api(app, manager).put(`/api/agreements/${main}/quotas/2026-10-01`).send({ quota: '850000', amendmentReason: '   ' })).status).toBe(409);
    const amended = await api(app, admin).put(`/api/agreements/${main}/quotas/2026-10-01`).send({ quota: '850000', amendmentReason: 'Territory reduced by amendment' });
    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({ quota: '850000.00', source: 'set', editable: false, amendmentReason: 'Territory reduced by amendment' });

    const audit = await sql(`SELECT action, before, after FROM audit_log WHERE entity = 'agreement' AND entity_id = $1 ORDER BY seq`, [main]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['rebate_quota.amended']);
    expect(audit[0].before).toMatchObject({ quota: '1000000.00' });
    expect(audit[0].after).toMatchObject({ quota: '850000.00', amendmentReason: 'Territory reduced by amendment' });
    const setAudit = await sql(`SELECT action FROM audit_log WHERE entity_id = $1`, [future]);
    expect(setAudit.map((a: { action: string }) => a.action)).toEqual(['rebate_quota.set']);

    // the performance view takes the amended quota: 850,000 of 850,000 = 100 % → the second tier
    const p = (await api(app, huaxinOwner).get(`/api/agreements/${main}/performance`)).body;
    expect(p).toMatchObject({ quota: { amount: '850000.00', source: 'set' }, attainmentPercent: '100.00', result: { tierIndex: 1, earned: '34000.00' } });
    // put the terms' figure back for the tests that follow
    await api(app, admin).put(`/api/agreements/${main}/quotas/2026-10-01`).send({ quota: '1000000', amendmentReason: 'Restored' }).expect(200);
  });

  it('overview: every agreement’s current period with the watch list (close to the next tier, at risk), sorted and filtered', async () => {
    const close = await agreement({});
    await won(close, '920000.00', '2026-10-20');
    const risk = await agreement({});
    await won(risk, '100000.00', '2026-10-21');
    const res = await api(app, manager).get(`/api/rebates/performance?partnerId=${huaxin}&pageSize=200&sort=attainment&order=desc`);
    expect(res.status).toBe(200);
    const mine = res.body.items.filter((r: { agreementId: string }) => [main, close, risk].includes(r.agreementId));
    expect(mine.map((r: { agreementId: string }) => r.agreementId)).toEqual([close, main, risk]);
    const byId = Object.fromEntries(mine.map((r: { agreementId: string }) => [r.agreementId, r]));
    expect(byId[close]).toMatchObject({ attainmentPercent: '92.00', tierIndex: 0, moreNeeded: '80000.00', nextRatePercent: '4', watch: 'close_to_next_tier', pacePercent: '50.00', periodStart: '2026-10-01' });
    expect(byId[main]).toMatchObject({ achievement: '850000.00', attainmentPercent: '85.00', moreNeeded: '150000.00', earned: '17000.00', watch: null });
    expect(byId[risk]).toMatchObject({ attainmentPercent: '10.00', tierIndex: null, moreNeeded: '700000.00', watch: 'at_risk' });
    expect(res.body.counts.at_risk).toBeGreaterThanOrEqual(1);

    const atRisk = (await api(app, manager).get(`/api/rebates/performance?watch=at_risk&pageSize=200`)).body.items.map((r: { agreementId: string }) => r.agreementId);
    expect(atRisk).toContain(risk);
    expect(atRisk).not.toContain(close);
    const gap = (await api(app, manager).get(`/api/rebates/performance?partnerId=${huaxin}&sort=moreNeeded&order=asc&pageSize=200`)).body.items.map((r: { agreementId: string }) => r.agreementId);
    expect(gap.indexOf(close)).toBeLessThan(gap.indexOf(main));
    expect(gap.indexOf(main)).toBeLessThan(gap.indexOf(risk));
    const page2 = (await api(app, manager).get(`/api/rebates/performance?partnerId=${huaxin}&pageSize=1&page=2`)).body;
    expect(page2.items).toHaveLength(1);
    expect(page2.total).toBeGreaterThanOrEqual(3);
  });

  it('distribution: tiered price breaks become volume bands, and sell-out lines count with won deals', async () => {
    // breaks: 100 from 0 units, 90 from 1,000 units → bands from 0 at 0 % and from 100,000 at 10 %
    const dist = await agreement({ type: 'distribution', quota: null, pricing: { model: 'tiered', breaks: [{ minQuantity: 0, unitPrice: '100.00' }, { minQuantity: 1000, unitPrice: '90.00' }] } });
    const [{ id: productId }] = await sql(`SELECT id FROM products ORDER BY id LIMIT 1`);
    const [report] = await sql(
      `INSERT INTO sell_out_reports (agreement_id, partner_id, period_start, period_end, file_name, row_count, imported_count, submitted_by)
       VALUES ($1, $2, '2026-10-01', '2026-12-31', 'q4.csv', 2, 2, $3) RETURNING id`,
      [dist, huaxin, ownerId],
    );
    await sql(
      `INSERT INTO sell_out_lines (report_id, agreement_id, partner_id, row_no, sold_on, customer, product_id, quantity, amount)
       VALUES ($1, $2, $3, 2, '2026-10-05', '客户甲', $4, 700, '70000.00'), ($1, $2, $3, 3, '2026-11-20', '客户乙', $4, 300, '30000.00')`,
      [report.id, dist, huaxin, productId],
    );
    await won(dist, '20000.00', '2026-11-01');
    const p = (await api(app, huaxinOwner).get(`/api/agreements/${dist}/performance`)).body;
    expect(p.programme).toEqual({ kind: 'volume_pricing', bands: [{ fromVolume: '0', discountPercent: '0' }, { fromVolume: '100000', discountPercent: '10' }], capAmount: null });
    expect(p).toMatchObject({ achievement: '120000.00', lines: 3, attainmentPercent: null, quota: { amount: '0.00', source: 'none' } });
    expect(p.result).toMatchObject({ tierIndex: 1, ratePercent: '10', method: 'incremental', earned: '2000.00', next: null });
    // the series stops at today (2026-11-15): the sale of 11-20 is not in it yet — it is dated after today
    expect(p.series.at(-1)).toEqual({ date: '2026-11-15', achievement: '90000.00' });
    const row = (await api(app, manager).get(`/api/rebates/performance?partnerId=${huaxin}&type=distribution&pageSize=200`)).body.items.find((r: { agreementId: string }) => r.agreementId === dist);
    expect(row).toMatchObject({ achievement: '120000.00', tierIndex: 1, earned: '2000.00', moreNeeded: null, watch: null });
  });

  const DEPOSIT = { amount: '200000.00', dueDate: '2026-01-15', handling: 'offset' };

  it('deposit: due → paid → offset, offset only once performance was reached; each move a ledger entry and an audit row', async () => {
    const ex = await agreement({ type: 'exclusive', pricing: null, deposit: DEPOSIT });
    const first = await api(app, huaxinOwner).get(`/api/agreements/${ex}/deposit`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ amount: '200000.00', dueOn: '2026-01-15', handling: 'offset', status: 'due', performanceReached: false, attainmentPercent: '0.00', thresholdPercent: '100', terminatedForBreach: false, allowed: ['paid'], events: [] });

    const early = await api(app, manager).post(`/api/agreements/${ex}/deposit-events`).send({ to: 'offset', occurredOn: '2026-11-15' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('DEPOSIT_TRANSITION_INVALID');
    const paid = await api(app, manager).post(`/api/agreements/${ex}/deposit-events`).send({ to: 'paid', occurredOn: '2026-01-14', reference: 'BANK-001' });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ status: 'paid', events: [{ from: 'due', to: 'paid', amount: '200000.00', occurredOn: '2026-01-14', reference: 'BANK-001' }] });

    const notYet = await api(app, manager).post(`/api/agreements/${ex}/deposit-events`).send({ to: 'offset', occurredOn: '2026-11-15' });
    expect(notYet.status).toBe(409);
    expect(notYet.body).toMatchObject({ code: 'DEPOSIT_PERFORMANCE_NOT_REACHED', details: { attainment: '0.00', threshold: '100' } });
    // the latest ended quarter (Q3, quota 1,000,000) must attain its full quota: one cent short is not enough, however
    // well an earlier quarter did
    await won(ex, '2000000.00', '2026-02-01');
    await won(ex, '999999.99', '2026-08-01');
    const short = await api(app, manager).post(`/api/agreements/${ex}/deposit-events`).send({ to: 'offset', occurredOn: '2026-11-15' });
    expect(short.body).toMatchObject({ code: 'DEPOSIT_PERFORMANCE_NOT_REACHED', details: { attainment: '100.00', threshold: '100' } });
    await won(ex, '0.01', '2026-09-30');
    expect((await api(app, manager).get(`/api/agreements/${ex}/deposit`)).body).toMatchObject({ performanceReached: true, attainmentPercent: '100.00', allowed: ['offset', 'refunded'] });
    const offset = await api(app, manager).post(`/api/agreements/${ex}/deposit-events`).send({ to: 'offset', occurredOn: '2026-11-15', note: 'against Q4 invoice' });
    expect(offset.status).toBe(201);
    expect(offset.body).toMatchObject({ status: 'offset', allowed: [] });
    expect((await api(app, manager).post(`/api/agreements/${ex}/deposit-events`).send({ to: 'refunded', occurredOn: '2026-11-15' })).status).toBe(409);

    const ledger = await sql(`SELECT kind, amount::text, period_start, booked_on FROM rebate_ledger WHERE agreement_id = $1 ORDER BY id`, [ex]);
    expect(ledger).toEqual([
      { kind: 'deposit_paid', amount: '200000.00', period_start: null, booked_on: '2026-11-15' },
      { kind: 'deposit_offset', amount: '-200000.00', period_start: null, booked_on: '2026-11-15' },
    ]);
    const audit = await sql(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [ex]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['deposit.paid', 'deposit.offset']);

    const plain = await api(app, manager).get(`/api/agreements/${main}/deposit`);
    expect(plain.status).toBe(422);
    expect(plain.body.code).toBe('DEPOSIT_NOT_APPLICABLE');
  });

  it('deposit: forfeit only when the agreement was terminated for breach', async () => {
    const mutual = await agreement({ type: 'exclusive', pricing: null, deposit: DEPOSIT });
    const breach = await agreement({ type: 'exclusive', pricing: null, deposit: DEPOSIT });
    for (const id of [mutual, breach]) await api(app, manager).post(`/api/agreements/${id}/deposit-events`).send({ to: 'paid', occurredOn: '2026-01-10' }).expect(201);

    const active = await api(app, manager).post(`/api/agreements/${mutual}/deposit-events`).send({ to: 'forfeited', occurredOn: '2026-11-15' });
    expect(active.status).toBe(409);
    expect(active.body.code).toBe('DEPOSIT_NOT_TERMINATED_FOR_BREACH');

    await api(app, manager).post(`/api/agreements/${mutual}/terminate`).send({ reason: 'Mutual consent', effectiveDate: '2026-11-15' }).expect(204);
    const notBreach = await api(app, manager).post(`/api/agreements/${mutual}/deposit-events`).send({ to: 'forfeited', occurredOn: '2026-11-15' });
    expect(notBreach.status).toBe(409);
    expect(notBreach.body.code).toBe('DEPOSIT_NOT_TERMINATED_FOR_BREACH');

    await api(app, manager).post(`/api/agreements/${breach}/terminate`).send({ reason: 'Breach: sold outside the exclusive territory', effectiveDate: '2026-11-15' }).expect(204);
    expect((await api(app, manager).get(`/api/agreements/${breach}/deposit`)).body).toMatchObject({ terminatedForBreach: true, allowed: ['forfeited'] });
    const forfeited = await api(app, manager).post(`/api/agreements/${breach}/deposit-events`).send({ to: 'forfeited', occurredOn: '2026-11-15' });
    expect(forfeited.status).toBe(201);
    expect(forfeited.body.status).toBe('forfeited');
    const ledger = await sql(`SELECT kind, amount::text FROM rebate_ledger WHERE agreement_id = $1 ORDER BY id`, [breach]);
    expect(ledger).toEqual([
      { kind: 'deposit_paid', amount: '200000.00' },
      { kind: 'deposit_forfeit', amount: '-200000.00' },
    ]);
  });

  it('incentive coefficients (激励系数): a 1.5 coefficient on one product line counts in performance, the overview and the run’s statement alike', async () => {
    const [a, b] = await sql(`SELECT DISTINCT ON (product_line_id) id, product_line_id AS "lineId" FROM products ORDER BY product_line_id, sku LIMIT 2`);
    const weighted = await agreement({ incentiveCoefficients: [{ productLineId: a.lineId, industryId: null, coefficient: '1.5' }] });
    const boosted = await won(weighted, '400000.00', '2026-10-20', [a.id, b.id]); // any product of the line: × 1.5
    const plain = await won(weighted, '200000.00', '2026-10-21', [b.id]);

    // 400,000 × 1.5 + 200,000 = 800,000 → 80 % → 2 % = 16,000.00
    const perf = (await api(app, manager).get(`/api/agreements/${weighted}/performance`).expect(200)).body;
    expect(perf).toMatchObject({ achievement: '800000.00', attainmentPercent: '80.00', lines: 2, result: { tierIndex: 0, earned: '16000.00' } });
    expect(perf.series.at(-1)).toEqual({ date: '2026-11-15', achievement: '800000.00' });
    const overview = (await api(app, manager).get(`/api/rebates/performance?partnerId=${huaxin}&pageSize=200`).expect(200)).body;
    expect(overview.items.find((r: { agreementId: string }) => r.agreementId === weighted)).toMatchObject({ achievement: '800000.00', attainmentPercent: '80.00', earned: '16000.00' });
    const what = (await api(app, manager).get(`/api/rebates/what-if?agreementId=${weighted}&amount=200000`).expect(200)).body;
    expect(what).toMatchObject({ attainmentBefore: '80.00', attainmentAfter: '100.00', before: '16000.00', after: '40000.00' });

    const started = await api(app, manager).post('/api/rebate-runs').send({ period: '2026-Q4' });
    expect(started.status).toBe(202);
    const { status } = await waitForRebateRun(app, manager, started.body.id, 600);
    expect(status).toBe('succeeded');
    const statement = await statementOf(app, manager, weighted, '2026-10-01');
    expect(statement).toMatchObject({ achievement: perf.achievement, attainmentPercent: perf.attainmentPercent, earned: perf.result.earned });
    const bySource = new Map(statement.lines.map((l: { sourceId: string }) => [l.sourceId, l]));
    expect(bySource.get(boosted)).toMatchObject({ amount: '400000.00', share: '1', coefficient: '1.5', achievement: '600000.00', rebate: '12000.00' });
    expect(bySource.get(plain)).toMatchObject({ amount: '200000.00', share: '1', coefficient: '1', achievement: '200000.00', rebate: '4000.00' });
  });
});
