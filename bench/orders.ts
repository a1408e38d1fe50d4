/**
 * npm run bench -- orders [postgres|pglite]
 *
 * Order placement under contention, through the real HTTP API (POST /api/v1/checkout, Bearer, one Idempotency-Key per
 * order) of the server running in its own process, closed-loop clients in this process:
 *  - hot: ORDERS_BENCH_BUYERS (200) buyers, each its own company, all buying 1 unit at a time of ONE SKU with
 *    ORDERS_BENCH_HOT_STOCK (10,000) units, until it is sold out. orders/s = units sold ÷ time to sell out.
 *  - uniform: the same buyers buying 1 unit of a random SKU among ORDERS_BENCH_SKUS (10,000) for BENCH_DURATION s (20).
 *  - paced: open loop, ORDERS_BENCH_RATE (300) checkouts per second on random SKUs for BENCH_PACED_DURATION s (10),
 *    each from a buyer with nothing in flight: the latency at a given load, which a closed loop cannot show (there
 *    200 clients make latency = 200 ÷ throughput by construction).
 * Each run prints orders/s, p50 and p99 latency of placements, answers other than 201/409, oversold units (units in
 * orders beyond the stock; must be 0) and an invariant check read from the database: per SKU stock + reserved + sold
 * equals the initial stock and reserved equals the units in live orders, every ledger transaction balances.
 * Targets (issue 6): PostgreSQL hot ≥ 300 orders/s, uniform ≥ 800 orders/s, p99 ≤ 200 ms; PGlite ≥ 100 orders/s with the
 * invariants holding. Buyers, the supplier and one product per 100 SKUs are created through the API; the extra SKUs
 * of the uniform run are inserted by SQL (a product may list at most 200 through the API and the free plan 20 products).
 */
import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp, type BuiltApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/platform/config.js';
import type { Database } from '../server/src/platform/db.js';
import { uuidv7 } from '../server/src/platform/ids.js';
import { migrate } from '../server/src/platform/migrations.js';
import { startServerProcess, type ServerProcess } from '../server/src/testing/server-process.js';
import { completeUsccFor, cpuMeter, pct, pool, scratchDatabase, type CpuUse } from './kit.js';

