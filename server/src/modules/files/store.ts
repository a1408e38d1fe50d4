import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { FilesTable } from '../../platform/tables.js';

export type FileRow = Selectable<FilesTable>;

export async function insertFile(db: Db, f: Omit<FileRow, 'created_at'>): Promise<FileRow> {
  return db.insertInto('files').values(f).returningAll().executeTakeFirstOrThrow();
}

export async function findFile(db: Db, id: string): Promise<FileRow | undefined> {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}
