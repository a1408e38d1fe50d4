/**
 * npm run bench -- credit
 * Recomputes credit ratings for BENCH_COMPANIES companies (default 100,000) from an event log of BENCH_EVENTS
 * events (default 5,000,000) on PostgreSQL, and prints the time, events/s and peak memory.
 * Needs PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) is used to create
 * and afterwards drop a scratch database.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/platform/config.js';
import { openDatabase } from '../server/src/platform/db.js';
import { migrate } from '../server/src/platform/migrations.js';

const companies = Number(process.env.BENCH_COMPANIES ?? 100_000);
const totalEvents = Number(process.env.BENCH_EVENTS ?? 5_000_000);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function main(): Promise<void> {
  const name = `tongshang_bench_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  try {
    await migrate(database);
    const gen = new pg.Client({ connectionString: url.toString() });
    await gen.connect();
    console.log(`bench credit: generating ${companies.toLocaleString()} companies and ${totalEvents.toLocaleString()} events on PostgreSQL…`);
    const t0 = performance.now();
    await gen.query(`CREATE UNLOGGED TABLE bench_companies AS SELECT gen_random_uuid() AS id, n FROM generate_series(1, ${companies}) n`);
    const ins = (type: string, where: string, payload: string, age: string) => gen.query(`
      INSERT INTO events (id, type, company_id, subject_type, subject_id, payload, occurred_at, dispatched_at)
      SELECT gen_random_uuid(), '${type}', id, 'company', id::text, ${payload}, now() - ${age}, now() FROM bench_companies WHERE ${where}`);
    await ins('company.created', 'true', `'{}'::jsonb`, `(n % 1500 + 400) * interval '1 day'`);
    await ins('verification.rejected', 'n % 10 = 0', `'{}'::jsonb`, `(n % 1500 + 390) * interval '1 day'`);
    await ins('verification.approved', 'n % 10 < 8', `'{}'::jsonb`, `(n % 1500 + 380) * interval '1 day'`);
    await ins('verification.field_recorded', 'n % 10 = 1', `'{}'::jsonb`, `(n % 1500 + 300) * interval '1 day'`);
    await ins('trustpass.activated', 'n % 2 = 0', `jsonb_build_object('expiresAt', now() + (n % 300) * interval '1 day', 'renewal', false)`, `(n % 3) * interval '365 days' + interval '65 days'`);
    const { rows } = await gen.query<{ n: string }>('SELECT count(*) AS n FROM events');
    const filler = Math.max(0, Math.floor((totalEvents - Number(rows[0]!.n)) / companies));
    // The rest of the log: activity that does not bear on ratings (orders, messages, views…).
    await gen.query(`
      INSERT INTO events (id, type, company_id, subject_type, subject_id, payload, occurred_at, dispatched_at)
      SELECT gen_random_uuid(), (ARRAY['product.viewed','message.sent','order.created','session.created'])[1 + g % 4], c.id, 'x', g::text, '{}'::jsonb,
             now() - (g % 700) * interval '1 day', now()
      FROM bench_companies c, generate_series(1, ${filler}) g`);
    await gen.query('ANALYZE events');
    const logSize = Number((await gen.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0]!.n);
    await gen.end();
    console.log(`generated ${logSize.toLocaleString()} events in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/tongshang-bench-credit', SEED_DEMO: 'false', DATABASE_URL: url.toString() });
    const { modules } = await buildApp({ config, database });
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const started = performance.now();
    const result = await modules.credit.credit.recomputeAll();
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const grades = await database.db.withTables<{ credit_ratings: { grade: string } }>().selectFrom('credit_ratings').select(['grade', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('grade').orderBy('grade').execute();
    console.log(`recomputed ${result.companies.toLocaleString()} companies (${result.changed.toLocaleString()} new ratings) in ${seconds.toFixed(1)} s`);
    console.log(`event log ${logSize.toLocaleString()} events → ${Math.round(logSize / seconds).toLocaleString()} events/s; rating-relevant events read: ${result.events.toLocaleString()}`);
    console.log(`grades: ${grades.map((g) => `${g.grade} ${Number(g.n).toLocaleString()}`).join(', ')}`);
    console.log(`peak RSS ${(peakRss / 1048576).toFixed(0)} MB`);
    console.log(`\ntarget: ≤ 60 s → ${seconds <= 60 ? 'met' : 'MISSED'}; memory < 1 GiB → ${peakRss < 1024 ** 3 ? 'met' : 'MISSED'}`);
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
