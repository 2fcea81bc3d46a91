// `pnpm dev` for the API: recompile on change and restart the server on each new build.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = spawn(process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], { cwd: dir, stdio: 'inherit' });
const server = spawn(process.execPath, ['--watch-path=dist', '--enable-source-maps', 'dist/main.js'], { cwd: dir, stdio: 'inherit', env: { LOG_LEVEL: 'debug', ...process.env } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { tsc.kill(signal); server.kill(signal); process.exit(0); });
