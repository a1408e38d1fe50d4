import type { ColumnType, Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { FilesTable } from '../../platform/tables.js';

export type FileRow = Selectable<FilesTable>;

interface FileThumbnailsTable {
  file_id: string;
  size: number;
  content_type: string;
  width: number;
  height: number;
  byte_size: number;
  sha256: string;
  storage_key: string;
  created_at: ColumnType<Date, never, never>;
}

export type ThumbnailRow = Omit<FileThumbnailsTable, 'created_at'>;

const t = (db: Db) => db.withTables<{ file_thumbnails: FileThumbnailsTable }>();

export async function insertFile(db: Db, f: Omit<FileRow, 'created_at'>): Promise<FileRow> {
  return db.insertInto('files').values(f).returningAll().executeTakeFirstOrThrow();
}

export async function findFile(db: Db, id: string): Promise<FileRow | undefined> {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertThumbnails(db: Db, rows: ThumbnailRow[]): Promise<void> {
  if (rows.length) await t(db).insertInto('file_thumbnails').values(rows).execute();
}

export async function findThumbnail(db: Db, fileId: string, size: number): Promise<ThumbnailRow | undefined> {
  return t(db).selectFrom('file_thumbnails')
    .select(['file_id', 'size', 'content_type', 'width', 'height', 'byte_size', 'sha256', 'storage_key'])
    .where('file_id', '=', fileId).where('size', '=', size).executeTakeFirst();
}
