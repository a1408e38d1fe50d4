/**
 * The definition of the response rate (docs/response-rate.md), as pure functions: which items of a thread open and
 * close response clocks, and what a supplier's clocks add up to as of a moment.
 */

export type SourceKind = 'inquiry' | 'chat';
export const SOURCE_KINDS = ['inquiry', 'chat'] as const satisfies readonly SourceKind[];

export const WINDOW_DAYS = 30 as const;
export const DEADLINE_SECONDS = 24 * 3600;
/** In a chat, a buyer message after an answered question opens a new clock only after this long without any message. */
export const CHAT_QUIET_SECONDS = 4 * 3600;

const DAY_MS = 86_400_000;

/** One recorded thing in a thread: the inquiry itself ('open'), a reply in it, or a chat message. */
export interface ThreadItem {
  id: string;
  supplierCompanyId: string;
  sourceKind: SourceKind;
  threadId: string;
  role: 'open' | 'buyer' | 'supplier';
  authorUserId: string | null;
  buyerUserId: string | null;
  buyerCompanyId: string | null;
  at: Date;
}

export interface Clock {
  sourceKind: SourceKind;
  /** The inquiry id; in a chat, the id of the buyer message that opened the clock. */
  sourceId: string;
  supplierCompanyId: string;
  threadId: string;
  buyerUserId: string | null;
  openedAt: Date;
  answeredAt: Date | null;
  answeredBy: string | null;
}

const ROLE_ORDER = { open: 0, buyer: 1, supplier: 2 } as const;

