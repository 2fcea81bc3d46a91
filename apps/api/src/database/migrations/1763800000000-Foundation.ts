import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foundation schema: users and sessions, the append-only audit log, the catalog
 * (industries, region tree, segments, products), policies and partner organisations.
 * PostgreSQL 15 features only.
 */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);

    await q.query(`
      CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.updated_at := now(); RETURN NEW; END $$`);
    await q.query(`
      CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$`);

    await q.query(`
      CREATE TABLE industries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name_zh text NOT NULL,
        name_en text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE regions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        parent_id uuid REFERENCES regions(id),
        level text NOT NULL CHECK (level IN ('country', 'province', 'city')),
        -- materialised path of codes ('/CN/GD/SZ/'): "covers descendants" is a prefix match
        path text NOT NULL UNIQUE,
        name_zh text NOT NULL,
        name_en text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((level = 'country') = (parent_id IS NULL))
      )`);
    await q.query(`CREATE INDEX regions_parent_idx ON regions (parent_id)`);
    await q.query(`CREATE INDEX regions_path_idx ON regions (path text_pattern_ops)`);

    await q.query(`
      CREATE TABLE segments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        industry_id uuid NOT NULL REFERENCES industries(id),
        region_id uuid NOT NULL REFERENCES regions(id),
        market_potential smallint NOT NULL CHECK (market_potential BETWEEN 0 AND 100),
        expansion_difficulty smallint NOT NULL CHECK (expansion_difficulty BETWEEN 0 AND 100),
        -- derived by the domain rule channelStrategyFor() with the policy thresholds; kept for filtering
        strategy text NOT NULL CHECK (strategy IN ('direct', 'strategic', 'smb', 'nurture')),
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (industry_id, region_id)
      )`);
    await q.query(`CREATE INDEX segments_region_idx ON segments (region_id)`);

    await q.query(`
      CREATE TABLE product_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name_zh text NOT NULL,
        name_en text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sku text NOT NULL UNIQUE,
        product_line_id uuid NOT NULL REFERENCES product_lines(id),
        name_zh text NOT NULL,
        name_en text NOT NULL,
        list_price numeric(18, 2) NOT NULL CHECK (list_price >= 0),
        standard boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('vendor_admin', 'channel_manager', 'leadership', 'partner_admin', 'partner_user')),
        job_role text CHECK (job_role IN ('sales', 'presales', 'service')),
        partner_id uuid,
        locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en')),
        time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
        disabled_at timestamptz,
        disabled_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- partner users belong to exactly one organisation; vendor users to none
        CHECK ((role IN ('partner_admin', 'partner_user')) = (partner_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await q.query(`CREATE INDEX users_partner_idx ON users (partner_id)`);

    await q.query(`
      CREATE TABLE partners (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        name_en text,
        type text NOT NULL CHECK (type IN ('strategic', 'smb')),
        status text NOT NULL CHECK (status IN ('applied', 'screening', 'rejected', 'trial', 'active', 'suspended', 'terminated')),
        tax_id text NOT NULL,
        domain text,
        region_id uuid REFERENCES regions(id),
        manager_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX partners_tax_id_key ON partners (upper(tax_id))`);
    await q.query(`CREATE UNIQUE INDEX partners_domain_key ON partners (lower(domain)) WHERE domain IS NOT NULL`);
    await q.query(`CREATE INDEX partners_status_idx ON partners (status, type)`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_partner_fk FOREIGN KEY (partner_id) REFERENCES partners(id)`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip text,
        user_agent text
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE login_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        ip text,
        succeeded boolean NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_attempts_email_idx ON login_attempts (email, attempted_at DESC)`);
    await q.query(`CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, attempted_at DESC)`);

    await q.query(`
      CREATE TABLE policies (
        id smallint PRIMARY KEY CHECK (id = 1),
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id)
      )`);

    await q.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users(id),
        actor_email text,
        entity text NOT NULL,
        entity_id text NOT NULL,
        action text NOT NULL,
        before jsonb,
        after jsonb,
        request_id text
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, seq DESC)`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION forbid_change()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION forbid_change()`);

    for (const table of ['industries', 'regions', 'segments', 'product_lines', 'products', 'users', 'partners']) {
      await q.query(`CREATE TRIGGER ${table}_updated_at BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP TABLE policies`);
    await q.query(`DROP TABLE login_attempts`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_partner_fk`);
    await q.query(`DROP TABLE partners`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE products`);
    await q.query(`DROP TABLE product_lines`);
    await q.query(`DROP TABLE segments`);
    await q.query(`DROP TABLE regions`);
    await q.query(`DROP TABLE industries`);
    await q.query(`DROP FUNCTION forbid_change()`);
    await q.query(`DROP FUNCTION set_updated_at()`);
  }
}
