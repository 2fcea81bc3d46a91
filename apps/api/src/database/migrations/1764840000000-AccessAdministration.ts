import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access administration (issue #13): password-reset links (only the keyed hash of the token is stored; single use,
 * expiring), instance flags the sign-in page reads before anyone signs in (`demo_data`, set by the seed), and the
 * indexes the readable audit log's filters use (by action, by actor, by date; newest first).
 * Staff invitations reuse the `invitations` table of partner invitations.
 */
export class AccessAdministration1764840000000 implements MigrationInterface {
  name = 'AccessAdministration1764840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE password_resets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      requested_ip text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX password_resets_user_idx ON password_resets (user_id) WHERE used_at IS NULL`);
    await q.query(`CREATE TABLE app_flags (
      key text PRIMARY KEY CHECK (key ~ '^[a-z_]{1,64}$'),
      value text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, seq DESC)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, seq DESC)`);
    await q.query(`CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_occurred_idx`);
    await q.query(`DROP INDEX audit_log_actor_idx`);
    await q.query(`DROP INDEX audit_log_action_idx`);
    await q.query(`DROP TABLE app_flags`);
    await q.query(`DROP TABLE password_resets`);
  }
}
