import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Invoice, type InvoiceStatus, invoiceTotals, paymentIntegrity, type PaymentIntegrityView, type Scope } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { pageClause, scopeCondition, whereClause } from '../../common/database/scope-sql';

export interface InvoiceRow {
  id: string;
  partner_id: string;
  invoice_no: string;
  amount: string;
  due_on: string;
  paid_on: string | null;
  source: 'manual' | 'import';
  created_at: Date;
}

export interface NewInvoice {
  partnerId: string;
  invoiceNo: string;
  amount: string;
  dueOn: string;
  paidOn: string | null;
}

const COLUMNS = `id, partner_id, invoice_no, amount::text AS amount, due_on, paid_on, source, created_at`;

// An invoice's standing on $asOf, as invoiceStanding decides it (a payment dated after asOf is not known yet).
const UNPAID = (asOf: string) => `(paid_on IS NULL OR paid_on > ${asOf})`;
const STATUS_SQL: Record<InvoiceStatus, (asOf: string) => string> = {
  open: (a) => `${UNPAID(a)} AND due_on >= ${a}`,
  overdue: (a) => `${UNPAID(a)} AND due_on < ${a}`,
  paid: (a) => `paid_on <= ${a} AND paid_on <= due_on`,
  paid_late: (a) => `paid_on <= ${a} AND paid_on > due_on`,
};

/** The payments module's table: partner_invoices (the partner's invoices from the vendor). */
@Injectable()
export class PaymentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Invoices as `scope` sees them, latest due first; `status` is judged as of `asOf`. */
  async page(
    q: { partnerId?: string; status?: InvoiceStatus; page: number; pageSize: number },
    scope: Scope,
    asOf: string,
    m: EntityManager = this.db.manager,
  ): Promise<{ rows: InvoiceRow[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const scoped = scopeCondition(scope, 'partner_id', params);
    if (scoped) where.push(scoped);
    if (q.partnerId) where.push(`partner_id = $${params.push(q.partnerId)}`);
    if (q.status) where.push(STATUS_SQL[q.status](`$${params.push(asOf)}::date`));
    const [{ total }]: { total: number }[] = await m.query(`SELECT count(*)::int AS total FROM partner_invoices ${whereClause(where)}`, params);
    const rows: InvoiceRow[] = await m.query(
      `SELECT ${COLUMNS} FROM partner_invoices ${whereClause(where)} ORDER BY due_on DESC, invoice_no, id ${pageClause(q, params)}`,
      params,
    );
    return { rows, total };
  }

  /** One invoice as `scope` sees it; `lock` locks it for a change. */
  async one(m: EntityManager, id: string, scope: Scope, lock = false): Promise<InvoiceRow | null> {
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 'partner_id', params);
    const rows: InvoiceRow[] = await m.query(
      `SELECT ${COLUMNS} FROM partner_invoices WHERE id = $1${scoped ? ` AND ${scoped}` : ''}${lock ? ' FOR UPDATE' : ''}`,
      params,
    );
    return rows[0] ?? null;
  }

  /** Inserts invoices (one statement); returns those inserted — an existing (partner, invoice no) is skipped. */
  async insertMany(m: EntityManager, invoices: readonly NewInvoice[], source: 'manual' | 'import', createdBy: string): Promise<InvoiceRow[]> {
    if (!invoices.length) return [];
    return m.query(
      `INSERT INTO partner_invoices (partner_id, invoice_no, amount, due_on, paid_on, source, created_by)
       SELECT i.partner_id, i.invoice_no, i.amount, i.due_on, i.paid_on, $6, $7
         FROM unnest($1::uuid[], $2::text[], $3::numeric[], $4::date[], $5::date[]) AS i(partner_id, invoice_no, amount, due_on, paid_on)
       ON CONFLICT (partner_id, invoice_no) DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        invoices.map((i) => i.partnerId),
        invoices.map((i) => i.invoiceNo),
        invoices.map((i) => i.amount),
        invoices.map((i) => i.dueOn),
        invoices.map((i) => i.paidOn),
        source,
        createdBy,
      ],
    );
  }

  /** Records payments of open invoices (only those still open: returns the ids paid). */
  async markPaid(m: EntityManager, payments: readonly { id: string; paidOn: string }[]): Promise<string[]> {
    if (!payments.length) return [];
    // An UPDATE answers [rows, affected count] through TypeORM.
    const [rows]: [{ id: string }[], number] = await m.query(
      `UPDATE partner_invoices i SET paid_on = p.paid_on, updated_at = now()
         FROM unnest($1::uuid[], $2::date[]) AS p(id, paid_on)
        WHERE i.id = p.id AND i.paid_on IS NULL
        RETURNING i.id`,
      [payments.map((p) => p.id), payments.map((p) => p.paidOn)],
    );
    return rows.map((r) => r.id);
  }

  /** The invoices already on file for some (partner, invoice no) pairs, locked for the import that checks them. */
  async lockExisting(m: EntityManager, keys: readonly { partnerId: string; invoiceNo: string }[]): Promise<InvoiceRow[]> {
    if (!keys.length) return [];
    return m.query(
      `SELECT ${COLUMNS.split(', ').map((c) => `i.${c}`).join(', ')}
         FROM partner_invoices i JOIN unnest($1::uuid[], $2::text[]) AS k(partner_id, invoice_no)
           ON i.partner_id = k.partner_id AND i.invoice_no = k.invoice_no
        ORDER BY i.id FOR UPDATE OF i`,
      [keys.map((k) => k.partnerId), keys.map((k) => k.invoiceNo)],
    );
  }

  /** A partner's invoices due in [from, asOf] (renewal reviews: integrity over the term, each invoice as evidence). */
  async dueBetween(m: EntityManager, partnerId: string, from: string, asOf: string): Promise<InvoiceRow[]> {
    return m.query(`SELECT ${COLUMNS} FROM partner_invoices WHERE partner_id = $1 AND due_on >= $2::date AND due_on <= $3::date ORDER BY due_on, id`, [
      partnerId,
      from,
      asOf,
    ]);
  }

  /** Payment integrity of one partner as of a business date (renewal reviews read it here). */
  async integrityOf(partnerId: string, asOf: string, m: EntityManager = this.db.manager): Promise<PaymentIntegrityView> {
    const rows: { due_on: string; paid_on: string | null; amount: string }[] = await m.query(
      `SELECT due_on, paid_on, amount::text AS amount FROM partner_invoices
        WHERE partner_id = $1 AND (due_on <= $2 OR paid_on IS NULL OR paid_on > $2)`,
      [partnerId, asOf],
    );
    const invoices: Invoice[] = rows.map((r) => ({ dueOn: r.due_on, paidOn: r.paid_on, amount: r.amount }));
    return { asOf, ...paymentIntegrity(invoices, asOf), ...invoiceTotals(invoices, asOf) };
  }
}
