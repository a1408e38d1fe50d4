/**
 * npm run bench -- start
 * Cold start (empty data dir: create the database, migrate, seed demo data, listen) and warm start
 * (same data dir again), measured from spawn until /healthz answers; then the idle RSS of the server.
 * The web app build is not part of it (npm start builds it once, when missing). BENCH_RUNS (3).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess } from '../server/src/testing/server-process.js';

const runs = Number(process.env.BENCH_RUNS ?? 3);

async function rssMb(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `min ${s[0]!.toFixed(0)}  median ${s[Math.floor(s.length / 2)]!.toFixed(0)}  max ${s[s.length - 1]!.toFixed(0)}`;
};

async function main(): Promise<void> {
  console.log(`bench start: ${runs} runs each, PGlite, ${os.cpus().length} cores, Node ${process.version}\n`);
  const cold: number[] = [];
  const warm: number[] = [];
  const rssCold: number[] = [];
  const rss: number[] = [];
  // Let start-up garbage settle, then read the resident set of the idle server.
  const idleRss = async (pid: number | undefined) => {
    await new Promise((r) => setTimeout(r, 5000));
    return rssMb(pid!);
  };
  for (let i = 0; i < runs; i++) {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tongshang-start-'));
    try {
      const env = { DATA_DIR: dataDir, SEED_DEMO: 'true', LOG_LEVEL: 'error' };
      const first = await startServerProcess(env, 120_000);
      cold.push(first.readyMs);
      rssCold.push(await idleRss(first.child.pid));
      await first.stop();
      const second = await startServerProcess(env, 120_000);
      warm.push(second.readyMs);
      rss.push(await idleRss(second.child.pid));
      await second.stop();
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }
  console.log(`cold start ms   ${stats(cold)}   target ≤ 15000 → ${Math.max(...cold) <= 15000 ? 'met' : 'MISSED'}`);
  console.log(`warm start ms   ${stats(warm)}   target ≤ 5000 → ${Math.max(...warm) <= 5000 ? 'met' : 'MISSED'}`);
  console.log(`idle RSS MB, after the cold start (seeded in this process)   ${stats(rssCold)}   (for comparison)`);
  console.log(`idle RSS MB, after a warm start   ${stats(rss)}   target ≤ 300 → ${Math.max(...rss) <= 300 ? 'met' : 'MISSED'}`);
}

await main();
