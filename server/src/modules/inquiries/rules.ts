/**
 * The inquiry's pure rules: its state machine and the calendar check. No I/O, so the service and the unit tests
 * share exactly these.
 *
 *   new ──supplier reply──▶ replied ──supplier quote──▶ quoted
 *    └────────────supplier quote────────────────────────▲
 *   any open state ──close (either side)──▶ closed ──reopen (either side)──▶ back to new / replied / quoted
 *
 * A buyer's follow-up never changes the status (it only makes the supplier the side that owes an answer); a text
 * reply after a quote keeps 'quoted'. A closed inquiry takes no replies until it is reopened.
 */
import type { InquirySide } from './events.js';
import type { InquiryStatus } from './store.js';

export type OpenStatus = Exclude<InquiryStatus, 'closed'>;

export function statusAfterReply(current: OpenStatus, side: InquirySide, kind: 'reply' | 'quote'): OpenStatus {
  if (side === 'buyer') return current;
  if (kind === 'quote') return 'quoted';
  return current === 'new' ? 'replied' : current;
}

/** Reopening returns to where the conversation stood: quoted if a quote was sent, replied if the supplier answered. */
export function statusAfterReopen(history: { quoteCount: number; supplierAnswered: boolean }): OpenStatus {
  if (history.quoteCount > 0) return 'quoted';
  return history.supplierAnswered ? 'replied' : 'new';
}

/** Inquiries are a domestic trade: "today" is the calendar day in China. */
export function todayInChina(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
