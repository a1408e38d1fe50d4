import { sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database } from './db.js';

/**
 * A tiny publish/subscribe bus between app processes, for notices that something committed ("message 42 of
 * conversation X exists") — never the data itself: receivers read the database. Publish after the commit.
 *
 * - InProcessBus: the one PGlite process (or tests): handlers run on a later tick in this process.
 * - PgNotifyBus: several processes on one PostgreSQL: NOTIFY on a channel, each process LISTENs on a dedicated
 *   connection. Notices published in the same tick are sent as one NOTIFY (a JSON array, under PostgreSQL's 8,000
 *   byte payload limit). After the listening connection is lost and re-established, `onResync` handlers run:
 *   notices may have been missed while it was down, so subscribers re-read what they hold.
 */
export interface RealtimeBus {
  readonly kind: 'in-process' | 'pg-notify';
  /** True while every notice from every process reaches this one (PostgreSQL: the listening connection is up). */
  readonly live: boolean;
  /** Sends a notice to every process (this one included). Never throws; failures are logged. */
  publish(notice: object): void;
  /** Every notice from every process, in the order this process received them. */
  subscribe(handler: (notices: unknown[]) => void): void;
  /** Called after the bus (re)connected and notices may have been missed. */
  onResync(handler: () => void): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

abstract class BatchingBus {
  protected readonly handlers: Array<(notices: unknown[]) => void> = [];
  protected readonly resyncHandlers: Array<() => void> = [];
  private queue: object[] = [];
  private scheduled = false;

  constructor(protected readonly log: Logger) {}

  subscribe(handler: (notices: unknown[]) => void): void {
    this.handlers.push(handler);
  }

  onResync(handler: () => void): void {
    this.resyncHandlers.push(handler);
  }

  publish(notice: object): void {
    this.queue.push(notice);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const batch = this.queue;
      this.queue = [];
      this.flush(batch).catch((err: unknown) => this.log.error({ err }, 'realtime bus publish failed'));
    });
  }

  protected deliver(notices: unknown[]): void {
    for (const h of this.handlers) {
      try {
        h(notices);
      } catch (err) {
        this.log.error({ err }, 'realtime bus handler failed');
      }
    }
  }

  protected resync(): void {
    for (const h of this.resyncHandlers) {
      try {
        h();
      } catch (err) {
        this.log.error({ err }, 'realtime bus resync handler failed');
      }
    }
  }

  protected abstract flush(batch: object[]): Promise<void>;
}

export class InProcessBus extends BatchingBus implements RealtimeBus {
  readonly kind = 'in-process' as const;
  readonly live = true;

  protected flush(batch: object[]): Promise<void> {
    // Through JSON, like the PostgreSQL bus: a handler never shares an object with the publisher.
    this.deliver(JSON.parse(JSON.stringify(batch)) as unknown[]);
    return Promise.resolve();
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

const MAX_PAYLOAD = 7_500;

export class PgNotifyBus extends BatchingBus implements RealtimeBus {
  readonly kind = 'pg-notify' as const;
  private client: pg.Client | null = null;
  private stopped = false;
  private retryMs = 250;
  private reconnectTimer: NodeJS.Timeout | null = null;

  get live(): boolean {
    return this.client !== null && !this.stopped;
  }

  constructor(
    private readonly database: Database,
    private readonly connectionString: string,
    log: Logger,
    private readonly channel = 'tongshang_realtime',
  ) {
    super(log);
  }

  /** Splits the batch into payloads under the limit; one pg_notify per payload, on the pool. */
  protected async flush(batch: object[]): Promise<void> {
    const payloads: string[] = [];
    let current: string[] = [];
    let size = 2;
    for (const n of batch) {
      const s = JSON.stringify(n);
      if (current.length > 0 && size + s.length + 1 > MAX_PAYLOAD) {
        payloads.push(`[${current.join(',')}]`);
        current = [];
        size = 2;
      }
      current.push(s);
      size += s.length + 1;
    }
    if (current.length) payloads.push(`[${current.join(',')}]`);
    for (const p of payloads) {
      await sql`SELECT pg_notify(${this.channel}, ${p})`.execute(this.database.db);
    }
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (msg) => {
      if (msg.channel !== this.channel || !msg.payload) return;
      try {
        const parsed = JSON.parse(msg.payload) as unknown;
        this.deliver(Array.isArray(parsed) ? parsed : [parsed]);
      } catch (err) {
        this.log.warn({ err }, 'realtime bus: unreadable notice');
      }
    });
    client.on('error', (err) => {
      this.log.warn({ err }, 'realtime bus: listening connection failed');
      this.dropAndRetry(client);
    });
    client.on('end', () => this.dropAndRetry(client));
    await client.connect();
    await client.query(`LISTEN ${this.channel}`);
    this.client = client;
    this.retryMs = 250;
  }

  private dropAndRetry(client: pg.Client): void {
    if (this.client !== client && this.client !== null) return;
    this.client = null;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.stopped) return;
      this.connect().then(() => this.resync(), (err: unknown) => {
        this.log.warn({ err }, 'realtime bus: reconnect failed');
        this.retryMs = Math.min(this.retryMs * 2, 5_000);
        this.dropAndRetry(client);
      });
    }, this.retryMs);
    this.reconnectTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
  }
}

/**
 * PostgreSQL with a connection string: LISTEN/NOTIFY between processes. PGlite (one process): in-process. A
 * PostgreSQL database opened without a URL in the config (test harnesses) is one process too.
 */
export function createRealtimeBus(database: Database, config: Config, log: Logger): RealtimeBus {
  if (database.kind === 'postgres' && config.DATABASE_URL) return new PgNotifyBus(database, config.DATABASE_URL, log);
  return new InProcessBus(log);
}
