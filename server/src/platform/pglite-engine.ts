import { PGlite, parse as pgliteParse, protocol, types as pgliteTypes, type Results } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { LEADING_COMMAND, StatementNames } from './statements.js';

// The embedded database itself: PGlite and how statements reach it. It runs in a thread of its own (pglite-thread.ts)
// or, where asked, in the caller's; it knows nothing of connections: db.ts's pool hands it to one client at a time.

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

/** What db.ts's pool needs of the embedded database, wherever it runs. */
export interface PGliteStatements {
  /** One statement with parameters, prepared once it runs often. */
  query<R>(sql: string, parameters: readonly unknown[]): Promise<StatementResult<R>>;
  /** Statements without parameters, possibly several (migration files); the last one's result is the answer. */
  exec<R>(sql: string): Promise<StatementResult<R>>;
  /** The data directory as a tarball. */
  dump(): Promise<Uint8Array>;
  close(): Promise<void>;
}

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

const commandOf = (sql: string) => (LEADING_COMMAND.exec(sql)?.[1] ?? '').toUpperCase();

/**
 * Statements run often are prepared once (named, as on PostgreSQL), those marked CUSTOM_PLAN included: in WASM, parsing
 * and planning are dear (a search's statement: 21.6 → 15.4 ms once prepared; docs/search.md, "Cost"), and PGlite's own
 * query() makes six calls into the engine per statement where a prepared one takes two.
 */
export class PGliteEngine implements PGliteStatements {
  private readonly names = new StatementNames(true);
  /** Parameter types of each prepared statement, from its Describe: how PGlite's serializers write the values. */
  private readonly parameterTypes = new Map<string, number[]>();

  private constructor(private readonly pglite: PGlite) {}

  static async open(options: PGliteEngineOptions): Promise<PGliteEngine> {
    const pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: new Blob([options.loadDataDir]) } : {}),
      extensions: { pg_trgm },
      // The data files sit on the real file system, so the OS page cache backs a small buffer pool.
      postgresqlconf: [`shared_buffers=${options.sharedBuffers ?? '16MB'}`, 'wal_buffers=1MB', 'temp_buffers=2MB'],
      parsers: { [pgliteTypes.INT8]: parseInt8, [pgliteTypes.DATE]: parseDate },
    });
    return new PGliteEngine(pglite);
  }

  async query<R>(sql: string, parameters: readonly unknown[]): Promise<StatementResult<R>> {
    const result = await this.names.run(sql, (name) => this.runPrepared<R>(name, sql, parameters), () => this.pglite.query<R>(sql, parameters as unknown[]));
    return { command: commandOf(sql), rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
  }

  async exec<R>(sql: string): Promise<StatementResult<R>> {
    const results = await this.pglite.exec(sql);
    const last = results[results.length - 1];
    return { command: commandOf(sql), rowCount: last?.affectedRows ?? last?.rows.length ?? 0, rows: (last?.rows ?? []) as R[] };
  }

  async dump(): Promise<Uint8Array> {
    return new Uint8Array(await (await this.pglite.dumpDataDir('none')).arrayBuffer());
  }

  async close(): Promise<void> {
    await this.pglite.close();
  }

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
}
