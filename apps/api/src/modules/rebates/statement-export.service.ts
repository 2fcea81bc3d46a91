import { Injectable } from '@nestjs/common';
import {
  Dec,
  fillWords,
  groupDigits,
  statementExportWords,
  type Locale,
  type RebateStatement,
  type Scope,
  type StatementExportWords,
} from '@partnerline/domain';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { RebateStatementsService } from './rebate-statements.service';

/** A cell of the export: words, an exact decimal (money / figures), or nothing. */
type Cell = string | { num: string; format: 'money' | 'figure' } | null;
type Row = Cell[];

export interface StatementFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const money = (v: string | null | undefined): Cell => (v == null ? null : { num: v, format: 'money' });
const figure = (v: string | null | undefined): Cell => (v == null ? null : { num: v, format: 'figure' });

/** Thousands separators, 2 decimals; negatives with a minus sign. */
const MONEY_FORMAT = '#,##0.00;-#,##0.00';
const FIGURE_FORMAT = '#,##0.00##;-#,##0.00##';

/**
 * A rebate statement as a downloadable file (XLSX or CSV) in either language: the header block, the lines with a
 * totals row, and the explanation (band arithmetic). Reads the statement through RebateStatementsService, so a
 * partner gets only its own approved or paid statements (404 otherwise).
 */
@Injectable()
export class StatementExportService {
  constructor(private readonly statements: RebateStatementsService) {}

  async export(id: string, scope: Scope, format: 'xlsx' | 'csv', locale: Locale): Promise<StatementFile> {
    const s = await this.statements.get(id, scope);
    const w = statementExportWords(locale);
    const sections = this.sections(s, w);
    const base = `statement-${s.number}`;
    if (format === 'csv') {
      const rows = [...sections.header, [], sections.columns, ...sections.lines, sections.totals, [], ...sections.explanation];
      const csv = stringify(rows.map((r) => r.map((c) => (c == null ? '' : typeof c === 'string' ? c : c.num))));
      // A BOM so spreadsheet programs read the Chinese words as UTF-8; figures stay exact text.
      return { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(`\uFEFF${csv}`, 'utf8') };
    }
    return {
      filename: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await this.xlsx(w, sections),
    };
  }

  private sections(s: RebateStatement, w: StatementExportWords) {
    const h = w.header;
    const tier =
      s.tierIndex == null || s.ratePercent == null ? w.belowThreshold : fillWords(w.tier, { n: s.tierIndex + 1, rate: s.ratePercent });
    const header: Row[] = [
      [w.title],
      [h.number, s.number],
      [h.partner, s.partnerName],
      [h.agreement, fillWords(w.agreement, { type: w.agreementTypes[s.agreementType], id: s.agreementId })],
      [h.period, fillWords(w.period, { start: s.periodStart, end: s.periodEnd })],
      [h.status, w.statuses[s.status]],
      [h.asOf, s.asOf],
      [h.quota, money(s.quota)],
      [h.achievement, money(s.achievement)],
      [h.attainment, figure(s.attainmentPercent)],
      [h.tierAndRate, tier],
      [h.earned, money(s.earned)],
      [h.alreadySettled, money(s.alreadySettled)],
      [h.adjustments, money(s.adjustments)],
      [h.payable, money(s.payable)],
    ];
    const c = w.columns;
    const columns: Row = [c.lineNo, c.kind, c.description, c.date, c.amount, c.share, c.coefficient, c.achievement, c.rebate];
    const lines: Row[] = s.lines.map((l) => [
      String(l.lineNo),
      w.kinds[l.kind],
      l.description,
      l.occurredOn,
      money(l.amount),
      figure(l.share),
      figure(l.coefficient),
      money(l.achievement),
      money(l.rebate),
    ]);
    const totals: Row = [
      w.totals,
      null,
      null,
      null,
      null,
      null,
      null,
      money(s.achievement),
      money(s.lines.reduce((acc, l) => acc.plus(l.rebate), new Dec(0)).toFixed(2)),
    ];
    const e = s.explanation;
    const x = w.explanation;
    const explanation: Row[] = [[x.title], [x.method[e.method]]];
    if (!e.bands.length) explanation.push([x.noBands]);
    for (const b of e.bands) {
      const p = {
        from: groupDigits(b.from),
        to: b.to == null ? '' : groupDigits(b.to),
        rate: b.ratePercent,
        base: groupDigits(b.base),
        amount: groupDigits(b.amount),
      };
      explanation.push([fillWords(b.to == null ? x.bandOpen : x.band, p), money(b.amount)]);
    }
    explanation.push([x.uncapped, money(e.uncapped)]);
    if (e.capped) explanation.push([x.capped]);
    explanation.push([x.earned, money(e.earned)], [x.rounding], [x.alreadySettled, money(e.alreadySettled)], [x.payable, money(s.payable)]);
    if (e.next)
      explanation.push([
        fillWords(x.next, { more: groupDigits(e.next.moreNeeded), rate: e.next.ratePercent, increase: groupDigits(e.next.increase) }),
      ]);
    return { header, columns, lines, totals, explanation };
  }

  private async xlsx(w: StatementExportWords, sec: ReturnType<StatementExportService['sections']>): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Partnerline';
    const ws = wb.addWorksheet(w.sheet.slice(0, 31));
    const put = (row: Row) => {
      const r = ws.addRow(row.map((c) => (c == null ? null : typeof c === 'string' ? c : Number(c.num))));
      row.forEach((c, i) => {
        if (c && typeof c !== 'string') r.getCell(i + 1).numFmt = c.format === 'money' ? MONEY_FORMAT : FIGURE_FORMAT;
      });
      return r;
    };
    sec.header.forEach((row, i) => {
      const r = put(row);
      if (i === 0) r.font = { bold: true, size: 14 };
      else r.getCell(1).font = { bold: true };
    });
    ws.addRow([]);
    put(sec.columns).font = { bold: true };
    for (const l of sec.lines) put(l);
    put(sec.totals).font = { bold: true };
    ws.addRow([]);
    sec.explanation.forEach((row, i) => {
      const r = put(row);
      if (i === 0) r.font = { bold: true };
    });
    ws.columns.forEach((col, i) => {
      col.width = [18, 14, 36, 12, 16, 10, 12, 16, 14][i] ?? 14;
    });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}
