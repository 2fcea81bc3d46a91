import type { INestApplication } from '@nestjs/common';
import { channelStrategyFor } from '@partnerline/domain';
import { api, createTestApp, dataSourceOf, loginAs } from '../support/test-app';

describe('catalog and segments', () => {
  let app: INestApplication;
  let manager: string;
  let leader: string;
  let admin: string;
  beforeAll(async () => {
    app = await createTestApp();
    [manager, leader, admin] = await Promise.all([
      loginAs(app, 'manager@partnerline.demo'),
      loginAs(app, 'leader@partnerline.demo'),
      loginAs(app, 'admin@partnerline.demo'),
    ]);
  });
  afterAll(() => app.close());

  it('regions form a tree: China › provinces › cities, plus other countries', async () => {
    const regions: { id: string; code: string; parentId: string | null; level: string; nameZh: string }[] = (await api(app, leader).get('/api/regions')).body;
    const byCode = new Map(regions.map((r) => [r.code, r]));
    expect(byCode.get('CN')).toMatchObject({ level: 'country', parentId: null, nameZh: '中国' });
    expect(byCode.get('GD')?.parentId).toBe(byCode.get('CN')?.id);
    expect(byCode.get('GD-SZ')).toMatchObject({ level: 'city', parentId: byCode.get('GD')?.id, nameZh: '深圳市' });
    expect(regions.filter((r) => r.level === 'province').length).toBeGreaterThanOrEqual(31);
    expect(byCode.get('SG')).toMatchObject({ level: 'country', parentId: null });
  });

  it('industries, products with exact decimal prices', async () => {
    expect((await api(app, leader).get('/api/industries')).body.length).toBeGreaterThanOrEqual(8);
    const products = (await api(app, leader).get('/api/products')).body;
    expect(products.find((p: { sku: string }) => p.sku === 'DP-ENT').listPrice).toBe('480000.00');
  });

  it('filters segments by a region, including its descendants, and by strategy', async () => {
    const regions = (await api(app, leader).get('/api/regions')).body as { id: string; code: string }[];
    const gd = regions.find((r) => r.code === 'GD')!;
    const res = await api(app, leader).get(`/api/segments?regionId=${gd.id}&pageSize=500`);
    const names = new Set(res.body.items.map((s: { regionNameZh: string }) => s.regionNameZh));
    expect(names).toEqual(new Set(['广东省', '广州市', '深圳市', '东莞市', '佛山市']));
    const strategic = await api(app, leader).get('/api/segments?strategy=strategic&pageSize=500');
    expect(strategic.body.total).toBeGreaterThan(0);
    expect(strategic.body.items.every((s: { strategy: string }) => s.strategy === 'strategic')).toBe(true);
  });

  it('every segment strategy is the domain rule applied to its scores', async () => {
    const all = await api(app, leader).get('/api/segments?pageSize=500');
    for (const s of all.body.items) expect(s.strategy).toBe(channelStrategyFor(s.marketPotential, s.expansionDifficulty));
  });

  it('a channel manager edits a segment: the quadrant follows and the change is audited with before/after', async () => {
    const seg = (await api(app, manager).get('/api/segments?strategy=smb&pageSize=1')).body.items[0];
    const res = await api(app, manager).patch(`/api/segments/${seg.id}`).send({ marketPotential: 85, expansionDifficulty: 80, notes: '重点行业，需战略伙伴' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ marketPotential: 85, expansionDifficulty: 80, strategy: 'strategic', notes: '重点行业，需战略伙伴' });
    const audit = await api(app, admin).get(`/api/audit?entity=segment&entityId=${seg.id}`);
    expect(audit.body.items[0]).toMatchObject({ action: 'segment.updated', actorEmail: 'manager@partnerline.demo' });
    expect(audit.body.items[0].before.strategy).toBe('smb');
    expect(audit.body.items[0].after.strategy).toBe('strategic');
  });

  it('leadership is read-only; out-of-range scores are 400 with the field named', async () => {
    const seg = (await api(app, leader).get('/api/segments?pageSize=1')).body.items[0];
    expect((await api(app, leader).patch(`/api/segments/${seg.id}`).send({ marketPotential: 10 })).status).toBe(403);
    const bad = await api(app, manager).patch(`/api/segments/${seg.id}`).send({ marketPotential: 101, expansionDifficulty: 'hard' });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['expansionDifficulty', 'marketPotential']);
    const empty = await api(app, manager).patch(`/api/segments/${seg.id}`).send({});
    expect(empty.status).toBe(400);
  });

  it('a failed change leaves neither the change nor an audit row (one transaction)', async () => {
    const ds = dataSourceOf(app);
    const seg = (await api(app, manager).get('/api/segments?pageSize=1')).body.items[0];
    const before = await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [seg.id]);
    await expect(
      ds.transaction(async (m) => {
        await m.query(`UPDATE segments SET notes = 'half-done' WHERE id = $1`, [seg.id]);
        await m.query(`INSERT INTO audit_log (entity, entity_id, action) VALUES ('segment', $1, 'segment.updated')`, [seg.id]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const after = await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [seg.id]);
    expect(after[0].n).toBe(before[0].n);
    const row = await ds.query(`SELECT notes FROM segments WHERE id = $1`, [seg.id]);
    expect(row[0].notes).not.toBe('half-done');
  });

  it('the audit log is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const ds = dataSourceOf(app);
    await expect(ds.query(`UPDATE audit_log SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });
});
