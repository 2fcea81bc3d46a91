import type { INestApplication } from '@nestjs/common';
import { CertificationsService } from '../../src/modules/training/certifications.service';
import { TrainingSweeper } from '../../src/modules/training/training-sweeper';
import { api, createTestApp, dataSourceOf, loginAs } from '../support/test-app';

type Question = { id: string; kind: 'single' | 'multiple'; prompt: string; options: { id: string; text: string; correct?: boolean }[] };
type Course = { id: string; code: string; status: string; quiz: Question[] | null; modules: { id: string }[] };

describe('training, certification and qualification', () => {
  let app: INestApplication;
  let manager: string;
  let leader: string;
  let huaxinOwner: string;
  let wang: string; // sales@huaxin.demo
  let lantingOwner: string;
  let courses: Course[];
  let answerKey: Map<string, Question[]>;
  const course = (code: string) => courses.find((c) => c.code === code)!;
  const rightAnswers = (code: string) => answerKey.get(code)!.map((q) => ({ questionId: q.id, optionIds: q.options.filter((o) => o.correct).map((o) => o.id) }));
  const wrongAnswers = (code: string) => answerKey.get(code)!.map((q) => ({ questionId: q.id, optionIds: [q.options.find((o) => !o.correct)!.id] }));

  beforeAll(async () => {
    app = await createTestApp();
    [manager, leader, huaxinOwner, wang, lantingOwner] = await Promise.all(
      ['manager@partnerline.demo', 'leader@partnerline.demo', 'owner@huaxin.demo', 'sales@huaxin.demo', 'owner@lanting.demo'].map((e) => loginAs(app, e)),
    );
    courses = (await api(app, manager).get('/api/courses')).body;
    answerKey = new Map();
    for (const c of courses) answerKey.set(c.code, (await api(app, manager).get(`/api/courses/${c.id}`)).body.quiz);
  });
  afterAll(() => app.close());

  async function huaxinExclusive() {
    const me = (await api(app, huaxinOwner).get('/api/auth/me')).body;
    const quals = (await api(app, huaxinOwner).get(`/api/qualification?partnerId=${me.partnerId}`)).body as { agreementId: string; compliant: boolean; lines: { jobRole: string; productLineCode: string; required: number; held: number; missing: number }[] }[];
    return { partnerId: me.partnerId as string, quals };
  }

  it('shows learners the published catalogue and never the answer key', async () => {
    const list = (await api(app, wang).get('/api/courses')).body as Course[];
    expect(list.map((c) => c.code)).toContain('DATA-GTM-101');
    expect(list.map((c) => c.code)).not.toContain('CX-TECH-101'); // a draft
    const detail = await api(app, wang).get(`/api/courses/${course('DATA-GTM-101').id}`).expect(200);
    expect(detail.body.quiz).toBeNull();
    expect(JSON.stringify(detail.body)).not.toMatch(/"correct"/);
    expect((await api(app, wang).get(`/api/courses/${course('CX-TECH-101').id}`)).status).toBe(404);
    // Staff see the key (authoring).
    expect(answerKey.get('DATA-GTM-101')!.every((q) => q.options.some((o) => o.correct === true))).toBe(true);
  });

  it('takes sales@huaxin.demo from enrolment to certificate: modules first, a failed attempt, a pass, qualification changes, public verification', async () => {
    const before = (await huaxinExclusive()).quals;
    const salesBefore = before.flatMap((q) => q.lines).find((l) => l.jobRole === 'sales' && l.productLineCode === 'DATA')!;
    expect(before.some((q) => !q.compliant)).toBe(true);

    const gtm = course('DATA-GTM-101');
    const enrolment = (await api(app, wang).post(`/api/courses/${gtm.id}/enrolments`).send({}).expect(201)).body;
    expect(enrolment).toMatchObject({ status: 'in_progress', progressPercent: 0, attemptsLeft: 3 });
    // Enrolling twice is harmless.
    expect((await api(app, wang).post(`/api/courses/${gtm.id}/enrolments`).send({}).expect(201)).body.id).toBe(enrolment.id);

    const early = await api(app, wang).post(`/api/enrolments/${enrolment.id}/quiz-attempts`).send({ answers: rightAnswers('DATA-GTM-101') });
    expect(early.status).toBe(422);
    expect(early.body.details.reason).toBe('modules_incomplete');

    const modules = (await api(app, wang).get(`/api/courses/${gtm.id}`)).body.modules as { id: string }[];
    let progress = 0;
    for (const m of modules) progress = (await api(app, wang).post(`/api/enrolments/${enrolment.id}/modules/${m.id}/complete`).expect(200)).body.progressPercent;
    expect(progress).toBe(80); // 4 modules of 5 steps; the quiz is the last

    const quiz = (await api(app, wang).get(`/api/enrolments/${enrolment.id}/quiz`).expect(200)).body;
    expect(quiz).toMatchObject({ available: true, attemptNo: 1, passMarkPercent: 80 });
    expect(JSON.stringify(quiz)).not.toMatch(/correct/);
    expect(quiz.questions.map((q: Question) => q.id).sort()).toEqual(answerKey.get('DATA-GTM-101')!.map((q) => q.id).sort());

    const failed = (await api(app, wang).post(`/api/enrolments/${enrolment.id}/quiz-attempts`).send({ answers: wrongAnswers('DATA-GTM-101') }).expect(201)).body;
    expect(failed).toMatchObject({ attemptNo: 1, passed: false, scorePercent: 0, attemptsLeft: 2, certificationsEarned: [] });
    expect(failed.questions.every((q: { correct: boolean; correctOptionIds: unknown }) => !q.correct && q.correctOptionIds === null)).toBe(true);

    const passed = (await api(app, wang).post(`/api/enrolments/${enrolment.id}/quiz-attempts`).send({ answers: rightAnswers('DATA-GTM-101') }).expect(201)).body;
    expect(passed).toMatchObject({ attemptNo: 2, passed: true, scorePercent: 100 });
    expect(passed.questions.every((q: { correctOptionIds: unknown }) => Array.isArray(q.correctOptionIds))).toBe(true);
    expect(passed.certificationsEarned).toHaveLength(1);
    const { code } = passed.certificationsEarned[0];
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const again = await api(app, wang).post(`/api/enrolments/${enrolment.id}/quiz-attempts`).send({ answers: rightAnswers('DATA-GTM-101') });
    expect(again.status).toBe(422);
    expect(again.body.details.reason).toBe('already_passed');

    const after = (await huaxinExclusive()).quals;
    const salesAfter = after.flatMap((q) => q.lines).find((l) => l.jobRole === 'sales' && l.productLineCode === 'DATA')!;
    expect(salesAfter.held).toBe(salesBefore.held + 1);
    expect(salesAfter.missing).toBe(Math.max(0, salesBefore.missing - 1));

    // Public verification: no session, and only holder, certification, validity.
    const verified = await api(app).get(`/api/certifications/verify/${code.toLowerCase().replace(/-/g, '')}`).expect(200);
    expect(Object.keys(verified.body).sort()).toEqual(['certification', 'code', 'earnedOn', 'expiresOn', 'holderName', 'partnerName', 'status']);
    expect(verified.body).toMatchObject({ code, holderName: '王磊', status: 'active' });
    expect((await api(app).get('/api/certifications/verify/AAAA-BBBB-CCCC')).status).toBe(404);

    // The team admin is told, and sees the certificate among the team's.
    const team = (await api(app, huaxinOwner).get('/api/certifications')).body as { code: string; holderName: string }[];
    expect(team.find((c) => c.code === code)?.holderName).toBe('王磊');
    const notes = (await api(app, huaxinOwner).get('/api/notifications')).body;
    expect(JSON.stringify(notes)).toContain(code);
    // The printable certificate.
    const cert = team.find((c) => c.code === code) as unknown as { id: string };
    const doc = await api(app, wang).get(`/api/certifications/${cert.id}/document?lang=zh-CN`).expect(200);
    expect(doc.text).toContain('资格认证证书');
    expect(doc.text).toContain(code);
    // The CSP forbids inline event-handler attributes; the print button is wired by a script element.
    expect(doc.text).not.toMatch(/\son[a-z]+=/);
  });

  it('enforces the attempt limit, lets a manager reset it, and keeps the answer key until the last attempt', async () => {
    const sec = course('SEC-GTM-101');
    const lantingSales = await loginAs(app, 'sales@lanting.demo');
    // sales@lanting.demo already holds the Security certificate; use the presales engineer of 兰亭 on another course instead.
    const learner = await loginAs(app, 'presales@lanting.demo');
    const e = (await api(app, learner).post(`/api/courses/${sec.id}/enrolments`).send({}).expect(201)).body;
    for (const m of (await api(app, learner).get(`/api/courses/${sec.id}`)).body.modules) await api(app, learner).post(`/api/enrolments/${e.id}/modules/${m.id}/complete`).expect(200);
    // Another partner's learner cannot touch this enrolment.
    expect((await api(app, wang).post(`/api/enrolments/${e.id}/quiz-attempts`).send({ answers: [] })).status).toBe(404);
    // Nor can a colleague submit on the learner's behalf.
    expect((await api(app, lantingSales).post(`/api/enrolments/${e.id}/quiz-attempts`).send({ answers: [] })).status).toBe(404);
    // A partner admin enrols a team member, who is told; a partner user cannot enrol someone else.
    const lantingMe = (await api(app, learner).get('/api/auth/me')).body;
    const gtm = course('DATA-GTM-101');
    expect((await api(app, lantingSales).post(`/api/courses/${gtm.id}/enrolments`).send({ userId: lantingMe.id })).status).toBe(403);
    const assigned = (await api(app, lantingOwner).post(`/api/courses/${gtm.id}/enrolments`).send({ userId: lantingMe.id }).expect(201)).body;
    expect(assigned.userId).toBe(lantingMe.id);
    const told = (await api(app, learner).get('/api/notifications')).body;
    expect(JSON.stringify(told)).toContain('数据平台 GTM 销售培训');
    expect((await api(app, huaxinOwner).post(`/api/courses/${gtm.id}/enrolments`).send({ userId: lantingMe.id })).status).toBe(404);
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await api(app, learner).post(`/api/enrolments/${e.id}/quiz-attempts`).send({ answers: wrongAnswers('SEC-GTM-101') }).expect(201)).body);
    expect(results.map((r) => r.attemptsLeft)).toEqual([2, 1, 0]);
    expect(results[1].questions[0].correctOptionIds).toBeNull();
    expect(results[2].questions[0].correctOptionIds).not.toBeNull();
    const fourth = await api(app, learner).post(`/api/enrolments/${e.id}/quiz-attempts`).send({ answers: rightAnswers('SEC-GTM-101') });
    expect(fourth.status).toBe(422);
    expect(fourth.body.details.reason).toBe('no_attempts_left');
    expect((await api(app, leader).post(`/api/enrolments/${e.id}/reset-attempts`).send({ reason: 'x' })).status).toBe(403);
    await api(app, manager).post(`/api/enrolments/${e.id}/reset-attempts`).send({ reason: '考试期间网络中断，重新给予机会。' }).expect(204);
    const retry = (await api(app, learner).post(`/api/enrolments/${e.id}/quiz-attempts`).send({ answers: rightAnswers('SEC-GTM-101') }).expect(201)).body;
    expect(retry).toMatchObject({ attemptNo: 1, passed: true });
    const audit = await dataSourceOf(app).query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [e.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['enrolment.created', 'quiz.failed', 'enrolment.attempts_reset', 'quiz.passed']));
  });

  it('scores concurrent submissions of the same attempt once (the attempt number is unique)', async () => {
    const learner = await loginAs(app, 'service@huaxin.demo');
    const c = course('DATA-SP-101');
    const e = (await api(app, learner).post(`/api/courses/${c.id}/enrolments`).send({}).expect(201)).body;
    for (const m of (await api(app, learner).get(`/api/courses/${c.id}`)).body.modules) await api(app, learner).post(`/api/enrolments/${e.id}/modules/${m.id}/complete`).expect(200);
    const responses = await Promise.all([1, 2, 3, 4, 5].map(() => api(app, learner).post(`/api/enrolments/${e.id}/quiz-attempts`).send({ answers: wrongAnswers('DATA-SP-101') })));
    const statuses = responses.map((r) => r.status).sort();
    if (statuses.some((s) => s !== 201 && s !== 422)) console.error(responses.map((r) => r.body));
    // Three attempts at most, never a 500.
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.every((s) => s === 201 || s === 422)).toBe(true);
    const [{ n }] = await dataSourceOf(app).query(`SELECT count(*)::int AS n FROM quiz_attempts WHERE enrolment_id = $1`, [e.id]);
    expect(n).toBe(3);
  });

  it('validates authored courses and refuses to publish without a quiz', async () => {
    const lines = (await api(app, manager).get('/api/product-lines')).body as { id: string; code: string }[];
    const bad = await api(app, manager).post('/api/courses').send({ code: 'bad code', title: '', track: 'gtm_sales', jobRole: 'sales', productLineId: lines[0].id, language: 'en', modules: [] });
    expect(bad.status).toBe(400);
    const id = crypto.randomUUID();
    const created = await api(app, manager)
      .post('/api/courses')
      .send({ code: 'CX-GTM-100', title: 'CX essentials', track: 'gtm_sales', jobRole: 'sales', productLineId: lines.find((l) => l.code === 'CX')!.id, language: 'en', modules: [{ id, title: 'Intro', body: '# Hello' }] })
      .expect(201);
    const publish = await api(app, manager).patch(`/api/courses/${created.body.id}`).send({ status: 'published' });
    expect(publish.status).toBe(422);
    expect((await api(app, manager).post('/api/courses').send({ code: 'CX-GTM-100', title: 'x', track: 'gtm_sales', jobRole: 'sales', productLineId: lines[0].id, language: 'en', modules: [{ id, title: 'm' }] })).status).toBe(409);
    expect((await api(app, wang).post('/api/courses').send({})).status).toBe(403);
    expect((await api(app, leader).patch(`/api/courses/${created.body.id}`).send({ status: 'archived' })).status).toBe(403);
    const illegal = await api(app, manager).patch(`/api/courses/${created.body.id}`).send({ status: 'draft' });
    expect(illegal.status).toBe(200); // same status: no-op
  });

  it('revokes a certificate: it stops counting and verification says revoked', async () => {
    const certs = (await api(app, manager).get('/api/certifications?status=active')).body as { id: string; code: string; name: string; productLineCode: string; partnerName: string; holderName: string }[];
    const c = certs.find((x) => x.holderName === '陈静' && x.partnerName.includes('兰亭') && x.productLineCode === 'DATA')!;
    const me = (await api(app, lantingOwner).get('/api/auth/me')).body;
    const before = (await api(app, lantingOwner).get(`/api/qualification?partnerId=${me.partnerId}`)).body;
    expect(before.every((q: { compliant: boolean }) => q.compliant)).toBe(true);
    expect((await api(app, manager).post(`/api/certifications/${c.id}/revoke`).send({ reason: '' })).status).toBe(400);
    await api(app, manager).post(`/api/certifications/${c.id}/revoke`).send({ reason: '证书持有人已离职。' }).expect(204);
    expect((await api(app, manager).post(`/api/certifications/${c.id}/revoke`).send({ reason: 'again' })).status).toBe(409);
    expect((await api(app).get(`/api/certifications/verify/${c.code}`)).body.status).toBe('revoked');
    const after = (await api(app, lantingOwner).get(`/api/qualification?partnerId=${me.partnerId}`)).body;
    expect(after.some((q: { compliant: boolean }) => !q.compliant)).toBe(true);
    // Another partner's qualification is not visible.
    expect((await api(app, huaxinOwner).get(`/api/qualification?partnerId=${me.partnerId}`)).status).toBe(404);
    expect((await api(app, huaxinOwner).get(`/api/certifications/${c.id}`)).status).toBe(404);
  });

  it('schedules qualification reviews, flags overdue ones, and completes a review with the computed certified-staff check', async () => {
    const sweeper = app.get(TrainingSweeper);
    const first = await sweeper.run();
    const second = await sweeper.run();
    expect(second.scheduled).toBe(0); // idempotent
    expect(first.scheduled + second.scheduled).toBeGreaterThanOrEqual(0);
    const overdue = (await api(app, manager).get('/api/qualification-reviews?overdue=true')).body as { id: string; partnerName: string; overdue: boolean }[];
    const review = overdue.find((r) => r.partnerName.includes('华信'))!;
    expect(review.overdue).toBe(true);
    const { partnerId } = await huaxinExclusive();
    const dup = await api(app, manager).post('/api/qualification-reviews').send({ partnerId, dueOn: '2030-01-01' });
    expect(dup.status).toBe(409);
    expect(dup.body.details.existingReviewId).toBe(review.id);
    const ok = { pass: true, notes: '' };
    const done = (await api(app, manager).post(`/api/qualification-reviews/${review.id}/complete`).send({ demoEnvironment: ok, marketingQuality: ok, afterSalesProcess: ok, notes: '认证人员不足，限期补足。' }).expect(200)).body;
    // Every manual check passed, but 华信 lacks certified people: the review fails on the computed check.
    expect(done).toMatchObject({ status: 'completed', result: 'fail', certifiedStaff: { pass: false } });
    expect(done.certifiedStaff.gaps.length).toBeGreaterThan(0);
    const next = (await api(app, huaxinOwner).get('/api/qualification-reviews?status=scheduled')).body;
    expect(next).toHaveLength(1);
    expect((await api(app, huaxinOwner).post(`/api/qualification-reviews/${review.id}/complete`).send({ demoEnvironment: ok, marketingQuality: ok, afterSalesProcess: ok })).status).toBe(403);
    expect((await api(app, manager).post(`/api/qualification-reviews/${review.id}/complete`).send({ demoEnvironment: ok, marketingQuality: ok, afterSalesProcess: ok })).status).toBe(409);
  });

  it('renews an expiring certificate: the completed course restarts, passing it issues a new certificate', async () => {
    const li = await loginAs(app, 'presales@huaxin.demo'); // 李婷: Data Platform presales certificate expiring in ~40 days
    const tech = course('DATA-TECH-201');
    const before = (await api(app, li).get('/api/certifications')).body as { id: string; status: string; expiresOn: string }[];
    expect(before.map((c) => c.status)).toEqual(['expiring']);
    const e = (await api(app, li).post(`/api/courses/${tech.id}/enrolments`).send({}).expect(201)).body;
    expect(e).toMatchObject({ status: 'in_progress', progressPercent: 0, attemptsUsed: 0 });
    for (const m of (await api(app, li).get(`/api/courses/${tech.id}`)).body.modules) await api(app, li).post(`/api/enrolments/${e.id}/modules/${m.id}/complete`).expect(200);
    const r = (await api(app, li).post(`/api/enrolments/${e.id}/quiz-attempts`).send({ answers: rightAnswers('DATA-TECH-201') }).expect(201)).body;
    expect(r.certificationsEarned).toHaveLength(1);
    const after = (await api(app, li).get('/api/certifications')).body as { status: string; expiresOn: string }[];
    expect(after.map((c) => c.status).sort()).toEqual(['active', 'expiring']);
    // A holder of an active certificate cannot restart the course: enrolling again changes nothing.
    expect((await api(app, li).post(`/api/courses/${tech.id}/enrolments`).send({}).expect(201)).body).toMatchObject({ status: 'completed' });
  });

  it('reminds 30 days before a certificate expires, once, and announces the expiry once', async () => {
    const certs = CertificationsService;
    const svc = app.get(certs);
    const [c] = await dataSourceOf(app).query(
      `SELECT c.id, c.expires_on::text AS expires_on FROM certifications c JOIN users u ON u.id = c.user_id WHERE u.email = 'presales@huaxin.demo'`,
    );
    const dayBefore = (n: number) => new Date(Date.parse(c.expires_on) - n * 86_400_000).toISOString().slice(0, 10);
    const count = async () => (await dataSourceOf(app).query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'certification.expiring' AND params->>'holder' = '李婷'`))[0].n as number;
    // Other test files sweep far-future days on the shared database (training-queues: 2036, 2040), which announces
    // every certificate's expiry; this test's certificate starts unannounced whatever ran before it.
    await dataSourceOf(app).query(`UPDATE certifications SET expiry_notified = false WHERE id = $1`, [c.id]);
    const before = await count();
    const first = await svc.sweep(dayBefore(30));
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const afterFirst = await count();
    await svc.sweep(dayBefore(29));
    expect(await count()).toBe(afterFirst); // not again the next day
    expect(afterFirst - before).toBe(2); // 李婷 and her partner admin
    const [{ sent }] = await dataSourceOf(app).query(`SELECT reminders_sent AS sent FROM certifications WHERE id = $1`, [c.id]);
    expect([...sent].sort()).toEqual([30, 60]);
    const expiredOnce = await svc.sweep(dayBefore(-1));
    expect(expiredOnce.expired).toBeGreaterThanOrEqual(1);
    expect((await svc.sweep(dayBefore(-2))).expired).toBe(0);
  });

  it('runs a support request from the partner to the vendor and back, with funds approved within the request', async () => {
    const created = await api(app, lantingOwner).post('/api/support-requests').send({ kind: 'marketing_support', subject: '杭州零售行业沙龙', body: '申请场地经费。', requestedFunds: '12000.00', activityDate: '2030-03-01' }).expect(201);
    const id = created.body.id;
    expect((await api(app, lantingOwner).post('/api/support-requests').send({ kind: 'technical_question', subject: 's', body: 'b', requestedFunds: '10.00' })).status).toBe(400);
    expect((await api(app, huaxinOwner).get(`/api/support-requests/${id}`)).status).toBe(404);
    expect((await api(app, manager).post(`/api/support-requests/${id}/funds`).send({ decision: 'approved', amount: '12000.01' })).status).toBe(422);
    await api(app, manager).post(`/api/support-requests/${id}/messages`).send({ body: '请提供议程。' }).expect(204);
    await api(app, manager).post(`/api/support-requests/${id}/funds`).send({ decision: 'approved', amount: '10000.00', note: '餐饮自理' }).expect(204);
    expect((await api(app, manager).post(`/api/support-requests/${id}/funds`).send({ decision: 'declined' })).status).toBe(422);
    const thread = (await api(app, lantingOwner).get(`/api/support-requests/${id}`)).body;
    expect(thread).toMatchObject({ status: 'in_progress', requestedFunds: '12000.00', approvedFunds: '10000.00', fundsStatus: 'approved' });
    expect(thread.messages.map((m: { authorSide: string }) => m.authorSide)).toEqual(['partner', 'vendor']);
    await api(app, lantingOwner).post(`/api/support-requests/${id}/close`).send({ resolution: '活动已举办。' }).expect(204);
    const closed = await api(app, lantingOwner).post(`/api/support-requests/${id}/messages`).send({ body: 'more' });
    expect(closed.status).toBe(409);
    const mine = (await api(app, huaxinOwner).get('/api/support-requests')).body as { partnerName: string }[];
    expect(mine.every((r) => r.partnerName.includes('华信'))).toBe(true);
  });
});
