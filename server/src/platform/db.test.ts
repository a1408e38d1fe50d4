import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { CUSTOM_PLAN, openDatabase } from './db.js';
import { migrate } from './migrations.js';
import { recordEvent } from './events.js';

describe('PGlite database', () => {
  it('runs concurrent transactions one after another: none interleaves inside another', async () => {
    const database = await openDatabase({});
    try {
      const log: string[] = [];
      await Promise.all(
        [1, 2, 3].map((i) =>
          database.transaction(async (trx) => {
            log.push(`begin ${i}`);
            await sql`SELECT pg_sleep(0.02)`.execute(trx);
            log.push(`end ${i}`);
          }),
        ),
      );
      expect(log).toEqual(['begin 1', 'end 1', 'begin 2', 'end 2', 'begin 3', 'end 3']);
      // A plain query issued during a transaction waits for it instead of landing inside it.
      const order: string[] = [];
      const tx = database.transaction(async (trx) => {
        await sql`SELECT pg_sleep(0.02)`.execute(trx);
        order.push('tx');
        throw new Error('roll back');
      });
      const outside = sql`SELECT 1`.execute(database.db).then(() => order.push('outside'));
      await expect(tx).rejects.toThrow('roll back');
      await outside;
      expect(order).toEqual(['tx', 'outside']);
    } finally {
      await database.close();
    }
  });

  it('finds all committed data after close and reopen on the same directory, and none of a rolled-back transaction', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tongshang-db-'));
    try {
      const first = await openDatabase({ pgliteDir: dir });
      await migrate(first);
      await first.transaction((trx) => recordEvent(trx, { type: 'test.kept', actorUserId: null, companyId: null, subjectType: 't', subjectId: '1', payload: {} }));
      await first
        .transaction(async (trx) => {
          await recordEvent(trx, { type: 'test.lost', actorUserId: null, companyId: null, subjectType: 't', subjectId: '2', payload: {} });
          throw new Error('abort');
        })
        .catch(() => undefined);
      await first.close();
      const second = await openDatabase({ pgliteDir: dir });
      expect(await migrate(second)).toEqual([]);
      const types = (await second.db.selectFrom('events').select('type').execute()).map((r) => r.type);
      expect(types).toEqual(['test.kept']);
      await second.close();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('prepares a statement run often, custom-plan ones too, with the same answers; after an error it goes on, and after its table changed it runs unnamed', async () => {
    const database = await openDatabase({});
    try {
      await sql`CREATE TABLE probe (id int PRIMARY KEY, name text, tags text[], at timestamptz, ok boolean, doc jsonb)`.execute(database.db);
      const prepared = async () => (await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(database.db)).rows.map((r) => r.statement);
      const insert = (id: number, name: string | null) => sql`INSERT INTO probe VALUES (${id}, ${name}, ${['a', 'b "c"', 'd,e']}, ${new Date('2026-11-28T01:02:03.456Z')}, ${id % 2 === 0}, ${JSON.stringify({ n: id, s: 'x\'y' })})`.execute(database.db);
      for (let i = 1; i <= 4; i++) await insert(i, i === 3 ? null : `n${i}`);
      const byId = (id: number) => sql<Record<string, unknown>>`SELECT * FROM probe WHERE id = ${id}`.execute(database.db);
      const custom = (id: number) => sql<{ id: number }>`${sql.raw(CUSTOM_PLAN)} SELECT id FROM probe WHERE id >= ${id} ORDER BY id`.execute(database.db);
      const first = (await byId(3)).rows;
      for (let i = 0; i < 4; i++) {
        expect((await byId(3)).rows).toEqual(first);
        expect((await custom(3)).rows).toEqual([{ id: 3 }, { id: 4 }]);
      }
      expect(first).toEqual([{ id: 3, name: null, tags: ['a', 'b "c"', 'd,e'], at: new Date('2026-11-28T01:02:03.456Z'), ok: false, doc: { n: 3, s: "x'y" } }]);
      const statements = await prepared();
      expect(statements.some((s) => s.includes('FROM probe WHERE id = $1'))).toBe(true);
      expect(statements.some((s) => s.includes(CUSTOM_PLAN))).toBe(true);
      expect(statements.some((s) => s.startsWith('INSERT INTO probe'))).toBe(true);

      // A prepared insert that fails answers the error with its code; the connection goes on, in and out of transactions.
      await expect(insert(1, 'again')).rejects.toMatchObject({ code: '23505' });
      expect((await byId(1)).rows[0]).toMatchObject({ id: 1, name: 'n1' });
      await expect(database.transaction(async (trx) => {
        await sql`INSERT INTO probe (id, name) VALUES (${10}, ${'kept?'})`.execute(trx);
        await sql`INSERT INTO probe (id, name) VALUES (${1}, ${'dup'})`.execute(trx);
      })).rejects.toMatchObject({ code: '23505' });
      expect((await byId(10)).rows).toEqual([]);
      await insert(5, 'n5');
      expect((await custom(4)).rows).toEqual([{ id: 4 }, { id: 5 }]);

      // A migration adds a column: the prepared SELECT * fails once, then runs unnamed.
      await sql`ALTER TABLE probe ADD COLUMN note text`.execute(database.db);
      await expect(byId(2)).rejects.toMatchObject({ code: '0A000' });
      expect((await byId(2)).rows[0]).toMatchObject({ id: 2, name: 'n2', note: null });
    } finally {
      await database.close();
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('PostgreSQL database', () => {

  it('runs every connection without JIT and with 32 MB of work_mem, unless the URL gives other options', async () => {
    const spec = inject('testDatabase');
    if (spec.kind !== 'postgres') throw new Error('expected a PostgreSQL test database');
    const settings = async (databaseUrl: string) => {
      const database = await openDatabase({ databaseUrl, poolSize: 1 });
      try {
        const read = sql<{ jit: string; work_mem: string }>`SELECT current_setting('jit') AS jit, current_setting('work_mem') AS work_mem`;
        return [(await read.execute(database.db)).rows[0], (await read.execute(database.background)).rows[0]];
      } finally {
        await database.close();
      }
    };
    expect(await settings(spec.adminUrl)).toEqual([{ jit: 'off', work_mem: '32MB' }, { jit: 'off', work_mem: '32MB' }]);
    const url = new URL(spec.adminUrl);
    url.searchParams.set('options', '-c work_mem=5MB');
    expect(await settings(url.toString())).toEqual([{ jit: 'off', work_mem: '5MB' }, { jit: 'off', work_mem: '5MB' }]);
  });

  it('prepares a statement run often, never one marked for custom plans or inferring a partial index from a value, and runs a statement unnamed after its table changed under it', async () => {
    const spec = inject('testDatabase');
    if (spec.kind !== 'postgres') throw new Error('expected a PostgreSQL test database');
    const database = await openDatabase({ databaseUrl: spec.adminUrl, poolSize: 1 });
    const table = `prepared_probe_${process.pid}_${Date.now()}`;
    try {
      await sql`CREATE TABLE ${sql.table(table)} (id int PRIMARY KEY, name text)`.execute(database.db);
      await sql`INSERT INTO ${sql.table(table)} VALUES (1, 'a'), (2, 'b')`.execute(database.db);
      const prepared = async () => (await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(database.db)).rows.map((r) => r.statement);
      const byId = (id: number) => sql<{ id: number }>`SELECT * FROM ${sql.table(table)} WHERE id = ${id}`.execute(database.db);
      const custom = (id: number) => sql<{ id: number }>`${sql.raw(CUSTOM_PLAN)} SELECT * FROM ${sql.table(table)} WHERE id >= ${id}`.execute(database.db);
      for (let i = 0; i < 4; i++) {
        expect((await byId(1)).rows).toEqual([{ id: 1, name: 'a' }]);
        expect((await custom(1)).rows).toHaveLength(2);
      }
      const statements = await prepared();
      expect(statements.some((s) => s.includes(`FROM "${table}" WHERE id = $1`))).toBe(true);
      expect(statements.some((s) => s.includes(CUSTOM_PLAN))).toBe(false);

      // ON CONFLICT on a partial unique index with a parameterized predicate needs the value (a generic plan fails, 42P10).
      await sql`CREATE UNIQUE INDEX ${sql.raw(`${table}_one_a`)} ON ${sql.table(table)} (name) WHERE id > 100`.execute(database.db);
      for (let i = 0; i < 8; i++) {
        await sql`INSERT INTO ${sql.table(table)} VALUES (${101 + i}, 'x') ON CONFLICT (name) WHERE id > ${100} DO NOTHING`.execute(database.db);
      }
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE name = 'x'`.execute(database.db)).rows[0]!.n).toBe(1);

      // Another process's migration adds a column: the prepared SELECT * fails once, then runs unnamed.
      await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN note text`.execute(database.db);
      await expect(byId(2)).rejects.toMatchObject({ code: '0A000' });
      expect((await byId(2)).rows).toEqual([{ id: 2, name: 'b', note: null }]);
    } finally {
      await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(database.db);
      await database.close();
    }
  });
  it("writes a transaction's BEGIN with its first statement: two writes for a one-statement transaction, none for an empty one, and a failed first statement still rolls back", async () => {
    const spec = inject('testDatabase');
    if (spec.kind !== 'postgres') throw new Error('expected a PostgreSQL test database');
    const database = await openDatabase({ databaseUrl: spec.adminUrl, poolSize: 1 });
    const table = `begin_probe_${process.pid}_${Date.now()}`;
    const socket = net.Socket.prototype as unknown as Record<'_write' | '_writev', (...args: unknown[]) => unknown>;
    const original = { _write: socket._write, _writev: socket._writev };
    let writes = 0;
    const counted = async (fn: () => Promise<unknown>) => {
      writes = 0;
      for (const k of ['_write', '_writev'] as const) socket[k] = function (this: unknown, ...args: unknown[]) { writes++; return original[k].apply(this, args); };
      try {
        await fn();
      } finally {
        Object.assign(socket, original);
      }
      return writes;
    };
    try {
      await sql`CREATE TABLE ${sql.table(table)} (id int PRIMARY KEY)`.execute(database.db);
      expect(await counted(() => database.transaction((trx) => sql`INSERT INTO ${sql.table(table)} VALUES (1)`.execute(trx)))).toBe(2);
      expect(await counted(() => database.transaction(async () => undefined))).toBe(0);
      // The first statement ran inside the transaction: rolled back with it.
      await expect(database.transaction(async (trx) => {
        await sql`INSERT INTO ${sql.table(table)} VALUES (2)`.execute(trx);
        throw new Error('changed my mind');
      })).rejects.toThrow('changed my mind');
      // A first statement that fails rolls the transaction back and leaves the connection usable.
      await expect(database.transaction(async (trx) => {
        await sql`INSERT INTO ${sql.table(table)} VALUES (1)`.execute(trx);
      })).rejects.toMatchObject({ code: '23505' });
      const ids = (await sql<{ id: number }>`SELECT id FROM ${sql.table(table)} ORDER BY id`.execute(database.db)).rows;
      expect(ids).toEqual([{ id: 1 }]);
      const inTransaction = await database.transaction(async (trx) => {
        const a = await sql<{ x: string }>`SELECT pg_current_xact_id()::text AS x`.execute(trx);
        const b = await sql<{ x: string }>`SELECT pg_current_xact_id()::text AS x`.execute(trx);
        return a.rows[0]!.x === b.rows[0]!.x;
      });
      expect(inTransaction).toBe(true);
    } finally {
      Object.assign(socket, original);
      await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(database.db);
      await database.close();
    }
  });
});
