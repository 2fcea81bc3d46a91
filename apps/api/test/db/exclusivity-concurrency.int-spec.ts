import type { INestApplication } from '@nestjs/common';
import { api, createTestApp, dataSourceOf, isRealServer, loginAs } from '../support/test-app';

/**
 * 50 mutually overlapping exclusive agreements approved at the same moment: exactly one may become active.
 * On real PostgreSQL the approvals run truly in parallel (a 20-connection pool); on the embedded database
 * they are serialised, so the figure there only proves the rule, not the concurrency.
 */
describe(`concurrent exclusive approvals (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded'})`, () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp(isRealServer() ? { DATABASE_POOL_SIZE: '20' } : {});
  });
  afterAll(() => app.close());

  it('50 concurrent approvals of overlapping exclusive agreements → exactly one active, 49 clean 409s, no partial rows', async () => {
    const [manager, manager2] = await Promise.all([loginAs(app, 'manager@partnerline.demo'), loginAs(app, 'manager2@partnerline.demo')]);
    const industries = (await api(app, manager).get('/api/industries')).body as { id: string; code: string }[];
    const regions = (await api(app, manager).get('/api/regions')).body as { id: string; code: string }[];
    const partners = (await api(app, manager).get('/api/partners?status=active&pageSize=200')).body.items as { id: string; name: string }[];
    const huaxin = partners.find((p) => p.name.startsWith('华信'))!.id;
    const edu = industries.find((i) => i.code === 'EDU')!.id;
    // Every one overlaps every other: nested regions (China ⊃ Guangdong ⊃ Shenzhen) or all industries, overlapping years.
    const cells = [
      { industryId: edu, regionId: regions.find((r) => r.code === 'CN')!.id },
      { industryId: edu, regionId: regions.find((r) => r.code === 'GD')!.id },
      { industryId: edu, regionId: regions.find((r) => r.code === 'GD-SZ')!.id },
      { industryId: null, regionId: regions.find((r) => r.code === 'GD-SZ')!.id },
    ];
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const start = `2040-0${1 + (i % 6)}-01`;
      const res = await api(app, manager)
        .post('/api/agreements')
        .send({ partnerId: huaxin, type: 'exclusive', scope: [cells[i % cells.length]], startDate: start, endDate: '2041-06-30', evaluationPeriod: 'quarter', quotaPerPeriod: '1000000', deposit: { amount: '1', dueDate: start, handling: 'refund' } });
      expect(res.status).toBe(201);
      await api(app, manager).post(`/api/agreements/${res.body.id}/submit`).expect(204);
      ids.push(res.body.id);
    }

    const started = performance.now();
    const results = await Promise.all(ids.map((id) => api(app, manager2).post(`/api/agreements/${id}/approve`).send({})));
    const elapsed = Math.round(performance.now() - started);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const winner = ids[statuses.indexOf(204)];
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.code).toBe('EXCLUSIVE_OVERLAP');
      expect(r.body.details.holder.agreementId).toBe(winner);
    }

    const ds = dataSourceOf(app);
    const rows = await ds.query(`SELECT status, count(*)::int AS n FROM agreements WHERE id = ANY($1::uuid[]) GROUP BY status ORDER BY status`, [ids]);
    expect(rows).toEqual([
      { status: 'active', n: 1 },
      { status: 'pending_approval', n: 49 },
    ]);
    const claims = await ds.query(`SELECT DISTINCT agreement_id FROM exclusive_claims WHERE agreement_id = ANY($1::uuid[])`, [ids]);
    expect(claims).toEqual([{ agreement_id: winner }]);
    const approvals = await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'agreement.approved' AND entity_id = ANY($1::text[])`, [ids]);
    expect(approvals[0].n).toBe(1);
    // Reported, not asserted: timing is a benchmark's business.
    console.log(`50 concurrent approvals on ${isRealServer() ? 'PostgreSQL server' : 'embedded PostgreSQL'}: ${elapsed} ms`);
  }, 120_000);
});
