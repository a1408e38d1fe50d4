import type { Db } from '../../platform/db.js';
import { DomainError } from '../../platform/errors.js';
import { formatQuantityText } from '../../platform/money.js';
import type { Platform } from '../../platform/platform.js';
import { CatalogErrors } from './errors.js';
import * as store from './store.js';

export type StockLine = store.StockLine;

/** Merges lines of one SKU and orders them by SKU id, so concurrent transactions lock rows in the same order. */
function normalized(lines: StockLine[]): StockLine[] {
  const by = new Map<string, number>();
  for (const l of lines) {
    if (!(l.quantity > 0)) continue;
    by.set(l.skuId, Math.round(((by.get(l.skuId) ?? 0) + l.quantity) * 1000) / 1000);
  }
  return [...by.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([skuId, quantity]) => ({ skuId, quantity }));
}

/**
 * Stock for trade (库存). Every call joins the caller's transaction: an order reserves in the transaction that creates
 * it, so a rollback returns the units, and a commit can never leave a SKU below zero (conditional decrements).
 */
export class InventoryService {
  constructor(private readonly platform: Platform) {}

  /** stock → reserved; throws OUT_OF_STOCK (the caller's transaction must then roll back). */
  async reserve(trx: Db, lines: StockLine[]): Promise<void> {
    const short = await store.reserveStock(trx, normalized(lines));
    if (short) throw new DomainError(CatalogErrors.OUT_OF_STOCK, { skuId: short.skuId, available: formatQuantityText(short.available) });
  }

  /** reserved → stock, when an order is cancelled before it ships. Returns SKUs that could not be moved (deleted since). */
  release(trx: Db, lines: StockLine[]): Promise<string[]> {
    return store.moveStock(trx, normalized(lines), 'reserved', 'stock');
  }

  /** reserved → sold, when the units ship. */
  commit(trx: Db, lines: StockLine[]): Promise<string[]> {
    return store.moveStock(trx, normalized(lines), 'reserved', 'sold');
  }

  /** sold → stock, when returned goods are back with the seller. */
  restock(trx: Db, lines: StockLine[]): Promise<string[]> {
    return store.moveStock(trx, normalized(lines), 'sold', 'stock');
  }

  levels(skuIds: string[], db?: Db) {
    return store.stockLevels(db ?? this.platform.database.db, skuIds);
  }
}
