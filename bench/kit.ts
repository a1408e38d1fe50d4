/** What several benchmarks share: percentiles, a bounded worker pool, valid USCCs, and a scratch database. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../server/src/platform/db.js';

export function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function pool<T>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  }));
}

export interface CpuUse { serverMs: number; postgresMs: number; benchMs: number; idlePct: number }

/**
 * Where the CPU went while a run lasted (Linux /proc; null elsewhere): the server process, every PostgreSQL
 * process, this bench process, and the machine's idle share. On a machine that runs all three, the sum per order
 * bounds the throughput: cores ÷ (CPU ms per order) orders per ms.
 */
export async function cpuMeter(serverPid: number | undefined): Promise<() => Promise<CpuUse | null>> {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  // utime + stime, and with children the reaped children's too: a PostgreSQL backend that exits during the run
  // (a pool closing an idle connection) then still counts, through the postmaster's cutime + cstime.
  const ticksOf = async (pid: string, children = false) => {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]) + (children ? Number(fields[13]) + Number(fields[14]) : 0);
  };
  const postgresTicks = async () => {
    let sum = 0;
    for (const pid of await fs.readdir('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        if ((await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')).startsWith('postgres')) sum += await ticksOf(pid, true);
      } catch {
        // exited meanwhile
      }
    }
    return sum;
  };
  const machine = async () => (await fs.readFile('/proc/stat', 'utf8')).split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const snapshot = async () => ({ server: serverPid ? await ticksOf(String(serverPid)) : 0, postgres: await postgresTicks(), bench: process.cpuUsage(), machine: await machine() });
  let before: Awaited<ReturnType<typeof snapshot>>;
  try {
    before = await snapshot();
  } catch {
    return async () => null;
  }
  return async () => {
    const after = await snapshot();
    const bench = process.cpuUsage(before.bench);
    const total = after.machine.reduce((a, b) => a + b, 0) - before.machine.reduce((a, b) => a + b, 0);
    const idle = after.machine[3]! + after.machine[4]! - before.machine[3]! - before.machine[4]!;
    return {
      serverMs: (after.server - before.server) * tick, postgresMs: (after.postgres - before.postgres) * tick,
      benchMs: (bench.user + bench.system) / 1000, idlePct: total > 0 ? (idle / total) * 100 : 0,
    };
  };
}

/** The i-th of a family of valid unified social credit codes (GB 32100-2015 check digits), region 320500. */
export function completeUsccFor(i: number): string {
  const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  const body8 = String(10_000_000 + i * 7919).slice(-8);
  let sum = 0;
  for (let k = 0; k < 8; k++) sum += Number(body8[k]) * orgWeights[k]!;
  const c9 = 11 - (sum % 11);
  const org = body8 + (c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9));
  const first17 = `91320500${org}`;
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let s = 0;
  for (let k = 0; k < 17; k++) s += CHARS.indexOf(first17[k]!) * weights[k]!;
  return first17 + CHARS[(31 - (s % 31)) % 31]!;
}

export interface ScratchDatabase {
  database: Database;
  dataDir: string;
  /** '' on PGlite. */
  databaseUrl: string;
  drop(): Promise<void>;
}

/** A fresh database for one run: a new PostgreSQL database on BENCH_DATABASE_URL's server, or a temporary PGlite directory. */
export async function scratchDatabase(kind: 'postgres' | 'pglite', prefix: string): Promise<ScratchDatabase> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `tongshang-${prefix}-`));
  if (kind === 'pglite') {
    return { database: await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') }), dataDir, databaseUrl: '', drop: () => fs.rm(dataDir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `tongshang_${prefix.replace(/\W/g, '_')}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    database: await openDatabase({ databaseUrl, poolSize: 8 }), dataDir, databaseUrl,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
