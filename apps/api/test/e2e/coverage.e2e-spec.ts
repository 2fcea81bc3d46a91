import type { INestApplication } from '@nestjs/common';
import { Dec } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { CoverageRefresher } from '../../src/modules/reporting/coverage-refresher';
import { CoverageService } from '../../src/modules/reporting/coverage.service';
import { demoIds, insertAgreement } from '../support/fixtures';
import { api, binaryBody, createTestApp, dataSourceOf, loginAs, demoOnlyDatabaseUrl } from '../support/test-app';

type Cell = {
  industryId: string;
  regionId: string;
  partners: { strategic: number; smb: number; total: number };
  openPipeline: string;
  wonRevenue: string;
  gaps: string[];
  exclusiveHolder: { id: string; name: string } | null;
};
type Matrix = {
  asOf: string;
  staleSeconds: number;
  period: { key: string; start: string; end: string };
  parent: { id: string; code: string } | null;
  breadcrumb: { id: string }[];
  columns: { id: string; code: string; level: string; hasChildren: boolean }[];
  rows: { industry: { id: string; code: string }; cells: Cell[]; total: Cell | null }[];
};

describe('leadership view: coverage, cell, gaps, plan (issue #16)', () => {
  let app: INestApplication;
  let db: DataSource;
  let leader: string;
  let admin: string;
  let manager: string;
  let owner: string;

  // The run's demo-only database: the matrix aggregates every partner, and other files' records in the shared
  // database (e.g. nationwide test agreements) would change which gaps the demo data shows.
  beforeAll(async () => {
    app = await createTestApp({}, demoOnlyDatabaseUrl());
    db = dataSourceOf(app);
    [leader, admin, manager, owner] = await Promise.all(
      ['leader@partnerline.demo', 'admin@partnerline.demo', 'manager@partnerline.demo', 'owner@huaxin.demo'].map((e) => loginAs(app, e)),
    );
    await app.get(CoverageService).refresh();
  }, 180_000);
  afterAll(() => app.close());

  const matrix = async (token: string, query = '') => (await api(app, token).get(`/api/dashboards/coverage${query}`).expect(200)).body as Matrix;

  /** The cell's figures straight from the tables: active partners present by agreement scope, approved value, won in period. */
  async function direct(industryId: string, regionId: string, period: { start: string; end: string }, managerId?: string) {
    const mine = managerId ? `AND p.manager_id = '${managerId}'` : '';
    const [partners] = await db.query(
      `SELECT count(DISTINCT a.partner_id)::int AS total, count(DISTINCT a.partner_id) FILTER (WHERE p.type = 'strategic')::int AS strategic
         FROM agreements a JOIN partners p ON p.id = a.partner_id AND p.status = 'active'
         JOIN agreement_scopes s ON s.agreement_id = a.id
         LEFT JOIN regions sr ON sr.id = s.region_id
         JOIN regions cell ON cell.id = $2
        WHERE a.status = 'active' AND (s.industry_id IS NULL OR s.industry_id = $1)
          AND (s.region_id IS NULL OR sr.path LIKE cell.path || '%') ${mine}`,
      [industryId, regionId],
    );
    const [money] = await db.query(
      `SELECT COALESCE(sum(CASE WHEN r.status = 'approved' THEN r.estimated_amount * COALESCE(sh.share, 1) END), 0)::text AS pipeline,
              COALESCE(sum(CASE WHEN r.status = 'won' AND r.won_on BETWEEN $3::date AND $4::date THEN COALESCE(r.won_amount, r.estimated_amount) * COALESCE(sh.share, 1) END), 0)::text AS won
         FROM deal_registrations r JOIN partners p ON p.id = r.partner_id
         JOIN regions rg ON rg.id = r.region_id JOIN regions cell ON cell.id = $2 AND rg.path LIKE cell.path || '%'
         LEFT JOIN (SELECT DISTINCT ON (cp.registration_id) cp.registration_id, cp.share_percent::numeric / 100 AS share
                      FROM conflict_parties cp JOIN conflicts c ON c.id = cp.conflict_id
                     WHERE c.resolution = 'split' AND cp.share_percent IS NOT NULL AND cp.registration_id IS NOT NULL
                     ORDER BY cp.registration_id, c.resolved_at DESC NULLS LAST) sh ON sh.registration_id = r.id
        WHERE r.industry_id = $1 ${mine}`,
      [industryId, regionId, period.start, period.end],
    );
    return { partners, pipeline: money.pipeline as string, won: money.won as string };
  }

  it('answers vendor roles only: a partner gets 403 on every dashboard endpoint', async () => {
    await api(app, owner).get('/api/dashboards/coverage').expect(403);
    await api(app, owner).get('/api/dashboards/gaps').expect(403);
    await api(app, owner).get('/api/dashboards/coverage/cell').query({ industryId: '00000000-0000-4000-8000-000000000000', regionId: '00000000-0000-4000-8000-000000000000' }).expect(403);
    await api(app, owner).post('/api/dashboards/coverage/plan').send({}).expect(403);
    await matrix(admin);
  });

  it('drills from China into its provinces by default, with freshness and the current quarter', async () => {
    const m = await matrix(leader);
    expect(m.parent?.code).toBeDefined();
    const [root] = await db.query(`SELECT id FROM regions WHERE parent_id IS NULL AND code = 'CN'`);
    expect(m.parent?.id).toBe(root.id);
    expect(m.columns.length).toBeGreaterThan(0);
    expect(m.columns.every((c) => c.level === 'province')).toBe(true);
    expect(m.staleSeconds).toBeLessThanOrEqual(61);
    expect(m.period.key).toMatch(/^\d{4}-Q[1-4]$/);
    expect(m.rows.length).toBeGreaterThan(0);

    // Drill into a province that has children: its cities become the columns, the breadcrumb leads back.
    const province = m.columns.find((c) => c.hasChildren)!;
    const d = await matrix(leader, `?regionId=${province.id}`);
    expect(d.parent?.id).toBe(province.id);
    expect(d.breadcrumb.map((b) => b.id)).toEqual([root.id, province.id]);
    expect(d.columns.every((c) => c.level === 'city')).toBe(true);
    // The province's total in the drilled matrix is its cell one level up.
    for (const row of d.rows) {
      const up = m.rows.find((r) => r.industry.id === row.industry.id)!.cells.find((c) => c.regionId === province.id)!;
      expect(row.total?.openPipeline).toBe(up.openPipeline);
      expect(row.total?.partners).toEqual(up.partners);
    }
  });

  it('agrees with direct queries on every cell of the top level and of a province (leadership)', async () => {
    const top = await matrix(leader);
    const province = top.columns.find((c) => c.code === 'GD') ?? top.columns.find((c) => c.hasChildren)!;
    const m = await matrix(leader, `?regionId=${province.id}`);
    m.rows = [...m.rows, ...top.rows];
    let nonEmpty = 0;
    for (const row of m.rows) {
      for (const c of [...row.cells, row.total!]) {
        const x = await direct(c.industryId, c.regionId, m.period);
        expect({ id: `${row.industry.code}/${c.regionId}`, total: c.partners.total, strategic: c.partners.strategic }).toEqual({
          id: `${row.industry.code}/${c.regionId}`,
          total: x.partners.total,
          strategic: x.partners.strategic,
        });
        expect(new Dec(c.openPipeline).eq(x.pipeline)).toBe(true);
        expect(new Dec(c.wonRevenue).eq(x.won)).toBe(true);
        if (c.partners.total > 0 || new Dec(c.openPipeline).gt(0)) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(0);
  });

  it('narrows a channel manager to the partners assigned to them', async () => {
    const [me] = await db.query(`SELECT id FROM users WHERE email = 'manager@partnerline.demo'`);
    const [{ theirs, others }] = await db.query(
      `SELECT count(*) FILTER (WHERE manager_id = $1)::int AS theirs, count(*) FILTER (WHERE manager_id IS DISTINCT FROM $1)::int AS others FROM partners WHERE status = 'active'`,
      [me.id],
    );
    const everyone = await matrix(leader);
    const mine = await matrix(manager);
    const sum = (mm: Matrix) => mm.rows.reduce((n, r) => n + (r.total?.partners.total ?? 0), 0);
    expect(theirs).toBeGreaterThan(0);
    expect(others).toBeGreaterThan(0);
    expect(sum(mine)).toBeGreaterThan(0);
    expect(sum(mine)).toBeLessThan(sum(everyone));
    // The manager's cell lists only their partners.
    const [notMine] = await db.query(`SELECT id FROM partners WHERE status = 'active' AND manager_id IS DISTINCT FROM $1`, [me.id]);
    const cellRow = mine.rows.find((r) => r.total!.partners.total > 0)!;
    const detail = (await api(app, manager).get('/api/dashboards/coverage/cell').query({ industryId: cellRow.industry.id, regionId: cellRow.total!.regionId }).expect(200)).body;
    const mineIds = new Set((await db.query(`SELECT id FROM partners WHERE manager_id = $1`, [me.id])).map((r: { id: string }) => r.id));
    expect((detail.partners as { id: string }[]).every((p) => mineIds.has(p.id))).toBe(true);
    expect((detail.partners as { id: string }[]).some((p) => p.id === notMine.id)).toBe(false);
    for (const row of mine.rows) {
      const c = row.total!;
      const x = await direct(c.industryId, c.regionId, mine.period, me.id);
      expect(c.partners.total).toBe(x.partners.total);
      expect(new Dec(c.openPipeline).eq(x.pipeline)).toBe(true);
      expect(new Dec(c.wonRevenue).eq(x.won)).toBe(true);
    }
  });

  it('lists the partners and deals behind a cell, adding up to the cell', async () => {
    const m = await matrix(leader);
    const row = m.rows.find((r) => r.total && r.total.partners.total > 0)!;
    const cell = row.total!;
    const res = await api(app, leader).get('/api/dashboards/coverage/cell').query({ industryId: cell.industryId, regionId: cell.regionId, dealsLimit: 500 }).expect(200);
    expect(res.body.cell.partners).toEqual(cell.partners);
    expect(res.body.partners).toHaveLength(cell.partners.total);
    const deals = res.body.deals as { status: string; counted: string }[];
    expect(res.body.dealsTotal).toBe(deals.length);
    const pipeline = deals.filter((d) => d.status === 'approved').reduce((s, d) => s.plus(d.counted), new Dec(0));
    const won = deals.filter((d) => d.status === 'won').reduce((s, d) => s.plus(d.counted), new Dec(0));
    expect(pipeline.eq(cell.openPipeline)).toBe(true);
    expect(won.eq(cell.wonRevenue)).toBe(true);
  });

  it('narrows the money to a product line (deals with a product of that line)', async () => {
    const lines: { id: string }[] = await db.query(`SELECT id FROM product_lines ORDER BY code`);
    const all = await matrix(leader);
    let some = false;
    for (const line of lines) {
      const m = await matrix(leader, `?productLineId=${line.id}`);
      for (const row of m.rows) {
        const c = row.total!;
        const [x] = await db.query(
          `SELECT COALESCE(sum(r.estimated_amount), 0)::text AS pipeline FROM deal_registrations r
             JOIN regions rg ON rg.id = r.region_id JOIN regions cell ON cell.id = $2 AND rg.path LIKE cell.path || '%'
            WHERE r.industry_id = $1 AND r.status = 'approved'
              AND NOT EXISTS (SELECT 1 FROM conflict_parties cp JOIN conflicts k ON k.id = cp.conflict_id WHERE cp.registration_id = r.id AND k.resolution = 'split')
              AND EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE(r.details->'products', '[]'::jsonb)) p JOIN products pr ON pr.id::text = p->>'productId' WHERE pr.product_line_id = $3)`,
          [c.industryId, c.regionId, line.id],
        );
        const [split] = await db.query(`SELECT count(*)::int AS n FROM conflicts WHERE resolution = 'split'`);
        if (split.n === 0) expect(new Dec(c.openPipeline).eq(x.pipeline)).toBe(true);
        const whole = all.rows.find((r) => r.industry.id === row.industry.id)!.total!;
        expect(new Dec(c.openPipeline).lte(whole.openPipeline)).toBe(true);
        if (new Dec(c.openPipeline).gt(0)) some = true;
      }
    }
    expect(some).toBe(true);
  });

  it('ranks gaps with the suggested action and a link; reports which kinds the demo data has', async () => {
    const res = await api(app, leader).get('/api/dashboards/gaps').query({ limit: 1000 }).expect(200);
    const items = res.body.items as { rank: number; kind: string; score: string; action: string; link: { to: string } }[];
    expect(res.body.total).toBe(items.length);
    items.forEach((g, i) => {
      expect(g.rank).toBe(i + 1);
      if (i > 0) expect(new Dec(items[i - 1].score).gte(g.score)).toBe(true);
      expect(g.link.to).toMatch(/^\//);
    });
    const kinds = [...new Set(items.map((g) => g.kind))].sort();
    // Printed so the report can say which kinds the demo data carries.
    console.log(`coverage gaps in the demo data: ${JSON.stringify(kinds)} (${items.length} items)`);
    // The demo data carries a gap of each kind.
    expect(kinds).toEqual(['certifications_lapse', 'exclusive_behind_pace', 'no_smb_partner', 'no_strategic_partner']);
    const pace = items.find((g) => g.kind === 'exclusive_behind_pace') as unknown as { action: string; link: { to: string }; holder: { agreementId: string } | null };
    expect(pace.holder?.agreementId).toBeDefined();
    expect(['review_exclusive_holder', 'leave_to_direct_sales']).toContain(pace.action);
    for (const kind of kinds) {
      const only = (await api(app, leader).get('/api/dashboards/gaps').query({ kind, limit: 1000 }).expect(200)).body.items as { kind: string }[];
      expect(only.every((g) => g.kind === kind)).toBe(true);
    }
  });

  it('plans an exclusive scope over an existing holder: the overlap is reported and nothing is written', async () => {
    const [hold] = await db.query(
      `SELECT a.id, a.partner_id, s.industry_id, s.region_id, a.start_date::text AS start_date, a.end_date::text AS end_date
         FROM agreements a JOIN agreement_scopes s ON s.agreement_id = a.id
        WHERE a.type = 'exclusive' AND a.status = 'active' AND s.industry_id IS NOT NULL AND s.region_id IS NOT NULL LIMIT 1`,
    );
    expect(hold).toBeDefined();
    const [other] = await db.query(`SELECT id FROM partners WHERE status = 'active' AND id <> $1 ORDER BY name LIMIT 1`, [hold.partner_id]);
    const [counts] = await db.query(`SELECT (SELECT count(*) FROM agreements)::int AS agreements, (SELECT count(*) FROM agreement_scopes)::int AS scopes`);
    const res = await api(app, leader)
      .post('/api/dashboards/coverage/plan')
      .send({
        exclusiveScopes: [{ partnerId: other.id, industryId: hold.industry_id, regionId: hold.region_id, start: hold.start_date, end: hold.end_date }],
        recruitmentTargets: [{ industryId: hold.industry_id, regionId: hold.region_id, partnerType: 'smb', count: 2 }],
      })
      .expect(200);
    expect(res.body.overlaps).toEqual(
      expect.arrayContaining([expect.objectContaining({ draftIndex: 0, relation: 'same_region', holder: expect.objectContaining({ id: hold.partner_id, agreementId: hold.id }) })]),
    );
    expect(res.body.matrix.rows.length).toBeGreaterThan(0);
    const [after] = await db.query(`SELECT (SELECT count(*) FROM agreements)::int AS agreements, (SELECT count(*) FROM agreement_scopes)::int AS scopes`);
    expect(after).toEqual(counts);
    // An empty plan is refused.
    await api(app, leader).post('/api/dashboards/coverage/plan').send({}).expect(400);
  });

  it('refreshes through the job runner: the coverage-refresh job moves asOf', async () => {
    const before = (await matrix(leader)).asOf;
    await new Promise((r) => setTimeout(r, 20));
    const job = app.get(CoverageRefresher);
    expect(job.kind).toBe('coverage-refresh');
    expect(job.schedule).toBe('* * * * *');
    await job.execute({ day: '2026-11-28', cursor: null, progress: async () => undefined });
    const after = await matrix(leader);
    expect(after.asOf > before).toBe(true);
    expect(after.staleSeconds).toBeLessThanOrEqual(1);
  });

  it('exports the matrix and the gaps as CSV with a BOM and the Chinese names intact', async () => {
    for (const path of ['/api/dashboards/coverage', '/api/dashboards/gaps']) {
      const res = await api(app, leader).get(path).query({ format: 'csv' }).buffer(true).parse(binaryBody).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      const body = res.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = body.toString('utf8');
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text.split('\n').length).toBeGreaterThan(1);
    }
    const xlsx = await api(app, leader).get('/api/dashboards/coverage').query({ format: 'xlsx' }).buffer(true).parse(binaryBody).expect(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  it('counts a partner whose agreement scope has an industry and no region in every province and city of that industry', async () => {
    const top = await matrix(leader);
    const province = top.columns.find((c) => c.code === 'GD') ?? top.columns.find((c) => c.hasChildren)!;
    const drilled = await matrix(leader, `?regionId=${province.id}`);
    const city = drilled.columns[0];
    const industry = top.rows[0].industry;
    const before = top.rows[0].cells.find((c) => c.regionId === province.id)!;
    const ids = await demoIds(db);
    const stamp = Date.now();
    const [{ id: partnerId }] = await db.query(
      `INSERT INTO partners (name, type, status, tax_id, approved_at) VALUES ($1, 'strategic', 'active', $2, now()) RETURNING id`,
      [`全国伙伴${stamp}`, `NATIONWIDE-${stamp}`],
    );
    await insertAgreement(db, {
      partnerId,
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      createdBy: ids.admin,
      terms: { scope: [{ industryId: industry.id, regionId: null }] },
    });
    await app.get(CoverageService).refresh();

    const after = (await matrix(leader)).rows.find((r) => r.industry.id === industry.id)!.cells.find((c) => c.regionId === province.id)!;
    expect(after.partners.total).toBe(before.partners.total + 1);
    expect(after.partners.strategic).toBe(before.partners.strategic + 1);
    expect(after.gaps).not.toContain('no_strategic_partner');
    expect(after.openPipeline).toBe(before.openPipeline);
    const x = await direct(industry.id, province.id, top.period);
    expect(after.partners.total).toBe(x.partners.total);
    const res = await api(app, leader).get('/api/dashboards/coverage/cell').query({ industryId: industry.id, regionId: city.id }).expect(200);
    expect((res.body.partners as { id: string }[]).map((p) => p.id)).toContain(partnerId);
  });
});
