import type { INestApplication } from '@nestjs/common';
import { DEFAULT_POLICIES } from '@partnerline/domain';
import { api, createTestApp, loginAs } from '../support/test-app';

describe('policies', () => {
  let app: INestApplication;
  let admin: string;
  let manager: string;
  beforeAll(async () => {
    app = await createTestApp();
    [admin, manager] = await Promise.all([loginAs(app, 'admin@partnerline.demo'), loginAs(app, 'manager@partnerline.demo')]);
  });
  afterAll(async () => {
    await api(app, admin).put('/api/policies').send(DEFAULT_POLICIES);
    await app.close();
  });

  it('everyone reads the DOMAIN.md defaults', async () => {
    const partner = await loginAs(app, 'owner@lanting.demo');
    const res = await api(app, partner).get('/api/policies');
    expect(res.status).toBe(200);
    expect(res.body.policies.registrations).toMatchObject({ protectionDays: 90, extensionDays: 30, reviewSlaBusinessDays: 2, fuzzyNameThreshold: 0.6 });
    expect(res.body.policies.screening.passMark).toBe(60);
  });

  it('only a vendor admin changes them; the change is audited', async () => {
    const next = structuredClone(DEFAULT_POLICIES);
    next.registrations.protectionDays = 120;
    expect((await api(app, manager).put('/api/policies').send(next)).status).toBe(403);
    const res = await api(app, admin).put('/api/policies').send(next);
    expect(res.status).toBe(200);
    expect(res.body.policies.registrations.protectionDays).toBe(120);
    expect(res.body.updatedBy).toBe('admin@partnerline.demo');
    const audit = await api(app, admin).get('/api/audit?entity=policies');
    expect(audit.body.items[0].before.registrations.protectionDays).toBe(90);
    expect(audit.body.items[0].after.registrations.protectionDays).toBe(120);
  });

  it('invalid policies are refused with the field path', async () => {
    const bad = structuredClone(DEFAULT_POLICIES) as unknown as { rebates: { tiers: unknown[] }; registrations: { protectionDays: number } };
    bad.rebates.tiers = [{ attainmentPercent: 100, ratePercent: 4 }, { attainmentPercent: 80, ratePercent: 2 }];
    bad.registrations.protectionDays = -1;
    const res = await api(app, admin).put('/api/policies').send(bad);
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['rebates.tiers', 'registrations.protectionDays']);
  });

  it('moving the quadrant thresholds re-derives every segment strategy', async () => {
    const next = structuredClone(DEFAULT_POLICIES);
    next.segments = { highPotentialAt: 100, hardDifficultyAt: 1 };
    await api(app, admin).put('/api/policies').send(next);
    const seg = await api(app, admin).get('/api/segments?pageSize=500');
    // Potential 100 is the only "high": nearly everything is now low & hard → nurture.
    const strategies = new Set(seg.body.items.filter((s: { marketPotential: number; expansionDifficulty: number }) => s.marketPotential < 100 && s.expansionDifficulty >= 1).map((s: { strategy: string }) => s.strategy));
    expect(strategies).toEqual(new Set(['nurture']));
    await api(app, admin).put('/api/policies').send(DEFAULT_POLICIES);
    const restored = await api(app, admin).get('/api/segments?strategy=direct&pageSize=1');
    expect(restored.body.total).toBeGreaterThan(0);
  });
});
