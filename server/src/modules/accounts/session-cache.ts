import type { Db } from '../../platform/db.js';
import type { Platform } from '../../platform/platform.js';
import type { RealtimeBus } from '../../platform/realtime.js';
import type { LiveSession, MembershipWithCompany } from './store.js';

interface Entry {
  session: LiveSession;
  memberships: MembershipWithCompany[];
}

/** The notice an accounts write sends to every process: drop what you cached. */
const ACCOUNTS_CHANGED = { t: 'accounts' } as const;
/** A safety net under the notices: no entry is served longer than this. */
const MAX_AGE_MS = 60_000;

const isAccountsNotice = (n: unknown) => typeof n === 'object' && n !== null && (n as { t?: unknown }).t === 'accounts';

/**
 * Sessions with their memberships by token hash, so an authenticated request needs no query. Every accounts write
 * clears it in this process at once and, through the realtime bus, in every other process (PostgreSQL NOTIFY,
 * milliseconds later). While the bus is down notices may be lost, so the cache serves nothing until it is back
 * (and it is cleared on reconnect). A read that overlapped a clear is not kept (generation check).
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry & { at: number }>();
  private gen = 0;

  constructor(
    private readonly bus: RealtimeBus,
    private readonly maxEntries = 10_000,
  ) {
    bus.subscribe((notices) => {
      if (notices.some(isAccountsNotice)) this.clear();
    });
    bus.onResync(() => this.clear());
  }

  get(tokenHash: string): Entry | undefined {
    if (!this.bus.live) return undefined;
    const entry = this.entries.get(tokenHash);
    if (entry && (entry.session.expires_at.getTime() <= Date.now() || Date.now() - entry.at > MAX_AGE_MS)) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry;
  }

  generation(): number {
    return this.gen;
  }

  /** Keeps an entry read while the generation was `gen`, unless a clear happened since. */
  set(tokenHash: string, entry: Entry, gen: number): void {
    if (!this.bus.live || gen !== this.gen) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(tokenHash, { ...entry, at: Date.now() });
  }

  clear(): void {
    this.gen++;
    this.entries.clear();
  }

  /** After an accounts write: cleared here now, in the other processes when the notice arrives. */
  changed(): void {
    this.clear();
    this.bus.publish(ACCOUNTS_CHANGED);
  }
}

/** The accounts module's transaction: runs fn, then drops cached sessions everywhere (whatever fn changed). */
export function accountsTransaction(platform: Platform, cache: SessionCache) {
  return <T>(fn: (trx: Db) => Promise<T>): Promise<T> => platform.database.transaction(fn).finally(() => cache.changed());
}
