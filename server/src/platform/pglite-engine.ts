import { PGlite, parse as pgliteParse, protocol, types as pgliteTypes, type Results } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { LEADING_COMMAND, StatementNames } from './statements.js';

// The embedded database: PGlite, and how statements reach it as PostgreSQL protocol bytes. PGlite runs in a thread of its
// own (pglite-thread.ts) or, where asked, in the caller's; the statements' bytes are written and the answers parsed on the
// caller's side either way, so that thread does nothing but run the engine. Connections are db.ts's concern: its pool
// hands the one session to one client at a time.

// Same JS shapes as the pg driver's (db.ts): int8 as number, numeric as string, date as 'YYYY-MM-DD'.
export const parseInt8 = (v: string) => Number(v);
export const parseDate = (v: string) => v;

export interface PGliteEngineOptions {
  /** Directory for PGlite files; undefined keeps PGlite in memory. */
  dataDir?: string | undefined;
  /** A data-directory tarball to start from (test template). */
  loadDataDir?: Uint8Array | undefined;
  /** PGlite's buffer pool. Its WASM memory never shrinks, so this bounds the process's idle footprint. */
  sharedBuffers?: string | undefined;
}

export interface StatementResult<R> {
  command: string;
  rowCount: number;
  rows: R[];
}

/** What db.ts's pool needs of the embedded database, wherever it runs. A session is one client of the pool. */
export interface PGliteStatements {
  /** One statement with parameters, prepared once it runs often. */
  query<R>(session: number, sql: string, parameters: readonly unknown[]): Promise<StatementResult<R>>;
  /** Statements without parameters, possibly several (migration files); the last one's result is the answer. */
  exec<R>(session: number, sql: string): Promise<StatementResult<R>>;
  /** The session is done (PGliteChannel.release). */
  release(session: number): void;
  /** The data directory as a tarball. */
  dump(): Promise<Uint8Array>;
  close(): Promise<void>;
}

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];
type DatabaseError = InstanceType<typeof protocol.messages.DatabaseError>;
type Serializer = (value: unknown) => string;
type Parser = (value: string, typeId?: number) => unknown;

/**
 * Where the protocol bytes go: PGlite in this thread (channelTo) or in its own (pglite-thread.ts). A session is one
 * client of db.ts's pool; the channel runs sessions' exchanges in the order they arrive, except that a session inside a
 * transaction (or mid-statement: hold) keeps the engine until it is out: sessions never interleave inside another's.
 */
export interface PGliteChannel {
  /** Messages in (their buffer is handed over: a fresh one each time), the backend's messages out. */
  exchange(session: number, messages: Uint8Array, hold: boolean): Promise<Uint8Array>;
  /** The session is done; if it still holds the engine (a transaction left open) that is rolled back. */
  release(session: number): void;
  dump(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function openPGlite(options: PGliteEngineOptions): Promise<PGlite> {
  return PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: new Blob([options.loadDataDir]) } : {}),
    extensions: { pg_trgm },
    // The data files sit on the real file system, so the OS page cache backs a small buffer pool.
    postgresqlconf: [`shared_buffers=${options.sharedBuffers ?? '16MB'}`, 'wal_buffers=1MB', 'temp_buffers=2MB'],
  });
}

const READY_FOR_QUERY = 0x5a;
const IDLE = 0x49;

/** Whether the backend's answer ends with ReadyForQuery "idle": no transaction open. */
function endsIdle(answer: Uint8Array): boolean {
  const n = answer.length;
  return n >= 6 && answer[n - 6] === READY_FOR_QUERY && answer[n - 2] === 5 && answer[n - 1] === IDLE;
}

interface Turn {
  session: number;
  run: () => Promise<Uint8Array>;
  /** null: not a protocol exchange (a dump, the close), which leaves the engine to the next in line. */
  hold: boolean | null;
  resolve: (answer: Uint8Array) => void;
  reject: (err: unknown) => void;
}

/** The channel to a PGlite instance of this thread: the sessions' turns, first come first served. */
export function channelTo(pglite: PGlite): PGliteChannel {
  const turns: Turn[] = [];
  let owner: number | null = null;
  let busy = false;
  const raw = async (messages: Uint8Array) => {
    const answer = await pglite.execProtocolRaw(messages, { syncToFs: false });
    await pglite.syncToFs();
    return answer;
  };
  const next = () => {
    if (busy) return;
    const at = owner === null ? 0 : turns.findIndex((t) => t.session === owner);
    if (at < 0 || at >= turns.length) return;
    const turn = turns.splice(at, 1)[0]!;
    busy = true;
    turn.run().then(
      (answer) => {
        owner = turn.hold === null ? null : turn.hold || !endsIdle(answer) ? turn.session : null;
        turn.resolve(answer);
      },
      (err: unknown) => turn.reject(err),
    ).finally(() => {
      busy = false;
      next();
    });
  };
  const take = (session: number, run: () => Promise<Uint8Array>, hold: boolean | null) =>
    new Promise<Uint8Array>((resolve, reject) => {
      turns.push({ session, run, hold, resolve, reject });
      next();
    });
  let tasks = -1;
  return {
    exchange: (session, messages, hold) => take(session, () => raw(messages), hold),
    release(session) {
      if (owner !== session) return;
      // Only after an error path that skipped its ROLLBACK: the engine must not stay inside that transaction.
      void take(session, () => raw(concatBytes([protocol.serialize.sync(), protocol.serialize.query('ROLLBACK')])), false).finally(() => {
        if (owner === session) owner = null;
        next();
      });
    },
    dump: () => take(tasks--, async () => new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer()), null),
    close: async () => {
      await take(tasks--, async () => {
        await pglite.close();
        return new Uint8Array(0);
      }, null);
    },
  };
}

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const commandOf = (sql: string) => (LEADING_COMMAND.exec(sql)?.[1] ?? '').toUpperCase();

