/**
 * The service metrics' definitions (docs/service-metrics.md), as pure functions over the rows the module keeps.
 * Every metric is null while there is nothing to measure: a neutral "not enough data yet", never 0 % or 100 %.
 */

export const WINDOW_DAYS = 90 as const;
/** Lost disputes are remembered for a year in the credit record (a 90-day memory would forgive too fast). */
export const DISPUTE_MEMORY_DAYS = 365;
/** Ship-by dates are calendar days in China: the day ends at 24:00 Beijing time (UTC+8, no daylight saving). */
export const CHINA_OFFSET_HOURS = 8;

const DAY_MS = 86_400_000;

export interface OrderFacts {
  orderId: string;
  supplierCompanyId: string;
  buyerCompanyId: string;
  total: number;
  /** 'YYYY-MM-DD' */
  shipBy: string | null;
  paidAt: Date | null;
  fullyShippedAt: Date | null;
  shippedOnTime: boolean | null;
  cancelledAt: Date | null;
  closedAt: Date | null;
  firstRefundedAt: Date | null;
}

export interface DisputeFacts {
  disputeId: string;
  orderId: string;
  supplierCompanyId: string;
  buyerCompanyId: string;
  openedAt: Date | null;
  decidedAt: Date | null;
  against: 'supplier' | 'buyer' | null;
}

export interface ReviewFacts {
  supplierCompanyId: string;
  quality: number;
  shipping: number;
  service: number;
  createdAt: Date;
}

export interface BillFacts {
  billId: string;
  buyerCompanyId: string;
  dueAt: Date | null;
  repaidAt: Date | null;
  repaidOnTime: boolean | null;
  overdueAt: Date | null;
  /** Released in full (the order refunded) before anything was repaid: nothing was owed, nothing is measured. */
  releasedInFull: boolean;
}

export interface CompanyRows {
  /** Orders where the company is the supplier or the buyer. */
  orders: OrderFacts[];
  /** Disputes where the company is either party. */
  disputes: DisputeFacts[];
  /** Reviews of the company as supplier. */
  reviews: ReviewFacts[];
  /** Credit-terms bills of the company as buyer. */
  bills: BillFacts[];
  /** All time, as either party: orders completed, and the sum of their totals net of refunds (分). */
  completed: { count: number; volume: number };
}

export interface Metrics {
  windowDays: typeof WINDOW_DAYS;
  /** Orders fully shipped by their ship-by date / orders with a ship-by date that shipped or whose date passed. */
  onTimeRate: number | null;
  shipments: { measured: number; onTime: number; pending: number };
  /** Orders paid (cleared to ship) in the window. */
  paidOrders: number;
  /** Paid orders of the window that had a dispute / paid orders. */
  disputeRate: number | null;
  disputedOrders: number;
  /** Paid orders of the window with a dispute decided against the supplier / paid orders (the search factor). */
  disputeLostRate: number | null;
  disputeLostOrders: number;
  /** Paid orders of the window with any refund / paid orders. */
  refundRate: number | null;
  refundedOrders: number;
  /** Buyers with ≥ 2 orders / buyers, over the window's paid orders that were neither cancelled nor fully refunded. */
  repeatBuyerRate: number | null;
  buyers: number;
  repeatBuyers: number;
  reviews: { count: number; quality: number | null; shipping: number | null; service: number | null; average: number | null };
  /** Disputes decided against the company (as supplier or as buyer) in the last 365 days. */
  disputesLost: number;
  /** As buyer: credit-terms bills repaid by their due date / bills repaid or due. */
  paymentPunctuality: number | null;
  bills: { measured: number; onTime: number; pending: number };
  /** All time, as either party: completed orders and their value net of refunds (分). */
  completedOrders: number;
  tradeVolume: number;
}

/** The last moment an order may ship on time: the end of its ship-by day in Beijing time. */
export function shipByDeadline(shipBy: string): Date {
  const [y, m, d] = shipBy.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1) - CHINA_OFFSET_HOURS * 3_600_000);
}

export const windowStart = (now: Date, days: number = WINDOW_DAYS) => new Date(now.getTime() - days * DAY_MS);
const inWindow = (at: Date | null, start: Date, now: Date): at is Date => at !== null && at > start && at <= now;
const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);
const avg = (xs: number[]) => (xs.length === 0 ? null : Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100);
const ended = (o: OrderFacts) => o.cancelledAt ?? o.closedAt;

/**
 * On time: one order, as of `now`. Null when it is not measured (no ship-by date, not paid, paid only after its
 * date, or cancelled/closed before it was due without shipping); 'pending' while not shipped and not yet due. Measured at its full shipment, or at its
 * deadline when that passed first.
 */
export function shipmentOutcome(o: OrderFacts, now: Date): { at: Date; onTime: boolean } | 'pending' | null {
  if (o.shipBy === null || o.paidAt === null) return null;
  const deadline = shipByDeadline(o.shipBy);
  // Cleared to ship only after its date (a staged order's balance paid late): the date could not be kept.
  if (o.paidAt > deadline) return null;
  if (o.fullyShippedAt !== null && o.fullyShippedAt <= now) {
    return { at: o.fullyShippedAt, onTime: o.shippedOnTime ?? o.fullyShippedAt <= deadline };
  }
  const end = ended(o);
  if (end !== null && end <= deadline && end <= now) return null;
  if (deadline < now) return { at: deadline, onTime: false };
  return 'pending';
}

