import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agreements (exclusive, registration, distribution) with versions/amendments, their scopes, and the
 * exclusivity ledger: every active or approved-future exclusive agreement claims each (industry, region)
 * cell of its scope — regions expanded to themselves and all their descendants — for its term. An exclusion
 * constraint makes PostgreSQL refuse two claims on one cell with overlapping terms, so two concurrent
 * approvals can never both succeed, and "all of China" collides with any city inside it.
 */
export class Agreements1764000000000 implements MigrationInterface {
  name = 'Agreements1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agreements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partners(id),
        type text NOT NULL CHECK (type IN ('exclusive', 'registration', 'distribution')),
        status text NOT NULL CHECK (status IN ('draft', 'pending_approval', 'active', 'expired', 'terminated', 'renewed', 'rejected')),
        version integer NOT NULL DEFAULT 1,
        start_date date NOT NULL,
        end_date date NOT NULL,
        terms jsonb NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        submitted_by uuid REFERENCES users(id),
        submitted_at timestamptz,
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        rejection_reason text,
        termination_reason text,
        termination_effective date,
        override_justification text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date >= start_date)
      )`);
    await q.query(`CREATE INDEX agreements_partner_idx ON agreements (partner_id, status)`);
    await q.query(`CREATE INDEX agreements_status_end_idx ON agreements (status, end_date)`);
    await q.query(`CREATE TRIGGER agreements_updated_at BEFORE UPDATE ON agreements FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);

    await q.query(`
      CREATE TABLE agreement_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreements(id),
        version integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('original', 'amendment')),
        status text NOT NULL CHECK (status IN ('draft', 'pending', 'approved', 'rejected')),
        terms jsonb NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        reason text,
        UNIQUE (agreement_id, version)
      )`);
    // One open amendment at a time per agreement.
    await q.query(`CREATE UNIQUE INDEX agreement_versions_open_amendment ON agreement_versions (agreement_id) WHERE kind = 'amendment' AND status = 'pending'`);

    await q.query(`
      CREATE TABLE agreement_scopes (
        agreement_id uuid NOT NULL REFERENCES agreements(id),
        industry_id uuid REFERENCES industries(id),
        region_id uuid REFERENCES regions(id)
      )`);
    await q.query(`CREATE INDEX agreement_scopes_agreement_idx ON agreement_scopes (agreement_id)`);

    await q.query(`
      CREATE TABLE exclusive_claims (
        agreement_id uuid NOT NULL REFERENCES agreements(id),
        industry_id uuid NOT NULL REFERENCES industries(id),
        region_id uuid NOT NULL REFERENCES regions(id),
        period daterange NOT NULL,
        CONSTRAINT exclusive_claims_no_overlap EXCLUDE USING gist (industry_id WITH =, region_id WITH =, period WITH &&)
      )`);
    await q.query(`CREATE INDEX exclusive_claims_agreement_idx ON exclusive_claims (agreement_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE exclusive_claims`);
    await q.query(`DROP TABLE agreement_scopes`);
    await q.query(`DROP TABLE agreement_versions`);
    await q.query(`DROP TABLE agreements`);
  }
}
