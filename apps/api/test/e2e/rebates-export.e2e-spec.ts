import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { demoIds, insertAgreement, insertWonDeal, REBATE_PROGRAMME } from '../support/fixtures';
import { runRebatePeriod, statementOf as statementOfPeriod } from '../support/rebates';
import { api, binaryBody, createTestApp, dataSourceOf, loginAs } from '../support/test-app';

/**
 * Statement downloads (issue #14): `GET /api/rebate-statements/:id/export?format=xlsx|csv&lang=zh-CN|en`, on agreements
 * and won deals of 2031 made here. Programme: threshold 80%, ≥80% → 2%, ≥100% → 4%, ≥120% → 6%, retroactive; quota
 * 100,000 per quarter.
 */
type Line = { lineNo: number; amount: string | null; rebate: string };
type Statement = { id: string; number: string; status: string; payable: string; earned: string; lines: Line[] };

describe('rebate statement export (XLSX and CSV)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let admin: string;
  let manager: string;
  let huaxin: string;
  let lanting: string;
  let huaxinQ1: Statement;
  let lantingQ1: Statement;

  beforeAll(async () => {
    app = await createTestApp();
    ds = dataSourceOf(app);
    [admin, manager, huaxin, lanting] = await Promise.all([
      loginAs(app, 'admin@partnerline.demo'),
      loginAs(app, 'manager@partnerline.demo'),
      loginAs(app, 'owner@huaxin.demo'),
      loginAs(app, 'owner@lanting.demo'),
    ]);
    const ids = await demoIds(ds);
    const agreement = (partnerId: string) =>
      insertAgreement(ds, {
        partnerId,
        startDate: '2031-01-01',
        endDate: '2031-12-31',
        createdBy: ids.admin,
        terms: { pricing: REBATE_PROGRAMME, evaluationPeriod: 'quarter', quotaPerPeriod: '100000.00' },
      });
    const addDeal = (customerName: string, partnerId: string, agreementId: string, amount: string, wonOn: string) =>
      insertWonDeal(ds, { partnerId, agreementId, customerName, amount, wonOn, industryId: ids.industry, regionId: ids.region, createdBy: ids.admin });
    const a1 = await agreement(ids.huaxin);
    const a2 = await agreement(ids.lanting);
    // Huaxin Q1: 1,234,567.89 + 5,000.11 (far above 120% → 6%); Lanting Q1: 90,000 (90% → 2%: 1,800).
    await addDeal('导出客户甲', ids.huaxin, a1, '1234567.89', '2031-02-10');
    await addDeal('导出客户乙', ids.huaxin, a1, '5000.11', '2031-03-20');
    await addDeal('兰亭导出客户', ids.lanting, a2, '90000.00', '2031-01-15');

    const run = await runRebatePeriod(app, manager, '2031-Q1');
    if (run.status === 'failed') throw new Error(JSON.stringify(run.errorDetails));
    const statementOf = (agreementId: string): Promise<Statement> => statementOfPeriod(app, manager, agreementId, '2031-01-01');
    huaxinQ1 = await statementOf(a1);
    lantingQ1 = await statementOf(a2);
    // Approved by another user than the run's starter; Lanting's stays a draft.
    await api(app, admin).post(`/api/rebate-statements/${huaxinQ1.id}/approve`).send({}).expect(200);
  });
  afterAll(() => app.close());

  const download = (token: string, id: string, query: string) =>
    api(app, token).get(`/api/rebate-statements/${id}/export?${query}`).buffer(true).parse(binaryBody);

  async function workbook(body: Buffer) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows: { label: string; cells: ExcelJS.CellValue[]; numFmts: (string | undefined)[] }[] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1);
      rows.push({ label: String(cells[0] ?? ''), cells, numFmts: cells.map((_, i) => row.getCell(i + 1).numFmt) });
    });
    return rows;
  }

  it('the partner downloads its approved statement as XLSX: payable, one row per line, a totals row, numbers formatted', async () => {
    expect(huaxinQ1.payable).toBe('74374.08'); // 1,239,568.00 × 6% = 74,374.08
    const res = await download(huaxin, huaxinQ1.id, 'format=xlsx&lang=en').expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="statement-${huaxinQ1.number}.xlsx"; filename*=UTF-8''${encodeURIComponent(`statement-${huaxinQ1.number}.xlsx`)}`,
    );
    const rows = await workbook(res.body);
    const payable = rows.find((r) => r.label === 'Payable');
    expect(payable?.cells[1]).toBe(74374.08);
    expect(payable?.numFmts[1]).toContain('#,##0.00');
    expect(rows.find((r) => r.label === 'Statement number')?.cells[1]).toBe(huaxinQ1.number);
    expect(rows.find((r) => r.label === 'Status')?.cells[1]).toBe('Approved');
    expect(rows.find((r) => r.label === 'Tier and rate')?.cells[1]).toBe('Tier 3 (6%)');
    const head = rows.findIndex((r) => r.label === 'Line');
    const total = rows.findIndex((r) => r.label === 'Total');
    expect(head).toBeGreaterThan(0);
    expect(total - head - 1).toBe(huaxinQ1.lines.length);
    expect(rows[head].cells).toEqual(['Line', 'Kind', 'Description', 'Date', 'Amount', 'Share', 'Coefficient', 'Achievement', 'Rebate']);
    const amounts = rows.slice(head + 1, total).map((r) => r.cells[4]);
    expect(amounts.sort()).toEqual([1234567.89, 5000.11].sort());
    expect(rows.slice(head + 1, total).every((r) => r.cells[1] === 'Won deal')).toBe(true);
    expect(rows[total].cells[8]).toBe(74374.08);
    // The explanation: the band arithmetic as words.
    expect(rows.some((r) => r.label.startsWith('Retroactive'))).toBe(true);
    expect(rows.some((r) => /1,239,568(\.00)? × 6% = 74,374\.08/.test(r.label))).toBe(true);
  });

  it('with lang=zh-CN the headers and words are Chinese', async () => {
    const res = await download(huaxin, huaxinQ1.id, 'format=xlsx&lang=zh-CN').expect(200);
    const rows = await workbook(res.body);
    expect(rows.find((r) => r.label === '应付')?.cells[1]).toBe(74374.08);
    expect(rows.find((r) => r.label === '状态')?.cells[1]).toBe('已批准');
    const head = rows.find((r) => r.label === '行号');
    expect(head?.cells).toEqual(['行号', '类型', '说明', '日期', '金额', '分成比例', '激励系数', '计入业绩', '返利']);
    expect(rows.some((r) => r.label === '合计')).toBe(true);
  });

  it('another partner gets 404; a draft statement is 404 to its own partner; vendor roles read any', async () => {
    const other = await download(lanting, huaxinQ1.id, 'format=xlsx');
    expect(other.status).toBe(404);
    const draft = await download(lanting, lantingQ1.id, 'format=xlsx');
    expect(draft.status).toBe(404);
    const csvDraft = await download(lanting, lantingQ1.id, 'format=csv');
    expect(csvDraft.status).toBe(404);
    await download(manager, lantingQ1.id, 'format=xlsx').expect(200);
    await request(app.getHttpServer()).get(`/api/rebate-statements/${huaxinQ1.id}/export`).expect(401);
  });

  it('CSV: a UTF-8 BOM, exact amounts as text, the same rows', async () => {
    const res = await download(huaxin, huaxinQ1.id, 'format=csv&lang=zh-CN').expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(`filename="statement-${huaxinQ1.number}.csv"`);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8').slice(1);
    expect(text).toContain('应付,74374.08');
    expect(text).toContain('1234567.89');
    expect(text).toContain('5000.11');
    expect(text).toContain('行号,类型,说明,日期,金额,分成比例,激励系数,计入业绩,返利');
    const lines = text.split(/\r?\n/);
    const head = lines.findIndex((l) => l.startsWith('行号'));
    const total = lines.findIndex((l) => l.startsWith('合计'));
    expect(total - head - 1).toBe(huaxinQ1.lines.length);
  });

  it('a bad format or language is refused (400) and the route is in the OpenAPI document', async () => {
    expect((await download(huaxin, huaxinQ1.id, 'format=pdf')).status).toBe(400);
    expect((await download(huaxin, huaxinQ1.id, 'lang=fr')).status).toBe(400);
    const doc = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(doc.body.paths['/api/rebate-statements/{id}/export']?.get).toBeDefined();
  });
});
