import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.js';
import { activeCompanyOf, useMe } from '../../session.js';

/** The purchase list as GET /api/v1/purchase-list returns it (server/src/modules/purchase-list/schemas.ts). Money in 分. */
export type PurchaseListProblem = 'below_moq' | 'above_stock' | 'unavailable';
export interface PurchaseListItem {
  id: string;
  productId: string;
  skuId: string;
  title: string;
  titleZh: string;
  titleEn: string | null;
  skuLabel: string;
  skuLabelEn: string;
  skuCode: string | null;
  image: string | null;
  unit: string;
  quantity: number;
  productQuantity: number;
  moq: number | null;
  stock: number | null;
  unitPrice: number | null;
  lineTotal: number | null;
  addedPrice: number | null;
  priceChanged: boolean;
  selected: boolean;
  leadTimeDays: number | null;
  problems: PurchaseListProblem[];
  addedAt: string;
}
export interface PurchaseListGroup {
  supplier: { id: string; name: string; nameEn: string | null; grade: string | null; verified: boolean };
  items: PurchaseListItem[];
  subtotal: number;
  selectedCount: number;
  orderable: boolean;
}
export interface PurchaseListView {
  companyId: string;
  groups: PurchaseListGroup[];
  total: number;
  count: number;
  selectedCount: number;
  currency: 'CNY';
  maxItems: number;
}
export interface PurchaseListAdded {
  created: boolean;
  item: { id: string; productId: string; skuId: string; quantity: number; selected: boolean };
  count: number;
}

export const PURCHASE_LIST_KEY = 'purchase-list';

/** How many lines the signed-in user's list for the active company holds (null when signed out or without a company). */
export function usePurchaseListCount(): number | null {
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const q = useQuery({
    queryKey: [PURCHASE_LIST_KEY, 'count', company?.id],
    queryFn: () => api<{ count: number }>('/purchase-list/count', { query: { companyId: company?.id } }),
    enabled: Boolean(company) && company?.role !== 'sales' && company?.role !== 'finance',
    staleTime: 30_000,
    retry: false,
  });
  return q.data?.count ?? null;
}
