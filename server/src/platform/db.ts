import fs from 'node:fs';
import path from 'node:path';
import { CompiledQuery, Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import pg from 'pg';
import { PGliteEngine, parseDate, parseInt8, type PGliteEngineOptions, type PGliteStatements } from './pglite-engine.js';
import { startPGliteThread } from './pglite-thread.js';
import { StatementNames } from './statements.js';
import type { PlatformTables } from './tables.js';

export { CUSTOM_PLAN } from './statements.js';

export type Db = Kysely<PlatformTables>;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /**
   * For the outbox's and the job queue's own statements: on PostgreSQL a pool of its own (BACKGROUND_POOL_SIZE), so
   * under load they are not queued behind every request waiting for a connection (they were: in a 15 s checkout
   * run at 450 orders/s the outbox delivered 300 of 7,300 events). On PGlite, db itself: one connection either way.
   */
  background: Db;
  /** Runs fn in one transaction; afterCommit hooks fire once it has committed. */
  transaction<T>(fn: (trx: Db) => Promise<T>): Promise<T>;
  onCommit(hook: () => void): void;
  close(): Promise<void>;
  /** Only for PGlite: a tarball of the data directory (used to clone test databases). */
  dumpDataDir?: () => Promise<Blob>;
  /** Counts the SQL statements run (by anyone) while fn runs: the tests that guard against N+1 queries. */
  countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }>;
}

// Same JS shapes from both drivers (pglite-engine.ts): int8 as number (counts, minor units well below 2^53),
// numeric as string (decimal quantities stay exact), date as 'YYYY-MM-DD'.

pg.types.setTypeParser(20, parseInt8);
pg.types.setTypeParser(1082, parseDate);

/**
 * PGlite has a single connection. This pool hands it to one client at a time: connect() waits
 * until the previous client is released, so a transaction (BEGIN … COMMIT on one client) can
 * never interleave with another request's statements.
 */
class PGlitePool implements PostgresPool {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly engine: PGliteStatements) {}

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => released);
    await previous;
    const engine = this.engine;
    let done = false;
    const client = {
      async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
        const result = parameters.length === 0 ? await engine.exec<R>(sql) : await engine.query<R>(sql, parameters);
        return result as PostgresQueryResult<R>;
      },
      release() {
        if (done) return;
        done = true;
        release();
      },
    };
    return client as unknown as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.tail;
  }
}

/**
 * PostgreSQL: statements run often are prepared once per connection (named), so PostgreSQL parses each once and,
 * after five runs, may keep a generic plan instead of planning every execution (orders bench: about +20 %
 * orders/s). Statements marked CUSTOM_PLAN are planned for their values every time.
 */
class PreparingPool implements PostgresPool {
  private readonly names = new StatementNames(false);

  constructor(private readonly pool: pg.Pool) {}

  async connect(): Promise<PostgresPoolClient> {
    const client = await this.pool.connect();
    const query = async (text: string, values: unknown[]) => {
      return this.names.run(text, (name) => client.query({ name, text, values }), () => client.query(text, values));
    };
    return { query, release: () => client.release() } as unknown as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * Runs a statement written out in full, its text built once per shape (statementText): the checkout's statements skip
 * the query builder, which cost about a fifth of the server's CPU per order (bench/README.md, orders). The text is the
 * same string object on every run, so naming it for preparation is a cached-hash lookup. Only store.ts files and the
 * platform's events insert call it.
 */
export async function runStatement<R>(db: Db, text: string, values: unknown[]): Promise<R[]> {
  return (await db.executeQuery<R>(CompiledQuery.raw(text, values))).rows;
}

const texts = new Map<string, string>();

/** The statement text for a shape (e.g. how many rows a multi-row insert has), built on first use and kept. */
export function statementText(shape: string, build: () => string): string {
  let text = texts.get(shape);
  if (text === undefined) {
    text = build();
    if (texts.size < 1_000) texts.set(shape, text);
  }
  return text;
}

/** `($1, $2), ($3, $4)`: placeholders for rows × columns values, numbered from first. */
export function valuesPlaceholders(rows: number, columns: number, first = 1): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) out.push(`(${Array.from({ length: columns }, (_, c) => `$${first + r * columns + c}`).join(', ')})`);
  return out.join(', ');
}

