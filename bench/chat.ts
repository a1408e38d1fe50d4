/**
 * npm run bench -- chat [pglite|postgres]
 *
 * N WebSocket clients in M conversations sending messages through the server running in its own process.
 * Shape (defaults): CHAT_BENCH_CONVERSATIONS = 1,000 conversations, each between one buyer (one socket, following
 * its conversation) and one of CHAT_BENCH_SUPPLIERS = 100 supplier companies; each supplier's team has
 * (CHAT_BENCH_CLIENTS − conversations) / suppliers sockets (2,000 clients → 10 per supplier) following all of its
 * conversations, as a sales team's open workbenches do. Every client sends at random intervals so that all together
 * send CHAT_BENCH_RATE messages/s (default 500) for BENCH_DURATION seconds (default 20); 90 % of the messages come
 * from buyers. A delivery is a message frame arriving at a socket other than the sender's; its latency is the
 * time from the send frame leaving the client to the message frame arriving (one clock: the bench process).
 * "Lost" = deliveries expected from the acknowledged messages and the followers of their conversations, minus
 * those that arrived (counted 3 s after the last send) — it must be 0.
 *
 * PostgreSQL (default): a scratch database on BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test),
 * created and dropped. pglite: a temporary data directory. Accounts and conversations are created in-process through
 * the API (app.inject), then the server starts in its own process on that database.
 */
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import WebSocket from 'ws';
import { buildApp, type BuiltApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/platform/config.js';
import { openDatabase, type Database } from '../server/src/platform/db.js';
import { migrate } from '../server/src/platform/migrations.js';
import { startServerProcess, type ServerProcess } from '../server/src/testing/server-process.js';
import { completeUsccFor, pct, pool } from './kit.js';

const kind = (process.argv[2] ?? process.env.CHAT_BENCH_DB ?? 'postgres') as 'postgres' | 'pglite';
const CLIENTS = Number(process.env.CHAT_BENCH_CLIENTS ?? 2000);
const CONVERSATIONS = Number(process.env.CHAT_BENCH_CONVERSATIONS ?? 1000);
const SUPPLIERS = Number(process.env.CHAT_BENCH_SUPPLIERS ?? 100);
const RATE = Number(process.env.CHAT_BENCH_RATE ?? 500);
const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const BUYER_SHARE = 0.9;
const PASSWORD = 'Bench-Chat-Password-2026';

if (CONVERSATIONS < SUPPLIERS || CLIENTS < CONVERSATIONS + SUPPLIERS) throw new Error('need clients ≥ conversations + suppliers ≥ 2 × suppliers');

interface Setup {
  buyers: Array<{ token: string; conversationId: string; supplier: number }>;
  suppliers: Array<{ token: string; conversations: string[] }>;
}

async function setUp(built: BuiltApp): Promise<Setup> {
  const app = built.app;
  const inject = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, token?: string): Promise<T> => {
    const res = await app.inject({ method, url, payload, headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  };
  const register = async (email: string, name: string) => (await inject<{ token: string }>('POST', '/api/v1/auth/register', { email, password: PASSWORD, name })).token;
  const started = performance.now();
  const suppliers: Setup['suppliers'] = [];
  await pool(Array.from({ length: SUPPLIERS }, (_, i) => i), 4, async (i) => {
    const token = await register(`chat-supplier-${i}@bench.test`, `供应商 ${i}`);
    const uscc = completeUsccFor(i);
    const company = await inject<{ id: string }>('POST', '/api/v1/companies', {
      legalName: `压测供应商 ${i} 有限公司`, uscc, companyType: 'manufacturer', province: '320000', city: '苏州', industry: '钢铁', mainProducts: ['钢板'], description: 'bench',
    }, token);
    suppliers[i] = { token, conversations: [] };
    (suppliers[i] as { companyId?: string }).companyId = company.id;
  });
  const buyers: Setup['buyers'] = [];
  await pool(Array.from({ length: CONVERSATIONS }, (_, i) => i), 4, async (i) => {
    const token = await register(`chat-buyer-${i}@bench.test`, `买家 ${i}`);
    const supplier = i % SUPPLIERS;
    const companyId = (suppliers[supplier] as { companyId?: string }).companyId!;
    const conv = await inject<{ id: string }>('POST', '/api/v1/conversations', { supplierCompanyId: companyId }, token);
    buyers[i] = { token, conversationId: conv.id, supplier };
    suppliers[supplier]!.conversations.push(conv.id);
    if ((i + 1) % 100 === 0) process.stdout.write(`\r  set-up: ${i + 1}/${CONVERSATIONS} buyers and conversations`);
  });
  console.log(`\n  set-up: ${SUPPLIERS} suppliers, ${CONVERSATIONS} buyers and conversations in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { buyers, suppliers };
}

/** A valid unified social credit code per index (check characters by GB 32100-2015). */
interface Sock {
  ws: WebSocket;
  follows: Set<string>;
  /** conversation → last seq received (order check). */
  last: Map<string, number>;
  name: string;
}

async function main(): Promise<void> {
  console.log(`chat bench: ${os.cpus().length} cores, Node ${process.version}, ${kind}; ${CLIENTS} clients, ${CONVERSATIONS} conversations, ${SUPPLIERS} suppliers, ${RATE} messages/s for ${DURATION} s`);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tongshang-chat-bench-'));
  let databaseUrl = '';
  let drop = async (): Promise<void> => undefined;
  let database: Database;
  if (kind === 'postgres') {
    const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const name = `tongshang_chat_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    drop = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
    database = await openDatabase({ databaseUrl, poolSize: 8 });
  } else {
    database = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
  }
  let server: ServerProcess | undefined;
  try {
    await migrate(database);
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'error', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
    const built = await buildApp({ config, database });
    const setup = await setUp(built);
    await built.app.close();
    await database.close();

    server = await startServerProcess({ DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'error', DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '20' }, 120_000);
    const wsUrl = `${server.baseUrl.replace('http', 'ws')}/api/v1/ws`;
    const pid = server.child.pid!;

    // ---- connect
    const socks: Sock[] = [];
    const followers = new Map<string, Sock[]>();
    const sent = new Map<string, { at: number; conversationId: string; from: Sock }>();
    const latencies: number[] = [];
    const ackLatencies: number[] = [];
    let deliveries = 0;
    let duplicates = 0;
    let outOfOrder = 0;
    let acked = 0;
    let errors = 0;
    let expected = 0;
    let measuring = false;
    let measureStart = 0;
    let measuredDeliveries = 0;

    const plan: Array<{ token: string; follows: string[]; subscribe: object; name: string }> = [];
    for (const b of setup.buyers) plan.push({ token: b.token, follows: [b.conversationId], subscribe: { type: 'subscribe', conversations: [{ id: b.conversationId }] }, name: 'buyer' });
    const perSupplier = Math.floor((CLIENTS - CONVERSATIONS) / SUPPLIERS);
    for (let k = 0; k < perSupplier; k++) for (const s of setup.suppliers) plan.push({ token: s.token, follows: s.conversations, subscribe: { type: 'subscribe', all: true }, name: 'supplier' });

    const connectStarted = performance.now();
    await pool(plan, 50, async (p) => {
      const ws = new WebSocket(wsUrl, { headers: { authorization: `Bearer ${p.token}` }, perMessageDeflate: false });
      const sock: Sock = { ws, follows: new Set(p.follows), last: new Map(), name: p.name };
      const subscribed = new Promise<void>((resolve, reject) => {
        ws.on('message', (data: WebSocket.RawData) => {
          const now = performance.now();
          const f = JSON.parse((data as Buffer).toString('utf8')) as { type: string; clientMsgId?: string; conversationId?: string; message?: { seq: number; clientMsgId: string | null } };
          if (f.type === 'subscribed') resolve();
          else if (f.type === 'message' && f.message) {
            const key = f.message.clientMsgId ?? '';
            const origin = sent.get(key);
            const prev = sock.last.get(f.conversationId!) ?? 0;
            if (origin?.from === sock) {
              sock.last.set(f.conversationId!, Math.max(prev, f.message.seq));
              return;
            }
            if (f.message.seq <= prev) duplicates++;
            else if (prev !== 0 && f.message.seq !== prev + 1) outOfOrder++;
            sock.last.set(f.conversationId!, Math.max(prev, f.message.seq));
            deliveries++;
            if (origin) latencies.push(now - origin.at);
            if (measuring) measuredDeliveries++;
          } else if (f.type === 'ack') {
            const origin = sent.get(f.clientMsgId ?? '');
            acked++;
            if (origin) {
              ackLatencies.push(now - origin.at);
              expected += (followers.get(origin.conversationId)?.length ?? 1) - (origin.from.follows.has(origin.conversationId) ? 1 : 0);
            }
          } else if (f.type === 'error') {
            errors++;
            if (errors < 5) console.log('  error frame:', JSON.stringify(f));
          }
        });
        ws.once('error', reject);
        ws.once('open', () => ws.send(JSON.stringify(p.subscribe)));
      });
      await subscribed;
      socks.push(sock);
      for (const c of p.follows) {
        const list = followers.get(c) ?? [];
        list.push(sock);
        followers.set(c, list);
      }
    });
    console.log(`  ${socks.length} sockets connected and subscribed in ${((performance.now() - connectStarted) / 1000).toFixed(1)} s; server RSS ${rssMb(pid)} MB`);

    // ---- load: each message goes from a random buyer (90 %) or a random supplier socket to one of its conversations
    const buyerSocks = socks.filter((s) => s.name === 'buyer');
    const supplierSocks = socks.filter((s) => s.name === 'supplier');
    let n = 0;
    const sendOne = () => {
      const fromBuyer = Math.random() < BUYER_SHARE;
      const sock = fromBuyer ? buyerSocks[Math.floor(Math.random() * buyerSocks.length)]! : supplierSocks[Math.floor(Math.random() * supplierSocks.length)]!;
      const convs = [...sock.follows];
      const conversationId = convs[Math.floor(Math.random() * convs.length)]!;
      const clientMsgId = `m${++n}`;
      sent.set(clientMsgId, { at: performance.now(), conversationId, from: sock });
      sock.ws.send(JSON.stringify({ type: 'send', conversationId, clientMsgId, kind: 'text', text: `压测消息 ${n} — 请问这款钢板 50 吨的价格?` }));
    };
    const loadStart = performance.now();
    measuring = true;
    measureStart = loadStart;
    await new Promise<void>((resolve) => {
      const tickMs = 5;
      let due = 0;
      const timer = setInterval(() => {
        const elapsed = (performance.now() - loadStart) / 1000;
        if (elapsed >= DURATION) {
          clearInterval(timer);
          resolve();
          return;
        }
        const target = Math.floor(elapsed * RATE);
        while (due < target) {
          sendOne();
          due++;
        }
      }, tickMs);
    });
    const loadSeconds = (performance.now() - measureStart) / 1000;
    const rssLoaded = rssMb(pid);
    measuring = false;
    // Drain: every send acknowledged and every expected delivery arrived, or no progress for 5 s.
    let lastProgress = performance.now();
    let seen = -1;
    while (performance.now() - lastProgress < 5000 && (acked < n || deliveries < expected)) {
      await new Promise((r) => setTimeout(r, 100));
      if (acked + deliveries !== seen) {
        seen = acked + deliveries;
        lastProgress = performance.now();
      }
    }
    const drainSeconds = (performance.now() - loadStart) / 1000 - loadSeconds;

    latencies.sort((a, b) => a - b);
    ackLatencies.sort((a, b) => a - b);
    const lost = expected - deliveries;
    console.log('');
    console.log(`| database | clients | conversations | messages sent / acked | deliveries | deliveries/s | p50 | p99 | ack p50 / p99 | lost | dup / out of order | errors | server RSS |`);
    console.log(`| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |`);
    console.log(`| ${kind} | ${socks.length} | ${CONVERSATIONS} | ${n} / ${acked} | ${deliveries} | ${Math.round(measuredDeliveries / loadSeconds)} | ${pct(latencies, 50).toFixed(1)} ms | ${pct(latencies, 99).toFixed(1)} ms | ${pct(ackLatencies, 50).toFixed(1)} / ${pct(ackLatencies, 99).toFixed(1)} ms | ${lost} | ${duplicates} / ${outOfOrder} | ${errors} | ${rssLoaded} MB |`);
    console.log(`\n  load ${loadSeconds.toFixed(1)} s, then ${drainSeconds.toFixed(1)} s until every send was acknowledged and delivered; deliveries/s counts the load window only`);
    console.log(`  targets (PostgreSQL): 2,000 clients, ≥ 5,000 deliveries/s, p99 ≤ 100 ms, 0 lost`);
    for (const s of socks) s.ws.terminate();
  } finally {
    if (server) await server.stop();
    await drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return NaN;
  }
}

main().then(() => process.exit(0), (err: unknown) => {
  console.error(err);
  process.exit(1);
});
