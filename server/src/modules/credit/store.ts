import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { Json, Timestamp } from '../../platform/tables.js';
import type { Factor, Rating } from './scorecard.js';

interface CreditRatingsTable {
  id: string;
  company_id: string;
  scorecard_version: string;
  score: string;
  grade: Rating['grade'];
  dimensions: Json<Rating['dimensions']>;
  factors: Json<Factor[]>;
  computed_at: Timestamp;
}
type CreditTables = { credit_ratings: CreditRatingsTable };
export type RatingRow = Selectable<CreditRatingsTable>;

const t = (db: Db) => db.withTables<CreditTables>();

export async function insertRating(db: Db, id: string, companyId: string, r: Rating): Promise<RatingRow> {
  return t(db)
    .insertInto('credit_ratings')
    .values({ id, company_id: companyId, scorecard_version: r.version, score: r.score.toFixed(2), grade: r.grade, dimensions: JSON.stringify(r.dimensions), factors: JSON.stringify(r.factors) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function history(db: Db, companyId: string, limit: number): Promise<RatingRow[]> {
  return t(db).selectFrom('credit_ratings').selectAll().where('company_id', '=', companyId).orderBy('computed_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
