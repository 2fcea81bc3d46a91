import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The partner directory searched with two characters (issue #13: "科技" at 50k partners). A two-character query has no
 * trigram, so no trigram index can serve its substring match and every search scanned all partners (plus an exact count
 * doing the same). `text_bigrams(t)` is the set of lower-cased 2-character substrings of a text (white space excluded);
 * each partner stores those of its name, English name, tax id and domain (a stored generated column: computed once per
 * write, so a plan that reads the table sequentially does not evaluate the function per row), and a GIN index over them
 * finds the partners containing a query's bigram (`@>`); LIKE / ILIKE rechecks the substring on those rows only.
 * A btree on (name, id) serves the directory's default order: a page of a common bigram's matches (科技: one partner in
 * ten) is read in name order until 25 match, instead of fetching and sorting all 5,000 matches (and the unfiltered
 * directory's first page no longer sorts every partner).
 *
 * The conflicts list pages cases by (status, opened_at, id): with the index on (status, opened_at) alone, cases opened in
 * the same instant (a batch) were all joined to their registrations before the sort could stop at the page (38 ms for
 * 3,500 open cases). The index with the id replaces it (same leading columns, so every other use keeps its index).
 */
export class ListSearchBigrams1764890000000 implements MigrationInterface {
  name = 'ListSearchBigrams1764890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION text_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT b), '{}') FROM (
          SELECT substr(s.l, i, 2) AS b FROM (SELECT lower(t) AS l) s, generate_series(1, char_length(s.l) - 1) AS i
        ) x WHERE b !~ '\\s'
      $$`);
    await q.query(
      `ALTER TABLE partners ADD COLUMN search_bigrams text[] NOT NULL
         GENERATED ALWAYS AS (text_bigrams(name || ' ' || coalesce(name_en, '') || ' ' || coalesce(tax_id, '') || ' ' || coalesce(domain, ''))) STORED`,
    );
    await q.query(`CREATE INDEX partners_search_bigrams_idx ON partners USING gin (search_bigrams) WITH (fastupdate = off)`);
    await q.query(`CREATE INDEX partners_name_idx ON partners (name, id)`);
    await q.query(`CREATE INDEX conflicts_list_idx ON conflicts (status, opened_at, id)`);
    await q.query(`DROP INDEX conflicts_status_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX conflicts_status_idx ON conflicts (status, opened_at)`);
    await q.query(`DROP INDEX conflicts_list_idx`);
    await q.query(`DROP INDEX partners_name_idx`);
    await q.query(`DROP INDEX IF EXISTS partners_search_bigrams_idx`);
    await q.query(`ALTER TABLE partners DROP COLUMN search_bigrams`);
    await q.query(`DROP FUNCTION text_bigrams(text)`);
  }
}
