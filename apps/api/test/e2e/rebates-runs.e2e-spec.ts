import type { INestApplication } from '@nestjs/common';
import { addDays } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { businessToday, pinClock } from '../../src/common/time';
import { RebateRunsService } from '../../src/modules/rebates/rebate-runs.service';
import { demoIds, type DemoIds, insertAgreement, insertWonDeal, REBATE_PROGRAMME, splitDeal } from '../support/fixtures';
import { rebateStatement, rebateStatementRows, type RebateRun as Run, waitForRebateRun } from '../support/rebates';
import { api, createTestApp, dataSourceOf, loginAs } from '../support/test-app';

/**
 * Rebate runs, statements, the ledger, disputes and reversals (issue #14), on agreements and won deals of 2031 made
 * here (so the demo data's own rebates never mix in). Programme: threshold 80%, ≥80% → 2%, ≥100% → 4%, ≥120% → 6%,
 * retroactive; quota 100,000 per quarter.
 */
describe('rebate runs, statements and the ledger', () => {
  let app: INestApplication;
  let ds: DataSource;
  let admin: string;
  let manager: string;
  let leader: string;
  let huaxin: string;
  let lanting: string;
  let huaxinId: string;
  let a1: string; // Huaxin's agreement
  let a2: string; // Lanting's agreement
  const deals: Record<string, string> = {};

  let ids: DemoIds;

  /** An agreement of the programme, quota 100,000 per quarter. */
  const agreement = (partnerId: string, o: { type?: 'registration' | 'distribution'; startDate?: string; endDate?: string } = {}) =>
    insertAgreement(ds, {
      partnerId,
      type: o.type,
      startDate: o.startDate ?? '2031-01-01',
      endDate: o.endDate ?? '2031-12-31',
      createdBy: ids.admin,
      terms: { pricing: REBATE_PROGRAMME, evaluationPeriod: 'quarter', quotaPerPeriod: '100000.00' },
    });

  async function addDeal(name: string, partnerId: string, agreementId: string, amount: string, wonOn: string) {
    deals[name] = await insertWonDeal(ds, { partnerId, agreementId, customerName: name, amount, wonOn, industryId: ids.industry, regionId: ids.region, createdBy: ids.admin });
  }

  beforeAll(async () => {
    app = await createTestApp();
    ds = dataSourceOf(app);
    [admin, manager, leader, huaxin, lanting] = await Promise.all([
      loginAs(app, 'admin@partnerline.demo'),
      loginAs(app, 'manager@partnerline.demo'),
      loginAs(app, 'leader@partnerline.demo'),
      loginAs(app, 'owner@huaxin.demo'),
      loginAs(app, 'owner@lanting.demo'),
    ]);
    ids = await demoIds(ds);
    huaxinId = ids.huaxin;
    a1 = await agreement(huaxinId);
    a2 = await agreement(ids.lanting);
    // Q1: Huaxin 135,000 (135% → 6%: 8,100); reversing the 5,000 deal later keeps it at 6% (one clawback of 300).
    await addDeal('季一客户甲', huaxinId, a1, '130000.00', '2031-02-10');
    await addDeal('季一客户乙', huaxinId, a1, '5000.00', '2031-03-20');
    // Lanting Q1: 90,000 (90% → 2%: 1,800).
    await addDeal('兰亭季一客户', ids.lanting, a2, '90000.00', '2031-01-15');
    // Q2: Huaxin 50,000 (below the threshold); Q3: Huaxin 95,000 (2%: 1,900), Lanting 120,000 (6%: 7,200).
    await addDeal('季二客户', huaxinId, a1, '50000.00', '2031-05-05');
    await addDeal('季三客户甲', huaxinId, a1, '95000.00', '2031-08-01');
    await addDeal('兰亭季三客户', ids.lanting, a2, '120000.00', '2031-09-30');
  });
  afterAll(() => app.close());

  const finished = (id: string) => waitForRebateRun(app, manager, id);

  async function run(period: string, token = manager): Promise<Run> {
    const res = await api(app, token).post('/api/rebate-runs').send({ period });
    expect(res.status).toBe(202);
    return finished(res.body.id);
  }

  const statementOf = async (agreementId: string, periodStart: string, token = manager) => {
    const items = await rebateStatementRows(app, token, agreementId, periodStart);
    expect(items.length).toBeLessThanOrEqual(1);
    if (!items.length) return null;
    return rebateStatement(app, token, items[0].id);
  };
  const ledgerCount = async (agreementId: string) => (await ds.query(`SELECT count(*)::int AS n FROM rebate_ledger WHERE agreement_id = $1`, [agreementId]))[0].n as number;

  let q1: { id: string; lines: { id: string; sourceId: string; rebate: string }[] };

  it('a run of a period computes each agreement’s statement with lines and the explanation, and shows its progress', async () => {
    const r = await run('2031-Q1');
    expect(r).toMatchObject({ status: 'succeeded', percent: 100, errors: 0 });
    expect(r.done).toBe(r.total);
    expect(r.total).toBeGreaterThanOrEqual(2);
    expect(r.created).toBeGreaterThanOrEqual(2);
    q1 = await statementOf(a1, '2031-01-01');
    expect(q1).toMatchObject({
      status: 'draft',
      periodEnd: '2031-03-31',
      quota: '100000.00',
      achievement: '135000.00',
      attainmentPercent: '135.00',
      tierIndex: 2,
      ratePercent: '6',
      earned: '8100.00',
      alreadySettled: '0.00',
      adjustments: '0.00',
      payable: '8100.00',
      method: 'retroactive',
    });
    expect(q1.lines.map((l) => [l.sourceId, l.rebate])).toEqual([
      [deals['季一客户甲'], '7800.00'],
      [deals['季一客户乙'], '300.00'],
    ]);
    expect((q1 as unknown as { explanation: { bands: unknown[]; next: unknown } }).explanation).toMatchObject({ bands: [{ ratePercent: '6', base: '135000' }], next: null });
    const diff = r.diff as { partnerId: string; before: string | null; after: string }[];
    expect(diff.find((d) => d.partnerId === huaxinId)).toMatchObject({ before: null, after: '8100.00' });
    const [{ n }] = await ds.query(`SELECT coalesce(sum(amount), 0)::text AS n FROM rebate_ledger WHERE agreement_id = $1 AND kind = 'accrual'`, [a1]);
    expect(n).toBe('8100.00');
  });

  it('running the period again writes no second statement and books nothing new', async () => {
    const before = await ledgerCount(a1);
    const r = await run('2031-Q1');
    expect(r.status).toBe('succeeded');
    expect(r.unchanged).toBeGreaterThanOrEqual(2);
    expect(r.diff).toEqual([]);
    expect(await ledgerCount(a1)).toBe(before);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM rebate_statements WHERE agreement_id = $1 AND period_start = '2031-01-01'`, [a1]);
    expect(n).toBe(1);
    expect((await statementOf(a1, '2031-01-01')).id).toBe(q1.id);
  });

  it('the run’s starter cannot approve; another manager can; then it is paid once', async () => {
    const same = await api(app, manager).post(`/api/rebate-statements/${q1.id}/approve`).send({});
    expect(same.status).toBe(403);
    expect(same.body.code).toBe('REBATE_SAME_APPROVER');
    await api(app, leader).post(`/api/rebate-statements/${q1.id}/approve`).send({}).expect(403);
    const ok = await api(app, admin).post(`/api/rebate-statements/${q1.id}/approve`).send({}).expect(200);
    expect(ok.body).toMatchObject({ status: 'approved', approvedBy: { name: expect.any(String) } });
    const again = await api(app, admin).post(`/api/rebate-statements/${q1.id}/approve`).send({});
    expect([again.status, again.body.code]).toEqual([409, 'REBATE_STATEMENT_NOT_DRAFT']);
    // Paid on 10 April 2031: the business clock stands on that day (a payment date may not lie in the future).
    pinClock('2031-04-10T04:00:00Z');
    let paid;
    try {
      paid = await api(app, admin).post(`/api/rebate-statements/${q1.id}/pay`).send({ paidOn: '2031-04-10', reference: 'PAY-2031-001' }).expect(200);
    } finally {
      pinClock(null);
    }
    expect(paid.body).toMatchObject({ status: 'paid', paidOn: '2031-04-10', paymentReference: 'PAY-2031-001' });
    const twice = await api(app, admin).post(`/api/rebate-statements/${q1.id}/pay`).send({ paidOn: '2031-04-11', reference: 'PAY-2031-002' });
    expect([twice.status, twice.body.code]).toEqual([409, 'REBATE_STATEMENT_NOT_APPROVED']);
    const kinds = await ds.query(`SELECT kind, sum(amount)::text AS amount FROM rebate_ledger WHERE agreement_id = $1 GROUP BY kind ORDER BY kind`, [a1]);
    expect(kinds).toEqual([
      { kind: 'accrual', amount: '8100.00' },
      { kind: 'payment', amount: '-8100.00' },
      { kind: 'settlement', amount: '8100.00' },
    ]);
    // A rerun leaves the paid statement alone.
    const r = await run('2031-Q1');
    expect(r.locked).toBeGreaterThanOrEqual(1);
    expect(await statementOf(a1, '2031-01-01')).toMatchObject({ status: 'paid', earned: '8100.00' });
  });

  it('a partner sees only its own approved or paid statements; another partner’s is not found', async () => {
    const q1Lanting = await statementOf(a2, '2031-01-01');
    expect(q1Lanting).toMatchObject({ status: 'draft', earned: '1800.00' });
    // Lanting cannot see its draft yet.
    await api(app, lanting).get(`/api/rebate-statements/${q1Lanting.id}`).expect(404);
    await api(app, admin).post(`/api/rebate-statements/${q1Lanting.id}/approve`).send({}).expect(200);
    await api(app, lanting).get(`/api/rebate-statements/${q1Lanting.id}`).expect(200);
    await api(app, huaxin).get(`/api/rebate-statements/${q1Lanting.id}`).expect(404);
    const own = await api(app, huaxin).get('/api/rebate-statements?pageSize=200').expect(200);
    expect(own.body.items.every((s: { partnerId: string; status: string }) => s.partnerId === huaxinId && s.status !== 'draft')).toBe(true);
    expect(own.body.items.map((s: { id: string }) => s.id)).toContain(q1.id);
    const detail = await api(app, huaxin).get(`/api/rebate-statements/${q1.id}`).expect(200);
    expect(detail.body.explanation).toMatchObject({ tierIndex: 2, earned: '8100.00' });
    await api(app, huaxin).post(`/api/rebate-statements/${q1.id}/approve`).send({}).expect(403);
    await api(app, huaxin).post('/api/rebate-runs').send({ period: '2031-Q1' }).expect(403);
    await api(app, huaxin).get('/api/rebates/liability').expect(403);
  });

  it('a won deal reversed after payment becomes exactly one clawback line on the next statement', async () => {
    const res = await api(app, manager).post('/api/rebate-reversals').send({ registrationId: deals['季一客户乙'], reason: '客户退货' }).expect(201);
    expect(res.body).toMatchObject({ registrationId: deals['季一客户乙'], reason: '客户退货' });
    const twice = await api(app, manager).post('/api/rebate-reversals').send({ registrationId: deals['季一客户乙'], reason: '再次' });
    expect([twice.status, twice.body.code]).toEqual([409, 'REBATE_REVERSAL_EXISTS']);
    await api(app, huaxin).post('/api/rebate-reversals').send({ registrationId: deals['季一客户甲'], reason: 'x' }).expect(403);

    await run('2031-Q2');
    const q2 = await statementOf(a1, '2031-04-01');
    const clawbacks = q2.lines.filter((l: { kind: string }) => l.kind === 'clawback');
    expect(clawbacks).toEqual([
      expect.objectContaining({ sourceId: deals['季一客户乙'], sourcePeriodStart: '2031-01-01', rebate: '-300.00', description: '季一客户乙' }),
    ]);
    expect(q2).toMatchObject({ earned: '0.00', adjustments: '-300.00', payable: '-300.00' });
    // The paid statement is never changed.
    expect(await statementOf(a1, '2031-01-01')).toMatchObject({ status: 'paid', earned: '8100.00', payable: '8100.00' });

    const entries = await ledgerCount(a1);
    await run('2031-Q2');
    const again = await statementOf(a1, '2031-04-01');
    expect(again.id).toBe(q2.id);
    expect(again.lines.filter((l: { kind: string }) => l.kind === 'clawback')).toHaveLength(1);
    expect(await ledgerCount(a1)).toBe(entries);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM rebate_ledger WHERE agreement_id = $1 AND kind = 'clawback'`, [a1]);
    expect(n).toBe(1);
  });

  it('a disputed line resolved as adjusted books an adjustment entry, shown once on the next statement', async () => {
    const line = q1.lines.find((l) => l.sourceId === deals['季一客户甲'])!;
    const raised = await api(app, huaxin).post(`/api/rebate-statements/${q1.id}/lines/${line.id}/dispute`).send({ comment: '该单应按 6.5% 计' }).expect(201);
    expect(raised.body).toMatchObject({ status: 'open', lineId: line.id, statementId: q1.id });
    const dup = await api(app, huaxin).post(`/api/rebate-statements/${q1.id}/lines/${line.id}/dispute`).send({ comment: '再问' });
    expect([dup.status, dup.body.code]).toEqual([409, 'REBATE_DISPUTE_OPEN']);
    // Another partner cannot even see the statement.
    await api(app, lanting).post(`/api/rebate-statements/${q1.id}/lines/${line.id}/dispute`).send({ comment: 'x' }).expect(404);
    const open = await api(app, manager).get('/api/rebate-disputes?status=open').expect(200);
    expect(open.body.items.map((d: { id: string }) => d.id)).toContain(raised.body.id);
    const noAmount = await api(app, manager).post(`/api/rebate-disputes/${raised.body.id}/resolve`).send({ outcome: 'adjusted', resolution: '同意' });
    expect([noAmount.status, noAmount.body.code]).toEqual([422, 'REBATE_ADJUSTMENT_REQUIRED']);
    const resolved = await api(app, manager)
      .post(`/api/rebate-disputes/${raised.body.id}/resolve`)
      .send({ outcome: 'adjusted', amount: '150.00', resolution: '核对后补 150 元' })
      .expect(200);
    expect(resolved.body).toMatchObject({ status: 'adjusted', adjustment: '150.00' });
    const again = await api(app, manager).post(`/api/rebate-disputes/${raised.body.id}/resolve`).send({ outcome: 'rejected', resolution: 'x' });
    expect([again.status, again.body.code]).toEqual([409, 'REBATE_DISPUTE_RESOLVED']);
    const adj = await ds.query(`SELECT amount::text, source_id FROM rebate_ledger WHERE agreement_id = $1 AND kind = 'adjustment'`, [a1]);
    expect(adj).toEqual([{ amount: '150.00', source_id: raised.body.id }]);

    await run('2031-Q2');
    const q2 = await statementOf(a1, '2031-04-01');
    expect(q2.lines.filter((l: { kind: string; sourceId: string }) => l.kind === 'adjustment' && l.sourceId === raised.body.id)).toEqual([
      expect.objectContaining({ rebate: '150.00', sourcePeriodStart: '2031-01-01' }),
    ]);
    expect(q2).toMatchObject({ adjustments: '-150.00', payable: '-150.00' });
    const detail = await api(app, huaxin).get(`/api/rebate-statements/${q1.id}`).expect(200);
    expect(detail.body.lines.find((l: { id: string }) => l.id === line.id).dispute).toMatchObject({ status: 'adjusted', adjustment: '150.00' });
  });

  it('the ledger is append-only: the database refuses an edit or a delete', async () => {
    await expect(ds.query(`UPDATE rebate_ledger SET amount = 0 WHERE agreement_id = $1`, [a1])).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM rebate_ledger WHERE agreement_id = $1`, [a1])).rejects.toThrow(/append-only/);
  });

  it('the ledger page has the totals; a partner reads only its own; liability is accrued − paid', async () => {
    const mine = await api(app, huaxin).get(`/api/rebate-ledger?agreementId=${a1}`).expect(200);
    // accrued 8,100 − 300 clawback + 150 adjustment; paid 8,100.
    expect(mine.body.totals).toEqual({ accrued: '7950.00', settled: '8100.00', paid: '8100.00', liability: '-150.00', deposits: '0.00' });
    expect(mine.body.items.every((e: { agreementId: string }) => e.agreementId === a1)).toBe(true);
    // Another partner's agreement or partner id: not found (as payments answers), never an empty page.
    await api(app, huaxin).get(`/api/rebate-ledger?agreementId=${a2}`).expect(404);
    const [other] = await ds.query(`SELECT partner_id FROM agreements WHERE id = $1`, [a2]);
    await api(app, huaxin).get(`/api/rebate-ledger?partnerId=${other.partner_id}`).expect(404);
    await api(app, huaxin).get(`/api/rebate-ledger?partnerId=${huaxinId}`).expect(200);
    expect((await api(app, manager).get(`/api/rebate-ledger?agreementId=${a2}`).expect(200)).body.items.length).toBeGreaterThan(0);
    const all = await api(app, lanting).get('/api/rebate-ledger?pageSize=200').expect(200);
    expect(all.body.items.some((e: { agreementId: string }) => e.agreementId === a1)).toBe(false);
    const liability = await api(app, leader).get('/api/rebates/liability').expect(200);
    const h = liability.body.partners.find((p: { partnerId: string }) => p.partnerId === huaxinId);
    expect(h).toBeDefined();
    const cents = (v: string) => Math.round(Number(v) * 100);
    expect(cents(h.liability)).toBe(cents(h.accrued) - cents(h.paid));
    const t = liability.body.total;
    expect(cents(t.liability)).toBe(cents(t.accrued) - cents(t.paid));
    expect(cents(t.accrued)).toBe(liability.body.partners.reduce((acc: number, p: { accrued: string }) => acc + cents(p.accrued), 0));
  });

  it('two runs of one period at once: one is refused (409) or they run one after the other; one statement per agreement and period, and the ledger balances', async () => {
    const [x, y] = await Promise.all([
      api(app, manager).post('/api/rebate-runs').send({ period: '2031-Q3' }),
      api(app, admin).post('/api/rebate-runs').send({ period: '2031-Q3' }),
    ]);
    const statuses = [x.status, y.status].sort();
    expect([
      [202, 409],
      [202, 202],
    ]).toContainEqual(statuses);
    const refused = [x, y].find((r) => r.status === 409);
    if (refused) expect(refused.body.code).toBe('REBATE_RUN_ACTIVE');
    for (const r of [x, y].filter((r) => r.status === 202)) expect((await finished(r.body.id)).status).toBe('succeeded');
    const rows = await ds.query(
      `SELECT agreement_id, count(*)::int AS n, sum(earned)::text AS earned FROM rebate_statements WHERE agreement_id = ANY($1) AND period_start = '2031-07-01' GROUP BY agreement_id ORDER BY agreement_id`,
      [[a1, a2]],
    );
    expect(rows.map((r: { n: number }) => r.n)).toEqual([1, 1]);
    const earned = Object.fromEntries(rows.map((r: { agreement_id: string; earned: string }) => [r.agreement_id, r.earned]));
    expect(earned[a1]).toBe('1900.00');
    expect(earned[a2]).toBe('7200.00');
    const [balance] = await ds.query(
      `SELECT (SELECT coalesce(sum(amount), 0) FROM rebate_ledger WHERE agreement_id = ANY($1) AND period_start = '2031-07-01' AND kind IN ('accrual', 'reversal', 'clawback'))::text AS ledger,
              (SELECT sum(earned) FROM rebate_statements WHERE agreement_id = ANY($1) AND period_start = '2031-07-01')::text AS statements`,
      [[a1, a2]],
    );
    expect(balance.ledger).toBe(balance.statements);
    // A third run while nothing is active is accepted and changes nothing.
    const third = await run('2031-Q3');
    expect(third.status).toBe('succeeded');
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM rebate_ledger WHERE agreement_id = ANY($1) AND period_start = '2031-07-01'`, [[a1, a2]]);
    expect(n).toBe(2);
  });

  it('sell-out lines count for a distribution agreement; several executors of one run take turns (one statement, a balanced ledger)', async () => {
    const [product] = await ds.query(`SELECT id FROM products ORDER BY id LIMIT 1`);
    const a3 = await agreement(huaxinId, { type: 'distribution', startDate: '2031-10-01', endDate: '2031-12-31' });
    const [{ id: report }] = await ds.query(
      `INSERT INTO sell_out_reports (agreement_id, partner_id, period_start, period_end, file_name, row_count, imported_count, submitted_by)
       VALUES ($1, $2, '2031-10-01', '2031-12-31', 'q4.csv', 2, 2, $3) RETURNING id`,
      [a3, huaxinId, ids.admin],
    );
    await ds.query(
      `INSERT INTO sell_out_lines (report_id, agreement_id, partner_id, row_no, sold_on, customer, product_id, quantity, amount)
       VALUES ($1, $2, $3, 2, '2031-10-20', '出货客户一', $4, 10, 60000.00), ($1, $2, $3, 3, '2031-11-20', '出货客户二', $4, 5, 40000.00)`,
      [report, a3, huaxinId, product.id],
    );
    // A split deal of Huaxin's own agreement in Q4: its conflict gave Huaxin 60%.
    await addDeal('分成客户', huaxinId, a1, '150000.00', '2031-11-11');
    await splitDeal(ds, deals['分成客户'], 60, { rationale: '双方共同推进', resolvedBy: ids.admin, awarded: true });
    const started = await api(app, manager).post('/api/rebate-runs').send({ period: '2031-Q4' }).expect(202);
    // The in-process delivery and two more executors (a redelivery, a resume at start-up) race on the same run.
    const service = app.get(RebateRunsService);
    await Promise.all([service.execute(started.body.id), service.execute(started.body.id)]);
    const r = await finished(started.body.id);
    expect(r).toMatchObject({ status: 'succeeded', errors: 0 });
    expect(r.done).toBe(r.total);
    const q4 = await statementOf(a3, '2031-10-01');
    expect(q4).toMatchObject({ agreementType: 'distribution', achievement: '100000.00', tierIndex: 1, earned: '4000.00' });
    expect(q4.lines.map((l: { kind: string; description: string; rebate: string }) => [l.kind, l.description, l.rebate])).toEqual([
      ['sell_out', '出货客户一', '2400.00'],
      ['sell_out', '出货客户二', '1600.00'],
    ]);
    // 150,000 × 60% = 90,000: 90% → 2% = 1,800.
    const split = await statementOf(a1, '2031-10-01');
    expect(split).toMatchObject({ achievement: '90000.00', earned: '1800.00' });
    expect(split.lines).toEqual([expect.objectContaining({ sourceId: deals['分成客户'], amount: '150000.00', share: '0.6', achievement: '90000.00', rebate: '1800.00' })]);
    const mine = [a1, a2, a3];
    const perAgreement = await ds.query(
      `SELECT agreement_id, count(*)::int AS n FROM rebate_statements WHERE agreement_id = ANY($1) AND period_start >= '2031-10-01' GROUP BY agreement_id`,
      [mine],
    );
    expect(perAgreement.map((x: { n: number }) => x.n)).toEqual([1, 1, 1]);
    const [balance] = await ds.query(
      `SELECT (SELECT coalesce(sum(amount), 0) FROM rebate_ledger WHERE agreement_id = ANY($1) AND period_start >= '2031-10-01' AND kind IN ('accrual', 'reversal', 'clawback'))::text AS ledger,
              (SELECT sum(earned) FROM rebate_statements WHERE agreement_id = ANY($1) AND period_start >= '2031-10-01')::text AS statements`,
      [mine],
    );
    expect(balance).toEqual({ ledger: '5800.00', statements: '5800.00' });
  });

  it('refuses a period that is not a quarter, half or year; lists runs for vendor roles only', async () => {
    const bad = await api(app, manager).post('/api/rebate-runs').send({ period: '2031-Q5' });
    expect(bad.status).toBe(400);
    const list = await api(app, leader).get('/api/rebate-runs?period=2031-Q1').expect(200);
    expect(list.body.items.length).toBeGreaterThanOrEqual(3);
    expect(list.body.items[0]).toMatchObject({ period: '2031-Q1', periodStart: '2031-01-01', periodEnd: '2031-03-31', startedBy: { name: expect.any(String) } });
    await api(app, huaxin).get('/api/rebate-runs').expect(403);
  });

  it('a holding period (policy rebates.holdingDays) keeps an approved statement unpayable until asOf + the days', async () => {
    const before = (await api(app, admin).get('/api/policies').expect(200)).body.policies;
    expect(before.rebates.holdingDays).toBe(0);
    try {
      await api(app, admin)
        .put('/api/policies')
        .send({ ...before, rebates: { ...before.rebates, holdingDays: 30 } })
        .expect(200);
      await run('2031-Q4');
      const q4 = await statementOf(a2, '2031-10-01');
      const asOf: string = q4.asOf;
      const payableFrom = addDays(asOf, 30);
      expect(q4).toMatchObject({ status: 'draft', payableFrom });
      const list = await api(app, manager).get(`/api/rebate-statements?agreementId=${a2}&periodStart=2031-10-01`).expect(200);
      expect(list.body.items[0].payableFrom).toBe(payableFrom);
      await api(app, admin).post(`/api/rebate-statements/${q4.id}/approve`).send({}).expect(200);
      const early = await api(app, admin).post(`/api/rebate-statements/${q4.id}/pay`).send({ paidOn: asOf, reference: 'PAY-HOLD-1' });
      expect([early.status, early.body.code]).toEqual([409, 'REBATE_HOLDING_PERIOD']);
      expect(early.body.message).toContain(payableFrom);
      expect((await statementOf(a2, '2031-10-01')).status).toBe('approved');
      // On payableFrom itself (the business clock moved there, so the payment is not dated in the future) it is paid.
      pinClock(`${payableFrom}T04:00:00Z`);
      const paid = await api(app, admin).post(`/api/rebate-statements/${q4.id}/pay`).send({ paidOn: payableFrom, reference: 'PAY-HOLD-2' }).expect(200);
      expect(paid.body).toMatchObject({ status: 'paid', paidOn: payableFrom, payableFrom });
    } finally {
      pinClock(null);
      await api(app, admin).put('/api/policies').send(before).expect(200);
    }
    expect((await api(app, admin).get('/api/policies').expect(200)).body.policies.rebates.holdingDays).toBe(0);
  });

  it('a run whose period overlaps an active one (2032-Q4 beside 2032-H2 or 2032) is refused with the active run’s id', async () => {
    const [active] = await ds.query(
      `INSERT INTO rebate_runs (period, period_start, period_end, as_of, status, started_by) VALUES ('2032-H2', '2032-07-01', '2032-12-31', '2026-11-28', 'queued', $1) RETURNING id`,
      [ids.manager],
    );
    try {
      for (const period of ['2032-Q4', '2032', '2032-Q3']) {
        const res = await api(app, manager).post('/api/rebate-runs').send({ period });
        expect([res.status, res.body.code, res.body.details?.runId]).toEqual([409, 'REBATE_RUN_ACTIVE', active.id]);
      }
      expect((await ds.query(`SELECT count(*)::int AS n FROM rebate_runs WHERE period IN ('2032-Q4', '2032', '2032-Q3')`))[0].n).toBe(0);
    } finally {
      await ds.query(`UPDATE rebate_runs SET status = 'failed', finished_at = now() WHERE id = $1`, [active.id]);
    }
    // Not overlapping (2032-Q2): accepted.
    expect((await run('2032-Q2')).status).toBe('succeeded');
  });

  it('a term whose last period is settled: a later reversal is a run error naming the agreement, nothing booked; a start date amended after settlement is an error too', async () => {
    const a3 = await agreement(ids.lanting, { startDate: '2033-01-01', endDate: '2033-03-31' });
    await addDeal('三三客户甲', ids.lanting, a3, '100000.00', '2033-02-01');
    await addDeal('三三客户乙', ids.lanting, a3, '10000.00', '2033-02-02');
    expect((await run('2033-Q1')).errors).toBe(0);
    const st = await statementOf(a3, '2033-01-01');
    expect(st).toMatchObject({ status: 'draft', earned: '4400.00' });
    await api(app, admin).post(`/api/rebate-statements/${st.id}/approve`).send({}).expect(200);
    // Nothing changed: simply locked.
    const quiet = await run('2033-Q1');
    expect(quiet).toMatchObject({ errors: 0, locked: 1 });
    const before = await ledgerCount(a3);
    await api(app, manager).post('/api/rebate-reversals').send({ registrationId: deals['三三客户乙'], reason: '客户退货' }).expect(201);
    const changed = (await run('2033-Q1')) as Run & { errorDetails: { agreementId: string; code: string; message?: string }[] };
    expect(changed).toMatchObject({ status: 'succeeded', errors: 1, locked: 0 });
    expect(changed.errorDetails).toEqual([{ agreementId: a3, code: 'REBATE_CLOSED_TERM_CHANGED', message: expect.stringMatching(/\S/) }]);
    expect(await ledgerCount(a3)).toBe(before);
    // The start date amended after the period was settled: the stored period is no longer an evaluation period.
    await ds.query(`UPDATE agreements SET start_date = '2033-02-01', terms = jsonb_set(terms, '{startDate}', '"2033-02-01"') WHERE id = $1`, [a3]);
    const moved = (await run('2033-Q1')) as Run & { errorDetails: { agreementId: string; code: string }[] };
    expect(moved.errorDetails).toEqual([expect.objectContaining({ agreementId: a3, code: 'REBATE_TERMS_CHANGED_AFTER_SETTLEMENT' })]);
    expect(await ledgerCount(a3)).toBe(before);
    expect(await statementOf(a3, '2033-02-01')).toBeNull();
  });

  it('achievement is stored exactly to 10 decimals (amount × share × coefficient), so a rerun on unchanged inputs compares equal', async () => {
    const cols = await ds.query(
      `SELECT table_name, numeric_precision, numeric_scale FROM information_schema.columns
        WHERE column_name = 'achievement' AND table_name IN ('rebate_statements', 'rebate_statement_lines') ORDER BY table_name`,
    );
    expect(cols).toEqual([
      { table_name: 'rebate_statement_lines', numeric_precision: 30, numeric_scale: 10 },
      { table_name: 'rebate_statements', numeric_precision: 30, numeric_scale: 10 },
    ]);
    const [{ v }] = await ds.query(`SELECT ('1234.56'::numeric * 0.3333 * 1.2345)::numeric(30, 10)::text AS v`);
    expect(v).toBe('507.9706378560'); // at numeric(24, 6) it was rounded to 507.970638
  });

  it('a payment date in the future is refused (422 REBATE_PAID_IN_FUTURE); the statement stays approved', async () => {
    const [{ id }] = await ds.query(`SELECT id FROM rebate_statements WHERE status = 'approved' ORDER BY period_start LIMIT 1`);
    const tomorrow = addDays(businessToday(), 1);
    const res = await api(app, admin).post(`/api/rebate-statements/${id}/pay`).send({ paidOn: tomorrow, reference: 'PAY-FUTURE' });
    expect([res.status, res.body.code]).toEqual([422, 'REBATE_PAID_IN_FUTURE']);
    expect(res.body.message).toContain(tomorrow);
    const [after] = await ds.query(`SELECT status, paid_on FROM rebate_statements WHERE id = $1`, [id]);
    expect(after).toEqual({ status: 'approved', paid_on: null });
  });

  it('a dispute adjusted by zero (in any spelling, e.g. "0.00") books no adjustment entry', async () => {
    const [line] = await ds.query(
      `SELECT s.id AS statement_id, l.id AS line_id FROM rebate_statements s JOIN rebate_statement_lines l ON l.statement_id = s.id
        WHERE s.period_start = '2033-01-01' AND s.status = 'approved' AND l.kind = 'deal' ORDER BY l.line_no LIMIT 1`,
    );
    const raised = await api(app, lanting).post(`/api/rebate-statements/${line.statement_id}/lines/${line.line_id}/dispute`).send({ comment: '请核对' }).expect(201);
    const resolved = await api(app, manager).post(`/api/rebate-disputes/${raised.body.id}/resolve`).send({ outcome: 'adjusted', amount: '0.00', resolution: '核对无误' }).expect(200);
    expect(resolved.body).toMatchObject({ status: 'adjusted' });
    expect(await ds.query(`SELECT id FROM rebate_ledger WHERE source_id = $1`, [raised.body.id])).toEqual([]);
  });
});
