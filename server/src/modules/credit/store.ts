import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { Json, Timestamp } from '../../platform/tables.js';
import type { Factor, Rating } from './scorecard.js';
import type { FactEvent } from './facts.js';

interface CreditRatingsTable {
  id: string;
  company_id: string;
  scorecard_version: string;
  score: string;
  grade: Rating['grade'];
  dimensions: Json<Rating['dimensions']>;
  factors: Json<Factor[]>;
  graded: boolean;
  computed_at: Timestamp;
}
/** A rating and whether it grades the company: unverified companies get a score to improve, not a grade. */
export type GradedRating = Rating & { graded: boolean };
type CreditTables = { credit_ratings: CreditRatingsTable };
export type RatingRow = Selectable<CreditRatingsTable>;

const t = (db: Db) => db.withTables<CreditTables>();

export async function insertRating(db: Db, id: string, companyId: string, r: GradedRating): Promise<RatingRow> {
  return t(db)
    .insertInto('credit_ratings')
    .values({ id, company_id: companyId, scorecard_version: r.version, score: r.score.toFixed(2), grade: r.grade, graded: r.graded, dimensions: JSON.stringify(r.dimensions), factors: JSON.stringify(r.factors) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function history(db: Db, companyId: string, limit: number): Promise<RatingRow[]> {
  return t(db).selectFrom('credit_ratings').selectAll().where('company_id', '=', companyId).orderBy('computed_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** The events a rating reads, per company in time order. The event log is the platform's shared record: credit is its reader. */
export async function ratingEvents(db: Db, companyIds: string[], types: readonly string[]): Promise<Map<string, FactEvent[]>> {
  const out = new Map<string, FactEvent[]>(companyIds.map((id) => [id, []]));
  if (companyIds.length === 0) return out;
  const rows = await db
    .selectFrom('events')
    .select(['company_id', 'type', 'payload', 'occurred_at'])
    .where('company_id', 'in', companyIds)
    .where('type', 'in', [...types])
    .orderBy('company_id')
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  for (const r of rows) out.get(r.company_id!)?.push({ type: r.type, payload: r.payload, occurredAt: r.occurred_at });
  return out;
}

/** Companies known to the event log, in id order after the given one (keyset pages for batch runs). */
export async function companiesAfter(db: Db, afterId: string | null, limit: number): Promise<string[]> {
  let q = db.selectFrom('events').select('company_id').where('type', '=', 'company.created').orderBy('company_id').limit(limit);
  if (afterId) q = q.where('company_id', '>', afterId);
  return (await q.execute()).map((r) => r.company_id!);
}

export async function latestRatings(db: Db, companyIds: string[]): Promise<Map<string, RatingRow>> {
  if (companyIds.length === 0) return new Map();
  const rows = await sql<RatingRow>`
    SELECT DISTINCT ON (company_id) * FROM credit_ratings WHERE company_id = ANY(${companyIds}::uuid[])
    ORDER BY company_id, computed_at DESC, id DESC`.execute(db);
  return new Map(rows.rows.map((r) => [r.company_id, r]));
}

export async function insertRatings(db: Db, rows: Array<{ id: string; companyId: string; rating: GradedRating }>): Promise<void> {
  if (rows.length === 0) return;
  await t(db)
    .insertInto('credit_ratings')
    .values(rows.map(({ id, companyId, rating: r }) => ({
      id, company_id: companyId, scorecard_version: r.version, score: r.score.toFixed(2), grade: r.grade, graded: r.graded,
      dimensions: JSON.stringify(r.dimensions), factors: JSON.stringify(r.factors),
    })))
    .execute();
}
