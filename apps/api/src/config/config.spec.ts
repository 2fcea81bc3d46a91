import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'pl-config-'));

  it('defaults to the embedded database on port 3000', () => {
    const c = loadConfig({ DATA_DIR: dataDir() });
    expect(c).toMatchObject({ PORT: 3000, embeddedDatabase: true, seedDemo: true, RUN_MIGRATIONS: true });
  });

  it('names every bad value in one message', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail', DATA_DIR: dataDir() })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail', DATA_DIR: dataDir() });
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toMatch(/PORT/);
      expect(msg).toMatch(/DATABASE_URL: must be a postgres/);
      expect(msg).toMatch(/SMTP_URL: must be an smtp/);
    }
  });

  it('requires SESSION_SECRET in production and a long one everywhere', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrow(/SESSION_SECRET: required in production/);
    expect(() => loadConfig({ SESSION_SECRET: 'short', DATA_DIR: dataDir() })).toThrow(/at least 32/);
  });

  it('in development generates a session secret once and keeps it in the data folder', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8')).toBe(first);
  });

  it('with DATABASE_URL uses that server and does not seed in production', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/pl', NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DATA_DIR: dataDir() });
    expect(c.embeddedDatabase).toBe(false);
    expect(c.seedDemo).toBe(false);
  });
});
