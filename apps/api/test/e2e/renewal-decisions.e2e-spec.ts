import type { INestApplication } from '@nestjs/common';
import { addDays, agreementNumber, agreementPeriods, RenewalReviewDetailSchema, successorTerm } from '@partnerline/domain';
import { businessToday, pinClock } from '../../src/common/time';
import { RenewalDecisionsService } from '../../src/modules/renewals/renewal-decisions.service';
import { demoIds, insertAgreement, insertWonDeal } from '../support/fixtures';
import { api, createTestApp, dataSourceOf, loginAs } from '../support/test-app';

const plus = (n: number) => addDays(businessToday(), n);

/**
 * Issue #15, the decision (ADR 0018): a channel manager renews (a successor draft with the suggested or an explicit
 * quota and the paid deposit carried over on the ledger; an exclusive clash refused naming the holder, nothing
 * written), renews on probation (conditions checked on or after the check date) or terminates (deposit refunded or
 * forfeited, partner status and registrations handled by applyDueEffects on the day after the end, once). Partners,
 * agreements and reviews are this file's own.
 */
describe('renewal decisions', () => {
  let app: INestApplication;
  let manager: string;
  let leader: string;
  let managerId: string;
  let adminId: string;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  /** A segment of one industry × one leaf region nobody else's tests claim (the last codes). */
  let cell: { industryId: string; regionId: string };
  const stamp = Date.now().toString(36).toUpperCase();
  const db = () => dataSourceOf(app);
  let n = 0;

  async function fixturePartner(slug: string): Promise<{ id: string; admin: string; adminId: string; user: string }> {
    const [p] = await db().query(
      `INSERT INTO partners (name, name_en, type, status, tax_id, tax_id_kind, approved_at, manager_id) VALUES ($1, $2, 'strategic', 'active', $3, 'other', now(), $4) RETURNING id`,
      [`续约决定${slug}${stamp}`, `${slug} renewal decision Ltd.`, `D${slug}${stamp}`.slice(0, 18), managerId],
    );
    const [{ password_hash }] = await db().query(`SELECT password_hash FROM users WHERE email = 'owner@jinshi.demo'`);
    const emails: string[] = [];
    for (const role of ['partner_admin', 'partner_user']) {
      const email = `${role.replace('_', '-')}-${slug.toLowerCase()}-${stamp.toLowerCase()}@renewal-decision.demo`;
      await db().query(
        `INSERT INTO users (email, password_hash, display_name, role, partner_id, locale) VALUES ($1, $2, $3, $4, $5, 'en')`,
        [email, password_hash, `${slug} ${role}`, role, p.id],
      );
      emails.push(email);
    }
    const [{ id: adminUser }] = await db().query(`SELECT id FROM users WHERE email = $1`, [emails[0]]);
    return { id: p.id, admin: await loginAs(app, emails[0]), adminId: adminUser, user: await loginAs(app, emails[1]) };
  }

  /** An active agreement, quarterly quota 100,000; exclusive ones hold `cell` and a deposit of 50,000 (no scope rows, no claims). */
  const agreement = (partnerId: string, startIn: number, endIn: number, type: 'registration' | 'exclusive' = 'registration') =>
    insertAgreement(db(), {
      partnerId,
      type,
      startDate: plus(startIn),
      endDate: plus(endIn),
      createdBy: adminId,
      approvedBy: adminId,
      withScopes: false,
      terms: {
        evaluationPeriod: 'quarter',
        quotaPerPeriod: '100000.00',
        renewalThresholdPercent: 80,
        ...(type === 'exclusive' ? { scope: [cell], deposit: { amount: '50000.00', dueDate: plus(startIn), handling: 'refund' } } : {}),
      },
    });

  const openReview = async (agreementId: string) =>
    (await api(app, manager).post('/api/renewal-reviews').send({ agreementId }).expect(201)).body.id as string;
  const decide = (reviewId: string, body: unknown, token = manager) =>
    api(app, token)
      .post(`/api/renewal-reviews/${reviewId}/decision`)
      .send(body as object);
  const payDeposit = (agreementId: string) =>
    api(app, manager)
      .post(`/api/agreements/${agreementId}/deposit-events`)
      .send({ to: 'paid', occurredOn: plus(-250), reference: `DEP-${stamp}` })
      .expect(201);
  const deposit = async (agreementId: string) => (await api(app, manager).get(`/api/agreements/${agreementId}/deposit`).expect(200)).body;
  const ledger = (agreementId: string): Promise<{ kind: string; amount: string }[]> =>
    db().query(
      `SELECT kind, amount::text AS amount FROM rebate_ledger WHERE agreement_id = $1 AND kind LIKE 'deposit%' ORDER BY created_at, kind`,
      [agreementId],
    );
  const audits = async (entityId: string, action: string) =>
    (
      (await db().query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = $2`, [entityId, action])) as {
        n: number;
      }[]
    )[0].n;
  const notified = async (userId: string, kind: string, reviewId: string) =>
    (
      (await db().query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = $2 AND link LIKE '%' || $3`, [
        userId,
        kind,
        reviewId,
      ])) as { n: number }[]
    )[0].n;
  const registration = async (partnerId: string, agreementId: string, status: 'in_review' | 'approved') => {
    const [{ id }] = await db().query(
      `INSERT INTO deal_registrations (partner_id, agreement_id, status, customer_name, customer_name_norm, industry_id, region_id, details, estimated_amount, expected_close, created_by, protection_ends)
       VALUES ($1, $2, $3, $4, $4, $5, $6, '{}', 10000, $7, $8, $9) RETURNING id`,
      [
        partnerId,
        agreementId,
        status,
        `决定客户${stamp}${++n}`,
        ids.industry,
        ids.region,
        plus(60),
        managerId,
        status === 'approved' ? plus(50) : null,
      ],
    );
    return id as string;
  };
  const statusOf = async (table: 'deal_registrations' | 'partners' | 'agreements', id: string) =>
    ((await db().query(`SELECT status FROM ${table} WHERE id = $1`, [id])) as { status: string }[])[0].status;

  beforeAll(async () => {
    app = await createTestApp();
    [manager, leader] = await Promise.all([loginAs(app, 'manager@partnerline.demo'), loginAs(app, 'leader@partnerline.demo')]);
    ids = await demoIds(db());
    managerId = ids.manager;
    adminId = ids.admin;
    const [c] = await db().query(
      `SELECT (SELECT id FROM industries ORDER BY code DESC LIMIT 1) AS "industryId",
              (SELECT r.id FROM regions r WHERE NOT EXISTS (SELECT 1 FROM regions c WHERE c.parent_id = r.id) ORDER BY r.code DESC LIMIT 1) AS "regionId"`,
    );
    cell = c;
  });
  afterEach(() => pinClock(null));
  afterAll(() => app.close());

  it('the successor term follows the predecessor: whole months stay whole months, otherwise the same number of days', () => {
    expect(successorTerm('2026-01-01', '2026-12-31')).toEqual({ startDate: '2027-01-01', endDate: '2027-12-31' });
    expect(successorTerm('2027-03-01', '2028-02-29')).toEqual({ startDate: '2028-03-01', endDate: '2029-02-28' });
    expect(successorTerm('2026-02-15', '2026-05-20')).toEqual({ startDate: '2026-05-21', endDate: '2026-08-23' }); // 95 days each
  });

  it('renew: a successor draft with the suggested quota and the paid deposit carried over on the ledger; visible to the partner; final', async () => {
    const p = await fixturePartner('R');
    const id = await agreement(p.id, -300, 45, 'exclusive');
    const periods = agreementPeriods({ startDate: plus(-300), endDate: plus(45), terms: { evaluationPeriod: 'quarter' } });
    const lastEnded = periods.filter((x) => x.end < businessToday()).at(-1)!;
    await insertWonDeal(db(), {
      partnerId: p.id,
      agreementId: id,
      customerName: `续约决定客户${stamp}`,
      amount: '200000.00',
      wonOn: lastEnded.start,
      industryId: ids.industry,
      regionId: ids.region,
      createdBy: managerId,
    });
    await payDeposit(id);
    const reviewId = await openReview(id);

    // Leadership and partners never decide; a body that fits no outcome names its fields.
    expect((await decide(reviewId, { outcome: 'renew', rationale: 'x' }, leader)).status).toBe(403);
    expect((await decide(reviewId, { outcome: 'renew', rationale: 'x' }, p.admin)).status).toBe(403);
    const bad = await decide(reviewId, { outcome: 'renew', rationale: '', quota: '12.345' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['quota', 'rationale']);
    expect((await decide(reviewId, { outcome: 'extend', rationale: 'x' })).status).toBe(400);

    const res = await decide(reviewId, { outcome: 'renew', rationale: 'Strong year; keep the exclusivity.' });
    expect(res.status).toBe(200);
    const detail = RenewalReviewDetailSchema.parse(res.body);
    expect(detail).toMatchObject({
      status: 'decided',
      decision: {
        outcome: 'renew',
        rationale: 'Strong year; keep the exclusivity.',
        depositHandling: 'carry_over',
        probation: null,
        terminationEffective: null,
      },
    });
    expect(detail.suggestedQuota).toBe('220000.00');
    const successorId = detail.decision!.successorAgreementId!;

    const successor = (await api(app, manager).get(`/api/agreements/${successorId}`).expect(200)).body;
    const term = successorTerm(plus(-300), plus(45));
    expect(successor).toMatchObject({
      status: 'draft',
      partnerId: p.id,
      type: 'exclusive',
      startDate: term.startDate,
      endDate: term.endDate,
      quotaPerPeriod: '220000.00',
      evaluationPeriod: 'quarter',
    });
    expect(successor.terms).toMatchObject({
      scope: [cell],
      renewalThresholdPercent: 80,
      deposit: { amount: '50000.00', dueDate: term.startDate, handling: 'refund' },
    });

    // The deposit: the predecessor's offset into the successor's, paid; the held total unchanged (+50,000 −50,000 +50,000).
    expect(await deposit(id)).toMatchObject({ status: 'offset' });
    const carried = await deposit(successorId);
    expect(carried).toMatchObject({ status: 'paid', amount: '50000.00' });
    expect(carried.events.at(-1)).toMatchObject({ from: 'due', to: 'paid', reference: agreementNumber('exclusive', plus(-300), id) });
    expect(await ledger(id)).toEqual([
      { kind: 'deposit_paid', amount: '50000.00' },
      { kind: 'deposit_offset', amount: '-50000.00' },
    ]);
    expect(await ledger(successorId)).toEqual([{ kind: 'deposit_paid', amount: '50000.00' }]);

    // The partner reads the decision and the rationale (not the vendor's draft), and was told.
    const seen = RenewalReviewDetailSchema.parse((await api(app, p.user).get(`/api/renewal-reviews/${reviewId}`).expect(200)).body);
    expect(seen.decision).toMatchObject({ outcome: 'renew', rationale: 'Strong year; keep the exclusivity.' });
    expect((await api(app, p.user).get(`/api/agreements/${successorId}`)).status).toBe(404);
    expect(await notified(p.adminId, 'renewal_review.renewed', reviewId)).toBe(1);

    // Audited with the frozen recommendation; the successor's draft audited as renewing the agreement.
    const [row] = await db().query(`SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'renewal_review.decided'`, [reviewId]);
    expect(row.after).toMatchObject({
      outcome: 'renew',
      successorAgreementId: successorId,
      quota: '220000.00',
      depositHandling: 'carry_over',
      recommended: detail.recommendationDetail.outcome,
    });
    const [drafted] = await db().query(`SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'agreement.drafted'`, [successorId]);
    expect(drafted.after.renews).toBe(id);
    const [frozen] = await db().query(`SELECT decision_facts, decision_recommendation FROM renewal_reviews WHERE id = $1`, [reviewId]);
    expect(frozen.decision_facts.facts.attainment).toBeDefined();
    expect(frozen.decision_recommendation.outcome).toBe(detail.recommendationDetail.outcome);

    // A decision is final.
    const again = await decide(reviewId, { outcome: 'terminate', rationale: 'Changed my mind.' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('RENEWAL_ALREADY_DECIDED');
    expect(await audits(reviewId, 'renewal_review.decided')).toBe(1);
    expect((await decide('00000000-0000-4000-8000-000000000000', { outcome: 'renew', rationale: 'x' })).status).toBe(404);
  });

  it('renew with an explicit quota; without a deposit nothing is carried', async () => {
    const p = await fixturePartner('Q');
    const id = await agreement(p.id, -200, 30);
    const reviewId = await openReview(id);
    const detail = RenewalReviewDetailSchema.parse(
      (await decide(reviewId, { outcome: 'renew', rationale: 'Give it another year.', quota: '123456.7' }).expect(200)).body,
    );
    expect(detail.decision).toMatchObject({ outcome: 'renew', depositHandling: 'none' });
    const successor = (await api(app, manager).get(`/api/agreements/${detail.decision!.successorAgreementId}`).expect(200)).body;
    expect(successor).toMatchObject({ status: 'draft', type: 'registration', quotaPerPeriod: '123456.70', startDate: plus(31) });
    expect(successor.terms.deposit).toBeNull();
  });

  it('two decisions at once: one wins, the other is told it was decided; one successor', async () => {
    const p = await fixturePartner('C');
    const id = await agreement(p.id, -200, 30);
    const reviewId = await openReview(id);
    const answers = await Promise.all([
      decide(reviewId, { outcome: 'renew', rationale: 'First.' }),
      decide(reviewId, { outcome: 'terminate', rationale: 'Second.' }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.status === 409)!.body.code).toBe('RENEWAL_ALREADY_DECIDED');
    expect((await db().query(`SELECT count(*)::int AS n FROM agreements WHERE partner_id = $1`, [p.id]))[0].n).toBe(
      1 + (answers[0].status === 200 ? 1 : 0),
    );
    expect(await audits(reviewId, 'renewal_review.decided')).toBe(1);
  });

  it("an exclusive successor overlapping another partner's exclusive agreement is refused naming the holder, and nothing is written", async () => {
    const p = await fixturePartner('X');
    const holder = await fixturePartner('H');
    const id = await agreement(p.id, -300, 40, 'exclusive');
    const reviewId = await openReview(id);
    const theirs = await agreement(holder.id, 100, 300, 'exclusive');
    await db().query(
      `INSERT INTO exclusive_claims (agreement_id, industry_id, region_id, period) VALUES ($1, $2, $3, daterange($4::date, $5::date, '[]'))`,
      [theirs, cell.industryId, cell.regionId, plus(100), plus(300)],
    );
    try {
      const agreementsBefore = (await db().query(`SELECT count(*)::int AS n FROM agreements WHERE partner_id = $1`, [p.id]))[0].n;
      for (const body of [
        { outcome: 'renew', rationale: 'Renew.' },
        { outcome: 'renew_on_probation', rationale: 'Renew on probation.', conditions: ['Hit the quota'], checkOn: plus(120) },
      ]) {
        const res = await decide(reviewId, body);
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('RENEWAL_SUCCESSOR_OVERLAP');
        expect(res.body.details.holder).toMatchObject({ agreementId: theirs, partnerId: holder.id });
        expect(res.body.details.overlaps[0]).toMatchObject({ from: plus(100), until: plus(300) });
        expect(res.body.message).toContain(agreementNumber('exclusive', plus(100), theirs));
      }
      expect((await db().query(`SELECT count(*)::int AS n FROM agreements WHERE partner_id = $1`, [p.id]))[0].n).toBe(agreementsBefore);
      const [review] = await db().query(`SELECT status, decision, successor_agreement_id FROM renewal_reviews WHERE id = $1`, [reviewId]);
      expect(review).toEqual({ status: 'open', decision: null, successor_agreement_id: null });
      expect(await audits(reviewId, 'renewal_review.decided')).toBe(0);
    } finally {
      await db().query(`DELETE FROM exclusive_claims WHERE agreement_id = $1`, [theirs]);
    }
  });

  it('renew on probation: conditions and a check date; the check on or after it, every condition once; outcome, audit and notices', async () => {
    const p = await fixturePartner('P');
    const id = await agreement(p.id, -300, 35);
    const reviewId = await openReview(id);
    const start = plus(36);
    const probation = (checkOn: string) => ({
      outcome: 'renew_on_probation',
      rationale: 'Renew, but certify staff.',
      conditions: ['Certify two presales engineers', 'Pay every invoice on time'],
      checkOn,
    });
    for (const early of [plus(0), addDays(successorTerm(plus(-300), plus(35)).endDate, 1)]) {
      const res = await decide(reviewId, probation(early));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('RENEWAL_PROBATION_CHECK_DATE');
    }
    expect((await decide(reviewId, { outcome: 'renew_on_probation', rationale: 'x', conditions: [], checkOn: plus(90) })).status).toBe(400);
    const checkOn = addDays(start, 60);
    const detail = RenewalReviewDetailSchema.parse((await decide(reviewId, probation(checkOn)).expect(200)).body);
    expect(detail.decision).toMatchObject({ outcome: 'renew_on_probation', probation: { checkOn, outcome: null } });
    const conditions = detail.decision!.probation!.conditions;
    expect(conditions.map((c) => [c.text, c.met])).toEqual([
      ['Certify two presales engineers', null],
      ['Pay every invoice on time', null],
    ]);
    expect(detail.decision!.successorAgreementId).not.toBeNull();
    expect(await notified(p.adminId, 'renewal_review.renewed_on_probation', reviewId)).toBe(1);

    const check = (body: unknown, token = manager) =>
      api(app, token)
        .post(`/api/renewal-reviews/${reviewId}/probation-check`)
        .send(body as object);
    const all = (met: [boolean, boolean]) => ({ conditions: conditions.map((c, i) => ({ id: c.id, met: met[i] })) });
    const early = await check(all([true, true]));
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('RENEWAL_PROBATION_CHECK_TOO_EARLY');

    pinClock(`${checkOn}T04:00:00Z`);
    expect((await check(all([true, true]), leader)).status).toBe(403);
    expect((await check(all([true, true]), p.admin)).status).toBe(403);
    const partial = await check({ conditions: [{ id: conditions[0].id, met: true }] });
    expect(partial.status).toBe(422);
    expect(partial.body.code).toBe('RENEWAL_PROBATION_CONDITIONS_MISMATCH');
    expect(
      (
        await check({
          conditions: [
            { id: conditions[0].id, met: true },
            { id: conditions[0].id, met: false },
          ],
        })
      ).body.code,
    ).toBe('RENEWAL_PROBATION_CONDITIONS_MISMATCH');

    const checked = RenewalReviewDetailSchema.parse((await check(all([true, false])).expect(200)).body);
    expect(checked.decision!.probation).toMatchObject({ outcome: 'not_met', conditions: [{ met: true }, { met: false }] });
    expect(await audits(reviewId, 'renewal_review.probation_checked')).toBe(1);
    expect(await notified(p.adminId, 'renewal_review.probation_not_met', reviewId)).toBe(1);
    const twice = await check(all([true, true]));
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('RENEWAL_PROBATION_CHECKED');

    // A review decided otherwise has nothing to check.
    const other = await openReview(await agreement(p.id, -300, 30));
    await decide(other, { outcome: 'renew', rationale: 'Fine.' }).expect(200);
    const none = await api(app, manager)
      .post(`/api/renewal-reviews/${other}/probation-check`)
      .send(all([true, true]));
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('RENEWAL_NOT_ON_PROBATION');
  });

  it('terminate: deposit handling required when paid; effective at the end date; the day after, the deposit is refunded, the partner terminated and its registrations under review rejected — once', async () => {
    const p = await fixturePartner('T');
    // Ends today: its effects are due tomorrow (the test sweeps no further than the real sweep would tomorrow).
    const id = await agreement(p.id, -360, 0, 'exclusive');
    await payDeposit(id);
    const reviewId = await openReview(id);
    const waiting = await registration(p.id, id, 'in_review');
    const protectedOne = await registration(p.id, id, 'approved');

    const missing = await decide(reviewId, { outcome: 'terminate', rationale: 'Below threshold, late payments.' });
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('RENEWAL_DEPOSIT_HANDLING_REQUIRED');
    expect(missing.body.message).toContain('50000.00');
    expect(await statusOf('agreements', id)).toBe('active');

    const detail = RenewalReviewDetailSchema.parse(
      (
        await decide(reviewId, { outcome: 'terminate', rationale: 'Below threshold, late payments.', depositHandling: 'refund' }).expect(
          200,
        )
      ).body,
    );
    expect(detail.decision).toMatchObject({
      outcome: 'terminate',
      terminationEffective: plus(0),
      depositHandling: 'refund',
      successorAgreementId: null,
    });
    const agreementView = (await api(app, manager).get(`/api/agreements/${id}`).expect(200)).body;
    expect(agreementView).toMatchObject({
      status: 'active',
      termination: { reason: 'Below threshold, late payments.', effectiveDate: plus(1) },
    });
    expect(await notified(p.adminId, 'renewal_review.terminated', reviewId)).toBe(1);

    const decisions = app.get(RenewalDecisionsService);
    await decisions.applyDueEffects(plus(0)); // the agreement is still in force today: nothing yet
    expect(await deposit(id)).toMatchObject({ status: 'paid' });

    await decisions.applyDueEffects(plus(1));
    await decisions.applyDueEffects(plus(1)); // twice = once
    expect(await deposit(id)).toMatchObject({ status: 'refunded' });
    expect(await ledger(id)).toEqual([
      { kind: 'deposit_paid', amount: '50000.00' },
      { kind: 'deposit_refund', amount: '-50000.00' },
    ]);
    expect(await statusOf('partners', p.id)).toBe('terminated');
    expect(await statusOf('deal_registrations', waiting)).toBe('rejected');
    expect(await statusOf('deal_registrations', protectedOne)).toBe('approved');
    expect(await audits(reviewId, 'renewal_review.termination_applied')).toBe(1);
    expect(await audits(p.id, 'partner.status_changed')).toBe(1);
    const [{ effects_applied_on }] = await db().query(`SELECT effects_applied_on::text FROM renewal_reviews WHERE id = $1`, [reviewId]);
    expect(effects_applied_on).toBe(plus(1));
  });

  it('terminate with forfeit; a partner with another agreement in force keeps its status; no deposit → none', async () => {
    const p = await fixturePartner('F');
    const id = await agreement(p.id, -360, 0, 'exclusive');
    await payDeposit(id);
    await agreement(p.id, -100, 200); // still in force after the exclusive one ends
    const reviewId = await openReview(id);
    await decide(reviewId, { outcome: 'terminate', rationale: 'Breach: sold competing products.', depositHandling: 'forfeit' }).expect(200);
    await app.get(RenewalDecisionsService).applyDueEffects(plus(1));
    expect(await deposit(id)).toMatchObject({ status: 'forfeited' });
    expect((await ledger(id)).map((e) => [e.kind, e.amount])).toEqual([
      ['deposit_paid', '50000.00'],
      ['deposit_forfeit', '-50000.00'],
    ]);
    expect(await statusOf('partners', p.id)).toBe('active');

    // A registration agreement without a deposit: the handling asked for is not needed and recorded as none.
    const plain = await openReview(await agreement(p.id, -200, 20));
    const detail = RenewalReviewDetailSchema.parse(
      (await decide(plain, { outcome: 'terminate', rationale: 'Not renewing.', depositHandling: 'refund' }).expect(200)).body,
    );
    expect(detail.decision).toMatchObject({ depositHandling: 'none', terminationEffective: plus(20) });
  });
});
