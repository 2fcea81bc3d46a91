import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { api, createTestApp, dataSourceOf, loginAs } from '../support/test-app';

type Page = { items: { id: string; name: string }[]; total: number; totalExact?: boolean };

/**
 * The directory searched with two characters (issue #13): served by the partners' bigram index (migration
 * 1764890000000), it must find exactly what a plain substring match finds; a search's total stops at 1000.
 */
describe('partner directory: two-character search and the capped total', () => {
  let app: INestApplication;
  let db: DataSource;
  let admin: string;

  beforeAll(async () => {
    app = await createTestApp();
    db = dataSourceOf(app);
    admin = await loginAs(app, 'admin@partnerline.demo');
  });
  afterAll(async () => {
    await db.query(`DELETE FROM partners WHERE tax_id LIKE 'BIGRAM-TEST-%'`);
    await app.close();
  });

  const names = async (q: string) => ((await api(app, admin).get(`/api/partners?q=${encodeURIComponent(q)}&pageSize=200`).expect(200)).body as Page).items.map((p) => p.name).sort();
  /** What the search answered before the index: a substring of the name or English name (any case), tax id or domain for ASCII text. */
  const plain = async (q: string, ascii: boolean) =>
    ((await db.query(
      `SELECT name FROM partners WHERE name ILIKE $1 OR name_en ILIKE $1 ${ascii ? 'OR tax_id ILIKE $1 OR domain ILIKE $1' : ''}`,
      [`%${q}%`],
    )) as { name: string }[]).map((r) => r.name).sort();

  it('finds exactly the partners whose name, English name, tax id or domain contains the two characters, in any case', async () => {
    expect(await names('华信')).toContain('华信智联科技有限公司');
    for (const q of ['科技', '华信', '有限', '公司']) expect(await names(q)).toEqual(await plain(q, false));
    for (const q of ['HU', 'hu', 'Zh', 'cn', '91']) expect(await names(q)).toEqual(await plain(q, true));
    expect(await names('蚁穴')).toEqual([]);
  });

  it('a renamed partner is found under its new name at once (the bigrams are recomputed on write)', async () => {
    const [{ id }] = await db.query(
      `INSERT INTO partners (name, type, status, tax_id) VALUES ('甲乙丙丁有限公司', 'smb', 'active', 'BIGRAM-TEST-RENAME') RETURNING id`,
    );
    expect(await names('丙丁')).toEqual(['甲乙丙丁有限公司']);
    expect(await names('XQ')).not.toContain('甲乙丙丁有限公司');
    await db.query(`UPDATE partners SET name = '戊己庚辛有限公司', name_en = 'Xqv Trading' WHERE id = $1`, [id]);
    expect(await names('丙丁')).toEqual([]);
    expect(await names('庚辛')).toEqual(['戊己庚辛有限公司']);
    expect(await names('XQ')).toContain('戊己庚辛有限公司');
    expect(await names('XQ')).toEqual(await plain('XQ', true));
  });

  it('a search matching more than 1000 partners answers 1000 and totalExact false; the unsearched directory stays exact', async () => {
    await db.query(
      `INSERT INTO partners (name, type, status, tax_id)
       SELECT '蚁群' || k || '伙伴有限公司', 'smb', 'active', 'BIGRAM-TEST-' || k FROM generate_series(1, 1001) AS k`,
    );
    const many = (await api(app, admin).get(`/api/partners?q=${encodeURIComponent('蚁群')}`).expect(200)).body as Page;
    expect(many).toMatchObject({ total: 1000, totalExact: false });
    expect(many.items).toHaveLength(25);
    expect(many.items.every((p) => p.name.includes('蚁群'))).toBe(true);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM partners`);
    const all = (await api(app, admin).get('/api/partners').expect(200)).body as Page;
    expect(all).toMatchObject({ total: n, totalExact: true });
    await db.query(`DELETE FROM partners WHERE tax_id IN ('BIGRAM-TEST-1000', 'BIGRAM-TEST-1001')`);
    const exact = (await api(app, admin).get(`/api/partners?q=${encodeURIComponent('蚁群')}`).expect(200)).body as Page;
    expect(exact).toMatchObject({ total: 999, totalExact: true });
  });
});