/**
 * Statements over the protocol, as PGlite's own query() and exec() write them, with two differences:
 * - statements run often are prepared once (named, as on PostgreSQL), those marked CUSTOM_PLAN included: in WASM,
 *   parsing and planning are dear (a search's statement: 21.6 → 15.4 ms once prepared; docs/search.md, "Cost");
 * - a statement is one exchange with the engine (two when unnamed), where PGlite's query() makes six.
 * Values are written by PGlite's serializers for the parameter types the engine describes, answers read by its parsers
 * (with int8 as number and date as text, as from the pg driver), array types included as PGlite itself adds them.
 */
export class PGliteEngine implements PGliteStatements {
  private readonly names = new StatementNames(true);
  /** Parameter types of each prepared statement, from its Describe. */
  private readonly parameterTypes = new Map<string, Promise<number[]>>();
  private readonly serializers: Record<number, Serializer> = { ...(pgliteTypes.serializers as Record<number, Serializer>) };
  private readonly parsers: Record<number, Parser> = { ...(pgliteTypes.parsers as Record<number, Parser>), [pgliteTypes.INT8]: parseInt8, [pgliteTypes.DATE]: parseDate };

  private constructor(private readonly channel: PGliteChannel) {}

  static async over(channel: PGliteChannel): Promise<PGliteEngine> {
    const engine = new PGliteEngine(channel);
    const arrays = await engine.exec<{ oid: number; typarray: number }>(0, `SELECT b.oid, b.typarray FROM pg_catalog.pg_type a
      LEFT JOIN pg_catalog.pg_type b ON b.oid = a.typelem WHERE a.typcategory = 'A' GROUP BY b.oid, b.typarray ORDER BY b.oid`);
    for (const { oid, typarray } of arrays.rows) {
      engine.serializers[typarray] = (v) => pgliteTypes.arraySerializer(v, engine.serializers[oid], typarray);
      engine.parsers[typarray] = (v) => pgliteTypes.arrayParser(v, engine.parsers[oid] ?? ((x: string) => x), typarray) as unknown;
    }
    engine.release(0);
    return engine;
  }

  async query<R>(session: number, sql: string, parameters: readonly unknown[]): Promise<StatementResult<R>> {
    const result = await this.names.run(sql, (name) => this.runPrepared<R>(session, name, sql, parameters), () => this.runUnnamed<R>(session, sql, parameters));
    return { command: commandOf(sql), rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
  }

  async exec<R>(session: number, sql: string): Promise<StatementResult<R>> {
    const { serialize } = protocol;
    const results = pgliteParse.parseResults(await this.exchange(session, [serialize.query(sql), serialize.sync()]), this.parsers);
    const last = results[results.length - 1];
    return { command: commandOf(sql), rowCount: last?.affectedRows ?? last?.rows.length ?? 0, rows: (last?.rows ?? []) as R[] };
  }

  release(session: number): void {
    this.channel.release(session);
  }

  dump(): Promise<Uint8Array> {
    return this.channel.dump();
  }

  close(): Promise<void> {
    return this.channel.close();
  }

  /**
   * One exchange; throws the backend's error (a DatabaseError with its code, constraint …) if it sent one. Messages that
   * end without Sync are followed by one after an error: until then the backend skips everything.
   */
  private async exchange(session: number, messages: Uint8Array[], endsWithSync = true): Promise<BackendMessage[]> {
    const out: BackendMessage[] = [];
    new protocol.Parser().parse(await this.channel.exchange(session, concatBytes(messages), !endsWithSync), (message) => out.push(message));
    const error = out.find((m): m is DatabaseError => m instanceof protocol.messages.DatabaseError);
    if (error) {
      if (!endsWithSync) await this.channel.exchange(session, concatBytes([protocol.serialize.sync()]), false);
      throw error;
    }
    return out;
  }

  private values(types: number[], parameters: ReadonlyArray<unknown>): Array<string | null> {
    return parameters.map((v, i) => {
      if (v === null || v === undefined) return null;
      const serializer = this.serializers[types[i]!];
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
  }

  private async execute<R>(session: number, statement: string, types: number[], parameters: ReadonlyArray<unknown>): Promise<Results<R>> {
    const { serialize } = protocol;
    const messages = await this.exchange(session, [serialize.bind({ statement, values: this.values(types, parameters) }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]);
    return pgliteParse.parseResults(messages, this.parsers)[0] as Results<R>;
  }

  private async runPrepared<R>(session: number, name: string, text: string, parameters: ReadonlyArray<unknown>): Promise<Results<R>> {
    const { serialize } = protocol;
    // Sessions run side by side: the first to need the statement prepares it, the others wait for that.
    let types = this.parameterTypes.get(name);
    if (!types) {
      types = this.exchange(session, [serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]).then(pgliteParse.parseDescribeStatementResults);
      this.parameterTypes.set(name, types);
      types.catch(() => this.parameterTypes.delete(name));
    }
    return this.execute<R>(session, name, await types, parameters);
  }

  private async runUnnamed<R>(session: number, text: string, parameters: ReadonlyArray<unknown>): Promise<Results<R>> {
    const { serialize } = protocol;
    // No Sync between: the unnamed statement is the Bind's.
    const types = pgliteParse.parseDescribeStatementResults(await this.exchange(session, [serialize.parse({ text }), serialize.describe({ type: 'S' })], false));
    return this.execute<R>(session, '', types, parameters);
  }
}
