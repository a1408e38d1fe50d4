/**
 * Money in server-made texts (notifications, mails, error details, ledger memos): one format for both languages,
 * the web's formatMoney without the reader's locale — a text stored once is read in zh-CN and en-US alike.
 */
const GROUPED = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true });

/** Minor units (分) → '¥1,855,000.00' (grouping, two decimals; a negative amount as '-¥12.50'). */
export function formatYuan(fen: number): string {
  const text = GROUPED.format(Math.abs(fen) / 100);
  return fen < 0 ? `-¥${text}` : `¥${text}`;
}

/** Minor units (分) → '1,855,000.00', for texts that put the currency symbol or unit around the number themselves. */
export function formatYuanAmount(fen: number): string {
  const text = GROUPED.format(Math.abs(fen) / 100);
  return fen < 0 ? `-${text}` : text;
}

const QUANTITY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3, useGrouping: true });

/** A quantity in a server-made text, grouped like the money beside it ('11,700', '2.5'); trade units carry ≤ 3 decimals. */
export function formatQuantityText(quantity: number): string {
  return QUANTITY.format(quantity);
}
