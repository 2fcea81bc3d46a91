import type { INestApplication } from '@nestjs/common';
import { RENEWAL_SWEEP_BATCH, RenewalsService } from '../../src/modules/renewals/renewals.service';
import { demoIds, insertAgreement } from '../support/fixtures';
import { createTestApp, dataSourceOf, isRealServer } from '../support/test-app';

/**
 * Issue #15: two renewal sweeps of the same business day at once (each batch its own transaction on its own pooled
 * connection) open exactly one review per agreement, and only the rows actually inserted are audited and announced.
 * Real concurrency needs a PostgreSQL server (the embedded database is one session that serialises everything), so
 * this file runs on PostgreSQL 15 only (DATABASE_URL, as .ci/run does) and is skipped on the embedded database.
 */
(isRealServer() ? describe : describe.skip)('renewal sweeps at once (PostgreSQL server)', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp({ DATABASE_POOL_SIZE: '10' });
  });
  afterAll(() => app.close());

  it('two openDue(day) at once open one review per agreement, audit and notify each once', async () => {
    const ds = dataSourceOf(app);
    const { admin, manager } = await demoIds(ds);
    const stamp = Date.now();
    // A partner of its own whose agreements end on a far-future day no other test data ends near (the window is 60 days).
    const [{ id: partnerId }] = await ds.query(
      `INSERT INTO partners (name, type, status, tax_id, approved_at, manager_id) VALUES ($1, 'smb', 'active', $2, now(), $3) RETURNING id`,
      [`续约并发伙伴${stamp}`, `RENEW-${stamp}`, manager],
    );
    const day = '2093-03-01';
    const n = Math.round(RENEWAL_SWEEP_BATCH * 1.5);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push(
        await insertAgreement(ds, {
          partnerId,
          startDate: '2092-03-01',
          endDate: `2093-03-${String(2 + (i % 27)).padStart(2, '0')}`,
          createdBy: admin,
          approvedBy: admin,
          withScopes: false,
          terms: { evaluationPeriod: 'quarter', quotaPerPeriod: '1000.00' },
        }),
      );
    }
    const svc = app.get(RenewalsService);
    const started = performance.now();
    // Different batch sizes so the two interleave over different page boundaries.
    const [a, b] = await Promise.all([svc.openDue(day, undefined, 40), svc.openDue(day, undefined, 70)]);
    const elapsed = Math.round(performance.now() - started);

    // Between them every agreement was opened once; neither opened what the other did.
    expect(a.length + b.length).toBe(n);
    expect(new Set([...a, ...b]).size).toBe(n);
    const rows = await ds.query(`SELECT agreement_id, count(*)::int AS k FROM renewal_reviews WHERE agreement_id = ANY($1::uuid[]) GROUP BY agreement_id`, [ids]);
    expect(rows).toHaveLength(n);
    expect(rows.every((r: { k: number }) => r.k === 1)).toBe(true);
    const [{ audited }] = await ds.query(
      `SELECT count(*)::int AS audited FROM audit_log WHERE action = 'renewal_review.opened' AND entity_id IN (SELECT id::text FROM renewal_reviews WHERE agreement_id = ANY($1::uuid[]))`,
      [ids],
    );
    expect(audited).toBe(n);
    const [{ told }] = await ds.query(
      `SELECT count(*)::int AS told FROM notifications WHERE kind = 'renewal_review.opened' AND user_id = $1 AND link IN (SELECT '/admin/renewals/' || id FROM renewal_reviews WHERE agreement_id = ANY($2::uuid[]))`,
      [manager, ids],
    );
    expect(told).toBe(n);

    // A third sweep of the same day finds nothing left to open.
    expect(await svc.openDue(day)).toEqual([]);
    console.log(`two concurrent renewal sweeps of ${n} agreements on PostgreSQL server: ${elapsed} ms (${a.length} + ${b.length} opened)`);

    // Leave the shared database as it was (audit rows stay: the log is append-only).
    await ds.query(`DELETE FROM notifications WHERE kind = 'renewal_review.opened' AND link IN (SELECT '/admin/renewals/' || id FROM renewal_reviews WHERE agreement_id = ANY($1::uuid[]))`, [ids]);
    await ds.query(`DELETE FROM renewal_reviews WHERE agreement_id = ANY($1::uuid[])`, [ids]);
    await ds.query(`UPDATE agreements SET status = 'expired' WHERE id = ANY($1::uuid[])`, [ids]);
  }, 120_000);
});
