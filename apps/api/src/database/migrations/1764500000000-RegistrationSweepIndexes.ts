import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registration sweep at scale: partial indexes for its three lookups (protection ending, reviews past SLA),
 * and a small table recording each reminder/escalation once, keyed by registration, so "was it sent?" is a
 * primary-key probe instead of a scan of every notification. Reminders already sent are carried over.
 */
export class RegistrationSweepIndexes1764500000000 implements MigrationInterface {
  name = 'RegistrationSweepIndexes1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX deal_registrations_protection_idx ON deal_registrations (protection_ends, id) WHERE status = 'approved'`);
    await q.query(`CREATE INDEX deal_registrations_sla_idx ON deal_registrations (sla_due, id) WHERE status IN ('in_review', 'in_conflict')`);
    await q.query(`
      CREATE TABLE registration_reminders (
        registration_id uuid NOT NULL REFERENCES deal_registrations(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('expiring', 'sla_breached')),
        days integer NOT NULL DEFAULT 0,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (registration_id, kind, days)
      )`);
    await q.query(`
      INSERT INTO registration_reminders (registration_id, kind, days)
      SELECT DISTINCT r.id, 'expiring', (n.params->>'days')::int
        FROM notifications n JOIN deal_registrations r ON r.id::text = n.params->>'registrationId'
       WHERE n.kind = 'registration.expiring' AND n.params->>'days' ~ '^[0-9]+$'
      ON CONFLICT DO NOTHING`);
    await q.query(`
      INSERT INTO registration_reminders (registration_id, kind, days)
      SELECT DISTINCT r.id, 'sla_breached', 0
        FROM notifications n JOIN deal_registrations r ON r.id::text = n.params->>'registrationId'
       WHERE n.kind = 'registration.sla_breached'
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE registration_reminders`);
    await q.query(`DROP INDEX deal_registrations_sla_idx`);
    await q.query(`DROP INDEX deal_registrations_protection_idx`);
  }
}
