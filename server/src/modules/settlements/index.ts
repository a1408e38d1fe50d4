import type { Db } from '../../platform/db.js';
import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { defineSettlementJobs } from './jobs.js';
import type { Deps } from './ports.js';
import { registerSettlementRoutes } from './routes.js';
import { SettlementsService } from './service.js';

export type { OrdersPort } from './ports.js';
export type { Reconciliation, BillStatus } from './service.js';
export type { SettlementEvent, SettlementEventType } from './events.js';
export { SettlementErrors } from './errors.js';
export { SETTLEMENT_NOTIFICATION_KINDS } from './kinds.js';
export { suggestedLimit, SUGGESTED_LIMITS, REPAYMENT_PURPOSE, accounts as settlementAccounts } from './service.js';

/**
 * Settlements: seller balances, payouts and statements; buyer credit lines (账期) with bills, repayments, overdue
 * reminders; ledger reconciliation. Orders draw and release credit inside their own transactions through creditLines.
 */
export function createSettlementsModule(platform: Platform, deps: Deps) {
  const settlements = new SettlementsService(platform, deps);
  defineSettlementJobs(platform, settlements);
  return {
    settlements,
    /** Ports for the orders module; draw/release/setDueAfter join the caller's transaction. */
    creditLines: {
      /** Locks the line; throws CREDIT_LINE_NOT_FOUND, CREDIT_LINE_FROZEN, CREDIT_OVERDUE_BLOCKED or CREDIT_LIMIT_EXCEEDED. */
      draw: async (trx: Db, companyId: string, amount: number, orderId: string, defaultTermDays?: number): Promise<void> => {
        await settlements.draw(trx, companyId, amount, orderId, defaultTermDays ?? null);
      },
      /** Gives back part or all of the order's draw (refund/cancel before completion); throws CREDIT_RELEASE_EXCEEDS. */
      release: (trx: Db, companyId: string, amount: number, orderId: string) => settlements.release(trx, companyId, amount, orderId),
      /** The term the order's bill was drawn with, in days; null: the platform's default term. */
      termDaysOf: (trx: Db, orderId: string) => settlements.termDaysOf(trx, orderId),
      /** At receipt: sets and returns the bill's due date, receivedAt + the bill's term (or defaultTermDays). */
      setDueAfter: (trx: Db, orderId: string, receivedAt: Date, defaultTermDays: number) => settlements.setDueAfter(trx, orderId, receivedAt, defaultTermDays),
      /** Whether the company has a billed bill past its due date (optionally inside a transaction). */
      hasOverdue: (companyId: string, trx?: Db) => settlements.hasOverdue(companyId, trx),
    },
    /** For the CLI and other operations code: the ledger's invariants, checked now. */
    reconcile: () => settlements.reconcile(),
    registerRoutes(app: App) {
      registerSettlementRoutes(app, settlements, deps.payments);
    },
  };
}

export type SettlementsModule = ReturnType<typeof createSettlementsModule>;
