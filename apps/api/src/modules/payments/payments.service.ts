import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  atSheetRows,
  checkInvoiceRows,
  INVOICE_COLUMNS,
  type InvoiceInput,
  type InvoiceIssue,
  planInvoiceImport,
  resolveInvoicePartners,
  invoiceStanding,
  type InvoiceView,
  type PaymentImport,
  type PaymentsPage,
  type PaymentsQuery,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { scopeOf } from '../../common/auth/scope';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessToday } from '../../common/time';
import { AuditService } from '../audit/audit.service';
import { PartnersRepository } from '../partners/partners.repository';
import { readSheet, recordsOrThrow, rowsRefusal, type UploadedSheet } from '../../common/files/spreadsheet-upload';
import { type InvoiceRow, PaymentsRepository } from './payments.repository';

const INVOICE_ENTITY = { en: 'invoice', 'zh-CN': '发票' };
const EXPECTED_COLUMNS = 'partner (id, tax id or name), invoice no, amount, due date, paid date (合作伙伴, 发票号, 金额, 到期日, 付款日期)';

const nameMap = (partners: readonly { id: string; name: string }[]) => new Map(partners.map((p) => [p.id, p.name]));

/**
 * The payments ledger (issue #14): the partner's invoices from the vendor — due date, paid date, amount — entered one
 * by one or imported from a sheet (all rows or none), and the partner's payment integrity for renewal reviews.
 */