/** Opt-in statement counter: Kysely's log hook does nothing but compare a number until a test starts counting. */
interface QueryCounter { active: number; count: number }

function countingLog(counter: QueryCounter) {
  return () => {
    if (counter.active > 0) counter.count++;
  };
}

function wrap(kind: DatabaseKind, db: Db, background: Db, counter: QueryCounter, close: () => Promise<void>, dumpDataDir?: () => Promise<Blob>): Database {
  const hooks: Array<() => void> = [];
  return {
    kind,
    db,
    background,
    async transaction(fn) {
      const result = await db.transaction().execute(fn);
      for (const hook of hooks) hook();
      return result;
    },
    onCommit(hook) {
      hooks.push(hook);
    },
    close,
    dumpDataDir,
    async countQueries(fn) {
      const start = counter.count;
      counter.active++;
      try {
        const result = await fn();
        return { result, queries: counter.count - start };
      } finally {
        counter.active--;
      }
    },
  };
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  /** Directory for PGlite files; undefined keeps PGlite in memory. */
  pgliteDir?: string | undefined;
  /** Start PGlite from this data-directory tarball (test template). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
  /** PGlite's buffer pool. Its WASM memory never shrinks, so this bounds the process's idle footprint. */
  pgliteSharedBuffers?: string | undefined;
  /**
   * Where PGlite runs: 'own' (default), a thread of its own (pglite-thread.ts), so the engine's synchronous WASM does
   * not hold up the caller's thread; 'caller', in the caller's thread (one thread fewer; tools that only load data).
   */
  pgliteThread?: 'own' | 'caller' | undefined;
}

/**
 * The connections' settings, before any options the URL gives (those win; pg lets a connection string's values
 * override the pool's, so the URL's options move into the pool's):
 * - no JIT: PostgreSQL compiles a statement whose estimated cost passes jit_above_cost; search's did at 1M products
 *   and spent 130–190 ms compiling for 10–35 ms of work (docs/search.md, "Cost"). It pays off only on long analytical
 *   scans, which this application does not run;
 * - work_mem 32 MB (a cap per sort, hash or bitmap, not an allocation): a broad search's bitmap stays exact and its
 *   window's aggregates stay in memory; at 1M products p99 was 8–11 % lower than with the default 4 MB.
 */
function withSettings(databaseUrl: string): { connectionString: string; options: string } {
  const url = new URL(databaseUrl);
  const given = url.searchParams.get('options');
  url.searchParams.delete('options');
  return { connectionString: url.toString(), options: ['-c jit=off -c work_mem=32MB', given].filter(Boolean).join(' ') };
}

/** The background pool's connections: one for each of the worker's loops (the outbox's and the job queue's). */
const BACKGROUND_POOL_SIZE = 2;

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ ...withSettings(options.databaseUrl), max: options.poolSize ?? 10 });
    pool.on('error', () => undefined); // idle-client errors surface on the next query instead
    const backgroundPool = new pg.Pool({ ...withSettings(options.databaseUrl), max: BACKGROUND_POOL_SIZE });
    backgroundPool.on('error', () => undefined);
    const counter: QueryCounter = { active: 0, count: 0 };
    const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool: new PreparingPool(pool) }), log: countingLog(counter) });
    const background = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool: new PreparingPool(backgroundPool) }), log: countingLog(counter) });
    return wrap('postgres', db, background, counter, async () => {
      await db.destroy();
      await background.destroy();
    });
  }
  if (options.pgliteDir) fs.mkdirSync(path.dirname(path.resolve(options.pgliteDir)), { recursive: true });
  const engineOptions: PGliteEngineOptions = {
    dataDir: options.pgliteDir,
    loadDataDir: options.loadDataDir ? new Uint8Array(await options.loadDataDir.arrayBuffer()) : undefined,
    sharedBuffers: options.pgliteSharedBuffers,
  };
  const engine = options.pgliteThread === 'caller' ? await PGliteEngine.open(engineOptions) : await startPGliteThread(engineOptions);
  const pool = new PGlitePool(engine);
  const counter: QueryCounter = { active: 0, count: 0 };
  const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }), log: countingLog(counter) });
  return wrap(
    'pglite',
    db,
    db,
    counter,
    async () => {
      await db.destroy();
      await engine.close();
    },
    async () => new Blob([await engine.dump()]),
  );
}
