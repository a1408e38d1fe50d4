import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCompanyInput, buildUserInput } from '../../testing/factories.js';
import { freePort, startServerProcess, type ServerProcess } from '../../testing/server-process.js';
import { TEST_ADDRESS, TRADE_PRODUCT_TIERS, TRADE_STOCK } from '../../testing/trade-factories.js';
import { buildProductInput } from '../../testing/catalog-factories.js';

/**
 * Crash safety of trade on the embedded database: SIGKILL the server in the middle of a burst of checkouts and
 * payments, start it again on the same data directory, and every acknowledged order and payment is there, none
 * twice (each checkout retried with its Idempotency-Key answers with the order it made, if it made one), and the
 * ledger, escrow and stock invariants hold.
 */
const dirs: string[] = [];
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop('SIGKILL');
  for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
});

type Json = Record<string, unknown>;

function client(base: string) {
  const req = async (method: string, url: string, token: string | null, body?: object, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${url}`, {
      method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: (await res.json().catch(() => null)) as Json };
  };
  const ok = async (method: string, url: string, token: string | null, body?: object) => {
    const r = await req(method, url, token, body);
    if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json;
  };
  return { req, ok };
}

async function until<T>(what: () => string, fn: () => Promise<T | null>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== null) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('trade across a crash', () => {
  it('SIGKILL during a burst of checkouts and payments loses no acknowledged order or payment and duplicates none', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tongshang-crash-'));
    dirs.push(dataDir);
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, SEED_DEMO: 'false', DATABASE_URL: '' };
    const first = await startServerProcess(env, 120_000);
    servers.push(first);
    let api = client(first.baseUrl);

    // Parties through the API: a supplier with one published two-SKU product, and a buyer company.
    const person = async () => (await api.ok('POST', '/api/v1/auth/register', null, buildUserInput())).token as string;
    const sellerToken = await person();
    await api.ok('POST', '/api/v1/companies', sellerToken, buildCompanyInput());
    const categories = (await api.ok('GET', '/api/v1/categories', null)).items as Array<{ id: string; code: string; children: unknown[] }>;
    const find = (nodes: Array<{ id: string; code: string; children: unknown[] }>): string | undefined => {
      for (const n of nodes) {
        if (n.code === 'steel.plate.hot_rolled') return n.id;
        const inner = find(n.children as typeof nodes);
        if (inner) return inner;
      }
      return undefined;
    };
    const input = buildProductInput(find(categories)!, {
      skus: [{ code: 'C-1', attributes: { grade: 'Q235B' }, stock: TRADE_STOCK }, { code: 'C-2', attributes: { grade: 'Q355B' }, stock: TRADE_STOCK }],
      priceTiers: TRADE_PRODUCT_TIERS,
    });
    const product = await api.ok('POST', '/api/v1/products', sellerToken, input);
    await api.ok('POST', `/api/v1/products/${product.id as string}/publish`, sellerToken, {});
    const skuIds = (product.skus as Array<{ id: string }>).map((s) => s.id);
    const buyerToken = await person();
    const buyer = await api.ok('POST', '/api/v1/companies', buyerToken, buildCompanyInput({ companyType: 'buyer' }));
    const buyerId = buyer.id as string;

    // The burst: 6 clients place orders (each with its own key) and pay half of them in the sandbox, until the kill.
    const attempts: Array<{ key: string; body: object }> = [];
    const acknowledged = new Map<string, string>(); // key → order id
    const paid = new Set<string>(); // order ids whose payment the pay page acknowledged
    let killed = false;
    const burst = Array.from({ length: 6 }, async (_, c) => {
      for (let n = 0; !killed; n++) {
        const key = `crash-${c}-${n}`;
        const body = { companyId: buyerId, items: [{ skuId: skuIds[n % 2]!, quantity: 5 + ((c + n) % 7) }], address: TEST_ADDRESS };
        attempts.push({ key, body });
        try {
          const r = await api.req('POST', '/api/v1/checkout', buyerToken, body, { 'idempotency-key': key });
          if (r.status !== 201) continue;
          const orderId = (r.json.orders as Array<{ id: string }>)[0]!.id;
          acknowledged.set(key, orderId);
          if (n % 2 === 0) {
            const pay = await api.req('POST', `/api/v1/orders/${orderId}/pay`, buyerToken, { provider: 'sandbox' });
            const intent = pay.json?.intent as { id: string } | undefined;
            if (pay.status !== 200 || !intent) continue;
            const approve = await api.req('POST', `/api/v1/sandbox/payments/${intent.id}/approve`, buyerToken);
            if (approve.status === 200) paid.add(orderId);
          }
        } catch {
          return; // the server is gone
        }
      }
    });
    await until(() => `the burst (${acknowledged.size} orders, ${paid.size} payments so far)`, async () => (acknowledged.size >= 12 && paid.size >= 4 ? true : null), 60_000);
    await first.stop('SIGKILL');
    killed = true;
    await Promise.all(burst);

    const second = await startServerProcess(env, 120_000);
    servers.push(second);
    api = client(second.baseUrl);
    // Every acknowledged order is there.
    for (const orderId of acknowledged.values()) expect((await api.req('GET', `/api/v1/orders/${orderId}`, buyerToken)).status).toBe(200);
    // Every acknowledged payment lands: the sandbox's webhook job survives the crash and settles it once.
    let statuses: string[] = [];
    await until(() => `the acknowledged payments to settle: ${statuses.join(', ')}\n${second.output().slice(-3000)}`, async () => {
      statuses = await Promise.all([...paid].map(async (id) => (await api.ok('GET', `/api/v1/orders/${id}`, buyerToken)).status as string));
      return statuses.every((s) => s === 'paid') ? true : null;
    }, 60_000);
    // None twice: retrying every attempted checkout with its key answers with the order it made, if it made one.
    for (const a of attempts) {
      const r = await api.req('POST', '/api/v1/checkout', buyerToken, a.body, { 'idempotency-key': a.key });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      const id = (r.json.orders as Array<{ id: string }>)[0]!.id;
      if (acknowledged.has(a.key)) expect(id).toBe(acknowledged.get(a.key));
    }
    const all: Array<{ id: string; status: string; escrowPaid: number }> = [];
    let cursor: string | null = null;
    do {
      const page = await api.ok('GET', `/api/v1/orders?companyId=${buyerId}&side=buyer&limit=100${cursor ? `&cursor=${cursor}` : ''}`, buyerToken);
      all.push(...(page.items as typeof all));
      cursor = page.nextCursor as string | null;
    } while (cursor);
    expect(all.length).toBe(attempts.length);
    for (const id of paid) expect(all.find((o) => o.id === id)?.escrowPaid).toBeGreaterThan(0);

    // The books and the stock after the crash.
    await second.stop('SIGTERM');
    const { openDatabase } = await import('../../platform/db.js');
    const db = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
    try {
      const { sql } = await import('kysely');
      const unbalanced = await sql<{ n: string }>`SELECT count(*) AS n FROM (SELECT 1 FROM ledger_postings GROUP BY transaction_id, currency HAVING sum(amount) <> 0) x`.execute(db.db);
      expect(Number(unbalanced.rows[0]!.n)).toBe(0);
      const escrow = await sql<{ b: string | null }>`SELECT sum(p.amount) AS b FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id WHERE a.code = 'escrow:CNY'`.execute(db.db);
      const held = await sql<{ h: string | null }>`SELECT sum(escrow_paid - escrow_refunded - escrow_released) AS h FROM orders`.execute(db.db);
      expect(-Number(escrow.rows[0]!.b ?? 0)).toBe(Number(held.rows[0]!.h ?? 0));
      const stock = await sql<{ id: string; total: string; reserved: string; in_orders: string | null }>`
        SELECT s.id, s.stock + s.reserved + s.sold AS total, s.reserved,
          (SELECT sum(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.sku_id = s.id AND o.status <> 'cancelled') AS in_orders
        FROM product_skus s WHERE s.id = ANY(${skuIds}::uuid[])`.execute(db.db);
      for (const r of stock.rows) {
        expect(Number(r.total)).toBe(TRADE_STOCK);
        expect(Number(r.reserved)).toBe(Number(r.in_orders ?? 0));
      }
    } finally {
      await db.close();
    }
  }, 240_000);
});
