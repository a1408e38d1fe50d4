import { sql } from 'kysely';
import type { Logger } from 'pino';
import { runStatement, statementText, valuesPlaceholders, type Database, type Db } from './db.js';
import type { Metrics } from './metrics.js';
import { uuidv7 } from './ids.js';

/** What a module records: the change, who made it, for which company and which subject. */
export interface NewDomainEvent<TType extends string = string, TPayload extends object = Record<string, unknown>> {
  type: TType;
  actorUserId: string | null;
  companyId: string | null;
  subjectType: string;
  subjectId: string;
  payload: TPayload;
}

export interface StoredEvent extends NewDomainEvent {
  id: string;
  occurredAt: Date;
}

/** Inserts the event in the caller's transaction, so it exists if and only if the change committed. */
export async function recordEvent(trx: Db, event: NewDomainEvent<string, object>): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('events')
    .values({
      id,
      type: event.type,
      actor_user_id: event.actorUserId,
      company_id: event.companyId,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
      payload: JSON.stringify(event.payload),
    })
    .execute();
  return id;
}

/** The events table's columns as eventValues lists them: for a module that writes its events inside its own statement. */
export const EVENT_COLUMNS = ['id', 'type', 'actor_user_id', 'company_id', 'subject_type', 'subject_id', 'payload'] as const;

/** An event's values in EVENT_COLUMNS order (a fresh id). */
export function eventValues(e: NewDomainEvent<string, object>): unknown[] {
  return [uuidv7(), e.type, e.actorUserId, e.companyId, e.subjectType, e.subjectId, JSON.stringify(e.payload)];
}

/** Many events in one statement (written out, runStatement: batch jobs and the order flow run it). */
export async function recordEvents(trx: Db, events: Array<NewDomainEvent<string, object>>): Promise<void> {
  if (events.length === 0) return;
  const text = statementText(`events.insert.${events.length}`, () =>
    `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES ${valuesPlaceholders(events.length, EVENT_COLUMNS.length)}`);
  await runStatement(trx, text, events.flatMap(eventValues));
}

export interface EventHandler {
  /** Stable name: the idempotency key together with the event id. */
  name: string;
  types: readonly string[];
  /** Runs in a transaction that also records the handling, so its effects apply once. */
  handle(event: StoredEvent, trx: Db): Promise<void>;
  /** Optional: a batch's events at once, in order, with the same effect as handle() on each (fewer statements). */
  handleMany?(events: StoredEvent[], trx: Db): Promise<void>;
}

const LEASE_SECONDS = 60;
const BATCH = 50;

function backoffSeconds(attempts: number): number {
  return Math.min(3600, 2 ** Math.min(attempts, 12));
}

