import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { api, createTestApp, loginAs, PASSWORD } from '../support/test-app';

const DEMO = [
  ['admin@partnerline.demo', 'vendor_admin', null],
  ['manager@partnerline.demo', 'channel_manager', null],
  ['manager2@partnerline.demo', 'channel_manager', null],
  ['leader@partnerline.demo', 'leadership', null],
  ['owner@huaxin.demo', 'partner_admin', '华信智联科技有限公司'],
  ['sales@huaxin.demo', 'partner_user', '华信智联科技有限公司'],
  ['owner@lanting.demo', 'partner_admin', '兰亭科技有限公司'],
] as const;

describe('auth (HTTP)', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it.each(DEMO)('%s signs in as %s', async (email, role, partnerName) => {
    const res = await request(app.getHttpServer()).post('/api/auth/login').send({ email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email, role, partnerName });
    expect(res.body.token).toMatch(/^[\w-]{40,}$/);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/pl_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('the cookie alone authenticates the apps, the bearer token API clients', async () => {
    const agent = request.agent(app.getHttpServer());
    const login = await agent.post('/api/auth/login').send({ email: 'leader@partnerline.demo', password: PASSWORD });
    const viaCookie = await agent.get('/api/auth/me');
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.body.email).toBe('leader@partnerline.demo');
    const viaBearer = await api(app, login.body.token).get('/api/auth/me');
    expect(viaBearer.body.role).toBe('leadership');
  });

  it('a wrong password and an unknown email get the same answer', async () => {
    const wrong = await request(app.getHttpServer()).post('/api/auth/login').send({ email: 'admin@partnerline.demo', password: 'nope-nope-nope' });
    const unknown = await request(app.getHttpServer()).post('/api/auth/login').send({ email: 'nobody@partnerline.demo', password: 'nope-nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('throttles repeated failures for an account and says when to retry, in the caller language', async () => {
    const email = `throttle-${Date.now()}@example.com`;
    for (let i = 0; i < 5; i++) {
      const r = await request(app.getHttpServer()).post('/api/auth/login').send({ email, password: 'wrong-password' });
      expect(r.status).toBe(401);
    }
    const blocked = await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('Accept-Language', 'zh-CN')
      .send({ email, password: 'wrong-password' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('LOGIN_THROTTLED');
    expect(blocked.body.message).toMatch(/分钟后再试/);
    expect(blocked.body.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('logout revokes the session: the same token is refused afterwards', async () => {
    const token = await loginAs(app, 'manager2@partnerline.demo');
    expect((await api(app, token).get('/api/auth/me')).status).toBe(200);
    expect((await api(app, token).post('/api/auth/logout')).status).toBe(204);
    const after = await api(app, token).get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('SESSION_EXPIRED');
  });

  it('an admin disabling a user ends its sessions and blocks sign-in until re-enabled', async () => {
    const admin = await loginAs(app, 'admin@partnerline.demo');
    const victimToken = await loginAs(app, 'sales@huaxin.demo');
    const me = await api(app, victimToken).get('/api/auth/me');
    const disabled = await api(app, admin).post(`/api/users/${me.body.id}/disable`).send({ disabled: true, reason: 'left the company' });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    expect((await api(app, victimToken).get('/api/auth/me')).status).toBe(401);
    const relogin = await request(app.getHttpServer()).post('/api/auth/login').send({ email: 'sales@huaxin.demo', password: PASSWORD });
    expect(relogin.status).toBe(403);
    expect(relogin.body.code).toBe('USER_DISABLED');
    const audit = await api(app, admin).get(`/api/audit?entity=user&entityId=${me.body.id}`);
    expect(audit.body.items[0]).toMatchObject({ action: 'user.disabled', actorEmail: 'admin@partnerline.demo' });
    expect(audit.body.items[0].after.sessionsRevoked).toBeGreaterThanOrEqual(1);
    await api(app, admin).post(`/api/users/${me.body.id}/disable`).send({ disabled: false });
    expect((await request(app.getHttpServer()).post('/api/auth/login').send({ email: 'sales@huaxin.demo', password: PASSWORD })).status).toBe(200);
  });

  it('an admin cannot disable their own account', async () => {
    const admin = await loginAs(app, 'admin@partnerline.demo');
    const me = await api(app, admin).get('/api/auth/me');
    const res = await api(app, admin).post(`/api/users/${me.body.id}/disable`).send({ disabled: true });
    expect(res.status).toBe(422);
  });

  it('saves the language and time zone preference, refusing unknown zones', async () => {
    const token = await loginAs(app, 'manager@partnerline.demo');
    const ok = await api(app, token).patch('/api/auth/me').send({ locale: 'en', timeZone: 'Europe/Berlin' });
    expect(ok.body).toMatchObject({ locale: 'en', timeZone: 'Europe/Berlin' });
    const bad = await api(app, token).patch('/api/auth/me').send({ timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(422);
    await api(app, token).patch('/api/auth/me').send({ locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
  });

  it('stores only a keyed hash of the token', async () => {
    const token = await loginAs(app, 'leader@partnerline.demo');
    const { DataSource } = await import('typeorm');
    const rows = await app.get(DataSource).query(`SELECT count(*)::int AS n FROM sessions WHERE token_hash = $1`, [token]);
    expect(rows[0].n).toBe(0);
  });
});
