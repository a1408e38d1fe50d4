import type { Db } from '../../platform/db.js';
import type { Platform } from '../../platform/platform.js';
import type { LiveSession, MembershipWithCompany } from './store.js';

interface Entry {
  session: LiveSession;
  memberships: MembershipWithCompany[];
}

/**
 * Sessions with their memberships by token hash, so an authenticated request needs no query.
 * Only on PGlite, where this process is the database's one writer: every accounts write clears it,
 * so nothing stale is ever served. Several processes on PostgreSQL cannot see each other's writes
 * here, so there it stays off and each request reads the database.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly enabled: boolean,
    private readonly maxEntries = 10_000,
  ) {}

  get(tokenHash: string): Entry | undefined {
    const entry = this.entries.get(tokenHash);
    if (entry && entry.session.expires_at.getTime() <= Date.now()) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry;
  }

  set(tokenHash: string, entry: Entry): void {
    if (!this.enabled) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(tokenHash, entry);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The accounts module's transaction: runs fn, then drops cached sessions (whatever fn changed). */
export function accountsTransaction(platform: Platform, cache: SessionCache) {
  return <T>(fn: (trx: Db) => Promise<T>): Promise<T> => platform.database.transaction(fn).finally(() => cache.clear());
}
