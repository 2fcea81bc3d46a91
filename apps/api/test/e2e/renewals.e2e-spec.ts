import type { INestApplication } from '@nestjs/common';
import { addDays, agreementPeriods, RenewalReadinessSchema, RenewalReviewDetailSchema, RenewalReviewPageSchema } from '@partnerline/domain';
import { businessToday } from '../../src/common/time';
import { RenewalsService } from '../../src/modules/renewals/renewals.service';
import { demoIds, insertAgreement, insertWonDeal } from '../support/fixtures';
import { api, createTestApp, dataSourceOf, loginAs } from '../support/test-app';

const plus = (n: number) => addDays(businessToday(), n);

const ASSESSMENT = {
  wentWell: 'Two large hospital wins in Q2.',
  plan: 'Grow the education vertical with two more presales engineers.',
  proposedQuota: '90000.00',
  competitionDeclaration: 'no_competing_products',
  competingProducts: null,
  willRenew: true,
  rating: { product: 4, competitiveness: 3, margin: 2, training: 5, support: 4, likelyToRecommend: 8, comments: 'Margins are thin.' },
};

/**
 * Issue #15, the API core: a channel manager opens a renewal review on demand (once per agreement), the board filters,
 * the detail shows each fact with its evidence and the recommendation with its reasons and what would change it, the
 * partner admin self-assesses (and may declare it will not renew), the manager records a competition finding, and the
 * partner sees its readiness from 90 days before the end. Partners and agreements are this file's own.
 */
