/**
 * npm run bench -- start
 * What a newcomer's first `npm start` and every later start cost, on a fresh temporary data dir per run:
 * - cold start: empty data dir → database created, migrated, demo essentials seeded, listening (spawn until /healthz);
 * - demo complete: the background job has seeded the other companies and the 1,000-product catalog ("demo catalog
 *   complete" in the log) and the shops show every product (time from spawn);
 * - warm start: the same data dir, holding the complete demo, started again (nothing to migrate or seed);
 * - idle RSS of the warm-started server (and, for comparison, of the cold-started one once its demo was complete).
 * The server's own phase figures ("Tongshang is listening": open, migrate, build, seed) are printed per run.
 * The web app build is not part of it (npm start builds it once, when missing). BENCH_RUNS (3).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess, type ServerProcess } from '../server/src/testing/server-process.js';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const CATALOG_SIZE = 1000;
const DEMO_TIMEOUT_MS = 20 * 60_000;

async function rssMb(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

const stats = (xs: number[], digits = 0) => {
  const s = [...xs].sort((a, b) => a - b);
  return `min ${s[0]!.toFixed(digits)}  median ${s[Math.floor(s.length / 2)]!.toFixed(digits)}  max ${s[s.length - 1]!.toFixed(digits)}`;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The phase figures main.ts logs with "Tongshang is listening". */
function phases(server: ServerProcess): string {
  const line = server.output().split('\n').find((l) => l.includes('"Tongshang is listening"'));
  if (!line) return '(no listening line)';
  const p = JSON.parse(line) as Record<string, unknown>;
  return ['uptimeMs', 'startMs', 'openMs', 'migrateMs', 'buildMs', 'seedMs', 'scheduleMs', 'listenMs'].map((k) => `${k.replace('Ms', '')} ${String(p[k])}`).join(', ');
}

/** Products the supplier shops show, summed: the catalog is complete when it reaches CATALOG_SIZE. */
async function listedProducts(baseUrl: string): Promise<number> {
  const companies = (await (await fetch(`${baseUrl}/api/v1/companies?role=supplier&limit=100`)).json()) as { items: Array<{ id: string }> };
  let total = 0;
  for (const c of companies.items) {
    const res = await fetch(`${baseUrl}/api/v1/shops/${c.id}`);
    if (res.ok) total += ((await res.json()) as { productCount: number }).productCount;
  }
  return total;
}

/** Milliseconds from spawn until the log says `line` and the shops list the whole catalog. */
async function untilDemoComplete(server: ServerProcess, spawnedAt: number): Promise<{ companiesMs: number; catalogMs: number; sourcingMs: number }> {
  const deadline = Date.now() + DEMO_TIMEOUT_MS;
  let companiesMs = -1;
  let catalogMs = -1;
  while (Date.now() < deadline) {
    const out = server.output();
    if (companiesMs < 0 && out.includes('demo companies complete')) companiesMs = Date.now() - spawnedAt;
    if (catalogMs < 0 && out.includes('demo catalog complete') && (await listedProducts(server.baseUrl)) >= CATALOG_SIZE) catalogMs = Date.now() - spawnedAt;
    // Bookmarks, inquiries, RFQs and chats follow the catalog (seed/demo-sourcing.ts).
    if (catalogMs >= 0 && out.includes('demo sourcing complete')) return { companiesMs, catalogMs, sourcingMs: Date.now() - spawnedAt };
    if (server.child.exitCode !== null) throw new Error(`the server exited while seeding:\n${out.slice(-3000)}`);
    await sleep(1000);
  }
  throw new Error(`the demo was not complete within ${DEMO_TIMEOUT_MS / 60_000} minutes`);
}

async function main(): Promise<void> {
  console.log(`bench start: ${runs} runs, PGlite, ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  const cold: number[] = [];
  const companies: number[] = [];
  const catalog: number[] = [];
  const sourcing: number[] = [];
  const warm: number[] = [];
  const rssCold: number[] = [];
  const rss: number[] = [];
  // Let start-up garbage settle, then read the resident set of the idle server.
  const idleRss = async (pid: number | undefined) => {
    await sleep(5000);
    return rssMb(pid!);
  };
  for (let i = 0; i < runs; i++) {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tongshang-start-'));
    try {
      // The log level a newcomer runs with: the bench watches for "demo catalog complete".
      const env = { DATA_DIR: dataDir, SEED_DEMO: 'true', LOG_LEVEL: 'info' };
      const spawnedAt = Date.now();
      const first = await startServerProcess(env, 120_000);
      cold.push(first.readyMs);
      console.log(`run ${i + 1}: cold listening in ${first.readyMs} ms (${phases(first)})`);
      const demo = await untilDemoComplete(first, spawnedAt);
      companies.push(demo.companiesMs / 1000);
      catalog.push(demo.catalogMs / 1000);
      sourcing.push(demo.sourcingMs / 1000);
      console.log(`run ${i + 1}: demo companies complete at ${(demo.companiesMs / 1000).toFixed(1)} s, catalog of ${CATALOG_SIZE} in the shops at ${(demo.catalogMs / 1000).toFixed(1)} s, sourcing at ${(demo.sourcingMs / 1000).toFixed(1)} s (load ${os.loadavg()[0]!.toFixed(1)})`);
      rssCold.push(await idleRss(first.child.pid));
      await first.stop();
      const second = await startServerProcess(env, 120_000);
      warm.push(second.readyMs);
      rss.push(await idleRss(second.child.pid));
      // A warm start finds the demo done: nothing seeded again.
      if (/Demo marketplace|demo (companies|catalog|sourcing):/.test(second.output())) throw new Error(`the warm start seeded again:\n${second.output().slice(-3000)}`);
      console.log(`run ${i + 1}: warm listening in ${second.readyMs} ms (${phases(second)}), idle RSS ${rss.at(-1)!.toFixed(0)} MB`);
      await second.stop();
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }
  console.log('');
  console.log(`cold start ms (to listening)          ${stats(cold)}   target ≤ 15000 → ${Math.max(...cold) <= 15000 ? 'met' : 'MISSED'}`);
  console.log(`demo companies complete s (from spawn) ${stats(companies, 1)}`);
  console.log(`demo catalog complete s (from spawn)   ${stats(catalog, 1)}`);
  console.log(`demo sourcing complete s (from spawn)  ${stats(sourcing, 1)}`);
  console.log(`warm start ms (complete demo)         ${stats(warm)}   target ≤ 5000 → ${Math.max(...warm) <= 5000 ? 'met' : 'MISSED'}`);
  console.log(`idle RSS MB, warm start               ${stats(rss)}   target ≤ 300 → ${Math.max(...rss) <= 300 ? 'met' : 'MISSED'}`);
  console.log(`idle RSS MB, cold-started server once its demo was complete   ${stats(rssCold)}   (for comparison)`);
  console.log(`load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

await main();