@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: PaymentsRepository,
    private readonly partners: PartnersRepository,
    private readonly audit: AuditService,
  ) {}

  async list(q: PaymentsQuery, user: AuthenticatedUser): Promise<PaymentsPage> {
    const scope = scopeOf(user);
    const own = scope.kind === 'partner' ? scope.partnerId : null;
    // Another organisation's invoices do not exist for a partner caller.
    if (own && q.partnerId && q.partnerId !== own) throw AppError.notFound('partner', q.partnerId);
    const partnerId = own ?? q.partnerId ?? null;
    // A vendor caller's partner: it must exist, and its name is every row's.
    const named = partnerId && !own ? await this.partners.briefs(this.db.manager, [partnerId]) : null;
    if (partnerId && named && !named.length) throw AppError.notFound('partner', partnerId);
    const today = businessToday();
    const [{ rows, total }, integrity] = await Promise.all([
      this.repo.page(q, scope, today),
      partnerId ? this.repo.integrityOf(partnerId, today) : Promise.resolve(null),
    ]);
    return { items: await this.views(this.db.manager, rows, today, named && nameMap(named)), total, page: q.page, pageSize: q.pageSize, integrity };
  }

  async create(body: InvoiceInput, user: AuthenticatedUser): Promise<InvoiceView> {
    const today = businessToday();
    const paidOn = body.paidOn ?? null;
    if (paidOn && paidOn > today) throw new AppError('PAYMENT_PAID_IN_FUTURE', { paidOn, today }, { field: 'paidOn' });
    return inTransaction(this.db, async (m) => {
      const partner = await this.partners.briefs(m, [body.partnerId]);
      if (!partner.length) throw new AppError('PAYMENT_PARTNER_UNKNOWN', {}, { field: 'partnerId' });
      const [row] = await this.repo.insertMany(m, [{ partnerId: body.partnerId, invoiceNo: body.invoiceNo, amount: body.amount, dueOn: body.dueOn, paidOn }], 'manual', user.id);
      if (!row) throw new AppError('PAYMENT_INVOICE_EXISTS', { invoiceNo: body.invoiceNo }, { field: 'invoiceNo' });
      await this.audit.record(m, {
        entity: 'partner_invoice',
        entityId: row.id,
        action: 'payment.recorded',
        after: { partnerId: body.partnerId, invoiceNo: body.invoiceNo, amount: row.amount, dueOn: body.dueOn, paidOn },
      });
      return (await this.views(m, [row], today, nameMap(partner)))[0];
    });
  }

  /** Records the payment of an open invoice, once. */
  async markPaid(id: string, paidOn: string, user: AuthenticatedUser): Promise<InvoiceView> {
    const today = businessToday();
    if (paidOn > today) throw new AppError('PAYMENT_PAID_IN_FUTURE', { paidOn, today }, { field: 'paidOn' });
    return inTransaction(this.db, async (m) => {
      const row = await this.repo.one(m, id, scopeOf(user), true);
      if (!row) throw new AppError('NOT_FOUND', { entity: INVOICE_ENTITY, id }, { entity: 'partner_invoice', id });
      if (row.paid_on) throw new AppError('PAYMENT_ALREADY_PAID', { paidOn: row.paid_on }, { paidOn: row.paid_on });
      await this.repo.markPaid(m, [{ id, paidOn }]);
      await this.audit.record(m, { entity: 'partner_invoice', entityId: id, action: 'payment.paid', before: { paidOn: null }, after: { paidOn } });
      return (await this.views(m, [{ ...row, paid_on: paidOn }], today))[0];
    });
  }

  /**
   * Imports a sheet of invoices, all rows or none: a new (partner, invoice no) is recorded, an open invoice on file gets
   * the row's paid date, the same facts again change nothing; any bad row refuses the file (PAYMENT_ROWS_INVALID
   * naming every bad row and why).
   */
  async import(file: UploadedSheet, user: AuthenticatedUser): Promise<PaymentImport> {
    const sheet = await readSheet(file);
    const records = recordsOrThrow(sheet.table, INVOICE_COLUMNS, EXPECTED_COLUMNS, { optional: ['paidOn'], dateColumns: ['dueOn', 'paidOn'] });
    const today = businessToday();
    const check = checkInvoiceRows(records.rows, { today });
    const issues: InvoiceIssue[] = [...check.issues];
    const rowCount = records.rows.length;
    const refuse = () => rowsRefusal('PAYMENT_ROWS_INVALID', atSheetRows(issues, records.rowNumbers).sort((a, b) => a.row - b.row), rowCount);

    return inTransaction(this.db, async (m) => {
      // Partners named by id, tax id or exact name.
      const { resolved, issues: unresolved } = resolveInvoicePartners(check.good, await this.partners.idsByKeys(m, [...new Set(check.good.map((g) => g.partner))]));
      const existing = (await this.repo.lockExisting(m, resolved)).map((r) => ({ id: r.id, partnerId: r.partner_id, invoiceNo: r.invoice_no, amount: r.amount, dueOn: r.due_on, paidOn: r.paid_on }));
      const { toCreate, toPay, outcomes, issues: conflicts } = planInvoiceImport(resolved, existing);
      issues.push(...unresolved, ...conflicts);
      if (issues.length) throw refuse();

      const created = await this.repo.insertMany(m, toCreate, 'import', user.id);
      const paid = await this.repo.markPaid(m, toPay.map((p) => ({ id: p.id, paidOn: p.line.paidOn as string })));
      // Someone recorded one of these invoices meanwhile: the file is refused whole (the transaction rolls back).
      if (created.length !== toCreate.length || paid.length !== toPay.length) throw new AppError('PAYMENT_IMPORT_RACE');
      const idOf = new Map(created.map((c) => [`${c.partner_id}\u0000${c.invoice_no}`, c.id]));
      await this.audit.recordMany(m, [
        ...toCreate.map((c) => ({
          entity: 'partner_invoice',
          entityId: idOf.get(`${c.partnerId}\u0000${c.invoiceNo}`) as string,
          action: 'payment.imported',
          after: { partnerId: c.partnerId, invoiceNo: c.invoiceNo, amount: c.amount, dueOn: c.dueOn, paidOn: c.paidOn, filename: sheet.fileName },
        })),
        ...toPay.map((p) => ({ entity: 'partner_invoice', entityId: p.id, action: 'payment.paid', before: { paidOn: null }, after: { paidOn: p.line.paidOn, filename: sheet.fileName } })),
      ]);
      const rows = atSheetRows(outcomes, records.rowNumbers).sort((a, b) => a.row - b.row);
      return {
        rowCount,
        created: created.length,
        paid: paid.length,
        unchanged: rows.filter((r) => r.outcome === 'unchanged').length,
        rows,
      };
    });
  }

  /** The invoices as the API shows them; `names` (partner id → name) when the caller has read them already. */
  private async views(m: EntityManager, rows: InvoiceRow[], today: string, names?: ReadonlyMap<string, string> | null): Promise<InvoiceView[]> {
    names ??= nameMap(await this.partners.briefs(m, [...new Set(rows.map((r) => r.partner_id))]));
    return rows.map((r) => {
      const standing = invoiceStanding({ dueOn: r.due_on, paidOn: r.paid_on, amount: r.amount }, today);
      return {
        id: r.id,
        partnerId: r.partner_id,
        partnerName: names.get(r.partner_id) ?? '',
        invoiceNo: r.invoice_no,
        amount: r.amount,
        dueOn: r.due_on,
        paidOn: r.paid_on,
        source: r.source,
        status: standing.status,
        daysOverdue: standing.daysOverdue,
        createdAt: new Date(r.created_at).toISOString(),
      };
    });
  }
}
