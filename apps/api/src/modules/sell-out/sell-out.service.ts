import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  agreementNumber,
  atSheetRows,
  businessDateOf,
  checkSellOutRows,
  ISSUES_SHOWN,
  type Scope,
  SELL_OUT_COLUMNS,
  type SellOutListQuery,
  type SellOutReport,
  type SellOutReportList,
  sellOutImportable,
  sellOutPeriod,
  type SellOutPeriodRefusal,
  type SellOutUpload,
  withCatalogueSkus,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { scopeOf } from '../../common/auth/scope';
import { isUniqueViolation } from '../../common/database/pg-errors';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import { businessNow, businessTimeZone, businessToday } from '../../common/time';
import { AgreementsRepository } from '../agreements/agreements.repository';
import { AuditService } from '../audit/audit.service';
import { AuthRepository } from '../auth/auth.repository';
import { CatalogRepository } from '../catalog/catalog.repository';
import { PartnersRepository } from '../partners/partners.repository';
import { readSheet, recordsOrThrow, rowsRefusal, type UploadedSheet } from '../../common/files/spreadsheet-upload';
import { SellOutRepository, type SellOutReportRow } from './sell-out.repository';

const EXPECTED_COLUMNS = 'date, customer, product, quantity, amount (日期, 客户, 产品, 数量, 金额)';
/** A sell-out report, named in both languages in a NOT_FOUND message. */
const REPORT_ENTITY = { en: 'sell-out report', 'zh-CN': '出货报告' };

/** 409: the period already has a current report; `details` name it so that the partner can choose to replace it. */
function reportExists(current: { id: string; file_name: string; created_at: Date }, reportedOn: string): AppError {
  return new AppError(
    'SELL_OUT_REPORT_EXISTS',
    { reportedOn, fileName: current.file_name },
    { reportId: current.id, fileName: current.file_name, createdAt: new Date(current.created_at).toISOString() },
  );
}

/** Why an upload is not a sell-out of one of the agreement's begun periods (sellOutPeriod), as its refusal. */
function periodRefusal(r: SellOutPeriodRefusal, periodStart: string): AppError {
  switch (r.code) {
    case 'SELL_OUT_NOT_DISTRIBUTION':
      return new AppError(r.code, {}, { type: r.type });
    case 'SELL_OUT_AGREEMENT_NOT_IN_FORCE':
      return new AppError(r.code, {}, { status: r.status });
    case 'SELL_OUT_PERIOD_UNKNOWN':
      return new AppError(
        r.code,
        { periodStart, periods: r.periods.map((p) => p.start).join(', ') },
        { periods: r.periods.map((p) => ({ start: p.start, end: p.end })) },
      );
    case 'SELL_OUT_PERIOD_NOT_STARTED':
      return new AppError(r.code, { periodStart });
  }
}

/**
 * Sell-out reports of distribution agreements (issue #14): a partner uploads the period's sales to end customers; each
 * row is checked (`checkSellOutRows`), and the file is imported whole, or — only when the partner says so — its good
 * rows, the bad ones named in the report. A refused file stores nothing.
 */
