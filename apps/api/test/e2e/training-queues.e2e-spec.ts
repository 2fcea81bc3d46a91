import type { INestApplication } from '@nestjs/common';
import { pinClock } from '../../src/common/time';
import { CertificationsService, SWEEP_BATCH } from '../../src/modules/training/certifications.service';
import { api, createTestApp, dataSourceOf, loginAs } from '../support/test-app';

type Cert = { id: string; code: string; status: string; partnerName: string; expiresOn: string };

/** Issue #10 for training: queues paged on the server, the business clock, a batched sweep, errors in both languages. */

// The certificates this file changes belong to holders no other test file follows (华信 and 兰亭 staff are
// asserted on elsewhere, and the suite shares one database).
const notSharedHolder = `u.email NOT LIKE '%@huaxin.demo' AND u.email NOT LIKE '%@lanting.demo'`;

describe('training queues, clock and sweep', () => {
  let app: INestApplication;
  let manager: string;
  let huaxinOwner: string;

  beforeAll(async () => {
    app = await createTestApp();
    [manager, huaxinOwner] = await Promise.all(['manager@partnerline.demo', 'owner@huaxin.demo'].map((e) => loginAs(app, e)));
  });
  afterAll(async () => {
    pinClock(null);
    await app.close();
  });

  it('pages certificates, reviews and support requests on the server with the total, and filters status in the query', async () => {
    const all = (await api(app, manager).get('/api/certifications').expect(200)).body as Cert[];
    expect(all.length).toBeGreaterThan(2);
    const first = (await api(app, manager).get('/api/certifications?page=1&pageSize=2').expect(200)).body;
    expect(first).toMatchObject({ total: all.length, page: 1, pageSize: 2 });
    expect(first.items.map((c: Cert) => c.id)).toEqual(all.slice(0, 2).map((c) => c.id));
    const second = (await api(app, manager).get('/api/certifications?page=2&pageSize=2').expect(200)).body;
    expect(second.items.map((c: Cert) => c.id)).toEqual(all.slice(2, 4).map((c) => c.id));
    for (const status of ['active', 'expiring', 'expired', 'revoked']) {
      const page = (await api(app, manager).get(`/api/certifications?status=${status}&page=1&pageSize=200`).expect(200)).body;
      expect(page.total).toBe(all.filter((c) => c.status === status).length);
      expect(page.items.every((c: Cert) => c.status === status)).toBe(true);
    }
    const reviews = (await api(app, manager).get('/api/qualification-reviews').expect(200)).body as unknown[];
    expect((await api(app, manager).get('/api/qualification-reviews?page=1&pageSize=1').expect(200)).body).toMatchObject({
      total: reviews.length,
      page: 1,
    });
    const mine = (await api(app, huaxinOwner).get('/api/support-requests?page=1&pageSize=50').expect(200)).body;
    expect(mine.items.every((r: { partnerName: string }) => r.partnerName.includes('华信'))).toBe(true);
    expect((await api(app, manager).get('/api/certifications?page=0')).status).toBe(400);
  });

  it('decides expiry by the business date (Asia/Shanghai), not the UTC date', async () => {
    const [c] = await dataSourceOf(app).query(`SELECT c.id FROM certifications c JOIN users u ON u.id = c.user_id WHERE c.revoked_at IS NULL AND ${notSharedHolder} ORDER BY c.expires_on LIMIT 1`);
    await dataSourceOf(app).query(`UPDATE certifications SET expires_on = '2031-03-10' WHERE id = $1`, [c.id]);
    pinClock('2031-03-10T15:30:00Z'); // 23:30 in Shanghai on the last valid day
    expect((await api(app, manager).get(`/api/certifications/${c.id}`).expect(200)).body.status).toBe('expiring');
    pinClock('2031-03-10T16:30:00Z'); // 00:30 the next day in Shanghai, still 03-10 in UTC
    expect((await api(app, manager).get(`/api/certifications/${c.id}`).expect(200)).body.status).toBe('expired');
    pinClock(null);
  });

  it('sweeps reminders in batches with progress, once per certificate', async () => {
    const db = dataSourceOf(app);
    const [src] = await db.query(`SELECT path_id, user_id, partner_id FROM certifications LIMIT 1`);
    const n = SWEEP_BATCH + 20;
    await db.query(
      `INSERT INTO certifications (code, path_id, user_id, partner_id, earned_on, expires_on, reminders_sent)
       SELECT 'SWEEP-' || lpad(g::text, 6, '0'), $1, $2, $3, '2035-01-01', '2036-06-30', '{60}' FROM generate_series(1, $4::int) g`,
      [src.path_id, src.user_id, src.partner_id, n],
    );
    const seen: [number, number | null][] = [];
    const svc = app.get(CertificationsService);
    const first = await svc.sweep('2036-05-31', async (processed, total) => void seen.push([processed, total]));
    expect(first.reminded).toBeGreaterThanOrEqual(n);
    expect(seen.length).toBeGreaterThanOrEqual(2); // more than one batch, each reported
    expect(seen.map(([p]) => p)).toEqual([...seen.map(([p]) => p)].sort((a, b) => a - b));
    const [{ sent }] = await db.query(
      `SELECT count(*)::int AS sent FROM certifications WHERE code LIKE 'SWEEP-%' AND reminders_sent @> '{30,60}'`,
    );
    expect(sent).toBe(n);
    expect((await svc.sweep('2036-06-01')).reminded).toBe(0);
  });

  it('reports a resume cursor after each batch, and a run resumed from it re-reads only what follows', async () => {
    const db = dataSourceOf(app);
    const [src] = await db.query(`SELECT path_id, user_id, partner_id FROM certifications LIMIT 1`);
    await db.query(
      `INSERT INTO certifications (code, path_id, user_id, partner_id, earned_on, expires_on)
       SELECT 'RESUME-' || lpad(g::text, 6, '0'), $1, $2, $3, '2039-01-01', '2040-03-31' FROM generate_series(1, $4::int) g`,
      [src.path_id, src.user_id, src.partner_id, SWEEP_BATCH + 5],
    );
    const svc = app.get(CertificationsService);
    const cursors: (string | null | undefined)[] = [];
    await svc.sweep('2040-03-01', async (_p, _t, cursor) => void cursors.push(cursor));
    expect(cursors[0]).toMatch(/^reminders:\d{4}-\d{2}-\d{2}:[0-9a-f-]{36}$/);
    const seen: number[] = [];
    await svc.sweep('2040-03-01', async (processed) => void seen.push(processed), cursors[0]!);
    expect(seen[0]).toBeLessThan(SWEEP_BATCH); // the first batch was skipped
  });

  it('answers a refusal in Chinese with a stable code', async () => {
    const [c] = await dataSourceOf(app).query(`SELECT c.id FROM certifications c JOIN users u ON u.id = c.user_id WHERE c.revoked_at IS NULL AND ${notSharedHolder} ORDER BY c.id DESC LIMIT 1`);
    await api(app, manager).post(`/api/certifications/${c.id}/revoke`).send({ reason: '测试' }).expect(204);
    const again = await api(app, manager)
      .post(`/api/certifications/${c.id}/revoke`)
      .set('Accept-Language', 'zh-CN')
      .send({ reason: '测试' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CERTIFICATION_ALREADY_REVOKED', message: '该证书已被撤销。' });
  });
});
