import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface CounterHit {
  /** Hits in the current window, this one included. */
  hits: number;
  /** When the current window ends (the counter starts again from zero). */
  resetsAt: Date;
}

/** The `request_counters` table: fixed-window counters shared by every API instance (issue #12). */
@Injectable()
export class ThrottleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Counts one hit for `key` and answers the count, in one statement: the upsert takes the row lock, so parallel
   * hits on one key are numbered 1, 2, 3… with no gaps or repeats — on any number of instances.
   */
  async hit(m: EntityManager | null, key: string, now: Date, windowSeconds: number): Promise<CounterHit> {
    const rows: { hits: number; window_start: Date }[] = await (m ?? this.db.manager).query(
      `INSERT INTO request_counters AS c (key, window_start, hits) VALUES ($1, $2, 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN c.window_start <= $2 - make_interval(secs => $3) THEN 1 ELSE c.hits + 1 END,
         window_start = CASE WHEN c.window_start <= $2 - make_interval(secs => $3) THEN $2 ELSE c.window_start END
       RETURNING hits, window_start`,
      [key, now, windowSeconds],
    );
    const row = rows[0];
    return { hits: Number(row.hits), resetsAt: new Date(new Date(row.window_start).getTime() + windowSeconds * 1000) };
  }

  /** Hits counted for `key` in its current window (0 when none or the window is over). */
  async current(m: EntityManager | null, key: string, now: Date, windowSeconds: number): Promise<number> {
    const rows: { hits: number }[] = await (m ?? this.db.manager).query(
      `SELECT hits FROM request_counters WHERE key = $1 AND window_start > $2 - make_interval(secs => $3)`,
      [key, now, windowSeconds],
    );
    return rows.length ? Number(rows[0].hits) : 0;
  }

  /** Gives one hit back (a success that should not count against an address). */
  async release(m: EntityManager | null, key: string): Promise<void> {
    await (m ?? this.db.manager).query(`UPDATE request_counters SET hits = hits - 1 WHERE key = $1 AND hits > 0`, [key]);
  }

  async clear(m: EntityManager | null, key: string): Promise<void> {
    await (m ?? this.db.manager).query(`DELETE FROM request_counters WHERE key = $1`, [key]);
  }

  /** Forgets counters whose window ended long ago (housekeeping; a counter past its window is ignored anyway). */
  async purgeBefore(before: Date): Promise<void> {
    await this.db.query(`DELETE FROM request_counters WHERE window_start < $1`, [before]);
  }
}