@Injectable()
export class SellOutService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: SellOutRepository,
    private readonly agreements: AgreementsRepository,
    private readonly catalog: CatalogRepository,
    private readonly partners: PartnersRepository,
    private readonly users: AuthRepository,
    private readonly audit: AuditService,
  ) {}

  async report(body: SellOutUpload, file: UploadedSheet, user: AuthenticatedUser): Promise<SellOutReport> {
    if (!file) throw new AppError('IMPORT_FILE_MISSING');
    const scope = scopeOf(user);
    const agreement = await this.agreements.row(body.agreementId, scope);
    if (!agreement) throw AppError.notFound('agreement', body.agreementId);
    const today = businessToday();
    const at = sellOutPeriod(
      { type: agreement.type, status: agreement.status, startDate: agreement.start_date, endDate: agreement.end_date, evaluationPeriod: agreement.terms.evaluationPeriod },
      body.periodStart,
      today,
    );
    if (!at.ok) throw periodRefusal(at, body.periodStart);
    const { period, checkEnd } = at;

    const sheet = await readSheet(file);
    const records = recordsOrThrow(sheet.table, SELL_OUT_COLUMNS, EXPECTED_COLUMNS, { dateColumns: ['date'] });
    const skus = await this.catalog.productSkus(this.db.manager, agreement.terms.productIds);
    const productOf = new Map([...skus].map(([id, sku]) => [sku, id]));
    const rows = withCatalogueSkus(records.rows, productOf.keys());
    // Sales are reported once they happened: in the running period, a row dated after today is outside it.
    const check = checkSellOutRows(rows, { periodStart: period.start, periodEnd: checkEnd, products: new Set(productOf.keys()) });
    const issues = atSheetRows(check.issues, records.rowNumbers);
    const badRows = [...new Set(issues.map((i) => i.row))];
    const good = sellOutImportable(check, body.acceptGoodRows === 'true');
    if (!good || good.length === 0) throw rowsRefusal('SELL_OUT_ROWS_INVALID', issues, rows.length);
    const lines = atSheetRows(good, records.rowNumbers).map((l) => ({
      row: l.row,
      soldOn: l.date,
      customer: l.customer,
      productId: productOf.get(l.product) as string,
      quantity: l.quantity,
      amount: l.amount,
    }));

    const replace = body.replace === 'true';
    const reportedOn = (at: Date | null) => (at ? businessDateOf(new Date(at), businessTimeZone()) : '?');
    const id = await inTransaction(this.db, async (m) => {
      // The same file once per period (whether its report is current or was replaced).
      const sameFileAt = await this.repo.reportedAt(m, agreement.id, period.start, sheet.sha256);
      if (sameFileAt) throw new AppError('SELL_OUT_DUPLICATE_FILE', { reportedOn: reportedOn(sameFileAt) });
      // One current report per period: a corrected file replaces the report (only when the partner says so), never adds to it.
      const current = await this.repo.current(m, agreement.id, period.start);
      if (current && !replace) throw reportExists(current, reportedOn(current.created_at));
      const superseded = current ? await this.repo.supersede(m, current.id, businessNow()) : null;
      const reportId = await this.repo.insert(m, {
        agreementId: agreement.id,
        partnerId: agreement.partner_id,
        periodStart: period.start,
        periodEnd: period.end,
        fileName: sheet.fileName,
        fileSha256: sheet.sha256,
        rowCount: rows.length,
        skipped: issues,
        submittedBy: user.id,
        lines,
      });
      if (!reportId) {
        const at = await this.repo.reportedAt(m, agreement.id, period.start, sheet.sha256);
        throw new AppError('SELL_OUT_DUPLICATE_FILE', { reportedOn: reportedOn(at) });
      }
      if (superseded) {
        await this.repo.setSupersededBy(m, superseded, reportId);
        await this.audit.record(m, {
          entity: 'sell_out_report',
          entityId: superseded,
          action: 'sell_out.superseded',
          before: { supersededAt: null },
          after: { supersededBy: reportId, agreementId: agreement.id, periodStart: period.start },
        });
      }
      await this.audit.record(m, {
        entity: 'sell_out_report',
        entityId: reportId,
        action: 'sell_out.reported',
        after: {
          agreementId: agreement.id,
          periodStart: period.start,
          filename: sheet.fileName,
          format: sheet.format,
          rowCount: rows.length,
          imported: lines.length,
          rejected: badRows.length,
          ...(superseded ? { replaces: superseded } : {}),
        },
      });
      return reportId;
    }).catch(async (err: unknown) => {
      // A concurrent upload made another report current first (partial unique index): as if it had been seen before.
      if (!isUniqueViolation(err, 'sell_out_reports_one_current')) throw err;
      const winner = await this.repo.current(this.db.manager, agreement.id, period.start);
      throw winner ? reportExists(winner, reportedOn(winner.created_at)) : err;
    });
    return this.get(id, scope);
  }

  async list(q: SellOutListQuery, scope: Scope): Promise<SellOutReportList> {
    const { rows, total } = await this.repo.page(q, scope);
    return { items: await this.views(this.db.manager, rows), total, page: q.page, pageSize: q.pageSize };
  }

  async get(id: string, scope: Scope): Promise<SellOutReport> {
    const row = await this.repo.one(id, scope);
    if (!row) throw new AppError('NOT_FOUND', { entity: REPORT_ENTITY, id }, { entity: 'sell_out_report', id });
    return (await this.views(this.db.manager, [row]))[0];
  }

  private async views(m: EntityManager, rows: SellOutReportRow[]): Promise<SellOutReport[]> {
    const [agreements, partners, names] = await Promise.all([
      this.agreements.briefs(m, [...new Set(rows.map((r) => r.agreement_id))]),
      this.partners.briefs(m, [...new Set(rows.map((r) => r.partner_id))]),
      this.users.displayNames([...new Set(rows.map((r) => r.submitted_by))], m),
    ]);
    const agreementById = new Map(agreements.map((a) => [a.id, a]));
    const partnerName = new Map(partners.map((p) => [p.id, p.name]));
    return rows.map((r) => {
      const a = agreementById.get(r.agreement_id);
      const skipped = r.skipped_rows ?? [];
      return {
        id: r.id,
        agreementId: r.agreement_id,
        agreementNumber: a ? agreementNumber(a.type, a.startDate, a.id) : '',
        partnerId: r.partner_id,
        partnerName: partnerName.get(r.partner_id) ?? '',
        periodStart: r.period_start,
        periodEnd: r.period_end,
        fileName: r.file_name,
        rowCount: r.row_count,
        importedCount: r.imported_count,
        skippedRows: [...new Set(skipped.map((i) => i.row))],
        issues: skipped.slice(0, ISSUES_SHOWN),
        issueCount: skipped.length,
        quantity: Number(r.quantity),
        amount: r.amount,
        submittedBy: { id: r.submitted_by, name: names.get(r.submitted_by) ?? '' },
        createdAt: new Date(r.created_at).toISOString(),
        supersededAt: r.superseded_at ? new Date(r.superseded_at).toISOString() : null,
        supersededBy: r.superseded_by ?? null,
      };
    });
  }
}
