import type { ColumnType, Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { Json, Timestamp } from '../../platform/tables.js';
import type { Clock, ClockTimes, SourceKind, Summary, ThreadItem } from './clocks.js';

interface ResponseItemsTable {
  id: string;
  supplier_company_id: string;
  source_kind: SourceKind;
  thread_id: string;
  role: ThreadItem['role'];
  author_user_id: string | null;
  buyer_user_id: string | null;
  buyer_company_id: string | null;
  at: Timestamp;
}

interface ResponseClocksTable {
  source_kind: SourceKind;
  source_id: string;
  supplier_company_id: string;
  thread_id: string;
  buyer_user_id: string | null;
  opened_at: Timestamp;
  answered_at: ColumnType<Date | null, Date | null, Date | null>;
  answered_by: string | null;
}

interface ResponseSummariesTable {
  supplier_company_id: string;
  answered_within_24h: number;
  measured: number;
  pending: number;
  response_rate: number | null;
  median_first_response_seconds: number | null;
  by_source: Json<Summary['bySource']>;
  computed_at: Timestamp;
}

type Tables = { response_items: ResponseItemsTable; response_clocks: ResponseClocksTable; response_summaries: ResponseSummariesTable };
const t = (db: Db) => db.withTables<Tables>();

export interface SummaryRow extends Summary {
  supplierCompanyId: string;
  computedAt: Date;
}

/** Records a thread item once (a redelivered event finds it there). Returns false when it was already recorded. */
export async function insertItem(db: Db, item: ThreadItem): Promise<boolean> {
  const row = await t(db).insertInto('response_items').values({
    id: item.id, supplier_company_id: item.supplierCompanyId, source_kind: item.sourceKind, thread_id: item.threadId, role: item.role,
    author_user_id: item.authorUserId, buyer_user_id: item.buyerUserId, buyer_company_id: item.buyerCompanyId, at: item.at,
  }).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();
  return row !== undefined;
}

export async function threadItems(db: Db, kind: SourceKind, threadId: string): Promise<ThreadItem[]> {
  const rows = await t(db).selectFrom('response_items').selectAll().where('source_kind', '=', kind).where('thread_id', '=', threadId).orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, supplierCompanyId: r.supplier_company_id, sourceKind: r.source_kind, threadId: r.thread_id, role: r.role,
    authorUserId: r.author_user_id, buyerUserId: r.buyer_user_id, buyerCompanyId: r.buyer_company_id, at: r.at,
  }));
}

const sameTime = (a: Date | null, b: Date | null) => (a === null || b === null ? a === b : a.getTime() === b.getTime());

/**
 * Makes the thread's stored clocks equal to the derived ones. Returns the suppliers whose clocks changed (a thread
 * has one supplier; an empty list when nothing changed).
 */
export async function replaceThreadClocks(db: Db, kind: SourceKind, threadId: string, clocks: Clock[]): Promise<string[]> {
  const existing = await t(db).selectFrom('response_clocks').selectAll().where('source_kind', '=', kind).where('thread_id', '=', threadId).execute();
  const want = new Map(clocks.map((c) => [c.sourceId, c]));
  const changed = new Set<string>();
  const gone = existing.filter((e) => !want.has(e.source_id));
  if (gone.length) {
    await t(db).deleteFrom('response_clocks').where('source_kind', '=', kind).where('source_id', 'in', gone.map((g) => g.source_id)).execute();
    for (const g of gone) changed.add(g.supplier_company_id);
  }
  const have = new Map(existing.map((e) => [e.source_id, e]));
  for (const c of clocks) {
    const e = have.get(c.sourceId);
    if (e && sameTime(e.opened_at, c.openedAt) && sameTime(e.answered_at, c.answeredAt) && e.answered_by === c.answeredBy && e.buyer_user_id === c.buyerUserId) continue;
    const values = {
      source_kind: c.sourceKind, source_id: c.sourceId, supplier_company_id: c.supplierCompanyId, thread_id: c.threadId, buyer_user_id: c.buyerUserId,
      opened_at: c.openedAt, answered_at: c.answeredAt, answered_by: c.answeredBy,
    };
    await t(db).insertInto('response_clocks').values(values)
      .onConflict((oc) => oc.columns(['source_kind', 'source_id']).doUpdateSet({ opened_at: c.openedAt, answered_at: c.answeredAt, answered_by: c.answeredBy, buyer_user_id: c.buyerUserId }))
      .execute();
    changed.add(c.supplierCompanyId);
  }
  return [...changed];
}

/** The clocks of these suppliers opened after `since`, per supplier. */
export async function clocksSince(db: Db, supplierIds: string[], since: Date): Promise<Map<string, ClockTimes[]>> {
  const out = new Map<string, ClockTimes[]>(supplierIds.map((id) => [id, []]));
  if (supplierIds.length === 0) return out;
  const rows = await t(db).selectFrom('response_clocks').select(['supplier_company_id', 'source_kind', 'opened_at', 'answered_at'])
    .where('supplier_company_id', 'in', supplierIds).where('opened_at', '>', since).execute();
  for (const r of rows) out.get(r.supplier_company_id)?.push({ sourceKind: r.source_kind, openedAt: r.opened_at, answeredAt: r.answered_at });
  return out;
}

const toSummary = (r: Selectable<ResponseSummariesTable>): SummaryRow => ({
  supplierCompanyId: r.supplier_company_id, answeredWithin24h: r.answered_within_24h, measured: r.measured, pending: r.pending,
  responseRate: r.response_rate === null ? null : Number(r.response_rate),
  medianFirstResponseSeconds: r.median_first_response_seconds, bySource: r.by_source, computedAt: r.computed_at,
});

export async function summaries(db: Db, supplierIds: string[]): Promise<Map<string, SummaryRow>> {
  if (supplierIds.length === 0) return new Map();
  const rows = await t(db).selectFrom('response_summaries').selectAll().where('supplier_company_id', 'in', supplierIds).execute();
  return new Map(rows.map((r) => [r.supplier_company_id, toSummary(r)]));
}

export async function upsertSummaries(db: Db, rows: SummaryRow[]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((s) => ({
    supplier_company_id: s.supplierCompanyId, answered_within_24h: s.answeredWithin24h, measured: s.measured, pending: s.pending,
    response_rate: s.responseRate, median_first_response_seconds: s.medianFirstResponseSeconds, by_source: JSON.stringify(s.bySource), computed_at: s.computedAt,
  }));
  await t(db).insertInto('response_summaries').values(values)
    .onConflict((oc) => oc.column('supplier_company_id').doUpdateSet((eb) => ({
      answered_within_24h: eb.ref('excluded.answered_within_24h'), measured: eb.ref('excluded.measured'), pending: eb.ref('excluded.pending'),
      response_rate: eb.ref('excluded.response_rate'), median_first_response_seconds: eb.ref('excluded.median_first_response_seconds'),
      by_source: eb.ref('excluded.by_source'), computed_at: eb.ref('excluded.computed_at'),
    })))
    .execute();
}

/** Suppliers with a summary, in id order after the given one (the nightly refresh's pages). */
export async function summarySuppliersAfter(db: Db, afterId: string | null, limit: number): Promise<string[]> {
  let q = t(db).selectFrom('response_summaries').select('supplier_company_id').orderBy('supplier_company_id').limit(limit);
  if (afterId) q = q.where('supplier_company_id', '>', afterId);
  return (await q.execute()).map((r) => r.supplier_company_id);
}
