import type { INestApplication } from '@nestjs/common';
import { DealRegistrationsService, SWEEP_BATCH } from '../../src/modules/deal-registrations/deal-registrations.service';
import { createTestApp, dataSourceOf } from '../support/test-app';

/** The registration sweep works in bounded batches, reports progress after each, and a re-run does nothing twice. */
describe('registration sweep in batches', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('expires 2.2 batches of registrations in 3 short transactions with progress, then finds nothing left', async () => {
    const ds = dataSourceOf(app);
    const n = Math.round(SWEEP_BATCH * 2.2);
    const [{ created_by: userId, industry_id: industryId, region_id: regionId, details }] = await ds.query(`SELECT created_by, industry_id, region_id, details FROM deal_registrations LIMIT 1`);
    // A partner of its own without users (no notices), so the fixture stays out of other tests' lists and inboxes.
    const stamp = Date.now();
    const [{ id: partnerId }] = await ds.query(`INSERT INTO partners (name, type, status, tax_id, approved_at) VALUES ($1, 'smb', 'active', $2, now()) RETURNING id`, [`批量清扫伙伴${stamp}`, `SWEEP-${stamp}`]);
    // Protection that ended long ago (only these rows are due on the sweep day below).
    await ds.query(
      `INSERT INTO deal_registrations (partner_id, status, customer_name, customer_name_norm, industry_id, region_id, details, estimated_amount, expected_close, protection_ends, created_by)
       SELECT $1, 'approved', '批量客户' || g, '批量客户' || g, $2, $3, $4, 1000, '2000-06-30', '2000-01-01', $5 FROM generate_series(1, $6) g`,
      [partnerId, industryId, regionId, JSON.stringify(details), userId, n],
    );
    const svc = app.get(DealRegistrationsService);
    const calls: [number, number][] = [];
    const result = await svc.sweep('2000-01-02', async (processed, total) => {
      calls.push([processed, total]);
    });
    expect(result.expired).toHaveLength(n);
    expect(calls).toEqual([
      [SWEEP_BATCH, n],
      [SWEEP_BATCH * 2, n],
      [n, n],
    ]);
    const [{ left }] = await ds.query(`SELECT count(*)::int AS left FROM deal_registrations WHERE status = 'approved' AND protection_ends = '2000-01-01'`);
    expect(left).toBe(0);
    const again = await svc.sweep('2000-01-02');
    expect(again).toEqual({ expired: [], reminded: 0, escalated: 0 });
    // Leave the shared test database as it was.
    await ds.query(`DELETE FROM registration_status_history WHERE registration_id IN (SELECT id FROM deal_registrations WHERE partner_id = $1)`, [partnerId]);
    await ds.query(`DELETE FROM deal_registrations WHERE partner_id = $1`, [partnerId]);
  }, 120_000);
});
