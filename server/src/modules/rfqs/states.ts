/**
 * The RFQ and quote state machines, as pure functions (docs/rfqs.md draws them).
 *
 * RFQ:
 *   (post) ──► open ──accept a quote──► awarded ──close / window ends──► closed
 *               │  │                                  
 *               │  ├──close (buyer)────────────────► closed
 *               │  ├──cancel (buyer)───────────────► cancelled
 *               │  └──deadline passed, no live quote──────────► expired   (sweep job)
 *               └────deadline + decision window, none accepted► expired   (sweep job)
 *   An RFQ takes quotes (and revisions) only while open and before its quote deadline. After the deadline the
 *   buyer keeps a decision window (DECISION_WINDOW_DAYS) to accept; an awarded RFQ closes itself when it ends.
 *   Posting publishes at once: there is no draft (a buyer who is not ready simply does not post).
 *   closed / expired / cancelled are final; leaving open or awarded turns every still-submitted quote 'not_selected'.
 *
 * Quote:
 *   submitted ──accept──► accepted
 *       │──decline──► declined
 *       │──withdraw (supplier)──► withdrawn
 *       └──RFQ closed / expired / cancelled──► not_selected
 *   'shortlisted' is the buyer's flag on a submitted quote, not a state. Revising keeps the state 'submitted' and
 *   adds a revision. A withdrawn or declined quote frees the supplier to submit a new one while the RFQ is open.
 */

export const RFQ_STATUSES = ['open', 'awarded', 'closed', 'expired', 'cancelled'] as const;
export type RfqStatus = (typeof RFQ_STATUSES)[number];
export const QUOTE_STATUSES = ['submitted', 'accepted', 'declined', 'withdrawn', 'not_selected'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export type RfqAction = 'edit' | 'quote' | 'accept' | 'decline' | 'close' | 'cancel' | 'expire';
export type QuoteAction = 'revise' | 'withdraw' | 'accept' | 'decline' | 'shortlist' | 'message';

/** Days after the quote deadline during which the buyer may still accept; then the sweep ends the RFQ. */
export const DECISION_WINDOW_DAYS = 14;
const DAY = 86_400_000;

export function isFinal(status: RfqStatus): boolean {
  switch (status) {
    case 'open':
    case 'awarded':
      return false;
    case 'closed':
    case 'expired':
    case 'cancelled':
      return true;
  }
}

export function isLiveQuote(status: QuoteStatus): boolean {
  return status === 'submitted' || status === 'accepted';
}

/** Whether the RFQ allows the action now; 'deadline' = the quote deadline has passed. */
export function rfqAllows(rfq: { status: RfqStatus; quoteDeadline: Date }, action: RfqAction, now: Date): boolean {
  const beforeDeadline = now.getTime() < rfq.quoteDeadline.getTime();
  switch (action) {
    case 'edit':
    case 'quote':
      return rfq.status === 'open' && beforeDeadline;
    case 'accept':
      return rfq.status === 'open' && now.getTime() < decisionEnds(rfq.quoteDeadline).getTime();
    case 'decline':
      return rfq.status === 'open' || rfq.status === 'awarded';
    case 'close':
      return rfq.status === 'open' || rfq.status === 'awarded';
    case 'cancel':
      return rfq.status === 'open';
    case 'expire':
      return rfq.status === 'open' && !beforeDeadline;
  }
}

/** Whether the quote's own state allows the action (the RFQ's state is checked separately). */
export function quoteAllows(status: QuoteStatus, action: QuoteAction): boolean {
  switch (action) {
    case 'revise':
    case 'withdraw':
    case 'accept':
    case 'decline':
    case 'shortlist':
      return status === 'submitted';
    case 'message':
      return status !== 'withdrawn';
  }
}

export function decisionEnds(quoteDeadline: Date): Date {
  return new Date(quoteDeadline.getTime() + DECISION_WINDOW_DAYS * DAY);
}

/**
 * What the sweep does to an RFQ at `now`: an open one without live quotes expires at its deadline; an open one with
 * quotes expires when the decision window ends; an awarded one closes when the window ends.
 */
export function sweepOutcome(rfq: { status: RfqStatus; quoteDeadline: Date; liveQuotes: number }, now: Date): 'expired' | 'closed' | null {
  const pastDeadline = now.getTime() >= rfq.quoteDeadline.getTime();
  const windowOver = now.getTime() >= decisionEnds(rfq.quoteDeadline).getTime();
  if (rfq.status === 'open' && pastDeadline && (rfq.liveQuotes === 0 || windowOver)) return 'expired';
  if (rfq.status === 'awarded' && windowOver) return 'closed';
  return null;
}
