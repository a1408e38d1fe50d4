import '../../../i18n/rfqs.js';
import i18n from '../../../i18n/index.js';
import { currentLang } from '../../../i18n/index.js';
import { formatMoney } from '../../../format.js';
import type { AttributeValue } from '../../catalog/model.js';
import { formatQuantity } from '../../catalog/model.js';

export type RfqStatus = 'open' | 'awarded' | 'closed' | 'expired' | 'cancelled';
export type QuoteStatus = 'submitted' | 'accepted' | 'declined' | 'withdrawn' | 'not_selected';
export type Grade = '1A' | '2A' | '3A' | '4A' | '5A';
export const GRADES: Grade[] = ['1A', '2A', '3A', '4A', '5A'];
export const SHIPPING_TERMS = ['delivered', 'EXW', 'FCA', 'FOB', 'CFR', 'CIF', 'DAP', 'DDP'] as const;
/** Terms under which the supplier pays the main carriage (C- and D-terms, delivered), so the quote price already covers freight. */
const FREIGHT_INCLUDED: ReadonlySet<string> = new Set(['delivered', 'CFR', 'CIF', 'DAP', 'DDP']);
export function freightIncluded(shippingTerms: string): boolean {
  return FREIGHT_INCLUDED.has(shippingTerms);
}
export type SpecValue = AttributeValue | string[];

export interface RfqItem {
  id: string;
  status: RfqStatus;
  title: string;
  category: { id: string; nameZh: string; nameEn: string; pathIds: string[] };
  quantity: number;
  unit: string;
  targetUnitPrice: number | null;
  currency: string;
  deliveryProvince: string;
  deliveryDate: string;
  quoteDeadline: string;
  visibility: 'public' | 'invited';
  minGrade: Grade | null;
  quoteCount: number;
  unreadQuotes: number | null;
  buyer: { province: string; grade: Grade | null; verified: boolean; companyId: string | null; name: string | null; nameEn: string | null };
  matchesMe: boolean | null;
  myQuote: { id: string; status: QuoteStatus; revision: number } | null;
  publishedAt: string;
  closedAt: string | null;
}
export interface RfqView extends RfqItem {
  description: string;
  specification: Record<string, SpecValue>;
  specLines: Array<{ key: string; nameZh: string; nameEn: string; valueZh: string; valueEn: string }>;
  attachments: Array<{ fileId: string; url: string }>;
  supplierProvinces: string[];
  invitedCompanyIds: string[];
  matchedCount: number | null;
  awardedQuoteId: string | null;
  decisionEnds: string;
  viewer: { isBuyer: boolean; canManage: boolean; canQuote: boolean; quoteBlockedBy: string | null };
}
export interface QuoteTier { minQuantity: number; unitPrice: number }
export interface QuoteTerms {
  unitPrice: number;
  priceTiers: QuoteTier[];
  currency: string;
  leadTimeDays: number;
  validUntil: string;
  shippingTerms: string;
  sample: { unitPrice: number; maxQuantity: number } | null;
  notes: string;
}
export interface QuoteView extends QuoteTerms {
  id: string;
  rfqId: string;
  status: QuoteStatus;
  shortlisted: boolean;
  revision: number;
  attachments: Array<{ fileId: string; url: string }>;
  declineReason: string | null;
  atQuantity: { quantity: number; unit: string; unitPrice: number; total: number };
  supplier: { id: string; name: string; nameEn: string | null; province: string; grade: Grade | null; verified: boolean; trustpassActive: boolean; trustpassYears: number; responseRate: number | null };
  rfq: { id: string; title: string; status: RfqStatus; quoteDeadline: string; quantity: number; unit: string };
  unread: boolean;
  messageCount: number;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
}
export interface QuoteDetail extends QuoteView {
  revisions: Array<QuoteTerms & { revision: number; createdAt: string }>;
}
export interface QuotesOnRfq {
  items: QuoteView[];
  best: { priceQuoteId: string | null; leadTimeQuoteId: string | null };
  viewer: 'buyer' | 'supplier';
}
export interface ThreadMessage { id: string; quoteId: string; side: 'buyer' | 'supplier'; authorUserId: string; mine: boolean; body: string; createdAt: string }
export interface RfqCounts {
  myOpenRfqs: number;
  quotesUnread: number;
  matchingRfqs: number;
  myLiveQuotes: number;
  quota: { limit: number; used: number; left: number; month: string; resetsOn: string } | null;
}

export const RFQ_STATUS_COLOR: Record<RfqStatus, string> = { open: 'processing', awarded: 'green', closed: 'default', expired: 'warning', cancelled: 'default' };
export const QUOTE_STATUS_COLOR: Record<QuoteStatus, string> = { submitted: 'processing', accepted: 'green', declined: 'red', withdrawn: 'default', not_selected: 'default' };

export const categoryName = (c: { nameZh: string; nameEn: string }) => (currentLang() === 'en-US' ? c.nameEn : c.nameZh);
export const specValue = (l: { valueZh: string; valueEn: string }) => (currentLang() === 'en-US' ? l.valueEn : l.valueZh);
export const specName = (l: { nameZh: string; nameEn: string }) => (currentLang() === 'en-US' ? l.nameEn : l.nameZh);
export const money = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : formatMoney(fen));
export const qty = (quantity: number, unit: string) => formatQuantity(quantity, unit);
export const supplierName = (s: { name: string; nameEn: string | null }) => (currentLang() === 'en-US' && s.nameEn ? s.nameEn : s.name);

/** "2 天 5 小时" / "2 d 5 h" until the moment, or null when it has passed. */
export function timeLeft(iso: string, now = Date.now()): string | null {
  const ms = new Date(iso).getTime() - now;
  if (ms <= 0) return null;
  const h = Math.floor(ms / 3_600_000);
  const d = Math.floor(h / 24);
  const zh = currentLang() === 'zh-CN';
  if (d > 0) return zh ? `${d} 天 ${h % 24} 小时` : `${d} d ${h % 24} h`;
  const m = Math.max(1, Math.floor((ms % 3_600_000) / 60_000));
  return zh ? `${h} 小时 ${m} 分` : `${h} h ${m} min`;
}

export function blockedText(code: string | null): string {
  if (!code) return '';
  return i18n.t(`rfqs.blocked.${code}`, { defaultValue: code });
}
