import type { INestApplication } from '@nestjs/common';
import { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { NotificationMailer } from '../../src/modules/notifications/notification-mailer';
import { api, createTestApp, dataSourceOf, loginAs } from '../support/test-app';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback, as in mail.e2e-spec. */
async function startSmtp(): Promise<{ port: number; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The token of the first link in a mail (quoted-printable soft breaks undone). */
function tokenIn(raw: string, path: string): string {
  const text = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const m = new RegExp(`${path}\\?token=([A-Za-z0-9_%-]+)`).exec(text);
  if (!m) throw new Error(`no ${path} link in mail`);
  return decodeURIComponent(m[1]);
}

async function mailTo(received: Received[], email: string, after = 0): Promise<Received> {
  for (let i = 0; i < 100; i++) {
    const found = received.slice(after).find((m) => m.to.includes(email));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no mail to ${email}`);
}

const NEW_PASSWORD = 'Channel-manager-2026';

describe('access administration (issue #13)', () => {
  let app: INestApplication;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let admin: string;
  const email = `cm-${Date.now()}@partnerline.test`;
  let userId: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Partnerline <noreply@partnerline.test>' });
    admin = await loginAs(app, 'admin@partnerline.demo');
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('tells the sign-in page that email works and the demo data is loaded', async () => {
    const res = await request(app.getHttpServer()).get('/api/auth/config').expect(200);
    expect(res.body).toEqual({ emailEnabled: true, demoData: true });
  });

  it('answers the session probe with 200 whether or not someone is signed in', async () => {
    expect((await request(app.getHttpServer()).get('/api/auth/session').expect(200)).body).toEqual({ user: null });
    const probe = await api(app, admin).get('/api/auth/session').expect(200);
    expect(probe.body.user).toMatchObject({ email: 'admin@partnerline.demo', role: 'vendor_admin' });
  });

  it('lets an administrator invite a channel manager, who sets a password from the emailed link and signs in', async () => {
    const manager = await loginAs(app, 'manager@partnerline.demo');
    await api(app, manager).post('/api/users/invitations').send({ email, displayName: '周新', role: 'channel_manager' }).expect(403);

    const res = await api(app, admin).post('/api/users/invitations').send({ email, displayName: '周新', role: 'channel_manager' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ emailSent: true, inviteUrl: null });
    userId = res.body.userId;
    const dup = await api(app, admin)
      .post('/api/users/invitations')
      .send({ email: email.toUpperCase(), displayName: 'X', role: 'leadership' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('ACCOUNT_EMAIL_TAKEN');

    const listed = await api(app, admin)
      .get(`/api/users?q=${encodeURIComponent(email)}`)
      .expect(200);
    expect(listed.body.items[0]).toMatchObject({ id: userId, role: 'channel_manager', invitationPending: true });
    // No password works before the invitation is accepted.
    expect((await request(app.getHttpServer()).post('/api/auth/login').send({ email, password: NEW_PASSWORD })).status).toBe(401);

    const before = smtp.received.length;
    await app.get(NotificationMailer).sendPending();
    const mail = await mailTo(smtp.received, email, before);
    const token = tokenIn(mail.raw, '/admin/accept-invitation');
    // The token itself is not stored, only its hash.
    const stored = await dataSourceOf(app).query(`SELECT token_hash FROM invitations WHERE user_id = $1`, [userId]);
    expect(stored[0].token_hash).not.toContain(token);

    await request(app.getHttpServer()).post('/api/invitations/accept').send({ token, password: NEW_PASSWORD }).expect(200);
    expect((await request(app.getHttpServer()).post('/api/invitations/accept').send({ token, password: NEW_PASSWORD })).status).toBe(422);
    const session = await loginAs(app, email, NEW_PASSWORD);
    const me = await api(app, session).get('/api/auth/me').expect(200);
    expect(me.body).toMatchObject({ email, role: 'channel_manager', partnerId: null });
    const after = await api(app, admin)
      .get(`/api/users?q=${encodeURIComponent(email)}`)
      .expect(200);
    expect(after.body.items[0].invitationPending).toBe(false);
    // The audit log links a user record by id.
    const byId = await api(app, admin).get(`/api/users?q=${userId}`).expect(200);
    expect(byId.body.items.map((u: { id: string }) => u.id)).toEqual([userId]);
  });

  it('changes a role with an audit entry, never the administrator’s own, never a partner user’s', async () => {
    const res = await api(app, admin).post(`/api/users/${userId}/role`).send({ role: 'leadership' });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('leadership');
    const audit = await api(app, admin).get(`/api/audit?entityId=${userId}&action=user.role_changed`).expect(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      entity: 'user',
      before: { role: 'channel_manager' },
      after: { role: 'leadership' },
      actorEmail: 'admin@partnerline.demo',
    });
    expect(audit.body.items[0].actorName).toBeTruthy();

    const me = (await api(app, admin).get('/api/auth/me')).body;
    const own = await api(app, admin).post(`/api/users/${me.id}/role`).send({ role: 'leadership' });
    expect(own.status).toBe(422);
    expect(own.body.code).toBe('CANNOT_CHANGE_OWN_ROLE');
    expect((await api(app, admin).get('/api/auth/me')).body.role).toBe('vendor_admin');

    const partnerUser = (await api(app, admin).get('/api/users?q=owner@huaxin.demo')).body.items[0];
    const partner = await api(app, admin).post(`/api/users/${partnerUser.id}/role`).send({ role: 'channel_manager' });
    expect(partner.status).toBe(422);
    expect(partner.body.code).toBe('ROLE_CHANGE_NOT_ALLOWED');
    expect((await api(app, admin).post(`/api/users/${userId}/role`).send({ role: 'partner_admin' })).status).toBe(400);
    const leader = await loginAs(app, 'leader@partnerline.demo');
    expect((await api(app, leader).post(`/api/users/${userId}/role`).send({ role: 'vendor_admin' })).status).toBe(403);
  });

  it('ends every session of a user it disables; enabling lets them sign in again', async () => {
    const session = await loginAs(app, email, NEW_PASSWORD);
    await api(app, session).get('/api/auth/me').expect(200);
    await api(app, admin).post(`/api/users/${userId}/disable`).send({ disabled: true, reason: 'left the team' }).expect(200);
    expect((await api(app, session).get('/api/auth/me')).status).toBe(401);
    expect((await request(app.getHttpServer()).post('/api/auth/login').send({ email, password: NEW_PASSWORD })).status).toBe(403);
    await api(app, admin).post(`/api/users/${userId}/disable`).send({ disabled: false }).expect(200);
    await loginAs(app, email, NEW_PASSWORD);
  });

  it('resets a forgotten password by a single-use emailed link that ends every session', async () => {
    const server = app.getHttpServer();
    const unknown = await request(server).post('/api/auth/password-reset').send({ email: 'nobody-here@partnerline.test' });
    const before = smtp.received.length;
    const known = await request(server).post('/api/auth/password-reset').send({ email });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);

    const session = await loginAs(app, email, NEW_PASSWORD);
    const mail = await mailTo(smtp.received, email, before);
    expect(smtp.received.slice(before).some((m) => m.to.includes('nobody-here@partnerline.test'))).toBe(false);
    const token = tokenIn(mail.raw, '/admin/reset-password');

    const weak = await request(server).post('/api/auth/password-reset/confirm').send({ token, password: 'short' });
    expect(weak.status).toBe(400);
    await request(server).post('/api/auth/password-reset/confirm').send({ token, password: 'Fresh-password-2026' }).expect(200);
    expect((await api(app, session).get('/api/auth/me')).status).toBe(401);
    expect((await request(server).post('/api/auth/login').send({ email, password: NEW_PASSWORD })).status).toBe(401);
    await loginAs(app, email, 'Fresh-password-2026');

    const again = await request(server).post('/api/auth/password-reset/confirm').send({ token, password: 'Another-password-2026' });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('PASSWORD_RESET_INVALID');

    const audit = await api(app, admin).get(`/api/audit?entityId=${userId}&action=user.password_reset`).expect(200);
    // This session and the one opened after re-enabling the account.
    expect(audit.body.items[0]).toMatchObject({ actorEmail: email, after: { sessionsRevoked: 2 } });
  });

  it('refuses an expired link', async () => {
    const server = app.getHttpServer();
    const before = smtp.received.length;
    await request(server).post('/api/auth/password-reset').send({ email }).expect(202);
    const token = tokenIn((await mailTo(smtp.received, email, before)).raw, '/admin/reset-password');
    await dataSourceOf(app).query(
      `UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
    const res = await request(server).post('/api/auth/password-reset/confirm').send({ token, password: 'Expired-password-2026' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PASSWORD_RESET_INVALID');
  });

  it('filters the audit log by who, what, record kind and date, newest first', async () => {
    const byActor = await api(app, admin).get('/api/audit?actor=admin@partnerline&entity=user&pageSize=5').expect(200);
    expect(byActor.body.items.length).toBeGreaterThan(0);
    expect(
      byActor.body.items.every(
        (e: { actorEmail: string; entity: string }) => e.actorEmail === 'admin@partnerline.demo' && e.entity === 'user',
      ),
    ).toBe(true);
    const future = await api(app, admin).get('/api/audit?from=2199-01-01').expect(200);
    expect(future.body.total).toBe(0);
    const past = await api(app, admin).get(`/api/audit?to=1999-12-31&entityId=${userId}`).expect(200);
    expect(past.body.total).toBe(0);
    expect((await api(app, admin).get('/api/audit?from=not-a-date')).status).toBe(400);
  });

  it('throttles reset requests per address like sign-in', async () => {
    const server = app.getHttpServer();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(
        (
          await request(server)
            .post('/api/auth/password-reset')
            .send({ email: `x${i}@partnerline.test` })
        ).status,
      );
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(10);
  });
});

describe('forgot password without email configured', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('says email is not configured instead of pretending a link was sent', async () => {
    const config = await request(app.getHttpServer()).get('/api/auth/config').expect(200);
    expect(config.body.emailEnabled).toBe(false);
    const res = await request(app.getHttpServer())
      .post('/api/auth/password-reset')
      .set('Accept-Language', 'zh-CN')
      .send({ email: 'admin@partnerline.demo' });
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('EMAIL_NOT_CONFIGURED');
    expect(res.body.message).toContain('管理员');
  });
});
