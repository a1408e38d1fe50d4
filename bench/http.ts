/**
 * npm run bench -- http
 * Throughput and latency of GET /healthz, an authenticated GET /api/v1/me and an anonymous buyer's product
 * detail (GET /api/v1/products/{id} and its price at 500 units) on PGlite, against a bare node:http server in
 * the same run. Server and baseline each run in their own process; the load generator (autocannon) runs here.
 * BENCH_DURATION (seconds, default 10), BENCH_CONNECTIONS (50).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import sharp from 'sharp';
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

/** A JSON call as a signed-in user (Bearer: no CSRF token); throws with the answer when it is not the expected status. */
async function apiCall<T>(base: string, token: string | null, method: string, url: string, body?: unknown, expect = 200): Promise<T> {
  const res = await fetch(`${base}/api/v1${url}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  if (res.status !== expect) throw new Error(`${method} ${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * A seller of its own (the demo catalogue may still be seeding, and its shape is not this bench's business) publishes
 * one hot-rolled plate listing through the API: four grades as SKUs (one with its own tiers), three tiers, two images.
 */
async function publishBenchProduct(base: string): Promise<{ id: string; skuId: string }> {
  const stamp = Date.now().toString(36);
  const { token } = await apiCall<{ token: string }>(base, null, 'POST', '/auth/register', { email: `bench-${stamp}@bench-steel.test`, password: 'Bench-Steel-Seller-2026', name: '压测卖家' }, 201);
  await apiCall(base, token, 'POST', '/companies', {
    legalName: `压测钢材贸易有限公司 ${stamp}`, nameEn: 'Bench Steel Trading Co., Ltd.', companyType: 'trading_company',
    province: '320000', city: '无锡', industry: '钢铁 Steel', mainProducts: ['热轧板'],
  }, 201);
  const category = await apiCall<{ id: string }>(base, null, 'GET', '/categories/steel.plate.hot_rolled');
  const imageIds: string[] = [];
  for (const shade of [110, 150]) {
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: shade, g: shade + 8, b: shade + 16 } } }).png().toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'plate.png');
    const res = await fetch(`${base}/api/v1/files?purpose=product_image`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    if (res.status !== 201) throw new Error(`image upload: HTTP ${res.status} ${await res.text()}`);
    imageIds.push(((await res.json()) as { id: string }).id);
  }
  const draft = await apiCall<{ id: string }>(base, token, 'POST', '/products', {
    categoryId: category.id,
    titleZh: '热轧钢板 Q235B/Q355B/Q345B/SS400 12mm 现货',
    titleEn: 'Hot-rolled plate Q235B/Q355B/Q345B/SS400 12 mm, spot stock',
    descriptionZh: '热轧中厚板现货,支持定尺开平,可开增值税专用发票。',
    descriptionEn: 'Hot-rolled medium plate from stock; cut to length; VAT invoices.',
    imageIds,
    attributes: { thickness: 12, width: 2000, length: 8000, standard: 'GB/T 3274', edge: 'trimmed', origin_mill: '江苏沙钢', supply_mode: 'spot' },
    skus: [
      { code: 'B-Q235B', attributes: { grade: 'Q235B' }, stock: 2000 },
      { code: 'B-Q355B', attributes: { grade: 'Q355B' }, stock: 900, priceTiers: [{ minQuantity: 1, unitPrice: 468_000 }, { minQuantity: 100, unitPrice: 455_000 }, { minQuantity: 500, unitPrice: 441_000 }] },
      { code: 'B-Q345B', attributes: { grade: 'Q345B' }, stock: 600 },
      { code: 'B-SS400', attributes: { grade: 'SS400' }, stock: 300 },
    ],
    priceTiers: [{ minQuantity: 1, unitPrice: 438_000 }, { minQuantity: 100, unitPrice: 425_000 }, { minQuantity: 500, unitPrice: 409_000 }],
    moq: 1, unit: 'ton', leadTimeDays: 3, sample: { unitPrice: 50_000, maxQuantity: 1 }, origin: '江苏张家港', dispatchProvince: '320000',
  }, 201);
  const published = await apiCall<{ id: string; status: string; skus: Array<{ id: string }> }>(base, token, 'POST', `/products/${draft.id}/publish`);
  if (published.status !== 'published' || published.skus.length !== 4) throw new Error(`bench product not published: ${JSON.stringify(published)}`);
  return { id: published.id, skuId: published.skus[0]!.id };
}

