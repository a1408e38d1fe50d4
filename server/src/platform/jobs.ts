import os from 'node:os';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Database, Db } from './db.js';
import { uuidv7 } from './ids.js';

export interface NewJob {
  kind: string;
  payload?: Record<string, unknown>;
  runAt?: Date;
  /** While a job with this key is pending or running, enqueueing another is a no-op. */
  uniqueKey?: string;
  maxAttempts?: number;
}

/** Enqueues in the caller's transaction (or directly on the database). Returns false for a duplicate unique key. */
export async function enqueueJob(db: Db, job: NewJob): Promise<boolean> {
  const result = await sql`
    INSERT INTO jobs (id, kind, payload, run_at, unique_key, max_attempts)
    VALUES (${uuidv7()}, ${job.kind}, ${JSON.stringify(job.payload ?? {})}::jsonb, ${job.runAt ?? new Date()},
            ${job.uniqueKey ?? null}, ${job.maxAttempts ?? 8})
    ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL AND status IN ('pending', 'running') DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export interface JobContext {
  jobId: string;
  attempt: number;
  database: Database;
  log: Logger;
}

interface JobDefinition {
  schema: z.ZodType<unknown>;
  run(payload: unknown, ctx: JobContext): Promise<void>;
  /** For recurring jobs: when the next run is due after one finishes. */
  nextRunAt?: (now: Date) => Date;
}

const STALE_AFTER_SECONDS = 300;
/** How often a runner looks for stale leases: not on every pass, which runs after every commit under load. */
const RECLAIM_EVERY_MS = 30_000;
const BATCH = 10;

function backoffMs(attempt: number): number {
  const base = Math.min(3_600_000, 1000 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}

/** The jobs queue: rows claimed with FOR UPDATE SKIP LOCKED, retried with backoff, surviving restarts. */
export class JobRunner {
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly workerId = `${os.hostname()}:${process.pid}`;
  private reclaimedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
  ) {}

  define<P>(kind: string, schema: z.ZodType<P>, run: (payload: P, ctx: JobContext) => Promise<void>): void {
    if (this.definitions.has(kind)) throw new Error(`Duplicate job kind ${kind}`);
    this.definitions.set(kind, { schema, run: run });
  }

  /** A job that re-enqueues itself after each run; its schedule is a row, so it survives restarts. */
  defineRecurring(kind: string, nextRunAt: (now: Date) => Date, run: (ctx: JobContext) => Promise<void>): void {
    if (this.definitions.has(kind)) throw new Error(`Duplicate job kind ${kind}`);
    this.definitions.set(kind, { schema: { parse: (v: unknown) => v } as z.ZodType<unknown>, run: (_p, ctx) => run(ctx), nextRunAt });
  }

  /** Makes sure every recurring job has its next run queued. */
  async ensureSchedules(): Promise<void> {
    for (const [kind, def] of this.definitions) {
      if (!def.nextRunAt) continue;
      await enqueueJob(this.database.db, { kind, runAt: def.nextRunAt(new Date()), uniqueKey: `recurring:${kind}` });
    }
  }

  /**
   * Puts back jobs left running by a process of this host that no longer exists (killed mid-job), so they run again
   * at once instead of after the stale timeout. Jobs held by live processes, or by other hosts, are left alone.
   */
  async recoverOrphans(): Promise<number> {
    const { db } = this.database;
    const holders = await sql<{ locked_by: string }>`SELECT DISTINCT locked_by FROM jobs WHERE status = 'running' AND locked_by IS NOT NULL`.execute(db);
    const host = os.hostname();
    const dead = holders.rows.map((r) => r.locked_by).filter((by) => {
      const at = by.lastIndexOf(':');
      const pid = Number(by.slice(at + 1));
      if (by.slice(0, at) !== host || !Number.isInteger(pid) || pid === process.pid) return false;
      try {
        process.kill(pid, 0);
        return false;
      } catch (err) {
        return (err as NodeJS.ErrnoException).code === 'ESRCH';
      }
    });
    if (dead.length === 0) return 0;
    const reset = await sql`UPDATE jobs SET status = 'pending', locked_at = NULL, locked_by = NULL WHERE status = 'running' AND locked_by = ANY(${dead}::text[])`.execute(db);
    return Number(reset.numAffectedRows ?? 0);
  }

  /** Runs due jobs; returns how many were claimed. */
  async runDue(): Promise<number> {
    const db = this.database.background;
    if (Date.now() - this.reclaimedAt >= RECLAIM_EVERY_MS) {
      this.reclaimedAt = Date.now();
      await sql`UPDATE jobs SET status = 'pending', locked_at = NULL, locked_by = NULL
                WHERE status = 'running' AND locked_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS})`.execute(db);
    }
    const claimed = await sql<{ id: string; kind: string; payload: unknown; attempts: number; max_attempts: number }>`
      UPDATE jobs SET status = 'running', locked_at = now(), locked_by = ${this.workerId}, attempts = attempts + 1
      WHERE id IN (SELECT id FROM jobs WHERE status = 'pending' AND run_at <= now()
                   ORDER BY run_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, payload, attempts, max_attempts`.execute(db);
    for (const job of claimed.rows) await this.runOne(job);
    return claimed.rows.length;
  }

  private async runOne(job: { id: string; kind: string; payload: unknown; attempts: number; max_attempts: number }): Promise<void> {
    const db = this.database.background;
    const def = this.definitions.get(job.kind);
    try {
      if (!def) throw new Error(`No handler for job kind ${job.kind}`);
      const payload = def.schema.parse(job.payload);
      await def.run(payload, { jobId: job.id, attempt: job.attempts, database: this.database, log: this.log.child({ job: job.kind, jobId: job.id }) });
      await db.updateTable('jobs').set({ status: 'succeeded', finished_at: new Date(), locked_at: null, last_error: null }).where('id', '=', job.id).execute();
      if (def.nextRunAt) await enqueueJob(db, { kind: job.kind, runAt: def.nextRunAt(new Date()), uniqueKey: `recurring:${job.kind}` });
    } catch (err) {
      const message = String(err instanceof Error ? err.message : err).slice(0, 2000);
      const finalFailure = job.attempts >= job.max_attempts;
      this.log.error({ err, jobId: job.id, kind: job.kind, attempt: job.attempts, finalFailure }, 'job failed');
      await db
        .updateTable('jobs')
        .set({
          status: finalFailure ? 'failed' : 'pending',
          run_at: new Date(Date.now() + backoffMs(job.attempts)),
          locked_at: null,
          locked_by: null,
          last_error: message,
          finished_at: finalFailure ? new Date() : null,
        })
        .where('id', '=', job.id)
        .execute();
      if (finalFailure && def?.nextRunAt) await enqueueJob(db, { kind: job.kind, runAt: def.nextRunAt(new Date()), uniqueKey: `recurring:${job.kind}` });
    }
  }

  async queueDepth(): Promise<Record<string, number>> {
    const rows = await this.database.db
      .selectFrom('jobs')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', ['pending', 'running', 'failed'])
      .groupBy('status')
      .execute();
    const depth: Record<string, number> = { pending: 0, running: 0, failed: 0 };
    for (const r of rows) depth[r.status] = Number(r.n);
    return depth;
  }
}

/**
 * Polls the outbox and the jobs queue; wake() runs a pass at once (after a commit). Each pass runs in a loop of its
 * own, so a slow job never holds up the delivery of events (it did: under checkout load one job pass took 10 s, and
 * the outbox fell thousands of events behind).
 */
export class Worker {
  private readonly lanes: Lane[];

  constructor(
    private readonly passes: Array<() => Promise<number>>,
    pollMs: number,
    private readonly log: Logger,
  ) {
    this.lanes = passes.map((pass) => new Lane(pass, pollMs, log));
  }

  start(): void {
    for (const lane of this.lanes) lane.start();
  }

  wake(): void {
    for (const lane of this.lanes) lane.wake();
  }

  /** Every pass in turn until none has anything due (up to 20 rounds). Exposed for tests. */
  async tick(): Promise<void> {
    try {
      for (let round = 0; round < 20; round++) {
        let work = 0;
        for (const pass of this.passes) work += await pass();
        if (work === 0) return;
      }
    } catch (err) {
      this.log.error({ err }, 'worker pass failed');
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.stop()));
  }
}

/** One pass's loop: runs it until nothing is due, then waits pollMs or for a wake(). */
class Lane {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  /** Set by stop(): a pass in progress ends after its current round instead of running up to 20. */
  private stopping = false;

  constructor(
    private readonly pass: () => Promise<number>,
    private readonly pollMs: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.stopping = false;
    this.schedule(0);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.run().finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        const busy = this.again;
        this.again = false;
        this.schedule(busy ? 0 : this.pollMs);
      });
    }, ms);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    try {
      for (let round = 0; round < 20 && !this.stopping; round++) {
        if (await this.pass() === 0) return;
      }
    } catch (err) {
      this.log.error({ err }, 'worker pass failed');
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.stopping = false;
  }
}
