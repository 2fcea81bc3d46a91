import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { api, createTestApp, loginAs } from '../support/test-app';

describe('errors are clear 4xx answers, never 500', () => {
  let app: INestApplication;
  let admin: string;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await loginAs(app, 'admin@partnerline.demo');
  });
  afterAll(() => app.close());

  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    const res = await request(app.getHttpServer()).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": "a@b.c",');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
    expect(res.body.message).not.toMatch(/at .*\.js/);
  });

  it('wrong types and missing fields → 400 with every field path, translated', async () => {
    const res = await request(app.getHttpServer()).post('/api/auth/login').set('Accept-Language', 'zh-CN,zh;q=0.9').send({ email: 42 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.issues).toEqual([
      { path: 'email', code: 'invalid_type', message: '应为 string，实际为 number。' },
      { path: 'password', code: 'required', message: '此项为必填项。' },
    ]);
  });

  it('an empty body → 400 naming the missing fields', async () => {
    const res = await request(app.getHttpServer()).post('/api/auth/login');
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['(body)']);
  });

  it('an oversized body → 413', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(200_000) }));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a route that does not exist → JSON 404', async () => {
    const res = await api(app, admin).get('/api/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'ROUTE_NOT_FOUND', statusCode: 404 });
  });

  it('a malformed id → 400 naming `id`, an unknown one → 404', async () => {
    const bad = await api(app, admin).get('/api/partners/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe('id');
    const unknown = await api(app, admin).get('/api/partners/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
  });

  it('bad query parameters → 400, not a database error', async () => {
    const res = await api(app, admin).get('/api/segments?pageSize=100000&regionId=xyz');
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['pageSize', 'regionId']);
  });

  it('no response ever carries a stack trace or SQL, and odd inputs never produce a 500', async () => {
    const bodies: unknown[] = [null, [], 'text', 0, true, { email: null }, { email: {}, password: [] }, { email: 'a'.repeat(5000), password: 'x' }, { ['__proto__']: { admin: true } }];
    for (const body of bodies) {
      const res = await request(app.getHttpServer()).post('/api/auth/login').set('Content-Type', 'application/json').send(JSON.stringify(body));
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(JSON.stringify(res.body)).not.toMatch(/SELECT|INSERT|node_modules|\.ts:\d+/);
    }
    for (const path of ['/api/segments/xyz', '/api/users/%00', '/api/partners/%E0%A4%A']) {
      const res = await api(app, admin).patch(path).send({ marketPotential: 'high' });
      expect(res.status).toBeLessThan(500);
    }
  });

  it('the request id is echoed so a user can quote it', async () => {
    const res = await request(app.getHttpServer()).get('/api/auth/me').set('X-Request-Id', 'support-ticket-1234');
    expect(res.headers['x-request-id']).toBe('support-ticket-1234');
    expect(res.body.requestId).toBe('support-ticket-1234');
  });
});
