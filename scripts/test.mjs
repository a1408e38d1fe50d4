// npm test: unit + API tests, then the browser tests when Chromium is installed (they must not be skipped in CI).
//   npm test -- --unit-only   only the unit + API tests (PostgreSQL instead of PGlite when TEST_DATABASE_URL is set)
//   npm test -- --e2e-only    only the browser tests
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { ROOT } from './web-build.mjs';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--unit-only' && a !== '--e2e-only');
if (unknown.length || args.length > 1) {
  console.error(`usage: npm test [-- --unit-only | --e2e-only]   (got: ${args.join(' ')})`);
  process.exit(2);
}
const unit = !args.includes('--e2e-only');
const e2e = !args.includes('--unit-only');
const ci = process.env.CI === 'true';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const vitest = ['node_modules/vitest/vitest.mjs', 'run'];
const results = [];
let ok = true;

function run(label, extra) {
  console.log(`\n▶ ${label} tests`);
  const r = spawnSync(process.execPath, [...vitest, ...extra], { cwd: ROOT, stdio: 'inherit' });
  const passed = r.status === 0;
  results.push(`${label} ${passed ? 'passed' : 'FAILED'}`);
  if (!passed) ok = false;
}

if (unit) run('unit+API', []);
if (e2e) {
  if (fs.existsSync(chromium)) {
    run('browser', ['--config', 'e2e/vitest.config.ts']);
  } else {
    console.log(`\nBrowser tests SKIPPED: Chromium not found at ${chromium} (apt-get install chromium fonts-noto-cjk)`);
    if (ci) {
      console.log('CI=true: skipping the browser tests counts as a failure.');
      results.push('browser FAILED (skipped in CI)');
      ok = false;
    } else {
      results.push('browser skipped');
    }
  }
}
console.log(`\nnpm test: ${results.join(', ')}`);
process.exit(ok ? 0 : 1);
