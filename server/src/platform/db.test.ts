import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db.js';
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
});