const kind = (process.argv[2] ?? process.env.ORDERS_BENCH_DB ?? 'postgres') as 'postgres' | 'pglite';
const BUYERS = Number(process.env.ORDERS_BENCH_BUYERS ?? 200);
const HOT_STOCK = Number(process.env.ORDERS_BENCH_HOT_STOCK ?? 10_000);
const SKUS = Number(process.env.ORDERS_BENCH_SKUS ?? 10_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const RATE = Number(process.env.ORDERS_BENCH_RATE ?? 300);
const PACED_DURATION = Number(process.env.BENCH_PACED_DURATION ?? 10);
const UNIFORM_STOCK = 1_000_000;
const PASSWORD = 'Bench-Orders-Password-2026';
const ADDRESS = { name: '压测收货人', phone: '13800138000', province: '310000', city: '上海', line: '浦东新区压测路 1 号' };

interface Setup {
  buyers: Array<{ token: string; companyId: string }>;
  hotSku: string;
  uniformSkus: string[];
}

async function setUp(built: BuiltApp, database: Database): Promise<Setup> {
  const inject = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, token?: string): Promise<T> => {
    const res = await built.app.inject({ method, url, payload, headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  };
  const register = async (email: string, name: string) => (await inject<{ token: string }>('POST', '/api/v1/auth/register', { email, password: PASSWORD, name })).token;
  const company = (token: string, i: number, companyType: string) => inject<{ id: string }>('POST', '/api/v1/companies', {
    legalName: `压测${companyType === 'buyer' ? '采购商' : '供应商'} ${i} 有限公司`, uscc: completeUsccFor(i), companyType, province: '320000', city: '苏州',
    industry: '钢铁', mainProducts: ['钢板'], description: 'bench',
  }, token);
  const categories = (await inject<{ items: Array<{ id: string; code: string; children?: unknown[] }> }>('GET', '/api/v1/categories')).items;
  const find = (nodes: Array<{ id: string; code: string; children?: unknown[] }>, code: string): string | undefined => {
    for (const n of nodes) {
      if (n.code === code) return n.id;
      const inner = find((n.children ?? []) as typeof nodes, code);
      if (inner) return inner;
    }
    return undefined;
  };
  const categoryId = find(categories, 'steel.plate.hot_rolled');
  if (!categoryId) throw new Error('category steel.plate.hot_rolled missing');

  const started = performance.now();
  // Suppliers: one per 20 products (the free plan's publishing limit), 100 SKUs per product.
  const productsNeeded = 1 + Math.ceil(SKUS / 100);
  const supplierCount = Math.ceil(productsNeeded / 20);
  const products: Array<{ id: string; companyId: string; skuId: string }> = [];
  for (let s = 0; s < supplierCount; s++) {
    const token = await register(`orders-supplier-${s}@bench.test`, `供应商 ${s}`);
    const { id: companyId } = await company(token, 50_000 + s, 'manufacturer');
    const base = products.length;
    const count = Math.min(20, productsNeeded - base);
    await pool(Array.from({ length: count }, (_, i) => i), 4, async (i) => {
      const n = base + i;
      const p = await inject<{ id: string; skus: Array<{ id: string }> }>('POST', '/api/v1/products', {
        categoryId, titleZh: `压测热轧钢板 ${s}-${i}`, descriptionZh: '压测用商品,现货。',
        attributes: { thickness: 10, width: 1500, standard: 'GB/T 3274', supply_mode: 'spot' },
        skus: [{ code: `B-${s}-${i}`, attributes: { grade: 'Q235B' }, stock: n === 0 ? HOT_STOCK : UNIFORM_STOCK }],
        priceTiers: [{ minQuantity: 1, unitPrice: 420_000 }, { minQuantity: 100, unitPrice: 398_000 }], moq: 1, unit: 'ton', leadTimeDays: 3, dispatchProvince: '320000',
      }, token);
      await inject('POST', `/api/v1/products/${p.id}/publish`, {}, token);
      products[n] = { id: p.id, companyId, skuId: p.skus[0]!.id };
    });
  }
  const [hot, ...rest] = products;
  // 99 more SKUs per uniform product, same shape as the first (the bench's data generator, not the product's rules).
  const uniformSkus: string[] = [];
  for (const p of rest) {
    uniformSkus.push(p.skuId);
    const extra = Array.from({ length: Math.min(99, SKUS - uniformSkus.length) }, (_, k) => ({ id: uuidv7(), k }));
    if (extra.length === 0) continue;
    await sql`INSERT INTO product_skus (id, product_id, company_id, position, code, attributes, stock)
      SELECT x.id::uuid, ${p.id}::uuid, ${p.companyId}::uuid, x.k + 1, 'X-' || x.k, '{"grade":"Q235B"}'::jsonb, ${UNIFORM_STOCK}
      FROM jsonb_to_recordset(${JSON.stringify(extra)}::jsonb) AS x(id text, k int)`.execute(database.db);
    uniformSkus.push(...extra.map((e) => e.id));
  }

  const buyers: Setup['buyers'] = [];
  await pool(Array.from({ length: BUYERS }, (_, i) => i), 4, async (i) => {
    const token = await register(`orders-buyer-${i}@bench.test`, `采购 ${i}`);
    const { id } = await company(token, i, 'buyer');
    buyers[i] = { token, companyId: id };
  });
  console.log(`setup: ${BUYERS} buyers, ${products.length} products, ${1 + uniformSkus.length} SKUs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { buyers, hotSku: hot!.skuId, uniformSkus };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

function post(baseUrl: string, path: string, token: string, body: object, key: string): Promise<{ status: number; body: string }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseUrl}${path}`, {
      method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), authorization: `Bearer ${token}`, 'idempotency-key': key },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

interface RunResult { placed: number; soldOutAtMs: number | null; elapsedMs: number; latencies: number[]; outOfStock: number; other: Map<string, number>; cpu?: CpuUse | null; outboxBehind?: number | null }

async function run(baseUrl: string, setup: Setup, pickSku: () => string, stopWhenSoldOut: boolean): Promise<RunResult> {
  const latencies: number[] = [];
  const other = new Map<string, number>();
  let placed = 0;
  let outOfStock = 0;
  let soldOutAtMs: number | null = null;
  let stop = false;
  const started = performance.now();
  const deadline = started + (stopWhenSoldOut ? 300_000 : DURATION * 1000);
  await Promise.all(setup.buyers.map(async (b) => {
    while (!stop && performance.now() < deadline) {
      const t0 = performance.now();
      const res = await post(baseUrl, '/api/v1/checkout', b.token, { companyId: b.companyId, items: [{ skuId: pickSku(), quantity: 1 }], address: ADDRESS }, uuidv7());
      const ms = performance.now() - t0;
      if (res.status === 201) {
        placed++;
        latencies.push(ms);
      } else if (res.status === 409 && res.body.includes('OUT_OF_STOCK')) {
        outOfStock++;
        if (stopWhenSoldOut) {
          soldOutAtMs ??= performance.now() - started;
          stop = true;
        }
      } else {
        const key = `${res.status} ${res.body.slice(0, 120)}`;
        other.set(key, (other.get(key) ?? 0) + 1);
        if (other.size > 20) stop = true;
      }
    }
  }));
  return { placed, soldOutAtMs, elapsedMs: performance.now() - started, latencies: latencies.sort((a, b) => a - b), outOfStock, other };
}

/** Open loop: a checkout every 1/rate s from a buyer with none in flight (skipped and counted when all are busy). */
async function paced(baseUrl: string, setup: Setup, pickSku: () => string, rate: number, seconds: number): Promise<RunResult & { skipped: number }> {
  const latencies: number[] = [];
  const other = new Map<string, number>();
  const idle = setup.buyers.slice();
  const inFlight: Array<Promise<void>> = [];
  let placed = 0, outOfStock = 0, skipped = 0;
  const started = performance.now();
  const total = Math.round(rate * seconds);
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const b = idle.pop();
    if (!b) {
      skipped++;
      continue;
    }
    inFlight.push((async () => {
      const t0 = performance.now();
      const res = await post(baseUrl, '/api/v1/checkout', b.token, { companyId: b.companyId, items: [{ skuId: pickSku(), quantity: 1 }], address: ADDRESS }, uuidv7());
      const ms = performance.now() - t0;
      idle.push(b);
      if (res.status === 201) {
        placed++;
        latencies.push(ms);
      } else if (res.status === 409 && res.body.includes('OUT_OF_STOCK')) outOfStock++;
      else {
        const key = `${res.status} ${res.body.slice(0, 120)}`;
        other.set(key, (other.get(key) ?? 0) + 1);
      }
    })());
  }
  await Promise.all(inFlight);
  return { placed, soldOutAtMs: null, elapsedMs: performance.now() - started, latencies: latencies.sort((a, b) => a - b), outOfStock, other, skipped };
}

async function invariants(database: Database, skuIds: string[], initial: Map<string, number>) {
  const rows = await sql<{ id: string; stock: string; reserved: string; sold: string; in_orders: string | null }>`
    SELECT s.id, s.stock, s.reserved, s.sold,
      (SELECT sum(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.sku_id = s.id AND o.status NOT IN ('cancelled')) AS in_orders
    FROM product_skus s WHERE s.id = ANY(${skuIds}::uuid[])`.execute(database.db);
  let conserved = 0;
  let matched = 0;
  let oversold = 0;
  for (const r of rows.rows) {
    const stock = Number(r.stock), reserved = Number(r.reserved), sold = Number(r.sold), inOrders = Number(r.in_orders ?? 0);
    const start = initial.get(r.id)!;
    if (Math.abs(stock + reserved + sold - start) < 1e-6 && stock >= 0) conserved++;
    if (Math.abs(reserved + sold - inOrders) < 1e-6) matched++;
    oversold += Math.max(0, inOrders - start);
  }
  const unbalanced = await sql<{ n: string }>`SELECT count(*) AS n FROM (SELECT transaction_id FROM ledger_postings GROUP BY transaction_id, currency HAVING sum(amount) <> 0) x`.execute(database.db);
  return { skus: rows.rows.length, conserved, matched, oversold, unbalancedTransactions: Number(unbalanced.rows[0]!.n) };
}

/** CPU ms per order placed, by process, over the whole run (the hot run includes its sold-out answers). */
function cpuLine(r: RunResult) {
  if (!r.cpu || r.placed === 0) return;
  const per = (ms: number) => (ms / r.placed).toFixed(2);
  const { serverMs, postgresMs, benchMs, idlePct } = r.cpu;
  const database = kind === 'pglite' ? 'PGlite in the server' : `PostgreSQL ${per(postgresMs)} ms`;
  console.log(`         CPU per order: server ${per(serverMs)} ms, ${database}, bench clients ${per(benchMs)} ms (sum ${per(serverMs + postgresMs + benchMs)} ms); machine idle ${idlePct.toFixed(0)} %`
    + (r.outboxBehind != null ? `; outbox ${r.outboxBehind} events behind at the end` : ''));
}

function report(name: string, r: RunResult, target: number) {
  const seconds = (r.soldOutAtMs ?? r.elapsedMs) / 1000;
  const rate = r.placed / seconds;
  const p50 = pct(r.latencies, 50), p99 = pct(r.latencies, 99);
  const errors = [...r.other.values()].reduce((a, b) => a + b, 0);
  console.log(`${name.padEnd(8)} ${String(r.placed).padStart(7)} orders in ${seconds.toFixed(1).padStart(5)} s = ${rate.toFixed(0).padStart(5)} orders/s   p50 ${p50.toFixed(0).padStart(4)} ms   p99 ${p99.toFixed(0).padStart(5)} ms   out-of-stock answers ${r.outOfStock}   other answers ${errors}`);
  for (const [k, v] of r.other) console.log(`         ${v} × ${k}`);
  cpuLine(r);
  // The p99 target is judged on the paced run: in a closed loop of 200 clients latency is 200 ÷ throughput.
  console.log(`         target ≥ ${target} orders/s: ${rate >= target && errors === 0 ? 'met' : 'MISSED'}`);
}

async function main(): Promise<void> {
  console.log(`orders bench: ${os.cpus().length} cores, Node ${process.version}, ${kind}; ${BUYERS} buyers; hot SKU ${HOT_STOCK} units; uniform ${SKUS} SKUs for ${DURATION} s`);
  const scratch = await scratchDatabase(kind, 'orders-bench');
  let server: ServerProcess | undefined;
  try {
    await migrate(scratch.database);
    const env = { NODE_ENV: 'production', DATA_DIR: scratch.dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'error', ...(scratch.databaseUrl ? { DATABASE_URL: scratch.databaseUrl } : {}) };
    const built = await buildApp({ config: loadConfig(env), database: scratch.database });
    const setup = await setUp(built, scratch.database);
    await built.app.close();
    await scratch.database.close();

    server = await startServerProcess({ ...env, DATABASE_URL: scratch.databaseUrl, DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '20' }, 120_000);
    const pid = server.child.pid;
    // The outbox's backlog when a run ends (the server's events_pending gauge): a server that defers its event
    // handling looks faster than it is.
    const outboxBehind = async () => {
      const text = await (await fetch(`${server!.baseUrl}/metrics`)).text();
      const match = /^events_pending (\d+)/m.exec(text);
      return match ? Number(match[1]) : null;
    };
    const measured = async <R extends RunResult>(work: () => Promise<R>): Promise<R> => {
      const meter = await cpuMeter(pid);
      const r = await work();
      return { ...r, cpu: await meter(), outboxBehind: await outboxBehind() };
    };
    const hot = await measured(() => run(server!.baseUrl, setup, () => setup.hotSku, true));
    const randomSku = () => setup.uniformSkus[Math.floor(Math.random() * setup.uniformSkus.length)]!;
    const uniform = await measured(() => run(server!.baseUrl, setup, randomSku, false));
    const steady = await measured(() => paced(server!.baseUrl, setup, randomSku, RATE, PACED_DURATION));
    await server.stop();
    server = undefined;

    console.log('');
    report('hot', hot, kind === 'postgres' ? 300 : 100);
    report('uniform', uniform, kind === 'postgres' ? 800 : 100);
    const errors = [...steady.other.values()].reduce((a, b) => a + b, 0);
    console.log(`paced    ${String(steady.placed).padStart(7)} orders at ${RATE}/s offered for ${PACED_DURATION} s: p50 ${pct(steady.latencies, 50).toFixed(0).padStart(4)} ms   p99 ${pct(steady.latencies, 99).toFixed(0).padStart(5)} ms   skipped (all 200 buyers busy) ${steady.skipped}   other answers ${errors}`);
    for (const [k, v] of steady.other) console.log(`         ${v} × ${k}`);
    cpuLine(steady);
    if (kind === 'postgres') console.log(`         p99 ≤ 200 ms at ${RATE} orders/s: ${pct(steady.latencies, 99) <= 200 && steady.skipped === 0 && errors === 0 ? 'met' : 'MISSED'}`);
    const { openDatabase } = await import('../server/src/platform/db.js');
    const database = await openDatabase(scratch.databaseUrl ? { databaseUrl: scratch.databaseUrl, poolSize: 2 } : { pgliteDir: `${scratch.dataDir}/pglite` });
    try {
      const initial = new Map<string, number>([[setup.hotSku, HOT_STOCK], ...setup.uniformSkus.map((id) => [id, UNIFORM_STOCK] as [string, number])]);
      const check = await invariants(database, [setup.hotSku, ...setup.uniformSkus], initial);
      const ok = check.conserved === check.skus && check.matched === check.skus && check.oversold === 0 && check.unbalancedTransactions === 0;
      console.log(`oversold units: ${check.oversold}; hot SKU sold ${hot.placed} of ${HOT_STOCK}`);
      console.log(`invariants: ${check.conserved}/${check.skus} SKUs keep stock + reserved + sold = initial, ${check.matched}/${check.skus} reserved + sold = units in orders, ${check.unbalancedTransactions} unbalanced ledger transactions → ${ok ? 'hold' : 'BROKEN'}`);
    } finally {
      await database.close();
    }
  } finally {
    if (server) await server.stop('SIGKILL');
    await scratch.drop();
  }
}

await main();