/** Time order; at the same instant the inquiry comes before its replies, then by id (UUIDv7: recording order). */
export function sortItems(items: ThreadItem[]): ThreadItem[] {
  return [...items].sort((a, b) => a.at.getTime() - b.at.getTime() || ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A buyer acting for the supplier company itself is not a buyer: nothing it writes is waited on. */
const ownSide = (item: ThreadItem) => item.buyerCompanyId !== null && item.buyerCompanyId === item.supplierCompanyId;

/**
 * An inquiry has one clock: opened when the inquiry is sent, closed by the first supplier-side reply in that
 * inquiry's thread (a quote counts), by anyone but the inquiring buyer. Buyer follow-ups open nothing.
 */
export function inquiryClocks(items: ThreadItem[]): Clock[] {
  const sorted = sortItems(items);
  const open = sorted.find((i) => i.role === 'open');
  if (!open || ownSide(open)) return [];
  const clock: Clock = {
    sourceKind: 'inquiry', sourceId: open.threadId, supplierCompanyId: open.supplierCompanyId, threadId: open.threadId,
    buyerUserId: open.buyerUserId, openedAt: open.at, answeredAt: null, answeredBy: null,
  };
  const answer = sorted.find((i) => i.role === 'supplier' && i.at >= open.at && (i.authorUserId === null || i.authorUserId !== open.buyerUserId));
  if (answer) {
    clock.answeredAt = answer.at;
    clock.answeredBy = answer.authorUserId;
  }
  return [clock];
}

/**
 * A chat conversation's clocks. A buyer message opens a clock when no clock of the conversation is open and either
 * no clock has been opened in it before (the buyer's first question, even if the supplier wrote first) or the
 * conversation has been quiet — no message from either side — for CHAT_QUIET_SECONDS. The supplier's next message,
 * by anyone but the buyer, closes it. Follow-ups while a clock is open, and messages in a running exchange, open
 * nothing; supplier messages never open a clock.
 */
export function chatClocks(items: ThreadItem[]): Clock[] {
  const clocks: Clock[] = [];
  let open: Clock | null = null;
  let lastAt: Date | null = null;
  for (const item of sortItems(items)) {
    if (item.role === 'open') continue;
    if (item.role === 'buyer') {
      if (ownSide(item)) continue;
      const quiet = lastAt === null || item.at.getTime() - lastAt.getTime() >= CHAT_QUIET_SECONDS * 1000;
      if (open === null && (clocks.length === 0 || quiet)) {
        open = {
          sourceKind: 'chat', sourceId: item.id, supplierCompanyId: item.supplierCompanyId, threadId: item.threadId,
          buyerUserId: item.buyerUserId ?? item.authorUserId, openedAt: item.at, answeredAt: null, answeredBy: null,
        };
        clocks.push(open);
      }
    } else {
      const buyer = open?.buyerUserId ?? item.buyerUserId;
      if (item.authorUserId !== null && item.authorUserId === buyer) continue;
      if (open) {
        open.answeredAt = item.at;
        open.answeredBy = item.authorUserId;
        open = null;
      }
    }
    lastAt = item.at;
  }
  return clocks;
}

export function threadClocks(kind: SourceKind, items: ThreadItem[]): Clock[] {
  switch (kind) {
    case 'inquiry':
      return inquiryClocks(items);
    case 'chat':
      return chatClocks(items);
  }
}

export interface Counts {
  answeredWithin24h: number;
  measured: number;
  pending: number;
  /** answeredWithin24h / measured; null while nothing is measured. */
  responseRate: number | null;
  /** Median time to the first answer over the answered clocks (late answers included); null when none. */
  medianFirstResponseSeconds: number | null;
}

export interface Summary extends Counts {
  bySource: Record<SourceKind, Counts>;
}

export type ClockTimes = Pick<Clock, 'sourceKind' | 'openedAt' | 'answeredAt'>;

export const windowStart = (now: Date) => new Date(now.getTime() - WINDOW_DAYS * DAY_MS);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return Math.round(s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2);
}

/**
 * What clocks add up to as of `now`: those opened in the last 30 days (and not after now) count. A clock answered
 * within 24 hours is measured and answered; one past its 24 hours without an answer by then, or answered later, is
 * measured and missed; one younger than 24 hours and unanswered is pending and not in the rate yet.
 */
export function countClocks(clocks: ClockTimes[], now: Date, since: Date = windowStart(now)): Counts {
  const from = since.getTime();
  const t = now.getTime();
  let answeredWithin24h = 0;
  let measured = 0;
  let pending = 0;
  const times: number[] = [];
  for (const c of clocks) {
    const opened = c.openedAt.getTime();
    if (opened <= from || opened > t) continue;
    const answered = c.answeredAt !== null && c.answeredAt.getTime() <= t ? c.answeredAt.getTime() : null;
    if (answered !== null) times.push((answered - opened) / 1000);
    if (answered !== null && answered - opened <= DEADLINE_SECONDS * 1000) {
      answeredWithin24h++;
      measured++;
    } else if (t - opened >= DEADLINE_SECONDS * 1000) {
      measured++;
    } else {
      pending++;
    }
  }
  return { answeredWithin24h, measured, pending, responseRate: measured ? answeredWithin24h / measured : null, medianFirstResponseSeconds: median(times) };
}

export function summarize(clocks: ClockTimes[], now: Date): Summary {
  return {
    ...countClocks(clocks, now),
    bySource: {
      inquiry: countClocks(clocks.filter((c) => c.sourceKind === 'inquiry'), now),
      chat: countClocks(clocks.filter((c) => c.sourceKind === 'chat'), now),
    },
  };
}

export interface TrendPoint {
  weekStart: Date;
  answeredWithin24h: number;
  measured: number;
  responseRate: number | null;
}

/** Weekly points (by the week a clock opened, the last `weeks` seven-day spans ending at now), for the seller's chart. */
export function weeklyTrend(clocks: ClockTimes[], now: Date, weeks: number): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (let w = weeks - 1; w >= 0; w--) {
    const end = new Date(now.getTime() - w * 7 * DAY_MS);
    const start = new Date(end.getTime() - 7 * DAY_MS);
    // Counted as of now: an item of an early week answered later is a late answer, as in the summary.
    const c = countClocks(clocks.filter((x) => x.openedAt <= end), now, start);
    points.push({ weekStart: start, answeredWithin24h: c.answeredWithin24h, measured: c.measured, responseRate: c.responseRate });
  }
  return points;
}
