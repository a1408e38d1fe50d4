// Shapes of the inquiries API (server/src/modules/inquiries/schemas.ts) and the helpers its screens share.
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../../api.js';
import i18n, { currentLang } from '../../../i18n/index.js';
import '../../../i18n/inquiries.js';
import { useAttributeText, useCategory, type ProductView } from '../../catalog/model.js';

export type InquiryStatus = 'new' | 'replied' | 'quoted' | 'closed';
export const INQUIRY_STATUSES: InquiryStatus[] = ['new', 'replied', 'quoted', 'closed'];
export type Side = 'buyer' | 'supplier';
export type Box = 'sent' | 'received';
export type ShippingTerms = 'delivered' | 'ex_works' | 'freight_extra';
export const SHIPPING_TERMS: ShippingTerms[] = ['delivered', 'ex_works', 'freight_extra'];

export interface Ref { id: string; name: string }
/** A company on an inquiry: its English name too (null when it has none). */
export interface CompanyRef extends Ref { nameEn: string | null }
export interface Attachment { id: string; url: string; contentType: string; byteSize: number }
export interface InquiryLine {
  productId: string; skuId: string | null; skuCode: string | null; skuAttributes: Record<string, string>;
  quantity: number | null; unit: string; titleZh: string; titleEn: string | null; coverUrl: string | null;
}
export interface InquiryListItem {
  id: string; status: InquiryStatus; supplier: CompanyRef; buyer: CompanyRef; buyerUser: Ref; assignee: Ref | null; lines: InquiryLine[];
  quantity: number | null; unit: string | null; targetUnitPrice: number | null; messagePreview: string;
  lastSide: Side; replyCount: number; quoteCount: number; createdAt: string; lastActivityAt: string;
}
export interface Quote {
  unitPrice: number; priceTiers?: Array<{ minQuantity: number; unitPrice: number }>; quantity: number; unit: string;
  leadTimeDays: number; validUntil: string; shippingTerms: ShippingTerms; note: string;
}
export interface InquiryReply {
  id: string; side: Side; kind: 'reply' | 'quote'; author: Ref; body: string; attachments: Attachment[]; quote: Quote | null; createdAt: string;
}
export interface InquiryView extends InquiryListItem {
  currency: 'CNY'; deliveryProvince: string | null; desiredDate: string | null; message: string; attachments: Attachment[];
  firstResponseAt: string | null; closedAt: string | null; closedBySide: Side | null; closeReason: string | null;
  viewerSide: Side; can: { reply: boolean; quote: boolean; assign: boolean; close: boolean; reopen: boolean };
  assignees: Array<Ref & { role: string }>; replies: InquiryReply[];
}
export interface StatusCounts { all: number; new: number; replied: number; quoted: number; closed: number }
export interface InquiryCounts {
  receivedNew: number; receivedUnassigned: number; receivedMine: number; sentAwaitingReply: number; received: StatusCounts; sent: StatusCounts;
}

/** Query keys start with 'wb' so switching the active company refreshes them (WorkbenchShell). */
export const INQ_KEY = ['wb', 'inquiries'] as const;

export function useInquiryCounts(enabled = true) {
  return useQuery({ queryKey: [...INQ_KEY, 'counts'], queryFn: () => api<InquiryCounts>('/inquiries/counts'), enabled, staleTime: 15_000 });
}

export function lineTitle(l: Pick<InquiryLine, 'titleZh' | 'titleEn'>): string {
  return currentLang() === 'en-US' && l.titleEn ? l.titleEn : l.titleZh;
}

type AttrText = (key: string, value: string) => string;
const rawValue: AttrText = (_key, value) => value;

/** "Φ25 mm / Q235B · HR-Q235B-10" — a SKU's attributes (labelled by `text`, as on the product page) and its code. */
export function skuText(l: Pick<InquiryLine, 'skuAttributes' | 'skuCode'>, text: AttrText = rawValue): string {
  const attrs = Object.entries(l.skuAttributes).map(([k, v]) => text(k, v)).join(' / ');
  return [...(attrs ? [attrs] : []), ...(l.skuCode ? [l.skuCode] : [])].join(' · ');
}

/**
 * skuText for the lines of one product, with the category's option labels and units.
 * Inquiry lines carry no category id, so it is read from the product (shared cache with the inquiry dialog);
 * until then, or when the product can't be read (e.g. deleted), the raw values are shown.
 */
export function useProductSkuText(productId: string): (l: Pick<InquiryLine, 'skuAttributes' | 'skuCode'>) => string {
  const product = useQuery({
    queryKey: ['products', 'detail', productId],
    queryFn: () => api<ProductView>(`/products/${productId}`),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const text = useAttributeText(useCategory(product.data?.categoryId).data?.attributes);
  return useCallback((l) => skuText(l, text), [text]);
}

/** The inquiry in one line: its first product (and how many more), or the message. */
export function subjectOf(i: Pick<InquiryListItem, 'lines' | 'messagePreview'>): string {
  const first = i.lines[0];
  if (!first) return i.messagePreview;
  const more = new Set(i.lines.map((l) => l.productId)).size - 1;
  return more > 0 ? `${lineTitle(first)} ${i18n.t('inquiries.moreProducts', { count: more, total: more + 1 })}` : lineTitle(first);
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Today in China, as YYYY-MM-DD (the server checks dates against it). */
export function todayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export const STATUS_COLORS: Record<InquiryStatus, string> = { new: 'orange', replied: 'blue', quoted: 'green', closed: 'default' };
