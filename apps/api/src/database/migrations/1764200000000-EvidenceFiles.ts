import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence files attached to deal registrations, stored in the database (durable, backed up with it). */
export class EvidenceFiles1764200000000 implements MigrationInterface {
  name = 'EvidenceFiles1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evidence_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        registration_id uuid NOT NULL REFERENCES deal_registrations(id),
        kind text NOT NULL CHECK (kind IN ('proofOfCommunication', 'customerFeedback', 'customerDetails')),
        filename text NOT NULL,
        mime_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX evidence_files_registration_idx ON evidence_files (registration_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evidence_files`);
  }
}
