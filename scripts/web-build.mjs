// Builds web/dist when it is missing or older than its sources. Used by `npm start` and the browser tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST_INDEX = path.join(ROOT, 'web/dist/index.html');
const SOURCES = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'package-lock.json'];

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Why the build is needed ('missing' | 'stale'), or null when web/dist is current. */
export function webBuildReason() {
  if (!fs.existsSync(DIST_INDEX)) return 'missing';
  const built = fs.statSync(DIST_INDEX).mtimeMs;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
  return newest > built ? 'stale' : null;
}

export function ensureWebBuilt(log = console.log) {
  const reason = webBuildReason();
  if (!reason) return false;
  log(`web app build ${reason} — building it with Vite (takes a minute on a small machine)…`);
  const started = Date.now();
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`web build failed (exit ${result.status})`);
  // Touch the index so an unchanged source tree counts as current next time.
  const now = new Date();
  fs.utimesSync(DIST_INDEX, now, now);
  log(`web app built in ${Math.round((Date.now() - started) / 1000)} s`);
  return true;
}
