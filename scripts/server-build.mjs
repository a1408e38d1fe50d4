// Transpiles server/src to server/dist (one .js per .ts, no bundling, same folder depth so paths relative to a
// module — migrations, data, web/dist — resolve alike). The server then runs as plain JavaScript: the tsx loader
// costs ~30 MB of resident memory and ~2 s of start-up that a production process should not pay (bench/README.md).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './web-build.mjs';

const SRC = path.join(ROOT, 'server/src');
const OUT = path.join(ROOT, 'server/dist');
const STAMP = path.join(OUT, '.built');

function sources(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // Test helpers and tests never run in the server process.
      if (entry.name !== 'testing') sources(p, out);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) {
      out.push(p);
    }
  }
  return out;
}

/** Why the server build is needed ('missing' | 'stale'), or null when server/dist is current. */
export function serverBuildReason(files = sources(SRC)) {
  if (!fs.existsSync(STAMP)) return 'missing';
  const built = fs.statSync(STAMP).mtimeMs;
  const lock = fs.statSync(path.join(ROOT, 'package-lock.json')).mtimeMs;
  return Math.max(lock, ...files.map((f) => fs.statSync(f).mtimeMs)) > built ? 'stale' : null;
}

export async function ensureServerBuilt(log = console.log) {
  const files = sources(SRC);
  const reason = serverBuildReason(files);
  if (!reason) return false;
  const started = Date.now();
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: files, outdir: OUT, outbase: SRC, bundle: false, format: 'esm', platform: 'node', target: 'node20',
    sourcemap: 'linked', logLevel: 'warning', write: false,
  });
  // Each file is replaced by a rename, so a server started meanwhile (another test run) reads old or new, never half.
  for (const file of result.outputFiles) {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    const tmp = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, file.contents);
    fs.renameSync(tmp, file.path);
  }
  fs.writeFileSync(STAMP, new Date().toISOString());
  log(`server ${reason === 'missing' ? 'built' : 'rebuilt'} to server/dist in ${Date.now() - started} ms`);
  return true;
}
