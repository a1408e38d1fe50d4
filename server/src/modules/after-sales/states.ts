/**
 * The after-sales state machine in one place: which side may take which action from which status, and how long the
 * party a request waits for has before the sweep acts. docs/after-sales.md is the prose version of this file.
 */
export const AFTER_SALE_KINDS = ['refund_only', 'return_refund', 'exchange'] as const;
export type AfterSaleKind = (typeof AFTER_SALE_KINDS)[number];

export const AFTER_SALE_STATUSES = [
  'requested', 'rejected', 'partial_proposed', 'awaiting_return', 'return_shipped', 'escalated',
  'refunded', 'exchanged', 'withdrawn', 'closed',
] as const;
export type AfterSaleStatus = (typeof AFTER_SALE_STATUSES)[number];

/** A request in one of these blocks the order's completion (hasOpen) and a second request on the order. */
export const OPEN_STATUSES: readonly AfterSaleStatus[] = ['requested', 'rejected', 'partial_proposed', 'awaiting_return', 'return_shipped', 'escalated'];
export const isOpen = (s: AfterSaleStatus) => OPEN_STATUSES.includes(s);

export const AFTER_SALE_REASONS = ['damaged', 'wrong_item', 'quality', 'short_shipment', 'not_as_described', 'not_received', 'no_longer_needed', 'other'] as const;
export type AfterSaleReason = (typeof AFTER_SALE_REASONS)[number];

export const AFTER_SALE_ACTIONS = ['accept', 'reject', 'propose', 'accept-proposal', 'ship-return', 'confirm-return', 'withdraw', 'escalate'] as const;
export type AfterSaleAction = (typeof AFTER_SALE_ACTIONS)[number];

export type Side = 'buyer' | 'supplier';

interface Rule { side: Side | 'either'; from: readonly AfterSaleStatus[]; kinds?: readonly AfterSaleKind[] }

export const RULES: Record<AfterSaleAction, Rule> = {
  // The seller may also change its mind after rejecting or proposing, as long as nobody escalated.
  accept: { side: 'supplier', from: ['requested', 'rejected', 'partial_proposed'] },
  // A rejection of the request, or of the returned goods (they did not come back as described).
  reject: { side: 'supplier', from: ['requested', 'return_shipped'] },
  propose: { side: 'supplier', from: ['requested', 'rejected', 'partial_proposed'] },
  'accept-proposal': { side: 'buyer', from: ['partial_proposed'] },
  'ship-return': { side: 'buyer', from: ['awaiting_return'], kinds: ['return_refund', 'exchange'] },
  'confirm-return': { side: 'supplier', from: ['return_shipped'], kinds: ['return_refund', 'exchange'] },
  withdraw: { side: 'buyer', from: ['requested', 'rejected', 'partial_proposed', 'awaiting_return'] },
  escalate: { side: 'either', from: ['rejected', 'partial_proposed'] },
};

export function sideMay(action: AfterSaleAction, side: Side): boolean {
  const rule = RULES[action];
  return rule.side === 'either' || rule.side === side;
}

export function statusAllows(action: AfterSaleAction, status: AfterSaleStatus, kind: AfterSaleKind): boolean {
  const rule = RULES[action];
  return rule.from.includes(status) && (!rule.kinds || rule.kinds.includes(kind));
}

/** The actions this side may take now (what the UI shows as buttons). */
export function allowedActions(status: AfterSaleStatus, kind: AfterSaleKind, side: Side): AfterSaleAction[] {
  return AFTER_SALE_ACTIONS.filter((a) => sideMay(a, side) && statusAllows(a, status, kind));
}

/** Days the waiting party has, by status; the sweep acts when they pass (see sweepOutcome). */
export const DEADLINE_DAYS = {
  requested: 3,
  rejected: 7,
  partial_proposed: 7,
  awaiting_return: 7,
  return_shipped: 10,
} as const satisfies Partial<Record<AfterSaleStatus, number>>;

const DAY_MS = 86_400_000;

export function dueAt(status: AfterSaleStatus, at: Date): Date | null {
  switch (status) {
    case 'requested':
    case 'rejected':
    case 'partial_proposed':
    case 'awaiting_return':
    case 'return_shipped':
      return new Date(at.getTime() + DEADLINE_DAYS[status] * DAY_MS);
    case 'escalated':
    case 'refunded':
    case 'exchanged':
    case 'withdrawn':
    case 'closed':
      return null;
  }
}

/**
 * What the sweep does when a deadline passes: a silent seller (request or returned goods unanswered) sends the
 * request to a dispute; a silent buyer (rejection or offer unanswered, goods never sent back) lets it lapse.
 */
export function sweepOutcome(status: AfterSaleStatus): 'escalate' | 'lapse' | null {
  switch (status) {
    case 'requested':
    case 'return_shipped':
      return 'escalate';
    case 'rejected':
    case 'partial_proposed':
    case 'awaiting_return':
      return 'lapse';
    case 'escalated':
    case 'refunded':
    case 'exchanged':
    case 'withdrawn':
    case 'closed':
      return null;
  }
}

export const STATUS_ZH: Record<AfterSaleStatus, string> = {
  requested: '待卖家处理', rejected: '卖家已拒绝', partial_proposed: '卖家提议部分退款', awaiting_return: '待买家退货',
  return_shipped: '买家已退货', escalated: '纠纷处理中', refunded: '已退款', exchanged: '已换货', withdrawn: '已撤销', closed: '已关闭',
};
export const ACTION_ZH: Record<AfterSaleAction, string> = {
  accept: '同意', reject: '拒绝', propose: '提议部分退款', 'accept-proposal': '接受部分退款', 'ship-return': '寄回商品',
  'confirm-return': '确认收到退货', withdraw: '撤销申请', escalate: '申请平台介入',
};