describe('renewal reviews (API core)', () => {
  let app: INestApplication;
  let manager: string;
  let leader: string;
  let managerId: string;
  let adminId: string;
  let partner: { id: string; admin: string; user: string };
  let other: { id: string; admin: string };
  const stamp = Date.now().toString(36).toUpperCase();
  const db = () => dataSourceOf(app);

  async function fixturePartner(slug: string): Promise<{ id: string; admin: string; user: string }> {
    const [p] = await db().query(
      `INSERT INTO partners (name, name_en, type, status, tax_id, tax_id_kind, approved_at, manager_id) VALUES ($1, $2, 'smb', 'active', $3, 'other', now(), $4) RETURNING id`,
      [`续约测试${slug}${stamp}`, `${slug} renewal test Ltd.`, `R${slug}${stamp}`.slice(0, 18), managerId],
    );
    const [{ password_hash }] = await db().query(`SELECT password_hash FROM users WHERE email = 'owner@jinshi.demo'`);
    const emails: string[] = [];
    for (const role of ['partner_admin', 'partner_user']) {
      const email = `${role.replace('_', '-')}-${slug.toLowerCase()}-${stamp.toLowerCase()}@renewal-test.demo`;
      await db().query(`INSERT INTO users (email, password_hash, display_name, role, partner_id, locale) VALUES ($1, $2, $3, $4, $5, 'en')`, [
        email,
        password_hash,
        `${slug} ${role}`,
        role,
        p.id,
      ]);
      emails.push(email);
    }
    return { id: p.id, admin: await loginAs(app, emails[0]), user: await loginAs(app, emails[1]) };
  }

  /** An active registration agreement of the partner, quarterly with a quota of 100,000 and no won deals (0 % attainment). */
  const agreement = (partnerId: string, startIn: number, endIn: number) =>
    insertAgreement(db(), {
      partnerId,
      startDate: plus(startIn),
      endDate: plus(endIn),
      createdBy: adminId,
      approvedBy: adminId,
      withScopes: false,
      terms: { evaluationPeriod: 'quarter', quotaPerPeriod: '100000.00', renewalThresholdPercent: 80 },
    });

  const open = (agreementId: string, token = manager) => api(app, token).post('/api/renewal-reviews').send({ agreementId });

  beforeAll(async () => {
    app = await createTestApp();
    [manager, leader] = await Promise.all([loginAs(app, 'manager@partnerline.demo'), loginAs(app, 'leader@partnerline.demo')]);
    const ids = await demoIds(db());
    managerId = ids.manager;
    adminId = ids.admin;
    partner = await fixturePartner('P');
    const o = await fixturePartner('Q');
    other = { id: o.id, admin: o.admin };
  });
  afterAll(() => app.close());

  it('a partner below threshold with overdue invoices: opened on demand (201, then 409 with the id), recommends terminate with reasons, evidence and what would change it', async () => {
    const id = await agreement(partner.id, -400, 40);
    // One invoice 100 days overdue and unpaid, one paid 10 days late, one on time: on-time ratio 1/3, worst 100 days.
    await db().query(
      `INSERT INTO partner_invoices (partner_id, invoice_no, amount, due_on, paid_on, source, created_by) VALUES
         ($1, $2 || '-1', 5000, $3, NULL, 'manual', $6), ($1, $2 || '-2', 5000, $4, $5, 'manual', $6), ($1, $2 || '-3', 5000, $4, $4, 'manual', $6)`,
      [partner.id, `RV${stamp}`, plus(-100), plus(-60), plus(-50), adminId],
    );
    // A major incident recorded against the partner in the term (the partners module's table).
    const [incident] = await db().query(
      `INSERT INTO partner_incidents (partner_id, occurred_on, severity, category, summary, recorded_by) VALUES ($1, $2, 'major', 'complaint', 'Customer escalation', $3) RETURNING id`,
      [partner.id, plus(-20), managerId],
    );
    // Leadership and partners do not open reviews.
    expect((await open(id, leader)).status).toBe(403);
    expect((await open(id, partner.admin)).status).toBe(403);

    const res = await open(id);
    expect(res.status).toBe(201);
    const review = RenewalReviewDetailSchema.parse(res.body);
    expect(review).toMatchObject({ agreementId: id, partnerId: partner.id, status: 'open', endDate: plus(40), decideBy: plus(26), overdue: false, openedByManager: true, recommendation: 'terminate', decision: null, selfAssessed: false });
    expect(review.facts.attainment).toMatchObject({ achievement: '0.00', thresholdPercent: 80 });
    expect(Number(review.facts.attainment.quota)).toBeGreaterThan(400000);
    expect(review.facts.payments.integrity).toMatchObject({ due: 3, onTime: 1, worstDaysOverdue: 100, openOverdue: 1 });
    const codes = review.recommendationDetail.reasons.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['attainment_far_below_threshold', 'payments_overdue_long', 'payments_on_time_ratio_very_low']));
    expect(review.recommendationDetail.states).toMatchObject({ attainment: 'failing', payments: 'failing' });
    const attain = review.recommendationDetail.toChange.find((c) => c.code === 'reach_attainment_threshold')!;
    expect(attain).toMatchObject({ fact: 'attainment', alone: 'terminate' });
    expect(review.recommendationDetail.toChange.map((c) => c.code)).toEqual(expect.arrayContaining(['reduce_days_overdue', 'raise_on_time_ratio']));
    // Evidence: the agreement behind attainment, the late and overdue invoices (worst first) behind payments.
    expect(review.evidence.attainment).toContainEqual(expect.objectContaining({ kind: 'agreement', id }));
    expect(review.evidence.payments.map((e) => e.label)).toEqual([`RV${stamp}-1`, `RV${stamp}-2`]);
    expect(review.facts.incidents).toEqual([{ date: plus(-20), severity: 'major' }]);
    expect(review.recommendationDetail.states.service).toBe('at_risk');
    expect(codes).toContain('service_major_incident');
    expect(review.evidence.service).toEqual([{ kind: 'incident', id: incident.id, label: 'major:complaint', date: plus(-20) }]);
    expect(review.evidence.competition).toEqual([]);
    expect(review.suggestedQuota).toBe('0.00');

    const again = await open(id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('RENEWAL_REVIEW_EXISTS');
    expect(again.body.details.reviewId).toBe(review.id);

    const audit = await db().query(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'renewal_review' AND entity_id = $1 AND action = 'renewal_review.opened'`, [review.id]);
    expect(audit[0].n).toBe(1);
    const told = await db().query(`SELECT user_id FROM notifications WHERE kind = 'renewal_review.opened' AND link LIKE '%' || $1`, [review.id]);
    expect(told.map((r: { user_id: string }) => r.user_id)).toContain(managerId);

    // The detail reads the same; a partner reads its own review, another partner's is not found.
    expect((await api(app, partner.user).get(`/api/renewal-reviews/${review.id}`)).status).toBe(200);
    expect((await api(app, other.admin).get(`/api/renewal-reviews/${review.id}`)).status).toBe(404);
    expect((await api(app, leader).get(`/api/renewal-reviews/${review.id}`)).status).toBe(200);
  });

  it('a partner on track: attainment met, certified, paid on time, declared and found compliant → renew with the suggested quota; a certificate lapsing before the end → probation', async () => {
    const r = await fixturePartner('R');
    const ids = await demoIds(db());
    const [path] = await db().query(`SELECT id, job_role, product_line_id FROM certification_paths ORDER BY name LIMIT 1`);
    const id = await insertAgreement(db(), {
      partnerId: r.id,
      startDate: plus(-300),
      endDate: plus(45),
      createdBy: adminId,
      approvedBy: adminId,
      withScopes: false,
      terms: {
        evaluationPeriod: 'quarter',
        quotaPerPeriod: '100000.00',
        renewalThresholdPercent: 80,
        qualificationRequirements: [{ jobRole: path.job_role, productLineId: path.product_line_id, headcount: 2 }],
      },
    });
    const periods = agreementPeriods({ startDate: plus(-300), endDate: plus(45), terms: { evaluationPeriod: 'quarter' } });
    const lastEnded = periods.filter((p) => p.end < businessToday()).at(-1)!;
    const deal = (amount: string, wonOn: string, n: number) =>
      insertWonDeal(db(), { partnerId: r.id, agreementId: id, customerName: `续约客户${stamp}${n}`, amount, wonOn, industryId: ids.industry, regionId: ids.region, createdBy: ids.huaxinOwner });
    await deal('900000.00', periods[0].start, 1);
    await deal('200000.00', lastEnded.start, 2);
    const users: { id: string }[] = await db().query(`SELECT id FROM users WHERE partner_id = $1 ORDER BY role`, [r.id]);
    const certs: string[] = [];
    for (const [i, u] of users.entries()) {
      const [c] = await db().query(
        `INSERT INTO certifications (code, path_id, user_id, partner_id, earned_on, expires_on) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [`RV${stamp}${i}`, path.id, u.id, r.id, plus(-100), i === 0 ? plus(400) : plus(10)],
      );
      certs.push(c.id);
    }
    await db().query(`INSERT INTO qualification_reviews (partner_id, due_on, status, result, completed_at) VALUES ($1, $2, 'completed', 'pass', now())`, [r.id, plus(-5)]);
    await db().query(`INSERT INTO partner_invoices (partner_id, invoice_no, amount, due_on, paid_on, source, created_by) VALUES ($1, $2, 5000, $3, $3, 'manual', $4)`, [
      r.id,
      `RR${stamp}`,
      plus(-30),
      adminId,
    ]);
    const reviewId = (await open(id).expect(201)).body.id as string;
    await api(app, r.admin).post(`/api/renewal-reviews/${reviewId}/self-assessment`).send(ASSESSMENT).expect(200);
    const res = await api(app, manager).post(`/api/renewal-reviews/${reviewId}/competition-finding`).send({ finding: 'compliant', note: 'No competing products seen.' }).expect(200);
    const probation = RenewalReviewDetailSchema.parse(res.body);
    expect(probation.recommendationDetail.states).toEqual({ attainment: 'ok', qualification: 'at_risk', payments: 'ok', service: 'ok', competition: 'ok' });
    expect(probation.recommendation).toBe('renew_on_probation');
    const code = probation.facts.qualification.requirements[0].requirement;
    expect(probation.facts.qualification).toEqual({ requirements: [{ requirement: code, required: 2, certified: 2, expiringBeforeRenewal: 1 }], latestReview: 'pass' });
    expect(probation.recommendationDetail.toChange).toEqual([expect.objectContaining({ fact: 'qualification', code: 'renew_expiring_certificates', alone: 'renew', expiring: 1 })]);
    expect(probation.evidence.qualification.filter((e) => e.kind === 'certificate').map((e) => e.id).sort()).toEqual([...certs].sort());
    expect(probation.evidence.qualification).toContainEqual(expect.objectContaining({ kind: 'qualification_review', label: 'pass' }));
    expect(probation.suggestedQuota).toBe('220000.00');

    // The certificate renewed: every fact holds → renew, nothing to change; the board's filter follows.
    await db().query(`UPDATE certifications SET expires_on = $2 WHERE id = $1`, [certs[1], plus(500)]);
    const renew = RenewalReviewDetailSchema.parse((await api(app, manager).get(`/api/renewal-reviews/${reviewId}`).expect(200)).body);
    expect(renew).toMatchObject({ recommendation: 'renew', recommendationDetail: { outcome: 'renew', toChange: [] } });
    expect(Number(renew.facts.attainment.achievement)).toBe(1100000);
    const board = RenewalReviewPageSchema.parse((await api(app, manager).get(`/api/renewal-reviews?partnerId=${r.id}&recommendation=renew`).expect(200)).body);
    expect(board.items.map((i) => i.id)).toEqual([reviewId]);
  });

  it('refuses an agreement that is not active or has no such agreement', async () => {
    const id = await agreement(partner.id, -400, 30);
    await db().query(`UPDATE agreements SET status = 'expired' WHERE id = $1`, [id]);
    const res = await open(id);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('RENEWAL_AGREEMENT_NOT_ACTIVE');
    expect((await open('00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('board filters: due within days, recommendation, overdue (and a partner sees only its own)', async () => {
    const soon = (await open(await agreement(partner.id, -300, 20))).body.id as string;
    const later = (await open(await agreement(partner.id, -300, 200))).body.id as string;
    // Ends in 10 days: decide by 4 days ago → overdue.
    const late = (await open(await agreement(partner.id, -300, 10))).body.id as string;
    const ids = async (q: string, token = manager) => {
      const res = await api(app, token).get(`/api/renewal-reviews?partnerId=${partner.id}&pageSize=200&${q}`);
      expect(res.status).toBe(200);
      return RenewalReviewPageSchema.parse(res.body).items.map((i) => i.id);
    };
    const due30 = await ids('dueWithinDays=30');
    expect(due30).toEqual(expect.arrayContaining([soon, late]));
    expect(due30).not.toContain(later);
    expect(await ids('dueWithinDays=365')).toEqual(expect.arrayContaining([soon, late, later]));
    expect(await ids('recommendation=terminate')).toEqual(expect.arrayContaining([soon, late, later]));
    expect(await ids('recommendation=renew')).toEqual([]);
    const overdue = await ids('overdue=true');
    expect(overdue).toContain(late);
    expect(overdue).not.toContain(soon);
    expect(await ids('overdue=false')).not.toContain(late);
    const board = RenewalReviewPageSchema.parse((await api(app, manager).get(`/api/renewal-reviews?partnerId=${partner.id}&overdue=true`)).body);
    expect(board.items.find((i) => i.id === late)).toMatchObject({ overdue: true, decideBy: plus(-4), partnerName: `续约测试P${stamp}`, agreementType: 'registration' });
    // The partner's own board holds them; another partner's board does not.
    expect(await ids('', partner.user)).toEqual(expect.arrayContaining([soon, late, later]));
    const others = RenewalReviewPageSchema.parse((await api(app, other.admin).get('/api/renewal-reviews?pageSize=200')).body);
    expect(others.items.filter((i) => i.partnerId === partner.id)).toEqual([]);
  });

  it('self-assessment: partner admin only, own partner only, while open; will not renew tells the channel manager', async () => {
    const reviewId = (await open(await agreement(partner.id, -300, 50))).body.id as string;
    const url = `/api/renewal-reviews/${reviewId}/self-assessment`;
    expect((await api(app, partner.user).post(url).send(ASSESSMENT)).status).toBe(403);
    expect((await api(app, manager).post(url).send(ASSESSMENT)).status).toBe(403);
    expect((await api(app, other.admin).post(url).send(ASSESSMENT)).status).toBe(404);

    const res = await api(app, partner.admin).post(url).send({ ...ASSESSMENT, willRenew: false });
    expect(res.status).toBe(200);
    const d = RenewalReviewDetailSchema.parse(res.body);
    expect(d).toMatchObject({ selfAssessed: true, willNotRenew: true });
    expect(d.selfAssessment).toMatchObject({ willRenew: false, proposedQuota: '90000.00', competitionDeclaration: 'no_competing_products', rating: { margin: 2, likelyToRecommend: 8 }, submittedOn: businessToday() });
    expect(d.facts.competition).toEqual({ declaration: 'no_competing_products', finding: null });
    expect(d.evidence.competition).toEqual([expect.objectContaining({ kind: 'self_assessment', id: reviewId })]);
    const task = await db().query(`SELECT user_id FROM notifications WHERE kind = 'renewal_review.will_not_renew' AND link = $1`, [`/admin/renewals/${reviewId}`]);
    expect(task.map((r: { user_id: string }) => r.user_id)).toEqual([managerId]);

    // Resubmitting replaces it: will renew after all.
    const again = RenewalReviewDetailSchema.parse((await api(app, partner.admin).post(url).send(ASSESSMENT).expect(200)).body);
    expect(again).toMatchObject({ willNotRenew: false, selfAssessment: { willRenew: true } });
    const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM renewal_self_assessments WHERE review_id = $1`, [reviewId]);
    expect(n).toBe(1);

    // Competition finding: managers only, and it enters the facts with its evidence.
    const finding = `/api/renewal-reviews/${reviewId}/competition-finding`;
    expect((await api(app, leader).post(finding).send({ finding: 'compliant', note: 'Checked the shop.' })).status).toBe(403);
    expect((await api(app, partner.admin).post(finding).send({ finding: 'compliant', note: 'Checked the shop.' })).status).toBe(403);
    const f = RenewalReviewDetailSchema.parse((await api(app, manager).post(finding).send({ finding: 'compliant', note: 'Checked the shop.' }).expect(200)).body);
    expect(f.facts.competition).toEqual({ declaration: 'no_competing_products', finding: 'compliant' });
    expect(f.competitionFinding).toMatchObject({ finding: 'compliant', note: 'Checked the shop.', foundBy: { id: managerId } });
    expect(f.recommendationDetail.states.competition).toBe('ok');

    // A decided review takes no more changes.
    await db().query(`UPDATE renewal_reviews SET status = 'decided', decision = 'terminate', rationale = 'test', decided_at = now() WHERE id = $1`, [reviewId]);
    const closed = await api(app, partner.admin).post(url).send(ASSESSMENT);
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('RENEWAL_REVIEW_CLOSED');
    expect(closed.body.message).toBe('This renewal review is decided: it no longer takes changes.');
    const zh = await api(app, partner.admin).post(`${url}?lang=zh-CN`).send(ASSESSMENT);
    expect(zh.body.message).toBe('该续约评审状态为 已决定，不再接受修改。');
    expect((await api(app, other.admin).get(`/api/renewal-reviews/${reviewId}?lang=zh-CN`)).body.message).toContain('续约评审');
    expect((await api(app, manager).post(finding).send({ finding: 'breach', note: 'x' })).body.code).toBe('RENEWAL_REVIEW_CLOSED');
  });

  it('readiness: hidden before the 90-day window, shown within it; partners see only their own', async () => {
    const far = await agreement(partner.id, -200, 120);
    const near = await agreement(partner.id, -300, 80);
    const hidden = RenewalReadinessSchema.parse((await api(app, partner.user).get(`/api/agreements/${far}/renewal-readiness`).expect(200)).body);
    expect(hidden).toMatchObject({ agreementId: far, daysToEnd: 120, shown: false, reviewId: null, recommendation: null, evidence: null });
    const shown = RenewalReadinessSchema.parse((await api(app, partner.user).get(`/api/agreements/${near}/renewal-readiness`).expect(200)).body);
    expect(shown).toMatchObject({ agreementId: near, daysToEnd: 80, shown: true, reviewId: null, selfAssessed: false });
    expect(shown.recommendation!.outcome).toBe('terminate');
    expect(shown.recommendation!.toChange.length).toBeGreaterThan(0);
    expect(shown.evidence!.attainment).toContainEqual(expect.objectContaining({ kind: 'agreement', id: near }));
    // Once a review is open the readiness names it.
    const reviewId = (await open(near)).body.id as string;
    expect((await api(app, partner.admin).get(`/api/agreements/${near}/renewal-readiness`).expect(200)).body).toMatchObject({ reviewId, reviewStatus: 'open' });
    expect((await api(app, other.admin).get(`/api/agreements/${near}/renewal-readiness`)).status).toBe(404);
    expect((await api(app, leader).get(`/api/agreements/${near}/renewal-readiness`)).status).toBe(200);
  });

  it('the sweep opens due reviews once (only inserted rows announced) and escalates an overdue review once', async () => {
    const svc = app.get(RenewalsService);
    // Explicit far-away days whose 60-day window holds only this file's agreements.
    const due = await insertAgreement(db(), { partnerId: partner.id, startDate: '2093-07-01', endDate: '2094-06-20', createdBy: adminId, approvedBy: adminId, withScopes: false, terms: { evaluationPeriod: 'quarter', quotaPerPeriod: '1000.00' } });
    const notYet = await insertAgreement(db(), { partnerId: partner.id, startDate: '2093-07-01', endDate: '2094-09-30', createdBy: adminId, approvedBy: adminId, withScopes: false, terms: { evaluationPeriod: 'quarter', quotaPerPeriod: '1000.00' } });
    const reviewOf = async (agreementId: string) => (await db().query(`SELECT id, opened_by, opened_on::text AS opened_on, decide_by::text AS decide_by FROM renewal_reviews WHERE agreement_id = $1`, [agreementId]))[0];
    const progress: number[] = [];
    const opened = await svc.openDue('2094-06-01', async (n) => {
      progress.push(n);
    });
    const review = await reviewOf(due);
    expect(review).toMatchObject({ opened_by: null, opened_on: '2094-06-01', decide_by: '2094-06-06' });
    expect(opened).toContain(review.id);
    expect(await reviewOf(notYet)).toBeUndefined();
    expect(progress.length).toBeGreaterThan(0);
    expect(await svc.openDue('2094-06-01')).not.toContain(review.id);
    const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'renewal_review.opened' AND link = $1`, [`/portal/renewals/${review.id}`]);
    expect(n).toBe(1);
    const conflict = await open(due);
    expect(conflict.status).toBe(409);
    expect(conflict.body.details.reviewId).toBe(review.id);
    const swept = RenewalReviewDetailSchema.parse((await api(app, manager).get(`/api/renewal-reviews/${review.id}`).expect(200)).body);
    expect(swept.openedByManager).toBe(false);

    // A review whose decision was due long ago (1999: no other file's review is open or due then) is escalated once.
    const past = await insertAgreement(db(), { partnerId: partner.id, startDate: '1998-03-01', endDate: '1999-03-01', createdBy: adminId, approvedBy: adminId, withScopes: false, terms: { evaluationPeriod: 'quarter', quotaPerPeriod: '1000.00' } });
    await svc.openDue('1999-02-01');
    const old = await reviewOf(past);
    expect(old.decide_by).toBe('1999-02-15');
    expect(await svc.escalateOverdue('1999-02-15')).toBe(0);
    expect(await svc.escalateOverdue('1999-02-16')).toBe(1);
    expect(await svc.escalateOverdue('1999-02-16')).toBe(0);
    const told = await db().query(`SELECT user_id FROM notifications WHERE kind = 'renewal_review.overdue' AND link = $1`, [`/admin/renewals/${old.id}`]);
    expect(told.map((r: { user_id: string }) => r.user_id)).toEqual(expect.arrayContaining([adminId, managerId]));
    const [{ escalated }] = await db().query(`SELECT count(*)::int AS escalated FROM audit_log WHERE action = 'renewal_review.escalated' AND entity_id = $1`, [old.id]);
    expect(escalated).toBe(1);
    // Leave the shared database as it was for other files' sweeps of those days.
    await db().query(`DELETE FROM notifications WHERE link LIKE '%/renewals/' || $1`, [old.id]);
    await db().query(`DELETE FROM renewal_reviews WHERE id = $1`, [old.id]);
    await db().query(`UPDATE agreements SET status = 'expired' WHERE id = $1`, [past]);
  });

  it('hostile input is a clear 4xx, never a 500', async () => {
    const reviewId = (await open(await agreement(partner.id, -300, 55))).body.id as string;
    const url = `/api/renewal-reviews/${reviewId}/self-assessment`;
    const bad = [
      { ...ASSESSMENT, rating: { ...ASSESSMENT.rating, product: 9 } },
      { ...ASSESSMENT, rating: { ...ASSESSMENT.rating, likelyToRecommend: 11 } },
      { ...ASSESSMENT, competitionDeclaration: 'sells_competing_products', competingProducts: null },
      { ...ASSESSMENT, competitionDeclaration: 'not_submitted' },
      { ...ASSESSMENT, proposedQuota: '-5' },
      { ...ASSESSMENT, wentWell: 'x'.repeat(5000) },
      { ...ASSESSMENT, willRenew: 'yes' },
      {},
    ];
    for (const body of bad) expect((await api(app, partner.admin).post(url).send(body)).status).toBe(400);
    expect((await api(app, manager).post('/api/renewal-reviews').send({ agreementId: 'not-a-uuid' })).status).toBe(400);
    expect((await api(app, manager).post('/api/renewal-reviews').send({})).status).toBe(400);
    expect((await api(app, manager).get('/api/renewal-reviews/not-a-uuid')).status).toBe(400);
    expect((await api(app, manager).get('/api/renewal-reviews?dueWithinDays=-1')).status).toBe(400);
    expect((await api(app, manager).get('/api/renewal-reviews?recommendation=maybe')).status).toBe(400);
    expect((await api(app, manager).get('/api/renewal-reviews?overdue=1')).status).toBe(400);
    expect((await api(app, manager).get('/api/agreements/not-a-uuid/renewal-readiness')).status).toBe(400);
    expect((await api(app, manager).post(`/api/renewal-reviews/${reviewId}/competition-finding`).send({ finding: 'fine', note: '' })).status).toBe(400);
    expect((await api(app).get('/api/renewal-reviews')).status).toBe(401);
  });
});
