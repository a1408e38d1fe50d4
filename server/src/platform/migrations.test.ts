import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/harness.js';
import type { Database } from './db.js';
import { MigrationChecksumError, migrate, readMigrations, type MigrationFile } from './migrations.js';
import { sha256Hex } from './ids.js';

const file = (name: string, text: string): MigrationFile => ({ name, sql: text, checksum: sha256Hex(text) });

let opened: Array<{ database: Database; drop: () => Promise<void> }> = [];
afterEach(async () => {
  for (const o of opened) {
    await o.database.close();
    await o.drop();
  }
  opened = [];
});
async function fresh() {
  const o = await openTestDatabase();
  opened.push(o);
  return o.database;
}

describe('migrations', () => {
  it('ships ordered, uniquely numbered files', () => {
    const names = readMigrations().map((m) => m.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names.map((n) => n.slice(0, 4))).size).toBe(names.length);
  });

  it('applies pending files in order, records their checksums, and does nothing the second time', async () => {
    const database = await fresh();
    const files = [...readMigrations(), file('9001_t1.sql', 'CREATE TABLE mig_t1 (id int);'), file('9002_t2.sql', 'INSERT INTO mig_t1 VALUES (1); INSERT INTO mig_t1 VALUES (2);')];
    expect(await migrate(database, files)).toEqual(['9001_t1.sql', '9002_t2.sql']);
    expect(await migrate(database, files)).toEqual([]);
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM mig_t1`.execute(database.db);
    expect(rows.rows[0]?.n).toBe(2);
  });

  it('rolls a failing file back whole and records nothing for it', async () => {
    const database = await fresh();
    const files = [...readMigrations(), file('9001_bad.sql', 'CREATE TABLE mig_bad (id int); SELECT * FROM no_such_table;')];
    await expect(migrate(database, files)).rejects.toThrow();
    const exists = await sql<{ t: string | null }>`SELECT to_regclass('mig_bad')::text AS t`.execute(database.db);
    expect(exists.rows[0]?.t).toBeNull();
    const recorded = await database.db.selectFrom('schema_migrations').select('name').where('name', '=', '9001_bad.sql').execute();
    expect(recorded).toEqual([]);
  });

  it('refuses to start when an applied migration file has changed', async () => {
    const database = await fresh();
    await migrate(database, [...readMigrations(), file('9001_t.sql', 'CREATE TABLE mig_t (id int);')]);
    const changed = [...readMigrations(), file('9001_t.sql', 'CREATE TABLE mig_t (id bigint);')];
    await expect(migrate(database, changed)).rejects.toBeInstanceOf(MigrationChecksumError);
    await expect(migrate(database, changed)).rejects.toThrow(/9001_t\.sql was already applied .* its file has changed/);
  });
});
