import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner screening and onboarding: the application's facts, requested segments, status history,
 * scorecards, decisions, information requests, trials; in-app notifications (with an email outbox)
 * and user invitations.
 */
export class PartnerScreening1763900000000 implements MigrationInterface {
  name = 'PartnerScreening1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE partners
        ADD COLUMN tax_id_kind text NOT NULL DEFAULT 'uscc' CHECK (tax_id_kind IN ('uscc', 'other')),
        ADD COLUMN headcount integer CHECK (headcount > 0),
        ADD COLUMN annual_revenue numeric(18, 2) CHECK (annual_revenue >= 0),
        ADD COLUMN years_trading integer CHECK (years_trading >= 0),
        ADD COLUMN business_lines text[] NOT NULL DEFAULT '{}',
        ADD COLUMN existing_vendors text[] NOT NULL DEFAULT '{}',
        ADD COLUMN cash_flow jsonb,
        ADD COLUMN person_in_charge jsonb,
        ADD COLUMN contacts jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN declarations jsonb,
        ADD COLUMN applied_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN approved_at timestamptz,
        ADD COLUMN approved_by uuid REFERENCES users(id)`);
    await q.query(`CREATE INDEX partners_manager_idx ON partners (manager_id)`);
    await q.query(`CREATE INDEX partners_name_trgm_idx ON partners USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE INDEX partners_name_en_trgm_idx ON partners USING gin (name_en gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE partner_segment_requests (
        partner_id uuid NOT NULL REFERENCES partners(id),
        industry_id uuid NOT NULL REFERENCES industries(id),
        region_id uuid NOT NULL REFERENCES regions(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (partner_id, industry_id, region_id)
      )`);

    await q.query(`
      CREATE TABLE partner_status_history (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partners(id),
        from_status text,
        to_status text NOT NULL,
        reason text,
        actor_id uuid REFERENCES users(id),
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX partner_status_history_partner_idx ON partner_status_history (partner_id, occurred_at)`);

    await q.query(`
      CREATE TABLE partner_screenings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partners(id),
        type text NOT NULL CHECK (type IN ('strategic', 'smb')),
        scores jsonb NOT NULL,
        evidence jsonb NOT NULL DEFAULT '{}',
        integrity smallint CHECK (integrity BETWEEN 0 AND 5),
        weights jsonb NOT NULL,
        pass_mark numeric(5, 2) NOT NULL,
        total numeric(5, 2) NOT NULL CHECK (total BETWEEN 0 AND 100),
        knocked_out boolean NOT NULL,
        passed boolean NOT NULL,
        notes text,
        scored_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX partner_screenings_partner_idx ON partner_screenings (partner_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE partner_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partners(id),
        decision text NOT NULL CHECK (decision IN ('reject', 'request_info', 'approve_trial', 'approve')),
        text text,
        decided_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX partner_decisions_partner_idx ON partner_decisions (partner_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE partner_info_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partners(id),
        question text NOT NULL,
        asked_by uuid NOT NULL REFERENCES users(id),
        asked_at timestamptz NOT NULL DEFAULT now(),
        answer text,
        answered_by uuid REFERENCES users(id),
        answered_at timestamptz,
        CHECK ((answer IS NULL) = (answered_at IS NULL))
      )`);
    await q.query(`CREATE INDEX partner_info_requests_open_idx ON partner_info_requests (partner_id) WHERE answered_at IS NULL`);

    await q.query(`
      CREATE TABLE partner_trials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partners(id),
        customer text NOT NULL,
        scope text NOT NULL,
        end_date date NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        started_by uuid NOT NULL REFERENCES users(id),
        outcome text CHECK (outcome IN ('success', 'failure')),
        outcome_notes text,
        outcome_at timestamptz,
        outcome_by uuid REFERENCES users(id),
        CHECK ((outcome IS NULL) = (outcome_at IS NULL))
      )`);
    // At most one trial without an outcome per partner.
    await q.query(`CREATE UNIQUE INDEX partner_trials_open_key ON partner_trials (partner_id) WHERE outcome IS NULL`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        link text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        -- email outbox: 'pending' rows are sent by whichever instance claims them (FOR UPDATE SKIP LOCKED)
        email_status text NOT NULL DEFAULT 'none' CHECK (email_status IN ('none', 'pending', 'sent', 'failed')),
        email_attempts smallint NOT NULL DEFAULT 0,
        emailed_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_outbox_idx ON notifications (created_at) WHERE email_status = 'pending'`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE invitations`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE partner_trials`);
    await q.query(`DROP TABLE partner_info_requests`);
    await q.query(`DROP TABLE partner_decisions`);
    await q.query(`DROP TABLE partner_screenings`);
    await q.query(`DROP TABLE partner_status_history`);
    await q.query(`DROP TABLE partner_segment_requests`);
    await q.query(`DROP INDEX partners_name_en_trgm_idx`);
    await q.query(`DROP INDEX partners_name_trgm_idx`);
    await q.query(`DROP INDEX partners_manager_idx`);
    await q.query(`
      ALTER TABLE partners
        DROP COLUMN approved_by, DROP COLUMN approved_at, DROP COLUMN applied_at, DROP COLUMN declarations,
        DROP COLUMN contacts, DROP COLUMN person_in_charge, DROP COLUMN cash_flow, DROP COLUMN existing_vendors,
        DROP COLUMN business_lines, DROP COLUMN years_trading, DROP COLUMN annual_revenue, DROP COLUMN headcount,
        DROP COLUMN tax_id_kind`);
  }
}
