import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deal registrations with conflict cases, and the vendor's direct accounts. Customer identity keys (normalised
 * name, upper-case tax id, lower-case domain) are stored so conflict detection is index-backed.
 */
export class DealRegistrations1764100000000 implements MigrationInterface {
  name = 'DealRegistrations1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE direct_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('named_account', 'open_opportunity')),
        name text NOT NULL,
        name_norm text NOT NULL,
        tax_id text,
        domain text,
        industry_id uuid REFERENCES industries(id),
        region_id uuid REFERENCES regions(id),
        owner_name text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX direct_accounts_tax_idx ON direct_accounts (tax_id) WHERE tax_id IS NOT NULL`);
    await q.query(`CREATE INDEX direct_accounts_domain_idx ON direct_accounts (domain) WHERE domain IS NOT NULL`);
    await q.query(`CREATE INDEX direct_accounts_name_trgm ON direct_accounts USING gin (name_norm gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE deal_registrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partners(id),
        agreement_id uuid REFERENCES agreements(id),
        status text NOT NULL CHECK (status IN ('draft', 'submitted', 'in_review', 'in_conflict', 'approved', 'won', 'lost', 'expired', 'rejected', 'withdrawn')),
        customer_name text NOT NULL,
        customer_name_norm text NOT NULL,
        customer_tax_id text,
        customer_domain text,
        industry_id uuid NOT NULL REFERENCES industries(id),
        region_id uuid NOT NULL REFERENCES regions(id),
        details jsonb NOT NULL,
        estimated_amount numeric(18, 2) NOT NULL CHECK (estimated_amount >= 0),
        expected_close date NOT NULL,
        submitted_at timestamptz,
        sla_due date,
        approved_at timestamptz,
        protection_ends date,
        extensions smallint NOT NULL DEFAULT 0,
        won_amount numeric(18, 2),
        won_on date,
        lost_reason text,
        rejection_reason text,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX deal_registrations_partner_idx ON deal_registrations (partner_id, status)`);
    await q.query(`CREATE INDEX deal_registrations_tax_idx ON deal_registrations (customer_tax_id) WHERE customer_tax_id IS NOT NULL`);
    await q.query(`CREATE INDEX deal_registrations_domain_idx ON deal_registrations (customer_domain) WHERE customer_domain IS NOT NULL`);
    // Composite trigram index: fuzzy name search within a region (measured 2.2x faster than name alone, STACK.md).
    await q.query(`CREATE INDEX deal_registrations_region_name_trgm ON deal_registrations USING gin (region_id, customer_name_norm gin_trgm_ops)`);
    await q.query(`CREATE TRIGGER deal_registrations_updated_at BEFORE UPDATE ON deal_registrations FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);

    await q.query(`
      CREATE TABLE registration_status_history (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        registration_id uuid NOT NULL REFERENCES deal_registrations(id),
        from_status text,
        to_status text NOT NULL,
        note text,
        actor_id uuid REFERENCES users(id),
        -- clock time, not transaction time: several steps of one transaction keep their order
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX registration_status_history_idx ON registration_status_history (registration_id, occurred_at)`);

    await q.query(`
      CREATE TABLE conflicts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('duplicate_customer', 'exclusive_territory', 'direct_sales')),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        registration_id uuid NOT NULL REFERENCES deal_registrations(id),
        evidence jsonb NOT NULL DEFAULT '{}',
        opened_at timestamptz NOT NULL DEFAULT now(),
        resolution text CHECK (resolution IN ('award', 'split', 'reject_all', 'dismiss')),
        rationale text,
        resolved_by uuid REFERENCES users(id),
        resolved_at timestamptz
      )`);
    await q.query(`CREATE INDEX conflicts_status_idx ON conflicts (status, opened_at)`);

    await q.query(`
      CREATE TABLE conflict_parties (
        conflict_id uuid NOT NULL REFERENCES conflicts(id),
        registration_id uuid REFERENCES deal_registrations(id),
        direct_account_id uuid REFERENCES direct_accounts(id),
        exclusive_agreement_id uuid REFERENCES agreements(id),
        share_percent smallint CHECK (share_percent BETWEEN 0 AND 100),
        awarded boolean,
        CHECK (num_nonnulls(registration_id, direct_account_id, exclusive_agreement_id) = 1)
      )`);
    await q.query(`CREATE INDEX conflict_parties_conflict_idx ON conflict_parties (conflict_id)`);
    await q.query(`CREATE INDEX conflict_parties_registration_idx ON conflict_parties (registration_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE conflict_parties`);
    await q.query(`DROP TABLE conflicts`);
    await q.query(`DROP TABLE registration_status_history`);
    await q.query(`DROP TABLE deal_registrations`);
    await q.query(`DROP TABLE direct_accounts`);
  }
}
