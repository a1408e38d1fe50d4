/**
 * npm run bench -- http
 * Throughput and latency of GET /healthz and an authenticated GET /api/v1/me on PGlite, against a bare
 * node:http server in the same run. Server and baseline each run in their own process; the load
 * generator (autocannon) runs here. BENCH_DURATION (seconds, default 10), BENCH_CONNECTIONS (50).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort, startServerProcess } from '../server/src/testing/server-process.js';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

interface Figure { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number }

async function load(name: string, url: string, headers: Record<string, string> = {}): Promise<Figure> {
  // Warm up (JIT, caches) before measuring.
  await autocannon({ url, headers, connections, duration: 2 });
  const r = await autocannon({ url, headers, connections, duration });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

async function startBare(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const code = `require('node:http').createServer((q,s)=>{s.writeHead(200,{'content-type':'application/json'});s.end('{"status":"ok"}')}).listen(${port},'127.0.0.1',()=>console.log('up'))`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return { url: `http://127.0.0.1:${port}/healthz`, stop: () => child.kill() };
}

async function main(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tongshang-bench-'));
  console.log(`bench http: ${connections} connections, ${duration} s per target, ${os.cpus().length} cores, Node ${process.version}`);
  console.log('server: its own process (node --import tsx server/src/main.ts) on PGlite: fresh data dir, demo seed, workers on, LOG_LEVEL=error');
  console.log('baseline: bare node:http in its own process; load generator (autocannon): this process\n');
  const server = await startServerProcess({ DATA_DIR: dataDir, SEED_DEMO: 'true', WORKERS_ENABLED: 'true', LOG_LEVEL: 'error' }, 120_000);
  const bare = await startBare();
  try {
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'chen.li@huadong-steel.demo', password: 'Tongshang-Demo-2026' }),
    });
    if (!login.ok) throw new Error(`demo seller login failed: HTTP ${login.status} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    const figures = [
      await load('bare node:http', bare.url),
      await load('GET /healthz', `${server.baseUrl}/healthz`),
      await load('GET /api/v1/me', `${server.baseUrl}/api/v1/me`, { authorization: `Bearer ${token}` }),
    ];
    const bareRps = figures[0]!.rps;
    console.log('target                 req/s      p50 ms   p99 ms   ×bare   errors  non-2xx');
    for (const f of figures) {
      console.log(`${f.name.padEnd(20)} ${f.rps.toFixed(0).padStart(8)} ${f.p50.toFixed(1).padStart(10)} ${f.p99.toFixed(1).padStart(8)} ${(f.rps / bareRps).toFixed(2).padStart(7)} ${String(f.errors).padStart(8)} ${String(f.non2xx).padStart(8)}`);
    }
    const healthRatio = figures[1]!.rps / bareRps;
    const meP99 = figures[2]!.p99;
    console.log(`\ntarget: /healthz ≥ 0.70× bare → ${healthRatio.toFixed(2)}× ${healthRatio >= 0.7 ? 'met' : 'MISSED'}`);
    console.log(`target: /api/v1/me p99 ≤ 20 ms at ${connections} connections on PGlite → ${meP99.toFixed(1)} ms ${meP99 <= 20 ? 'met' : 'MISSED'}`);
  } finally {
    bare.stop();
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
