// npm test: unit + API tests, then the browser tests when Chromium is installed (they must not be skipped in CI).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { ROOT } from './web-build.mjs';

const args = new Set(process.argv.slice(2));
const unit = !args.has('--e2e-only');
const e2e = !args.has('--unit-only');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const vitest = ['node_modules/vitest/vitest.mjs', 'run'];
const results = [];

function run(label, extra) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(process.execPath, [...vitest, ...extra], { cwd: ROOT, stdio: 'inherit' });
  results.push(`${label} ${r.status === 0 ? 'passed' : 'FAILED'}`);
  return r.status === 0;
}

let ok = true;
if (unit) ok = run('unit + API tests', []) && ok;
if (e2e) {
  if (fs.existsSync(chromium)) {
    ok = run('browser tests', ['--config', 'e2e/vitest.config.ts']) && ok;
  } else {
    console.log(`\nBrowser tests SKIPPED: Chromium not found at ${chromium} (apt-get install chromium fonts-noto-cjk)`);
    results.push('browser tests skipped');
    if (process.env.CI === 'true') ok = false;
  }
}
console.log(`\nnpm test: ${results.join(', ')}`);
process.exit(ok ? 0 : 1);
