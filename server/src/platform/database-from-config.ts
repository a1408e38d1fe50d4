import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db.js';

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by process ${pid}. PGlite allows one process at a time: ` +
        `stop that process first (or use DATABASE_URL for several processes).`,
    );
  }
}

/** One process per PGlite directory: a second writer would corrupt it. A lock from a dead process is taken over. */
function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'tongshang.pid');
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(lockFile, 'utf8'));
      let alive = false;
      try {
        alive = pid > 0 && pid !== process.pid && process.kill(pid, 0);
      } catch {
        alive = false;
      }
      if (alive) throw new DataDirLockedError(dir, pid);
      fs.rmSync(lockFile, { force: true });
    }
  }
}

/** PostgreSQL when DATABASE_URL is set, otherwise PGlite under DATA_DIR/pglite (locked to this process). */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.DATABASE_URL) return openDatabase({ databaseUrl: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
  const unlock = lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({ pgliteDir: path.join(config.dataDir, 'pglite'), pgliteSharedBuffers: config.PGLITE_SHARED_BUFFERS });
    return {
      ...database,
      async close() {
        await database.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}
