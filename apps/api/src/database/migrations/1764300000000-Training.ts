import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Training, certification and qualification (issue #6): a course is a document (modules and quiz as
 * validated jsonb, ids stable across edits), enrolments and numbered quiz attempts, certification paths,
 * certificates with a public verification code, periodic qualification reviews, support requests.
 */
export class Training1764300000000 implements MigrationInterface {
  name = 'Training1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE courses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        title text NOT NULL,
        summary text NOT NULL DEFAULT '',
        track text NOT NULL CHECK (track IN ('solution_technical', 'gtm_sales', 'sales_process')),
        job_role text NOT NULL CHECK (job_role IN ('sales', 'presales', 'service')),
        product_line_id uuid NOT NULL REFERENCES product_lines(id),
        language text NOT NULL CHECK (language IN ('zh-CN', 'en')),
        duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
        modules jsonb NOT NULL,
        quiz jsonb NOT NULL DEFAULT '[]',
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE TRIGGER courses_updated_at BEFORE UPDATE ON courses FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);

    await q.query(`
      CREATE TABLE certification_paths (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        job_role text NOT NULL CHECK (job_role IN ('sales', 'presales', 'service')),
        product_line_id uuid NOT NULL REFERENCES product_lines(id),
        course_ids uuid[] NOT NULL CHECK (cardinality(course_ids) > 0),
        validity_months integer CHECK (validity_months > 0),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE TRIGGER certification_paths_updated_at BEFORE UPDATE ON certification_paths FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);

    await q.query(`
      CREATE TABLE enrolments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id),
        user_id uuid NOT NULL REFERENCES users(id),
        partner_id uuid NOT NULL REFERENCES partners(id),
        status text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed')),
        completed_module_ids uuid[] NOT NULL DEFAULT '{}',
        -- a new cycle (renewal, or attempts reset by a manager) starts a fresh set of quiz attempts
        cycle integer NOT NULL DEFAULT 1 CHECK (cycle > 0),
        passed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (course_id, user_id)
      )`);
    await q.query(`CREATE INDEX enrolments_user_idx ON enrolments (user_id)`);
    await q.query(`CREATE INDEX enrolments_partner_idx ON enrolments (partner_id)`);
    await q.query(`CREATE TRIGGER enrolments_updated_at BEFORE UPDATE ON enrolments FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);

    // The attempt number is unique per enrolment, so the attempt limit holds even under concurrent submits.
    await q.query(`
      CREATE TABLE quiz_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrolment_id uuid NOT NULL REFERENCES enrolments(id),
        cycle integer NOT NULL CHECK (cycle > 0),
        attempt_no integer NOT NULL CHECK (attempt_no > 0),
        answers jsonb NOT NULL,
        score_percent numeric(5, 2) NOT NULL CHECK (score_percent BETWEEN 0 AND 100),
        passed boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (enrolment_id, cycle, attempt_no)
      )`);

    await q.query(`
      CREATE TABLE certifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        path_id uuid NOT NULL REFERENCES certification_paths(id),
        user_id uuid NOT NULL REFERENCES users(id),
        partner_id uuid NOT NULL REFERENCES partners(id),
        earned_on date NOT NULL,
        expires_on date NOT NULL,
        reminders_sent integer[] NOT NULL DEFAULT '{}',
        expiry_notified boolean NOT NULL DEFAULT false,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users(id),
        revoked_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (expires_on >= earned_on),
        CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX certifications_partner_idx ON certifications (partner_id, expires_on)`);
    await q.query(`CREATE INDEX certifications_user_idx ON certifications (user_id)`);
    await q.query(`CREATE TRIGGER certifications_updated_at BEFORE UPDATE ON certifications FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);

    await q.query(`
      CREATE TABLE qualification_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partners(id),
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'completed')),
        result text CHECK (result IN ('pass', 'fail')),
        certified_staff jsonb,
        checklist jsonb,
        reviewer_id uuid REFERENCES users(id),
        completed_at timestamptz,
        overdue_notified boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'completed') = (result IS NOT NULL AND completed_at IS NOT NULL))
      )`);
    // One scheduled review per partner: the scheduler's insert is idempotent across API instances.
    await q.query(`CREATE UNIQUE INDEX qualification_reviews_one_scheduled ON qualification_reviews (partner_id) WHERE status = 'scheduled'`);
    await q.query(`CREATE INDEX qualification_reviews_due_idx ON qualification_reviews (status, due_on)`);
    await q.query(`CREATE TRIGGER qualification_reviews_updated_at BEFORE UPDATE ON qualification_reviews FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);

    await q.query(`CREATE SEQUENCE support_request_number_seq`);
    await q.query(`
      CREATE TABLE support_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE DEFAULT ('SR-' || lpad(nextval('support_request_number_seq')::text, 5, '0')),
        partner_id uuid NOT NULL REFERENCES partners(id),
        kind text NOT NULL CHECK (kind IN ('marketing_support', 'technical_question', 'sales_coaching')),
        subject text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'closed')),
        requested_funds numeric(18, 2) CHECK (requested_funds > 0),
        approved_funds numeric(18, 2) CHECK (approved_funds > 0 AND approved_funds <= requested_funds),
        funds_status text CHECK (funds_status IN ('requested', 'approved', 'declined')),
        activity_date date,
        assignee_id uuid REFERENCES users(id),
        created_by uuid NOT NULL REFERENCES users(id),
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((requested_funds IS NULL) = (funds_status IS NULL)),
        CHECK (requested_funds IS NULL OR kind = 'marketing_support')
      )`);
    await q.query(`CREATE INDEX support_requests_partner_idx ON support_requests (partner_id, status)`);
    await q.query(`CREATE TRIGGER support_requests_updated_at BEFORE UPDATE ON support_requests FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
    await q.query(`
      CREATE TABLE support_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES support_requests(id),
        author_id uuid REFERENCES users(id),
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX support_messages_request_idx ON support_messages (request_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['support_messages', 'support_requests', 'qualification_reviews', 'certifications', 'quiz_attempts', 'enrolments', 'certification_paths', 'courses']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP SEQUENCE support_request_number_seq`);
  }
}