/**
 * The demo catalogue is seeded by background jobs after start, in this same process: measuring during it would time
 * the seeder. Waits (as the demo operator) until no job runs and no event waits, five seconds in a row.
 */
async function waitUntilIdle(base: string): Promise<number> {
  const started = Date.now();
  const login = await apiCall<{ token: string }>(base, null, 'POST', '/auth/login', { email: 'ops@tongshang.demo', password: 'Tongshang-Demo-2026' });
  let quietSince: number | null = null;
  while (Date.now() - started < 15 * 60_000) {
    const o = await apiCall<{ jobs: Record<string, number>; eventsPending: number }>(base, login.token, 'GET', '/admin/overview');
    const busy = (o.jobs.running ?? 0) > 0 || o.eventsPending > 0;
    quietSince = busy ? null : (quietSince ?? Date.now());
    if (quietSince !== null && Date.now() - quietSince >= 5_000) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the platform did not go idle within 15 minutes (demo seeding?)');
}

async function main(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tongshang-bench-'));
  console.log(`bench http: ${connections} connections, ${duration} s per target, ${os.cpus().length} cores, Node ${process.version}`);
  console.log('server: its own process (node server/dist/main.js, transpiled by scripts/server-build.mjs) on PGlite: fresh data dir, demo seed, workers on, LOG_LEVEL=error');
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
    const product = await publishBenchProduct(server.baseUrl);
    console.log(`waited ${((await waitUntilIdle(server.baseUrl)) / 1000).toFixed(0)} s for background jobs (demo catalogue) to finish\n`);
    const productUrl = `${server.baseUrl}/api/v1/products/${product.id}`;
    const priceUrl = `${productUrl}/price?sku=${product.skuId}&quantity=500`;
    // The figures below mean nothing unless the answers are the right ones.
    const price = (await (await fetch(priceUrl)).json()) as { unitPrice: number; total: number };
    if (price.unitPrice !== 409_000 || price.total !== 204_500_000) throw new Error(`unexpected price at 500: ${JSON.stringify(price)}`);
    const figures = [
      await load('bare node:http', bare.url),
      await load('GET /healthz', `${server.baseUrl}/healthz`),
      await load('GET /api/v1/me', `${server.baseUrl}/api/v1/me`, { authorization: `Bearer ${token}` }),
      await load('GET /products/{id}', productUrl),
      await load('GET …/price?qty=500', priceUrl),
    ];
    const bareRps = figures[0]!.rps;
    console.log('target                   req/s      p50 ms   p99 ms   ×bare   errors  non-2xx');
    for (const f of figures) {
      console.log(`${f.name.padEnd(22)} ${f.rps.toFixed(0).padStart(8)} ${f.p50.toFixed(1).padStart(10)} ${f.p99.toFixed(1).padStart(8)} ${(f.rps / bareRps).toFixed(2).padStart(7)} ${String(f.errors).padStart(8)} ${String(f.non2xx).padStart(8)}`);
    }
    const healthRatio = figures[1]!.rps / bareRps;
    const meP99 = figures[2]!.p99;
    // A target that answered nothing, or with errors, has no latency to compare.
    const detail = figures[3]!;
    const productP99 = detail.rps > 0 && detail.errors === 0 && detail.non2xx === 0 ? detail.p99 : Number.POSITIVE_INFINITY;
    console.log(`\ntarget: /healthz ≥ 0.70× bare → ${healthRatio.toFixed(2)}× ${healthRatio >= 0.7 ? 'met' : 'MISSED'}`);
    console.log(`target: /api/v1/me p99 ≤ 20 ms at ${connections} connections on PGlite → ${meP99.toFixed(1)} ms ${meP99 <= 20 ? 'met' : 'MISSED'}`);
    console.log(`target: product detail p99 ≤ 20 ms at ${connections} connections on PGlite → ${productP99.toFixed(1)} ms ${productP99 <= 20 ? 'met' : 'MISSED'}`);
  } finally {
    bare.stop();
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
