#!/usr/bin/env node
// `npm test`: lint first (a lint error fails the run), then every test of every package — unit, integration on
// PostgreSQL (embedded, or DATABASE_URL), and browser end-to-end in Debian's chromium. Exits non-zero on any failure.
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
// Lint is cheap and cached by turbo; the same filters (e.g. --filter=@partnerline/api) apply to it.
const lint = pnpm(['exec', 'turbo', 'run', 'lint', '--output-logs=errors-only', ...extra], { cwd: root });
if (lint !== 0) {
  console.error('[partnerline] lint failed (see the errors above; `pnpm lint` reproduces them): not running the tests.');
  process.exit(lint);
}
process.exit(pnpm(['exec', 'turbo', 'run', 'test', '--concurrency=1', '--output-logs=full', ...extra], { cwd: root }));
