import type { INestApplication } from '@nestjs/common';
import { ERROR_STATUS, usccCheckChar } from '@partnerline/domain';
import request from 'supertest';
import { api, createTestApp, dataSourceOf, loginAs, PASSWORD } from '../support/test-app';

/**
 * Issue #12: brute force, cross-site writes, password policy, rate limits. The app trusts one proxy hop so each test
 * can speak from its own client address (X-Forwarded-For); counters are shared database rows, so the keys used here
 * are removed afterwards and other test files signing in from 127.0.0.1 are unaffected.
 */
describe('brute force, cross-site requests and password policy', () => {
  let app: INestApplication;
  let admin: string;
  const run = Date.now() % 1e9;
  const addr = (n: number) => `10.${(run >> 16) & 255}.${(run >> 8) & 255}.${n}`;
  const server = () => app.getHttpServer();
  const login = (email: string, password: string, from: string) =>
    request(server()).post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });

  beforeAll(async () => {
    app = await createTestApp({ TRUST_PROXY: 'true' });
    admin = await loginAs(app, 'admin@partnerline.demo');
  });
  afterAll(async () => {
    await dataSourceOf(app).query(`DELETE FROM request_counters WHERE key LIKE $1 OR key LIKE 'login:acct:%security%'`, [
      `%10.${(run >> 16) & 255}.%`,
    ]);
    await app.close();
  });

  it('40 parallel wrong passwords evaluate at most the limit; the rest are 429 with Retry-After', async () => {
    const email = `brute-security-${run}@example.com`;
    const answers = await Promise.all(Array.from({ length: 40 }, () => login(email, 'wrong-password-1', addr(1))));
    const evaluated = answers.filter((r) => r.status === 401);
    const throttled = answers.filter((r) => r.status === 429);
    expect(evaluated.length).toBeLessThanOrEqual(5); // policy auth.loginMaxFailures
    expect(evaluated.length + throttled.length).toBe(40);
    for (const r of throttled) {
      expect(r.body.code).toBe('LOGIN_THROTTLED');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    // The failed attempts were recorded for exactly the evaluated ones.
    const [{ n }] = await dataSourceOf(app).query(`SELECT count(*)::int AS n FROM login_attempts WHERE email = $1`, [email]);
    expect(n).toBe(evaluated.length);
  });

  it('21 wrong passwords from one address lock neither another account elsewhere nor the owner from a fresh address', async () => {
    const attacker = addr(2);
    for (let i = 0; i < 21; i++) await login('leader@partnerline.demo', `guess-${i}-wrong`, attacker);
    expect((await login('leader@partnerline.demo', PASSWORD, attacker)).status).toBe(429);
    expect((await login('manager2@partnerline.demo', PASSWORD, addr(3))).status).toBe(200);
    // The owner, from an address that has not failed, still signs in; afterwards the account counter is clear.
    const owner = await login('leader@partnerline.demo', PASSWORD, addr(4));
    expect(owner.status).toBe(200);
    expect(owner.headers['cache-control']).toBe('no-store');
  });

  it('a fresh address gets one guess at a locked account, not a new allowance', async () => {
    const email = `locked-security-${run}@example.com`;
    for (let i = 0; i < 6; i++) await login(email, 'wrong-password-2', addr(5));
    expect((await login(email, 'wrong-password-2', addr(6))).status).toBe(401);
    const second = await login(email, 'wrong-password-2', addr(6));
    expect(second.status).toBe(429);
    expect(second.headers['retry-after']).toBeDefined();
  });

  describe('cross-site writes', () => {
    let cookie: string;
    beforeAll(async () => {
      const res = await login('manager@partnerline.demo', PASSWORD, addr(7));
      cookie = (res.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    });
    const patchMe = () => request(server()).patch('/api/auth/me').set('Cookie', cookie).send({ locale: 'zh-CN' });

    it('a cookie-authenticated write with a foreign Origin → 403 CSRF_REJECTED, in both languages', async () => {
      const en = await patchMe().set('Origin', 'https://evil.example');
      expect(en.status).toBe(403);
      expect(en.body.code).toBe('CSRF_REJECTED');
      const zh = await patchMe().set('Origin', 'https://evil.example').set('Accept-Language', 'zh-CN');
      expect(zh.body.message).toMatch(/其他网站/);
      expect((await patchMe().set('Sec-Fetch-Site', 'cross-site')).status).toBe(403);
      expect((await patchMe().set('Origin', 'null')).status).toBe(403);
    });

    it('the same from our own origin, or with a Bearer token from anywhere, goes through', async () => {
      const host = '127.0.0.1';
      expect((await patchMe().set('Host', host).set('Origin', `http://${host}`)).status).toBe(200);
      expect((await patchMe().set('Sec-Fetch-Site', 'same-origin').set('Origin', 'http://localhost:5173')).status).toBe(200);
      const bearer = await api(app, admin).patch('/api/auth/me').set('Origin', 'https://evil.example').send({ locale: 'en' });
      expect(bearer.status).toBe(200);
    });

    it('authenticated JSON answers are not stored by caches; the CSP allows no inline script', async () => {
      const me = await request(server()).get('/api/auth/me').set('Cookie', cookie);
      expect(me.headers['cache-control']).toBe('no-store');
      const csp = String(me.headers['content-security-policy']);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      // The oldest agreement is a seeded one (other test files insert agreements of their own).
      const [agreement] = await dataSourceOf(app).query(`SELECT id FROM agreements ORDER BY created_at, id LIMIT 1`);
      const printable = await api(app, admin).get(`/api/agreements/${agreement.id}/document`);
      expect(printable.status).toBe(200);
      expect(printable.text).toContain('<script src="/api/documents/print.js"></script>');
      expect(printable.text).not.toMatch(/<script>/);
      const script = await request(server()).get('/api/documents/print.js');
      expect(script.status).toBe(200);
      expect(script.text).toContain('window.print()');
    });
  });

  describe('public application form', () => {
    let regions: { id: string; code: string }[];
    let industries: { id: string; code: string }[];
    let seq = 0;
    beforeAll(async () => {
      industries = (await api(app, admin).get('/api/industries')).body;
      regions = (await api(app, admin).get('/api/regions')).body;
    });
    function application(account: Record<string, unknown> = {}) {
      seq++;
      const body = `91330106MA${String(run % 1e5).padStart(5, '0')}${String(seq).padStart(2, '0')}`.slice(0, 17);
      const domain = `sec-${run}-${seq}.example.cn`;
      return {
        companyName: '杭州安全测试科技有限公司',
        taxIdKind: 'uscc',
        taxId: body + usccCheckChar(body),
        domain,
        regionId: regions.find((r) => r.code === 'ZJ-HZ')!.id,
        headcount: 20,
        annualRevenue: '1000000.00',
        yearsTrading: 3,
        businessLines: ['集成'],
        existingVendors: [],
        cashFlow: { positiveLastYear: true, receivablesDays: 60 },
        type: 'smb',
        desiredSegments: [{ industryId: industries.find((i) => i.code === 'RET')!.id, regionId: regions.find((r) => r.code === 'ZJ')!.id }],
        personInCharge: { name: '安测', title: '经理', email: 'an@example.cn' },
        contacts: [],
        declarations: { integrity: true, noConflictingCompetitorProducts: true },
        account: { email: `owner-${domain}@example.cn`, displayName: '安测', password: 'Violet-harbour-2026', locale: 'zh-CN', ...account },
      };
    }
    const apply = (body: object, from: string) =>
      request(server()).post('/api/partner-applications').set('X-Forwarded-For', from).set('Accept-Language', 'zh-CN').send(body);

    it('refuses the own email, a common password and whitespace only, naming the field in Chinese', async () => {
      const a = application();
      const own = await apply({ ...a, account: { ...a.account, password: `${a.account.email}` } }, addr(8));
      expect(own.status).toBe(400);
      expect(own.body.issues).toContainEqual(
        expect.objectContaining({ path: 'account.password', code: 'validation.password_contains_email' }),
      );
      const common = await apply({ ...a, account: { ...a.account, password: 'password123' } }, addr(8));
      expect(common.status).toBe(400);
      expect(common.body.issues).toContainEqual(
        expect.objectContaining({ path: 'account.password', code: 'validation.password_common', message: expect.stringMatching(/常见/) }),
      );
      const blank = await apply({ ...a, account: { ...a.account, password: ' '.repeat(12) } }, addr(8));
      expect(blank.status).toBe(400);
      expect(blank.body.issues).toContainEqual(expect.objectContaining({ path: 'account.password', code: 'validation.password_blank' }));
    });

    it('is rate-limited per address: when throttled nothing is created', async () => {
      const from = addr(9);
      const first = application();
      expect((await apply(first, from)).status).toBe(201);
      // Further requests from the address (here: the same organisation again, refused) count as well.
      for (let i = 1; i < 20; i++) expect((await apply(first, from)).status).toBe(409);
      const db = dataSourceOf(app);
      const [{ n: before }] = await db.query(`SELECT count(*)::int AS n FROM partners`);
      const throttled = await apply(application(), from);
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
      const [{ n: after }] = await db.query(`SELECT count(*)::int AS n FROM partners`);
      expect(after).toBe(before);
      expect((await apply(application(), addr(10))).status).toBe(201);
    });
  });

  it('invitation accept checks the token first and is rate-limited per address', async () => {
    const accept = (from: string) =>
      request(server())
        .post('/api/invitations/accept')
        .set('X-Forwarded-For', from)
        .send({ token: 'x'.repeat(40), password: 'password123' });
    const first = await accept(addr(11));
    expect(first.status).toBe(ERROR_STATUS.INVITATION_INVALID);
    expect(first.body.code).toBe('INVITATION_INVALID');
    for (let i = 1; i < 20; i++) await accept(addr(11));
    const throttled = await accept(addr(11));
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBeDefined();
  });
});
