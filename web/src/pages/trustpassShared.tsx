import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../api.js';
import { ProblemError } from '../api.js';
import i18n, { currentLang } from '../i18n/index.js';
import '../i18n/trustpass.js';

export interface Plan {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  annualPrice: number;
  currency: string;
  publishLimit: number;
  rfqQuoteQuota: number;
  badge: string;
  active: boolean;
}
export type MembershipStatus = 'none' | 'active' | 'grace' | 'expired';
export interface Purchase {
  id: string;
  planCode: string;
  years: number;
  amount: number;
  currency: string;
  status: 'pending' | 'paid' | 'failed';
  paymentIntentId: string;
  createdAt: string;
  paidAt: string | null;
}
export interface Membership {
  status: MembershipStatus;
  plan: Plan | null;
  memberSince: string | null;
  expiresAt: string | null;
  graceUntil: string | null;
  trustpassYears: number;
  limits: { publishLimit: number; rfqQuoteQuota: number };
  purchases: Purchase[];
}
export type IntentStatus = 'requires_payment' | 'succeeded' | 'failed' | 'canceled';
export interface PaymentIntent {
  id: string;
  companyId: string;
  purpose: string;
  referenceId: string;
  amount: number;
  currency: string;
  provider: string;
  status: IntentStatus;
  description: string;
  payUrl: string | null;
  instructions: string | null;
  createdAt: string;
  settledAt: string | null;
}
export interface PurchaseResult {
  purchase: Omit<Purchase, 'paymentIntentId' | 'createdAt' | 'paidAt'>;
  paymentIntent: PaymentIntent;
}
export interface LedgerTx {
  id: string;
  kind: string;
  reference_type: string;
  reference_id: string;
  memo: string;
  created_at: string;
  postings: { account: string; amount: number; currency: string }[];
}
export interface LedgerBalances {
  items: { code: string; purpose: string; currency: string; balance: number }[];
  unbalancedTransactions: { transactionId: string; currency: string; sum: number }[];
}

/** Minor units (分) → `¥6,880.00` in both languages (narrow symbol, so English shows ¥ rather than CN¥). */
export function money(minor: number, currency = 'CNY'): string {
  return new Intl.NumberFormat(currentLang(), { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 }).format(minor / 100);
}

export function planName(p: { nameZh: string; nameEn: string }): string {
  return currentLang() === 'en-US' ? p.nameEn : p.nameZh;
}

/** The plan's mark as a reader sees it: operators set the Chinese mark (诚信通); English readers see the plan's English name. */
export function planBadge(p: { badge: string; nameEn: string }): string {
  return currentLang() === 'en-US' ? p.nameEn : p.badge;
}

/** The server writes bilingual descriptions as `中文 | English`; show the half in the user's language. */
export function localized(text: string): string {
  const [zh, en] = text.split(' | ');
  if (zh === undefined || en === undefined) return text;
  return currentLang() === 'en-US' ? en : zh;
}

export interface TransferInstructions {
  bank: string;
  accountName: string;
  accountNo: string;
  amount: string;
  reference: string;
}

/** Bank-transfer instructions come as `bank · account name · account no · ¥amount · 附言/Reference: REF`. */
export function parseInstructions(text: string | null): TransferInstructions | null {
  if (!text) return null;
  const [bank, accountName, accountNo, amount, memo, ...rest] = text.split(' · ');
  if (bank === undefined || accountName === undefined || accountNo === undefined || amount === undefined || memo === undefined || rest.length) return null;
  const ref = /Reference:\s*(\S+)/.exec(memo);
  return { bank, accountName, accountNo, amount, reference: ref?.[1] ?? memo };
}

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** POST with an Idempotency-Key (the shared `api` helper takes no extra headers). Errors become ProblemError like `api`. */
export async function postIdempotent<T>(path: string, body: unknown, key: string, csrfToken: string | undefined): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLang(),
    'Content-Type': 'application/json',
    'Idempotency-Key': key,
  };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ProblemError(0, 'NETWORK', i18n.t('errors.network'));
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; detail?: string; title?: string; errors?: FieldError[] };
    throw new ProblemError(res.status, p.code ?? `HTTP_${res.status}`, p.detail ?? p.title ?? i18n.t('errors.generic'), p.errors ?? []);
  }
  return data as T;
}

const INTENT_COLOR: Record<IntentStatus, string> = { requires_payment: 'processing', succeeded: 'success', failed: 'error', canceled: 'default' };
export function IntentStatusTag({ status }: { status: IntentStatus }) {
  const { t } = useTranslation();
  return <Tag color={INTENT_COLOR[status]}>{t(`paymentStatus.${status}`)}</Tag>;
}

const PURCHASE_COLOR: Record<Purchase['status'], string> = { pending: 'processing', paid: 'success', failed: 'error' };
export function PurchaseStatusTag({ status }: { status: Purchase['status'] }) {
  const { t } = useTranslation();
  return <Tag color={PURCHASE_COLOR[status]}>{t(`trustpass.purchaseStatus.${status}`)}</Tag>;
}

const MEMBERSHIP_COLOR: Record<MembershipStatus, string> = { none: 'default', active: 'success', grace: 'warning', expired: 'error' };
export function MembershipTag({ status }: { status: MembershipStatus }) {
  const { t } = useTranslation();
  return <Tag color={MEMBERSHIP_COLOR[status]} data-testid="trustpass-status">{t(`trustpass.status.${status}`)}</Tag>;
}

export function ProviderTag({ provider }: { provider: string }) {
  const { t } = useTranslation();
  const known = provider === 'sandbox' || provider === 'bank_transfer';
  return <Tag color={provider === 'sandbox' ? 'cyan' : 'geekblue'}>{known ? t(`trustpass.provider.${provider}`) : provider}</Tag>;
}
