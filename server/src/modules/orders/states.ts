/**
 * The order state machine — the one place that says which transition may happen from which state and by whom
 * (docs/orders.md is the same table in prose, with the effects on stock, money and notices).
 *
 *   awaiting_approval ──approve──► awaiting_payment ──pay (deposit)──► deposit_paid ──pay (balance)──► paid
 *          │                            │  └──────────pay (full) / accept on credit terms─────────────► paid
 *          └─reject / cancel / expire ──┴─cancel / expire──► cancelled  ◄──seller cancel── deposit_paid, paid
 *   paid ──ship (part)──► partly_shipped ──ship (rest)──► shipped ──confirm (buyer / auto)──► received ──window over──► completed
 *   partly_shipped ──buyer accepts the partial──► received (the unshipped rest is released and refunded)
 *   paid … received ──refunds reach the total──► closed
 *
 * The service locks the order row (SELECT … FOR UPDATE) and then asks `check` here, so every transition happens
 * exactly once and its stock and money effects with it.
 */

export const ORDER_STATUSES = [
  'awaiting_approval', 'awaiting_payment', 'deposit_paid', 'paid', 'partly_shipped', 'shipped', 'received', 'completed', 'cancelled', 'closed',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Who triggers a transition: buyer = 'company.orders.place', approver = 'company.orders.approve', payer = place or finance role, seller = 'company.orders.fulfil'. */
export type Party = 'buyer' | 'approver' | 'payer' | 'seller' | 'system';

export type TransitionName =
  | 'approve' | 'reject' | 'pay' | 'accept_terms' | 'deposit_paid' | 'payment_completed' | 'adjust'
  | 'buyer_cancel' | 'seller_cancel' | 'expire' | 'ship' | 'confirm_receipt' | 'auto_confirm' | 'complete' | 'refund';

/** The facts about an order the guards read. */
export interface OrderFacts {
  status: OrderStatus;
  paymentTerms: 'escrow' | 'credit_terms';
  escrowPaid: number;
}

interface Transition {
  from: readonly OrderStatus[];
  /** The resulting status; 'same' keeps it (pay opens an intent; adjust; a partial refund); 'computed' is decided by the effect. */
  to: OrderStatus | 'same' | 'computed';
  by: readonly Party[];
  guard?: (o: OrderFacts) => boolean;
}

const PRE_PAYMENT: readonly OrderStatus[] = ['awaiting_approval', 'awaiting_payment'];

export const TRANSITIONS: Record<TransitionName, Transition> = {
  approve: { from: ['awaiting_approval'], to: 'awaiting_payment', by: ['approver'] },
  reject: { from: ['awaiting_approval'], to: 'cancelled', by: ['approver'] },
  // Opens (or returns) the payment intent of the next stage; the state changes when the payment succeeds.
  pay: { from: ['awaiting_payment', 'deposit_paid'], to: 'same', by: ['payer'], guard: (o) => o.paymentTerms === 'escrow' },
  accept_terms: { from: ['awaiting_payment'], to: 'paid', by: ['payer'], guard: (o) => o.paymentTerms === 'credit_terms' },
  deposit_paid: { from: ['awaiting_payment'], to: 'deposit_paid', by: ['system'] },
  payment_completed: { from: ['awaiting_payment', 'deposit_paid'], to: 'paid', by: ['system'] },
  adjust: { from: PRE_PAYMENT, to: 'same', by: ['seller'], guard: (o) => o.escrowPaid === 0 },
  buyer_cancel: { from: PRE_PAYMENT, to: 'cancelled', by: ['buyer'] },
  seller_cancel: { from: ['awaiting_payment', 'deposit_paid', 'paid'], to: 'cancelled', by: ['seller'] },
  expire: { from: PRE_PAYMENT, to: 'cancelled', by: ['system'] },
  ship: { from: ['paid', 'partly_shipped'], to: 'computed', by: ['seller'] },
  confirm_receipt: { from: ['shipped', 'partly_shipped'], to: 'received', by: ['buyer'] },
  auto_confirm: { from: ['shipped'], to: 'received', by: ['system'] },
  complete: { from: ['received'], to: 'completed', by: ['system'] },
  // After-sales and dispute decisions (through orders.refund): 'closed' when the refunds reach the total.
  refund: { from: ['paid', 'partly_shipped', 'shipped', 'received'], to: 'computed', by: ['system'] },
};

export function allows(name: TransitionName, o: OrderFacts): boolean {
  const t = TRANSITIONS[name];
  return t.from.includes(o.status) && (t.guard ? t.guard(o) : true);
}

/** The target of a transition with a fixed target (undefined for 'same' / 'computed'). */
export function targetOf(name: TransitionName, current: OrderStatus): OrderStatus {
  const to = TRANSITIONS[name].to;
  return to === 'same' || to === 'computed' ? current : to;
}

/**
 * Whether units of the order's stock lines are still reserved (not yet shipped, not yet given back): leaving one of
 * these states for cancelled, closed or received releases the unshipped rest — exactly once, as no state can be
 * re-entered.
 */
export function holdsReservation(status: OrderStatus): boolean {
  switch (status) {
    case 'awaiting_approval':
    case 'awaiting_payment':
    case 'deposit_paid':
    case 'paid':
    case 'partly_shipped':
      return true;
    case 'shipped':
    case 'received':
    case 'completed':
    case 'cancelled':
    case 'closed':
      return false;
  }
}

export function isFinal(status: OrderStatus): boolean {
  return status === 'completed' || status === 'cancelled' || status === 'closed';
}

/** The buttons a viewer sees (the web app's `actions`), by transition: the API action names. */
export const VIEWER_ACTIONS = ['approve', 'reject', 'pay', 'cancel', 'adjust', 'ship', 'confirm-receipt'] as const;
export type ViewerAction = (typeof VIEWER_ACTIONS)[number];

/** The transitions behind each API action (cancel is the buyer's or the seller's). */
export const ACTION_TRANSITIONS: Record<ViewerAction, readonly TransitionName[]> = {
  approve: ['approve'],
  reject: ['reject'],
  pay: ['pay', 'accept_terms'],
  cancel: ['buyer_cancel', 'seller_cancel'],
  adjust: ['adjust'],
  ship: ['ship'],
  'confirm-receipt': ['confirm_receipt'],
};

/** The API actions open to a viewer who acts as these parties. */
export function viewerActions(o: OrderFacts, parties: ReadonlySet<Party>): ViewerAction[] {
  return VIEWER_ACTIONS.filter((a) => ACTION_TRANSITIONS[a].some((name) => allows(name, o) && TRANSITIONS[name].by.some((p) => parties.has(p))));
}