/** A credit-terms bill, as of `now`: measured when repaid, or when its due date passed (or it was reported overdue). */
export function billOutcome(b: BillFacts, now: Date): { at: Date; onTime: boolean } | 'pending' | null {
  if (b.releasedInFull && b.repaidAt === null) return null;
  if (b.repaidAt !== null && b.repaidAt <= now) {
    const onTime = b.repaidOnTime ?? (b.dueAt === null || b.repaidAt <= b.dueAt);
    if (onTime && b.overdueAt === null) return { at: b.repaidAt, onTime: true };
    return { at: b.dueAt ?? b.overdueAt ?? b.repaidAt, onTime: false };
  }
  if (b.overdueAt !== null && b.overdueAt <= now) return { at: b.dueAt ?? b.overdueAt, onTime: false };
  if (b.dueAt !== null && b.dueAt < now) return { at: b.dueAt, onTime: false };
  return 'pending';
}

/** Every metric of one company as of `now`, from the rows that concern it. */
export function computeMetrics(companyId: string, rows: CompanyRows, now: Date): Metrics {
  const start = windowStart(now);
  const asSupplier = rows.orders.filter((o) => o.supplierCompanyId === companyId && o.buyerCompanyId !== companyId);

  const shipments = { measured: 0, onTime: 0, pending: 0 };
  for (const o of asSupplier) {
    const out = shipmentOutcome(o, now);
    if (out === 'pending') shipments.pending++;
    else if (out !== null && inWindow(out.at, start, now)) {
      shipments.measured++;
      if (out.onTime) shipments.onTime++;
    }
  }

  const paid = asSupplier.filter((o) => inWindow(o.paidAt, start, now));
  const paidIds = new Set(paid.map((o) => o.orderId));
  const disputed = new Set<string>();
  const lostOrders = new Set<string>();
  for (const d of rows.disputes) {
    if (d.supplierCompanyId !== companyId || !paidIds.has(d.orderId)) continue;
    if (d.openedAt !== null && d.openedAt <= now) disputed.add(d.orderId);
    if (d.against === 'supplier' && d.decidedAt !== null && d.decidedAt <= now) lostOrders.add(d.orderId);
  }
  const refunded = paid.filter((o) => o.firstRefundedAt !== null && o.firstRefundedAt <= now).length;

  const perBuyer = new Map<string, number>();
  for (const o of paid) {
    const end = ended(o);
    if (end !== null && end <= now) continue;
    perBuyer.set(o.buyerCompanyId, (perBuyer.get(o.buyerCompanyId) ?? 0) + 1);
  }
  const repeatBuyers = [...perBuyer.values()].filter((n) => n >= 2).length;

  const reviews = rows.reviews.filter((r) => r.supplierCompanyId === companyId && inWindow(r.createdAt, start, now));
  const quality = avg(reviews.map((r) => r.quality));
  const shipping = avg(reviews.map((r) => r.shipping));
  const service = avg(reviews.map((r) => r.service));

  const memory = windowStart(now, DISPUTE_MEMORY_DAYS);
  const disputesLost = rows.disputes.filter((d) => inWindow(d.decidedAt, memory, now)
    && ((d.against === 'supplier' && d.supplierCompanyId === companyId) || (d.against === 'buyer' && d.buyerCompanyId === companyId))).length;

  const bills = { measured: 0, onTime: 0, pending: 0 };
  for (const b of rows.bills) {
    if (b.buyerCompanyId !== companyId) continue;
    const out = billOutcome(b, now);
    if (out === 'pending') bills.pending++;
    else if (out !== null && inWindow(out.at, start, now)) {
      bills.measured++;
      if (out.onTime) bills.onTime++;
    }
  }

  return {
    windowDays: WINDOW_DAYS,
    onTimeRate: ratio(shipments.onTime, shipments.measured),
    shipments,
    paidOrders: paid.length,
    disputeRate: ratio(disputed.size, paid.length),
    disputedOrders: disputed.size,
    disputeLostRate: ratio(lostOrders.size, paid.length),
    disputeLostOrders: lostOrders.size,
    refundRate: ratio(refunded, paid.length),
    refundedOrders: refunded,
    repeatBuyerRate: ratio(repeatBuyers, perBuyer.size),
    buyers: perBuyer.size,
    repeatBuyers,
    reviews: {
      count: reviews.length, quality, shipping, service,
      average: quality === null || shipping === null || service === null ? null : Math.round(((quality + shipping + service) / 3) * 100) / 100,
    },
    disputesLost,
    paymentPunctuality: ratio(bills.onTime, bills.measured),
    bills,
    completedOrders: rows.completed.count,
    tradeVolume: rows.completed.volume,
  };
}

/** The metrics of a company nothing is known about. */
export const emptyMetrics = (): Metrics => computeMetrics('', { orders: [], disputes: [], reviews: [], bills: [], completed: { count: 0, volume: 0 } }, new Date());

/** JSON with keys in a fixed order (jsonb does not keep the order they were written in). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Whether two summaries are the same in everything a reader sees (else `service_metrics.changed`). */
export const sameMetrics = (a: Metrics, b: Metrics) => canonical(a) === canonical(b);
