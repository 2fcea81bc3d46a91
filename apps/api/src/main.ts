import 'reflect-metadata';
import { createApp } from './bootstrap/create-app';
import { openDatabase, prepareDatabase } from './bootstrap/database';
import { ConfigError, loadConfig } from './config/config';
import { createRootLogger } from './common/logging/logger';
import { DEMO_PASSWORD } from './seed/data/partners';
import { seedDemo } from './seed/seed';

const DEMO_LOGINS = [
  ['admin@partnerline.demo', 'vendor admin', '/admin'],
  ['manager@partnerline.demo', 'channel manager', '/admin'],
  ['manager2@partnerline.demo', 'channel manager', '/admin'],
  ['leader@partnerline.demo', 'leadership', '/admin'],
  ['owner@huaxin.demo', 'partner admin, 华信智联', '/portal'],
  ['sales@huaxin.demo', 'partner user (sales), 华信智联', '/portal'],
  ['owner@lanting.demo', 'partner admin, 兰亭科技', '/portal'],
];

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`\n${err.message}\n\nFix the environment variable(s) above and start again.\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createRootLogger(config.LOG_LEVEL);
  const db = await openDatabase(config);
  logger.info({ kind: db.kind, dataDir: db.kind === 'embedded' ? config.dataDir : undefined }, 'database ready');
  const prepared = await prepareDatabase(db.url, {
    runMigrations: config.RUN_MIGRATIONS,
    seedDemo: config.seedDemo,
    seed: async (ds) => (await seedDemo(ds)) !== null,
  });
  if (prepared.migrations.length) logger.info({ migrations: prepared.migrations }, 'migrations applied');
  if (prepared.seeded) logger.info('demo data loaded');

  const app = await createApp(config, db.url, logger);
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    await db.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen(config.PORT, config.HOST);
  const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const lines = [
    '',
    `  Partnerline is running (${db.kind === 'embedded' ? `embedded PostgreSQL, data in ${config.dataDir}` : 'PostgreSQL server from DATABASE_URL'})`,
    '',
    `  Admin app    ${base}/admin`,
    `  Partner app  ${base}/portal`,
    `  API          ${base}/api`,
    `  API docs     ${base}/api/docs   (OpenAPI JSON: ${base}/api/docs-json)`,
    '',
  ];
  if (config.seedDemo) {
    lines.push(`  Demo logins (password ${DEMO_PASSWORD}):`);
    for (const [email, role, app] of DEMO_LOGINS) lines.push(`    ${email.padEnd(28)} ${role.padEnd(34)} ${app}`);
    lines.push('');
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err) => {
  console.error('Partnerline failed to start:', err instanceof Error ? err.message : err);
  if (process.env.LOG_LEVEL === 'debug') console.error(err);
  process.exit(1);
});
