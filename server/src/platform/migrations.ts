import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './db.js';
import { sha256Hex } from './ids.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export class MigrationChecksumError extends Error {
  constructor(readonly migration: string) {
    super(
      `Migration ${migration} was already applied to this database, but its file has changed since. ` +
        `Applied migrations must never be edited: restore the file and add a new migration for the change.`,
    );
  }
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, sql: text, checksum: sha256Hex(text) };
    });
}

// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK_ID = 727_1688;

/** Applies pending migrations in order, each in its own transaction; returns the names applied. */
export async function migrate(database: Database, files = readMigrations()): Promise<string[]> {
  const { db } = database;
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const applied = new Map(
    (await db.selectFrom('schema_migrations').select(['name', 'checksum']).execute()).map((r) => [r.name, r.checksum]),
  );
  for (const file of files) {
    const checksum = applied.get(file.name);
    if (checksum !== undefined && checksum !== file.checksum) throw new MigrationChecksumError(file.name);
  }
  const appliedNow: string[] = [];
  for (const file of files.filter((f) => !applied.has(f.name))) {
    await db.transaction().execute(async (trx) => {
      // Serializes concurrent starts on PostgreSQL; PGlite already runs one transaction at a time.
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`.execute(trx);
      const row = await trx.selectFrom('schema_migrations').select('checksum').where('name', '=', file.name).executeTakeFirst();
      if (row) {
        if (row.checksum !== file.checksum) throw new MigrationChecksumError(file.name);
        return;
      }
      await sql.raw(file.sql).execute(trx);
      await trx.insertInto('schema_migrations').values({ name: file.name, checksum: file.checksum }).execute();
      appliedNow.push(file.name);
    });
  }
  return appliedNow;
}
