#!/usr/bin/env node
// `npm test`: every test of every package — unit, integration on PostgreSQL (embedded, or DATABASE_URL),
// and browser end-to-end in Debian's chromium. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureInstalled, pnpm, root } from './pnpm.mjs';

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(path)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`[partnerline] browser tests need Chromium at ${path}. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  console.log('[partnerline] installing Debian chromium for the browser tests (once)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk']]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(`[partnerline] apt-get ${args.join(' ')} failed; install chromium yourself or set CHROMIUM_PATH.`);
      process.exit(1);
    }
  }
}

try {
  ensureInstalled();
} catch (err) {
  console.error(`[partnerline] ${err.message}`);
  process.exit(1);
}
ensureChromium();
const extra = process.argv.slice(2);
process.exit(pnpm(['exec', 'turbo', 'run', 'test', '--concurrency=1', '--output-logs=full', ...extra], { cwd: root }));
