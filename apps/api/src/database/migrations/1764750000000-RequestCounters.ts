import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Throttle counters (issue #12): one row per key (`login:acct:<email>`, `login:ip:<address>`, `apply:ip:<address>`…)
 * counting hits in a fixed window. Kept in the database so every API instance shares them, and bumped by a single
 * INSERT … ON CONFLICT DO UPDATE … RETURNING, which takes the row lock: parallel requests cannot outrun the limit.
 */
export class RequestCounters1764750000000 implements MigrationInterface {
  name = 'RequestCounters1764750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE request_counters (
      key text PRIMARY KEY,
      window_start timestamptz NOT NULL,
      hits integer NOT NULL CHECK (hits >= 0)
    )`);
    await q.query(`CREATE INDEX request_counters_window_idx ON request_counters (window_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE request_counters`);
  }
}
