import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../format.js';
import { currentLang } from '../i18n/index.js';
import { ProblemError } from '../api.js';

export interface Balances { companyId: string; currency: string; available: number; pending: number; inFlight: number }
export type PayoutStatus = 'requested' | 'paid' | 'failed';
export interface Payout {
  id: string; companyId: string; companyName: string | null; amount: number; currency: string;
  bank: { name: string; accountNo: string; accountName: string }; status: PayoutStatus; provider: string;
  bankReference: string | null; failureReason: string | null; createdAt: string; settledAt: string | null;
}
export type StatementKind = 'release' | 'fee' | 'payout' | 'payout_reversal' | 'refund' | 'adjustment';
export interface Statement {
  companyId: string; currency: string; from: string; to: string; opening: number; closing: number; credits: number; debits: number;
  entries: Array<{ at: string; kind: StatementKind; orderId: string | null; orderNumber: string | null; reference: string; memo: string; amount: number; balance: number }>;
}
export type BillStatus = 'awaiting_completion' | 'billed' | 'overdue' | 'repaid' | 'released';
export interface Bill {
  id: string; orderId: string; orderNumber: string | null; amount: number; released: number; outstanding: number; currency: string; status: BillStatus;
  dueAt: string | null; billedAt: string | null; repaidAt: string | null; daysOverdue: number; repayable: boolean;
  /** Days from receipt to due, fixed when the order drew on the line (null for bills older than per-line terms). */
  termDays: number | null; createdAt: string;
}
export interface CreditLine {
  companyId: string; companyName: string | null; limit: number; used: number; available: number; currency: string; status: 'active' | 'frozen';
  suggestedFromGrade: string | null; suggestedLimit: number | null; note: string; grantedAt: string; updatedAt: string; overdue: { count: number; amount: number };
  /** The line's own term in days; null: the platform's default. */
  termDays: number | null;
}
export interface CompanyCreditLine { companyId: string; line: CreditLine | null; bills: Bill[]; overdue: { count: number; amount: number }; defaultTermDays: number }
export interface Reconciliation {
  ok: boolean; balanced: boolean; unbalancedTransactions: Array<{ transactionId: string; currency: string; sum: number }>;
  escrowBalance: number; escrowOutstandingOrders: number; escrowMatchesOrders: boolean; receivables: number; billedOutstanding: number; receivablesMatchBills: boolean;
  payoutsInFlight: number; payoutsRequested: number; inFlightMatchesPayouts: boolean; sellerAvailable: number;
  negativeSellerBalances: Array<{ account: string; balance: number }>; platformFees: number; checkedAt: string;
}

/** Figures in tables: tabular digits so columns of money line up, never wrapped. */
export const NUM_STYLE = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const satisfies React.CSSProperties;
/** Dates and references in tables: tabular digits, but free to wrap on a phone. */
export const DATE_STYLE = { fontVariantNumeric: 'tabular-nums' } as const satisfies React.CSSProperties;

/** ¥1,234.56 with tabular digits (optionally bold). */
export function Money({ amount, strong, style }: { amount: number; strong?: boolean; style?: React.CSSProperties }) {
  return <span style={{ ...NUM_STYLE, fontWeight: strong ? 600 : undefined, ...style }}>{formatMoney(amount)}</span>;
}

/** Signed money in the statement's colours: credits green, debits red. */
export function SignedMoney({ amount }: { amount: number }) {
  return <span style={{ ...NUM_STYLE, color: amount < 0 ? '#CF1322' : amount > 0 ? '#1A7F37' : undefined }}>{amount > 0 ? '+' : ''}{formatMoney(amount)}</span>;
}

/** The payout method in the reader's language (bank_transfer, sandbox; anything else as it is). */
export function providerLabel(t: TFunction, provider: string): string {
  return provider === 'bank_transfer' || provider === 'sandbox' ? t(`settle.finance.method.${provider}`) : provider;
}

/** A bank account number in groups of four, as printed on Chinese bank cards. */
export const groupAccount = (no: string) => no.replace(/\s+/g, '').replace(/(\d{4})(?=\d)/g, '$1 ');

const PAYOUT_COLOR: Record<PayoutStatus, string> = { requested: 'processing', paid: 'success', failed: 'error' };
export function PayoutStatusTag({ status }: { status: PayoutStatus }) {
  const { t } = useTranslation();
  return <Tag color={PAYOUT_COLOR[status]}>{t(`settle.finance.status.${status}`)}</Tag>;
}

const BILL_COLOR: Record<BillStatus, string> = { awaiting_completion: 'default', billed: 'processing', overdue: 'error', repaid: 'success', released: 'default' };
export function BillStatusTag({ status }: { status: BillStatus }) {
  const { t } = useTranslation();
  return <Tag color={BILL_COLOR[status]}>{t(`settle.credit.status.${status}`)}</Tag>;
}

/** Downloads a file from the API in the user's language (a plain link would send the browser's Accept-Language). */
export async function downloadFile(path: string): Promise<void> {
  const res = await fetch(`/api/v1${path}`, { headers: { 'Accept-Language': currentLang() }, credentials: 'same-origin' });
  if (!res.ok) {
    const p = (await res.json().catch(() => ({}))) as { code?: string; detail?: string };
    throw new ProblemError(res.status, p.code ?? `HTTP_${res.status}`, p.detail ?? res.statusText);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'statement';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const maskAccount = (no: string) => (no.length > 8 ? `${no.slice(0, 4)} **** ${no.slice(-4)}` : no);

/** The last four digits of the account a payout went to, from the ledger memo ("提现 Payout 6789"). */
export const accountTail = (memo: string): string | null => /(\d{4})\s*$/.exec(memo)?.[1] ?? null;
