#!/usr/bin/env node
// Runs the pinned pnpm without a global install: the first call installs it into .tools/ with npm
// (a registry package, no binary download), later calls reuse it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const toolsDir = join(root, '.tools');
const pnpmBin = join(toolsDir, 'node_modules', 'pnpm', 'bin', 'pnpm.mjs');

function installedVersion() {
  try {
    return JSON.parse(readFileSync(join(toolsDir, 'node_modules', 'pnpm', 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

export function ensurePnpm() {
  if (installedVersion() === pinned && existsSync(pnpmBin)) return pnpmBin;
  console.log(`[partnerline] installing pnpm ${pinned} into .tools/ (once)`);
  mkdirSync(toolsDir, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(
    npm,
    ['install', '--prefix', toolsDir, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `pnpm@${pinned}`],
    { stdio: 'inherit', cwd: root },
  );
  if (r.status !== 0) throw new Error(`could not install pnpm ${pinned} (npm exited ${r.status})`);
  return pnpmBin;
}

/** The environment for child processes: the pinned pnpm first on PATH (turbo looks it up there). */
export function pnpmEnv(extra = {}) {
  const binDir = join(toolsDir, 'node_modules', '.bin');
  return { ...process.env, PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}`, ...extra };
}

export function pnpm(args, opts = {}) {
  const bin = ensurePnpm();
  const r = spawnSync(process.execPath, [bin, ...args], { stdio: 'inherit', cwd: process.cwd(), env: pnpmEnv(), ...opts });
  return r.status ?? 1;
}

/** A fingerprint of everything that decides what `pnpm install` puts in node_modules. */
function installFingerprint() {
  const files = ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json'];
  for (const base of ['apps', 'packages']) {
    for (const dir of readdirSync(join(root, base), { withFileTypes: true })) {
      if (dir.isDirectory() && existsSync(join(root, base, dir.name, 'package.json'))) files.push(join(base, dir.name, 'package.json'));
    }
  }
  const hash = createHash('sha256');
  for (const f of files.sort()) hash.update(f).update(existsSync(join(root, f)) ? readFileSync(join(root, f)) : '');
  return hash.update(process.version).digest('hex');
}

/** Installs dependencies from the lockfile unless node_modules already matches it. */
export function ensureInstalled() {
  const stamp = join(root, 'node_modules', '.partnerline-install');
  const fingerprint = installFingerprint();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) return;
  console.log('[partnerline] installing dependencies (pnpm install --frozen-lockfile)');
  const status = pnpm(['install', '--frozen-lockfile'], { cwd: root });
  if (status !== 0) throw new Error(`pnpm install failed (exit ${status})`);
  writeFileSync(stamp, fingerprint);
}

// Compare real paths: the script may be reached through a symlink.
if (process.argv[1] && realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1])) {
  process.exit(pnpm(process.argv.slice(2)));
}
