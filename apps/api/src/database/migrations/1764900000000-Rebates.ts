import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Performance, quota and rebates (issue #14; DOMAIN §7, deposits §4). Owned by the rebates module (quotas, reversals,
 * runs, statements, disputes, ledger, deposits), the sell-out module (reports and their lines) and the payments module
 * (the partner's invoices from the vendor).
 *
 * - The ledger is append-only: a trigger refuses UPDATE and DELETE, so a correction can only be a negating entry.
 * - One statement per agreement and evaluation period (unique key); a rerun rewrites a draft in place and never touches
 *   an approved or paid one — later changes to a paid period land on the next statement as clawback/adjustment lines.
 * - One active run per period (partial unique index), so two runs of one period at once cannot both start.
 */
export class Rebates1764900000000 implements MigrationInterface {
  name = 'Rebates1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rebate_quotas (
        agreement_id uuid NOT NULL REFERENCES agreements(id),
        period_start date NOT NULL,
        period_end date NOT NULL,
        quota numeric(18, 2) NOT NULL CHECK (quota >= 0),
        amendment_reason text,
        set_by uuid NOT NULL REFERENCES users(id),
        set_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agreement_id, period_start),
        CHECK (period_end >= period_start)
      )`);
    await q.query(`
      CREATE TABLE rebate_reversals (
        registration_id uuid PRIMARY KEY REFERENCES deal_registrations(id),
        reversed_on date NOT NULL,
        reason text NOT NULL,
        reversed_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE rebate_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        period text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        as_of date NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        total integer NOT NULL DEFAULT 0,
        done integer NOT NULL DEFAULT 0,
        errors integer NOT NULL DEFAULT 0,
        error_details jsonb NOT NULL DEFAULT '[]'::jsonb,
        cursor uuid,
        created_count integer NOT NULL DEFAULT 0,
        updated_count integer NOT NULL DEFAULT 0,
        unchanged_count integer NOT NULL DEFAULT 0,
        locked_count integer NOT NULL DEFAULT 0,
        diff jsonb NOT NULL DEFAULT '[]'::jsonb,
        started_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        heartbeat_at timestamptz,
        finished_at timestamptz,
        CHECK (period_end >= period_start)
      )`);
    await q.query(`CREATE UNIQUE INDEX rebate_runs_one_active ON rebate_runs (period) WHERE status IN ('queued', 'running')`);
    await q.query(`CREATE INDEX rebate_runs_period_idx ON rebate_runs (period, created_at DESC)`);
    await q.query(`
      CREATE TABLE rebate_statements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        agreement_id uuid NOT NULL REFERENCES agreements(id),
        partner_id uuid NOT NULL REFERENCES partners(id),
        period_start date NOT NULL,
        period_end date NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'approved', 'paid')),
        run_id uuid REFERENCES rebate_runs(id),
        as_of date NOT NULL,
        final boolean NOT NULL,
        quota numeric(18, 2) NOT NULL,
        achievement numeric(24, 6) NOT NULL,
        attainment_percent numeric(10, 2),
        tier_index integer,
        rate_percent numeric(10, 4),
        method text NOT NULL CHECK (method IN ('retroactive', 'incremental')),
        earned numeric(18, 2) NOT NULL,
        already_settled numeric(18, 2) NOT NULL,
        adjustments numeric(18, 2) NOT NULL DEFAULT 0,
        payable numeric(18, 2) NOT NULL,
        explanation jsonb NOT NULL,
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        paid_on date,
        payment_reference text,
        paid_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (agreement_id, period_start),
        CHECK (period_end >= period_start),
        CHECK (status = 'draft' OR approved_by IS NOT NULL),
        CHECK (status <> 'paid' OR (paid_on IS NOT NULL AND payment_reference IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX rebate_statements_partner_idx ON rebate_statements (partner_id, period_start DESC)`);
    await q.query(`CREATE INDEX rebate_statements_period_idx ON rebate_statements (period_start, status)`);
    await q.query(`
      CREATE TABLE rebate_statement_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        statement_id uuid NOT NULL REFERENCES rebate_statements(id) ON DELETE CASCADE,
        line_no integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('deal', 'sell_out', 'clawback', 'adjustment')),
        source_id uuid,
        source_period_start date,
        description text NOT NULL,
        occurred_on date,
        amount numeric(18, 2),
        share numeric(9, 6),
        coefficient numeric(9, 4),
        achievement numeric(24, 6),
        rebate numeric(18, 2) NOT NULL,
        UNIQUE (statement_id, line_no)
      )`);
    await q.query(`
      CREATE TABLE rebate_disputes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        statement_id uuid NOT NULL REFERENCES rebate_statements(id),
        line_id uuid NOT NULL REFERENCES rebate_statement_lines(id),
        partner_id uuid NOT NULL REFERENCES partners(id),
        comment text NOT NULL,
        raised_by uuid NOT NULL REFERENCES users(id),
        raised_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL CHECK (status IN ('open', 'adjusted', 'rejected')),
        resolution text,
        adjustment numeric(18, 2),
        resolved_by uuid REFERENCES users(id),
        resolved_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX rebate_disputes_one_open ON rebate_disputes (line_id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX rebate_disputes_status_idx ON rebate_disputes (status, raised_at)`);
    await q.query(`
      CREATE TABLE rebate_ledger (
        id bigserial PRIMARY KEY,
        partner_id uuid NOT NULL REFERENCES partners(id),
        agreement_id uuid NOT NULL REFERENCES agreements(id),
        period_start date,
        kind text NOT NULL CHECK (kind IN ('accrual', 'reversal', 'clawback', 'settlement', 'payment', 'adjustment',
          'deposit_paid', 'deposit_offset', 'deposit_refund', 'deposit_forfeit')),
        amount numeric(18, 2) NOT NULL,
        source_id uuid,
        statement_id uuid REFERENCES rebate_statements(id),
        run_id uuid REFERENCES rebate_runs(id),
        booked_on date NOT NULL,
        note text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX rebate_ledger_agreement_idx ON rebate_ledger (agreement_id, period_start, source_id)`);
    await q.query(`CREATE INDEX rebate_ledger_partner_idx ON rebate_ledger (partner_id, id)`);
    await q.query(`
      CREATE FUNCTION rebate_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'rebate_ledger is append-only: book a negating entry instead' USING ERRCODE = 'P0001';
      END $$`);
    await q.query(`
      CREATE TRIGGER rebate_ledger_no_edit BEFORE UPDATE OR DELETE ON rebate_ledger
      FOR EACH ROW EXECUTE FUNCTION rebate_ledger_append_only()`);
    await q.query(`
      CREATE TABLE agreement_deposits (
        agreement_id uuid PRIMARY KEY REFERENCES agreements(id),
        partner_id uuid NOT NULL REFERENCES partners(id),
        amount numeric(18, 2) NOT NULL CHECK (amount >= 0),
        due_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('due', 'paid', 'offset', 'refunded', 'forfeited')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE deposit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreement_deposits(agreement_id),
        from_status text NOT NULL,
        to_status text NOT NULL,
        amount numeric(18, 2) NOT NULL,
        occurred_on date NOT NULL,
        reference text,
        note text,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX deposit_events_agreement_idx ON deposit_events (agreement_id, created_at)`);
    await q.query(`
      CREATE TABLE sell_out_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreements(id),
        partner_id uuid NOT NULL REFERENCES partners(id),
        period_start date NOT NULL,
        period_end date NOT NULL,
        file_name text NOT NULL,
        row_count integer NOT NULL,
        imported_count integer NOT NULL,
        skipped_rows jsonb NOT NULL DEFAULT '[]'::jsonb,
        submitted_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sell_out_reports_partner_idx ON sell_out_reports (partner_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE sell_out_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES sell_out_reports(id),
        agreement_id uuid NOT NULL REFERENCES agreements(id),
        partner_id uuid NOT NULL REFERENCES partners(id),
        row_no integer NOT NULL,
        sold_on date NOT NULL,
        customer text NOT NULL,
        product_id uuid NOT NULL REFERENCES products(id),
        quantity integer NOT NULL CHECK (quantity > 0),
        amount numeric(18, 2) NOT NULL
      )`);
    await q.query(`CREATE INDEX sell_out_lines_agreement_idx ON sell_out_lines (agreement_id, sold_on)`);
    await q.query(`
      CREATE TABLE partner_invoices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partners(id),
        invoice_no text NOT NULL,
        amount numeric(18, 2) NOT NULL CHECK (amount > 0),
        due_on date NOT NULL,
        paid_on date,
        source text NOT NULL CHECK (source IN ('manual', 'import')),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (partner_id, invoice_no)
      )`);
    await q.query(`CREATE INDEX partner_invoices_due_idx ON partner_invoices (partner_id, due_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'partner_invoices',
      'sell_out_lines',
      'sell_out_reports',
      'deposit_events',
      'agreement_deposits',
      'rebate_ledger',
      'rebate_disputes',
      'rebate_statement_lines',
      'rebate_statements',
      'rebate_runs',
      'rebate_reversals',
      'rebate_quotas',
    ])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    await q.query(`DROP FUNCTION IF EXISTS rebate_ledger_append_only()`);
  }
}
