import type { INestApplication } from '@nestjs/common';
import { PartnerOverviewSchema } from '@partnerline/domain';
import { api, createTestApp, loginAs } from '../support/test-app';

describe('partner 360: GET /partners/:id/overview', () => {
  let app: INestApplication;
  let admin: string;
  let huaxinOwner: string;
  let huaxinId: string;

  beforeAll(async () => {
    app = await createTestApp();
    [admin, huaxinOwner] = await Promise.all(['admin@partnerline.demo', 'owner@huaxin.demo'].map((e) => loginAs(app, e)));
    huaxinId = (await api(app, huaxinOwner).get('/api/auth/me').expect(200)).body.partnerId;
  });
  afterAll(() => app.close());

  it('assembles registrations, agreements, support, certifications, reviews and the timeline', async () => {
    const body = (await api(app, admin).get(`/api/partners/${huaxinId}/overview`).expect(200)).body;
    const o = PartnerOverviewSchema.parse(body);
    // The counts agree with the registration list the partner sees.
    const total = async (status: string) => (await api(app, huaxinOwner).get(`/api/deal-registrations?status=${status}&page=1&pageSize=1`).expect(200)).body.total as number;
    expect(o.registrations.won).toBe(await total('won'));
    expect(o.registrations.lost).toBe(await total('lost'));
    expect(o.registrations.open).toBe((await total('submitted')) + (await total('in_review')) + (await total('in_conflict')) + (await total('approved')));
    expect(o.registrations.pipelineValue).toMatch(/^\d+(\.\d+)?$/);
    expect(o.registrations.wonRevenue).toMatch(/^\d+(\.\d+)?$/);
    expect(o.registrations.recent.length).toBeLessThanOrEqual(10);
    const agreements = (await api(app, huaxinOwner).get('/api/agreements?pageSize=200').expect(200)).body.items as { id: string }[];
    expect(o.agreements.length).toBeGreaterThan(0);
    for (const a of o.agreements) expect(agreements.map((x) => x.id).concat(o.agreements.filter((x) => x.status === 'draft').map((x) => x.id))).toContain(a.id);
    expect(Array.isArray(o.supportRequests)).toBe(true);
    expect(Array.isArray(o.certifications)).toBe(true);
    expect(Array.isArray(o.reviews)).toBe(true);
    // Newest first.
    const times = o.timeline.map((t) => t.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('is for vendor staff only; an unknown partner is not found', async () => {
    expect((await api(app, huaxinOwner).get(`/api/partners/${huaxinId}/overview`)).status).toBe(403);
    expect((await api(app).get(`/api/partners/${huaxinId}/overview`)).status).toBe(401);
    expect((await api(app, admin).get('/api/partners/00000000-0000-4000-8000-000000000000/overview')).status).toBe(404);
  });
});
