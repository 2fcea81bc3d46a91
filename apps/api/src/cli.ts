import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { openDatabase, prepareDatabase } from './bootstrap/database';
import { loadConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { resetDemo, seedDemo } from './seed/seed';

/** `node dist/cli.js migrate | seed [--reset]` — the same steps `npm start` runs, one at a time. */
async function main() {
  const [command, ...flags] = process.argv.slice(2);
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    if (command === 'migrate') {
      const r = await prepareDatabase(db.url, { runMigrations: true, seedDemo: false });
      console.log(r.migrations.length ? `applied: ${r.migrations.join(', ')}` : 'schema is up to date');
    } else if (command === 'seed') {
      await prepareDatabase(db.url, { runMigrations: true, seedDemo: false });
      const ds = new DataSource(dataSourceOptions(db.url, 2));
      await ds.initialize();
      try {
        const summary = flags.includes('--reset') ? await resetDemo(ds) : await seedDemo(ds);
        console.log(summary ? `demo data loaded: ${JSON.stringify(summary)}` : 'database already has data; use --reset to reload it');
      } finally {
        await ds.destroy();
      }
    } else {
      console.error('usage: cli.js migrate | seed [--reset]');
      process.exitCode = 2;
    }
  } finally {
    await db.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
