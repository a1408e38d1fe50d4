import fs from 'node:fs';
import path from 'node:path';
import { PGlite, parse as pgliteParse, protocol, types as pgliteTypes, type Results } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { CompiledQuery, Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import pg from 'pg';
import type { PlatformTables } from './tables.js';

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

// Same JS shapes from both drivers: int8 as number (counts, minor units well below 2^53),
// numeric as string (decimal quantities stay exact), date as 'YYYY-MM-DD'.
const parseInt8 = (v: string) => Number(v);
const parseDate = (v: string) => v;

pg.types.setTypeParser(20, parseInt8);
pg.types.setTypeParser(1082, parseDate);

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// Leading comments (-- lines, /* blocks */, e.g. CUSTOM_PLAN) before a statement's first word.
const LEADING_COMMENTS = String.raw`^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*`;
const LEADING_COMMAND = new RegExp(`${LEADING_COMMENTS}(\\w+)`);

/**
 * PGlite has a single connection. This pool hands it to one client at a time: connect() waits
 * until the previous client is released, so a transaction (BEGIN … COMMIT on one client) can
 * never interleave with another request's statements.
 *
 * Statements run often are prepared once (named, as on PostgreSQL), those marked CUSTOM_PLAN included: in WASM, parsing
 * and planning are dear (a search's statement: 21.6 → 15.4 ms once prepared; docs/search.md, "Cost"), and PGlite's own
 * query() makes six calls into the engine per statement where a prepared one takes two.
 */
class PGlitePool implements PostgresPool {
  private tail: Promise<void> = Promise.resolve();
  private readonly names = new StatementNames(true);
  /** Parameter types of each prepared statement, from its Describe: how PGlite's serializers write the values. */
  private readonly parameterTypes = new Map<string, number[]>();

  constructor(private readonly pglite: PGlite) {}

  private async run(messages: Uint8Array[]): Promise<BackendMessage[]> {
    const { serialize } = protocol;
    const out: BackendMessage[] = [];
    try {
      out.push(...await this.pglite.execProtocolStream(concatBytes(messages), { syncToFs: false }));
    } finally {
      // After an error the engine skips to the next Sync, which PGlite's own query() also sends last and apart.
      out.push(...await this.pglite.execProtocolStream(serialize.sync(), { syncToFs: false }));
    }
    return out;
  }

  private async runPrepared<R>(name: string, text: string, parameters: ReadonlyArray<unknown>): Promise<Results<R>> {
    const { serialize } = protocol;
    return this.pglite.runExclusive(async () => {
      let types = this.parameterTypes.get(name);
      if (!types) {
        types = pgliteParse.parseDescribeStatementResults(await this.run([serialize.parse({ name, text }), serialize.describe({ type: 'S', name })]));
        this.parameterTypes.set(name, types);
      }
      const values = parameters.map((v, i) => {
        if (v === null || v === undefined) return null;
        const serializer = this.pglite.serializers[types[i]!];
        if (serializer) return serializer(v);
        switch (typeof v) {
          case 'string':
            return v;
          case 'number':
          case 'boolean':
          case 'bigint':
            return String(v);
          default:
            return v instanceof Date ? v.toISOString() : JSON.stringify(v);
        }
      });
      const messages = await this.run([serialize.bind({ statement: name, values }), serialize.describe({ type: 'P' }), serialize.execute({})]);
      await this.pglite.syncToFs();
      return pgliteParse.parseResults(messages, this.pglite.parsers)[0] as Results<R>;
    });
  }

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => released);
    await previous;
    const pglite = this.pglite;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the client object's methods need the pool
    const pool = this;
    let done = false;
    const client = {
      async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
        const command = (LEADING_COMMAND.exec(sql)?.[1] ?? '').toUpperCase();
        if (parameters.length === 0) {
          // exec() accepts several statements (migration files); its last result is the answer.
          const results = await pglite.exec(sql);
          const last = results[results.length - 1];
          return { command: command as 'SELECT', rowCount: last?.affectedRows ?? last?.rows.length ?? 0, rows: (last?.rows ?? []) as R[] };
        }
        const result = await pool.names.run(sql, (name) => pool.runPrepared<R>(name, sql, parameters), () => pglite.query<R>(sql, parameters as unknown[]));
        return { command: command as 'SELECT', rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
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

/** Leading comment of a statement whose best plan depends on its values (search's text and trigram matches): not prepared on PostgreSQL. */
export const CUSTOM_PLAN = '/* custom plan */';
const PREPARE_AFTER = 3;
const MAX_PREPARED = 256;
const PREPARABLE = new RegExp(`${LEADING_COMMENTS}(select|insert|update|delete|with)\\b`, 'i');
// A generic plan cannot infer a partial unique index from a parameterized predicate (ON CONFLICT (…) WHERE col = $1
// fails with 42P10 once PostgreSQL switches to it), so such statements are never prepared.
const NEEDS_VALUES = /\bon conflict\s*\([^)]*\)\s*where\b/i;

/**
 * Which statement texts run as named prepared statements: a text is named once this process has seen it
 * PREPARE_AFTER times, up to MAX_PREPARED texts. A statement whose result type changed under it (a migration by
 * another process) is run unnamed from then on.
 */
class StatementNames {
  private readonly seen = new Map<string, number>();
  private readonly names = new Map<string, string>();
  private readonly unpreparable = new Set<string>();
  private nextName = 0;

  /** customPlans: also name the statements marked CUSTOM_PLAN (PGlite, where parsing them is dear; below). */
  constructor(private readonly customPlans: boolean) {}

  private nameFor(text: string): string | null {
    const known = this.names.get(text);
    if (known) return known;
    if (this.names.size >= MAX_PREPARED || (!this.customPlans && text.trimStart().startsWith(CUSTOM_PLAN)) || this.unpreparable.has(text) || !PREPARABLE.test(text) || NEEDS_VALUES.test(text)) return null;
    const n = (this.seen.get(text) ?? 0) + 1;
    if (n < PREPARE_AFTER) {
      if (this.seen.size >= 10_000) this.seen.clear();
      this.seen.set(text, n);
      return null;
    }
    this.seen.delete(text);
    const name = `ts_${this.nextName++}`;
    this.names.set(text, name);
    return name;
  }

  /**
   * Runs the text named when it has a name, else unnamed. After 0A000 "cached plan must not change result type" (the
   * table changed under the prepared statement) the text runs unnamed from then on.
   */
  async run<T>(text: string, named: (name: string) => Promise<T>, unnamed: () => Promise<T>): Promise<T> {
    const name = this.nameFor(text);
    if (!name) return unnamed();
    try {
      return await named(name);
    } catch (err) {
      if ((err as { code?: string }).code === '0A000') {
        this.names.delete(text);
        this.unpreparable.add(text);
      }
      throw err;
    }
  }
}

/**
 * PostgreSQL: statements run often are prepared once per connection (named), so PostgreSQL parses each once and,
 * after five runs, may keep a generic plan instead of planning every execution (orders bench: about +20 %
 * orders/s). Statements marked CUSTOM_PLAN are planned for their values every time.
 *
 * A transaction's BEGIN is held back and written in one packet with the transaction's first statement (the pool's
 * clients pipeline: pg sends a query without waiting for the one before to be answered), so a transaction costs one
 * round trip fewer — a wake-up of PostgreSQL and of this process, which on the checkout path is a sixth of its
 * statements (bench/README.md, orders, fifth pass). A transaction that ends before any statement sends nothing.
 */
class PreparingPool implements PostgresPool {
  private readonly names = new StatementNames(false);

  constructor(private readonly pool: pg.Pool) {}

  async connect(): Promise<PostgresPoolClient> {
    const client = await this.pool.connect();
    const stream = (client as unknown as { connection: { stream: { cork(): void; uncork(): void } } }).connection.stream;
    const run = (text: string, values: unknown[]) => this.names.run(text, (name) => client.query({ name, text, values }), () => client.query(text, values));
    let heldBegin: string | null = null;
    const query = async (text: string, values: unknown[]) => {
      if (values.length === 0 && BEGINS_TRANSACTION.test(text)) {
        heldBegin = text;
        return NO_ROWS;
      }
      if (heldBegin === null) return run(text, values);
      const begin = heldBegin;
      heldBegin = null;
      if (values.length === 0 && ENDS_TRANSACTION.test(text)) return { ...NO_ROWS, command: text.trim().toUpperCase() };
      // Both are submitted in this tick; the cork makes them one write. BEGIN cannot fail on a live connection, and on
      // a dead one the statement fails too, so the statement never runs outside the transaction it was written for.
      stream.cork();
      let begun: Promise<unknown>;
      let result: Promise<pg.QueryResult>;
      try {
        begun = client.query(begin);
        result = run(text, values);
      } finally {
        stream.uncork();
      }
      const [b, r] = await Promise.allSettled([begun, result]);
      if (b.status === 'rejected') throw b.reason;
      if (r.status === 'rejected') throw r.reason;
      return r.value;
    };
    return {
      query,
      release: (err?: Error | boolean) => {
        heldBegin = null;
        client.release(err);
      },
    } as unknown as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.pool.end();
  }
}

const BEGINS_TRANSACTION = /^\s*(begin|start transaction)\b/i;
const ENDS_TRANSACTION = /^\s*(commit|rollback)\s*$/i;
const NO_ROWS = { command: 'BEGIN', rowCount: null, rows: [], fields: [] };

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
  pgliteSharedBuffers?: string;
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
    // pipeline: PreparingPool writes a transaction's BEGIN with its first statement.
    const pool = new pg.Pool({ ...withSettings(options.databaseUrl), max: options.poolSize ?? 10, pipeline: true });
    pool.on('error', () => undefined); // idle-client errors surface on the next query instead
    const backgroundPool = new pg.Pool({ ...withSettings(options.databaseUrl), max: BACKGROUND_POOL_SIZE, pipeline: true });
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
  const pglite = await PGlite.create({
    ...(options.pgliteDir ? { dataDir: options.pgliteDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { pg_trgm },
    // The data files sit on the real file system, so the OS page cache backs a small buffer pool.
    postgresqlconf: [`shared_buffers=${options.pgliteSharedBuffers ?? '16MB'}`, 'wal_buffers=1MB', 'temp_buffers=2MB'],
    parsers: { [pgliteTypes.INT8]: parseInt8, [pgliteTypes.DATE]: parseDate },
  });
  const pool = new PGlitePool(pglite);
  const counter: QueryCounter = { active: 0, count: 0 };
  const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }), log: countingLog(counter) });
  return wrap(
    'pglite',
    db,
    db,
    counter,
    async () => {
      await db.destroy();
      await pglite.close();
    },
    async () => pglite.dumpDataDir('none'),
  );
}