/** The outbox: delivers committed events to handlers, at least once, each handler once per event. */
export class EventDispatcher {
  private readonly handlers: EventHandler[] = [];

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
    private readonly metrics?: Metrics,
  ) {}

  register(handler: EventHandler): void {
    if (this.handlers.some((h) => h.name === handler.name)) throw new Error(`Duplicate event handler ${handler.name}`);
    this.handlers.push(handler);
  }

  /** Delivers due events; returns how many were settled. */
  async dispatchDue(): Promise<number> {
    const db = this.database.background;
    // Lease a batch so another process skips it; a crash lets the lease run out and the batch retried.
    const claimed = await sql<{
      id: string; type: string; actor_user_id: string | null; company_id: string | null;
      subject_type: string; subject_id: string; payload: Record<string, unknown>; occurred_at: Date; dispatch_attempts: number;
    }>`
      UPDATE events SET next_dispatch_at = now() + make_interval(secs => ${LEASE_SECONDS})
      WHERE id IN (
        SELECT id FROM events WHERE dispatched_at IS NULL AND next_dispatch_at <= now()
        ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
      RETURNING id, type, actor_user_id, company_id, subject_type, subject_id, payload, occurred_at, dispatch_attempts`.execute(db);
    const rows = [...claimed.rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    const events: StoredEvent[] = rows.map((row) => ({
      id: row.id, type: row.type, actorUserId: row.actor_user_id, companyId: row.company_id,
      subjectType: row.subject_type, subjectId: row.subject_id, payload: row.payload, occurredAt: row.occurred_at,
    }));
    // One transaction per handler for the whole batch (its receipts, then each fresh event in order): a checkout
    // burst costs a few statements per batch instead of five per event. If the batch fails, the handler takes the
    // events one at a time, so one bad event neither holds up the others nor the other handlers (each has its own
    // receipt, and a failed event is retried, skipping handlers that already took it).
    const failures = new Map<string, { handler: string; err: unknown }>();
    for (const handler of this.handlers) {
      const mine = events.filter((e) => handler.types.includes(e.type));
      if (mine.length === 0) continue;
      try {
        await this.handleIn(handler, mine);
      } catch (err) {
        if (mine.length === 1) failures.set(mine[0]!.id, { handler: handler.name, err });
        else {
          for (const event of mine) {
            try {
              await this.handleIn(handler, [event]);
            } catch (one) {
              if (!failures.has(event.id)) failures.set(event.id, { handler: handler.name, err: one });
            }
          }
        }
      }
    }
    const settled = events.filter((e) => !failures.has(e.id));
    if (settled.length > 0) {
      await db.updateTable('events').set({ dispatched_at: sql<Date>`now()`, last_error: null }).where('id', 'in', settled.map((e) => e.id)).execute();
      const now = Date.now();
      for (const e of settled) this.metrics?.eventDispatchLag.observe((now - e.occurredAt.getTime()) / 1000);
    }
    for (const [i, event] of events.entries()) {
      const failure = failures.get(event.id);
      if (!failure) continue;
      const attempts = rows[i]!.dispatch_attempts + 1;
      const err = new Error(`${failure.handler}: ${failure.err instanceof Error ? failure.err.message : String(failure.err)}`, { cause: failure.err });
      this.log.error({ err, eventId: event.id, type: event.type, attempts }, 'event handler failed; will retry');
      await db
        .updateTable('events')
        .set({
          dispatch_attempts: attempts,
          next_dispatch_at: sql<Date>`now() + make_interval(secs => ${backoffSeconds(attempts)})`,
          last_error: err.message.slice(0, 2000),
        })
        .where('id', '=', event.id)
        .execute();
    }
    return events.length;
  }

  /** The handler takes the events it has no receipt for yet, in one transaction with their receipts. */
  private async handleIn(handler: EventHandler, events: StoredEvent[]): Promise<void> {
    await this.database.background.transaction().execute(async (trx) => {
      const fresh = new Set((await trx
        .insertInto('event_handlings')
        .values(events.map((e) => ({ handler: handler.name, event_id: e.id })))
        .onConflict((oc) => oc.doNothing())
        .returning('event_id')
        .execute()).map((r) => r.event_id));
      const due = events.filter((e) => fresh.has(e.id));
      if (handler.handleMany) await handler.handleMany(due, trx);
      else for (const event of due) await handler.handle(event, trx);
    });
  }

  async pendingCount(): Promise<number> {
    const r = await this.database.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('dispatched_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

export interface EventFilter {
  companyId?: string | undefined;
  type?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeId?: string | undefined;
  limit: number;
}

/** The event log, newest first (ids are time-ordered). Type may end in '.' or '*' to match a prefix. */
export async function listEvents(db: Db, f: EventFilter) {
  let q = db
    .selectFrom('events')
    .select(['id', 'type', 'actor_user_id', 'company_id', 'subject_type', 'subject_id', 'payload', 'occurred_at', 'dispatched_at', 'dispatch_attempts', 'last_error'])
    .orderBy('id', 'desc')
    .limit(f.limit + 1);
  if (f.companyId) q = q.where('company_id', '=', f.companyId);
  if (f.type) q = f.type.endsWith('*') || f.type.endsWith('.') ? q.where('type', 'like', `${f.type.replace(/\*$/, '').replace(/[\\%_]/g, '\\$&')}%`) : q.where('type', '=', f.type);
  if (f.from) q = q.where('occurred_at', '>=', f.from);
  if (f.to) q = q.where('occurred_at', '<', f.to);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return q.execute();
}
