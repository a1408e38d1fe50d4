import { performance } from 'node:perf_hooks';
import { runWithApp } from './with-app.js';

/**
 * npm run search:rebuild — recovery: rebuilds the search read model from the catalog and the supplier modules
 * (every supplier, then every published product in batches), drops rows no longer published, recounts the
 * suggestion terms. On PostgreSQL the server keeps serving meanwhile (changes during the rebuild queue up and are
 * applied by its worker); PGlite allows one process, so stop the server first.
 */
runWithApp(async (modules) => {
  const started = performance.now();
  const tty = process.stdout.isTTY;
  let last = '';
  const show = (line: string, final = false) => {
    if (tty) process.stdout.write(`\r${line.padEnd(last.length)}${final ? '\n' : ''}`);
    else if (final) console.log(line);
    last = line;
  };
  let stage = '';
  const result = await modules.search.search.rebuild((s, done) => {
    if (stage && s !== stage) show(last, true);
    stage = s;
    const seconds = (performance.now() - started) / 1000;
    show(s === 'terms' ? `terms      ${done.toLocaleString()} recounted` : `${s.padEnd(10)} ${done.toLocaleString()} indexed  (${seconds.toFixed(1)} s)`);
  });
  show(last, true);
  console.log(`\nrebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s: ${result.suppliers.toLocaleString()} suppliers, ${result.products.toLocaleString()} products, ` +
    `${result.removed.toLocaleString()} stale rows removed, ${result.terms.toLocaleString()} suggestion terms`);
  const pending = await modules.search.search.pending();
  if (pending > 0) console.log(`${pending.toLocaleString()} changes queued meanwhile; the running server's worker applies them.`);
  return 0;
});
