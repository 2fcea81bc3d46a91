#!/usr/bin/env node
// `npm start`: install (once), build (cached by turbo), migrate, seed an empty database, serve on one port.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureInstalled, pnpm, pnpmEnv, root } from './pnpm.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Partnerline needs Node.js 20.19 or newer (this is ${process.version}).`);
  process.exit(1);
}

try {
  ensureInstalled();
} catch (err) {
  console.error(`[partnerline] ${err.message}`);
  process.exit(1);
}

console.log('[partnerline] building (unchanged packages come from the turbo cache)');
const built = pnpm(['exec', 'turbo', 'run', 'build', '--filter=@partnerline/api', '--filter=@partnerline/admin', '--filter=@partnerline/portal', '--output-logs=errors-only'], { cwd: root });
if (built !== 0) process.exit(built);

const api = join(root, 'apps', 'api', 'dist');
if (process.argv.includes('--seed-reset')) {
  const child = spawn(process.execPath, [join(api, 'cli.js'), 'seed', '--reset'], { stdio: 'inherit', env: pnpmEnv() });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  const child = spawn(process.execPath, ['--enable-source-maps', join(api, 'main.js')], { stdio: 'inherit', env: pnpmEnv() });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
