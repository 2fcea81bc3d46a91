import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import { api, createTestApp, dataSourceOf, loginAs } from '../support/test-app';

/** Issue #12: hostile or careless input is a clear 4xx, never a 500, and never stored. */
describe('hostile input', () => {
  let app: INestApplication;
  let admin: string;
  let huaxin: string;
  let lanting: string;
  const auditRows = async () => (await dataSourceOf(app).query(`SELECT count(*)::int AS n FROM audit_log`))[0].n as number;

  beforeAll(async () => {
    app = await createTestApp();
    [admin, huaxin, lanting] = await Promise.all(
      ['admin@partnerline.demo', 'owner@huaxin.demo', 'owner@lanting.demo'].map((e) => loginAs(app, e)),
    );
  });
  afterAll(() => app.close());

  it('a NUL byte or a lone surrogate in a text field → 400 naming the field; nothing stored', async () => {
    const before = await auditRows();
    for (const bad of ['北京\u0000公司', 'x\ud800y', '\udc00']) {
      const res = await api(app, lanting)
        .post('/api/support-requests')
        .set('Accept-Language', 'zh-CN')
        .send({ kind: 'technical_question', subject: bad, body: 'b' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.issues).toEqual([
        expect.objectContaining({ path: 'subject', code: 'validation.text_characters', message: expect.stringMatching(/无法保存/) }),
      ]);
    }
    expect(await auditRows()).toBe(before);
  });

  it('a NUL byte in a query filter or a key, and broken percent-encoding → 400', async () => {
    expect((await api(app, admin).get('/api/partners?q=a%00b')).status).toBe(400);
    expect((await api(app, admin).get('/api/deal-registrations?q=%ED%A0%80')).status).toBeLessThan(500);
    const key = await api(app, admin)
      .post('/api/exclusivity/preview')
      .send({ ['a\u0000']: 1 });
    expect(key.status).toBe(400);
    expect((await api(app, admin).get('/api/partners/%E0%A4%A')).status).toBe(400);
  });

  it('absurdly deep nesting → 400, not a stack overflow', async () => {
    const deep = `{"scope":${'['.repeat(20000)}"x"${']'.repeat(20000)}}`;
    const res = await api(app, admin).post('/api/exclusivity/preview').set('Content-Type', 'application/json').send(deep);
    expect(res.status).toBe(400);
    expect(res.body.issues[0].code).toBe('validation.too_deep');
  });

  it('a Content-Encoding on a plain body → 415', async () => {
    const plain = await api(app, admin)
      .post('/api/exclusivity/preview')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send('{"scope":[]}');
    expect(plain.status).toBe(415);
    expect(plain.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const gz = await api(app, admin)
      .post('/api/exclusivity/preview')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send(gzipSync('{"scope":[]}'));
    expect(gz.status).toBe(415);
    expect((await api(app, admin).post('/api/exclusivity/preview').set('Content-Encoding', 'br, gzip').send({})).status).toBe(415);
  });

  it('exclusivity preview with the start after the end → 400 naming endDate', async () => {
    const industries = (await api(app, admin).get('/api/industries')).body as { id: string }[];
    const regions = (await api(app, admin).get('/api/regions')).body as { id: string }[];
    const res = await api(app, admin)
      .post('/api/exclusivity/preview')
      .send({ scope: [{ industryId: industries[0].id, regionId: regions[0].id }], startDate: '2031-12-01', endDate: '2031-01-01' });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([expect.objectContaining({ path: 'endDate', code: 'validation.end_before_start' })]);
  });

  it('negative or over-precise money and absurd dates → 400, in both languages', async () => {
    const won = (body: object) =>
      api(app, huaxin).post(`/api/deal-registrations/${randomUUID()}/won`).set('Accept-Language', 'zh-CN').send(body);
    for (const amount of ['-5000', '1000.0049', '1e5', '12.345']) {
      const res = await won({ amount, date: '2026-11-01' });
      expect(res.status).toBe(400);
      expect(res.body.issues).toEqual([
        expect.objectContaining({ path: 'amount', code: 'validation.money', message: expect.stringMatching(/负数/) }),
      ]);
    }
    for (const date of ['1900-01-01', '2201-01-01', '9999-12-31']) {
      const res = await won({ amount: '1000.00', date });
      expect(res.status).toBe(400);
      expect(res.body.issues).toEqual([expect.objectContaining({ path: 'date', code: 'validation.date_range' })]);
    }
    // In range and to the cent: validation passes (the registration does not exist → 404).
    expect((await won({ amount: '1000.49', date: '2026-11-01' })).status).toBe(404);
  });

  it('a closed support request cannot be closed again (409)', async () => {
    const created = (
      await api(app, lanting)
        .post('/api/support-requests')
        .send({ kind: 'technical_question', subject: '重复关闭', body: '测试' })
        .expect(201)
    ).body;
    await api(app, lanting).post(`/api/support-requests/${created.id}/close`).send({ resolution: '已解决' }).expect(204);
    const again = await api(app, lanting).post(`/api/support-requests/${created.id}/close`).send({ resolution: '再次关闭' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_TRANSITION');
  });

  it("marking another user's notification read → 404; one's own (again) → 204", async () => {
    const [own] = await dataSourceOf(app).query(
      `SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = 'owner@lanting.demo' LIMIT 1`,
    );
    const [other] = await dataSourceOf(app).query(
      `SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email <> 'owner@lanting.demo' LIMIT 1`,
    );
    expect((await api(app, lanting).post(`/api/notifications/${other.id}/read`)).status).toBe(404);
    expect((await api(app, lanting).post(`/api/notifications/${randomUUID()}/read`)).status).toBe(404);
    if (own) {
      expect((await api(app, lanting).post(`/api/notifications/${own.id}/read`)).status).toBe(204);
      expect((await api(app, lanting).post(`/api/notifications/${own.id}/read`)).status).toBe(204);
    }
  });

  it("a quiz attempt with another course's question ids → 422 and no attempt used", async () => {
    const courses = (await api(app, admin).get('/api/courses')).body as { id: string; code: string }[];
    const target = courses.find((c) => c.code === 'DATA-SVC-201')!;
    const other = (await api(app, admin).get(`/api/courses/${courses.find((c) => c.code === 'DATA-GTM-101')!.id}`)).body;
    const e = (await api(app, lanting).post(`/api/courses/${target.id}/enrolments`).send({}).expect(201)).body;
    for (const m of (await api(app, lanting).get(`/api/courses/${target.id}`)).body.modules) {
      await api(app, lanting).post(`/api/enrolments/${e.id}/modules/${m.id}/complete`).expect(200);
    }
    const answers = other.quiz.map((q: { id: string; options: { id: string }[] }) => ({ questionId: q.id, optionIds: [q.options[0].id] }));
    const res = await api(app, lanting).post(`/api/enrolments/${e.id}/quiz-attempts`).send({ answers });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('QUIZ_FOREIGN_ANSWERS');
    const [{ n }] = await dataSourceOf(app).query(`SELECT count(*)::int AS n FROM quiz_attempts WHERE enrolment_id = $1`, [e.id]);
    expect(n).toBe(0);
    const quiz = (await api(app, lanting).get(`/api/enrolments/${e.id}/quiz`)).body;
    expect(quiz.attemptNo).toBe(1);
  });
});
