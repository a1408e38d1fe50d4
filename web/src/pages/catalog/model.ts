// Shapes of the catalog and search APIs as docs/catalog-contract.md fixes them, plus the small helpers every
// catalog screen needs (localized names, units, the tier for a quantity).
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api.js';
import i18n, { currentLang } from '../../i18n/index.js';
import '../../i18n/catalog.js';

export type AttributeType = 'enum' | 'number' | 'range' | 'text' | 'boolean';
export interface AttributeOption {
  value: string;
  zh: string;
  en: string;
}
export interface AttributeDefinition {
  key: string;
  nameZh: string;
  nameEn: string;
  type: AttributeType;
  options?: AttributeOption[];
  unit?: string;
  required: boolean;
  filterable: boolean;
  definesSku: boolean;
}
export type AttributeValue = string | number | boolean | [number, number];

export interface CategoryNode {
  id: string;
  code: string;
  parentId: string | null;
  level: number;
  nameZh: string;
  nameEn: string;
  sort: number;
  children?: CategoryNode[];
}
export interface PathItem {
  id: string;
  nameZh: string;
  nameEn: string;
}
export interface CategoryDetail extends CategoryNode {
  attributes: AttributeDefinition[];
  path: PathItem[];
}

export interface PriceTier {
  minQuantity: number;
  unitPrice: number;
}
export interface Sku {
  id: string;
  code?: string | null;
  attributes: Record<string, string>;
  stock: number;
  priceTiers?: PriceTier[] | null;
}
export type ProductStatus = 'draft' | 'published' | 'delisted';
export const PRODUCT_STATUSES: ProductStatus[] = ['draft', 'published', 'delisted'];
export interface ProductImage {
  fileId: string;
  url: string;
  thumbnails: Partial<Record<'160' | '400' | '800', string>>;
}
export interface ProductView {
  id: string;
  companyId: string;
  categoryId: string;
  categoryPath: PathItem[];
  status: ProductStatus;
  takedown: { reason: string; at: string } | null;
  titleZh: string;
  titleEn: string | null;
  descriptionZh: string;
  descriptionEn: string | null;
  images: ProductImage[];
  attributes: Record<string, AttributeValue>;
  skus: Sku[];
  priceTiers: PriceTier[];
  moq: number;
  unit: string;
  leadTimeDays: number;
  sample: { unitPrice: number; maxQuantity: number } | null;
  origin: string | null;
  dispatchProvince: string;
  currency: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}
export interface PriceQuote {
  productId: string;
  skuId: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  total: number;
  currency: string;
  tier: { minQuantity: number; maxQuantity: number | null };
}

export const UNITS = ['ton', 'kg', 'piece', 'box', 'meter', 'square_meter', 'set', 'roll', 'pair', 'bag', 'sheet', 'liter'] as const;

export function localizedName(x: { nameZh: string; nameEn: string | null | undefined }): string {
  return currentLang() === 'en-US' && x.nameEn ? x.nameEn : x.nameZh;
}
/** The title in the UI language, falling back to Chinese (the required one). */
export function productTitle(p: { titleZh: string; titleEn?: string | null }): string {
  return currentLang() === 'en-US' && p.titleEn ? p.titleEn : p.titleZh;
}
export function optionLabel(o: AttributeOption): string {
  return currentLang() === 'en-US' ? o.en || o.zh : o.zh;
}
/** Short unit label; `count` 1 gives the singular ("roll" vs "rolls"). */
export function unitLabel(unit: string, count?: number): string {
  const plural = i18n.t(`catalog.units.${unit}`, { defaultValue: unit });
  return count === 1 ? i18n.t(`catalog.unitsOne.${unit}`, { defaultValue: plural }) : plural;
}
/** The unit after "/" in a per-unit price ("¥680.00 / set") — always singular. */
export function perUnitLabel(unit: string): string {
  return unitLabel(unit, 1);
}
/** `100 件`, `25.5 tons`, `1 roll` — the quantity with its trade unit. */
export function formatQuantity(quantity: number, unit: string): string {
  const n = new Intl.NumberFormat(currentLang(), { maximumFractionDigits: 3 }).format(quantity);
  return `${n} ${unitLabel(unit, quantity)}`;
}

/** Index of the tier covering `quantity` ([minQuantity, next.minQuantity)), or -1 below the first. */
export function tierIndexFor(tiers: PriceTier[], quantity: number): number {
  let idx = -1;
  tiers.forEach((tier, i) => {
    if (quantity >= tier.minQuantity) idx = i;
  });
  return idx;
}

export function useCategoryTree() {
  return useQuery({
    queryKey: ['categories', 'tree'],
    queryFn: () => api<{ items: CategoryNode[] }>('/categories').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

export function useCategory(id: string | null | undefined) {
  return useQuery({
    queryKey: ['categories', 'detail', id],
    queryFn: () => api<CategoryDetail>(`/categories/${id ?? ''}`),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}

export function findCategory(tree: CategoryNode[] | undefined, id: string | null | undefined): CategoryNode | null {
  if (!tree || !id) return null;
  for (const n of tree) {
    if (n.id === id) return n;
    const hit = findCategory(n.children, id);
    if (hit) return hit;
  }
  return null;
}

/** Names of enum options of a template, so values can be shown in the UI language. */
export function useAttributeText(attributes: AttributeDefinition[] | undefined) {
  const lang = currentLang();
  return useCallback(
    (key: string, value: AttributeValue): string => {
      const def = attributes?.find((a) => a.key === key);
      if (Array.isArray(value)) return `${value[0]}–${value[1]}${def?.unit ? ` ${def.unit}` : ''}`;
      if (typeof value === 'boolean') return i18n.t(value ? 'common.yes' : 'common.no');
      if (typeof value === 'number') return `${value}${def?.unit ? ` ${def.unit}` : ''}`;
      const opt = def?.options?.find((o) => o.value === value);
      if (opt) return lang === 'en-US' ? opt.en || opt.zh : opt.zh;
      return value;
    },
    [attributes, lang],
  );
}

export function attributeName(def: Pick<AttributeDefinition, 'nameZh' | 'nameEn'>): string {
  return currentLang() === 'en-US' && def.nameEn ? def.nameEn : def.nameZh;
}

/** The value once it has stopped changing for `ms` (so typing a quantity does not fire a request per key). */
export function useDebounced<T>(value: T, ms = 250): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

// ---- search (GET /api/v1/search/*, server/src/modules/search/schemas.ts) ----------------------------------

export type Grade = '1A' | '2A' | '3A' | '4A' | '5A';
export interface ExplainFactor {
  name: string;
  value: string | number | boolean | null;
  factor: number;
}
export interface ExplainFactors {
  score: number;
  relevance: number;
  supplierFactor: number;
  productFactor: number;
  factors: ExplainFactor[];
}
export interface HitSupplier {
  id: string;
  name: string;
  nameEn: string | null;
  province: string;
  grade: Grade | null;
  verified: boolean;
  trustpassYears: number;
}
export interface ProductHit {
  id: string;
  categoryId: string;
  titleZh: string;
  titleEn: string | null;
  coverUrl: string | null;
  priceTiers: PriceTier[];
  /** Unit price at `quantity` (the requested one, else the MOQ), in 分. */
  unitPrice: number;
  quantity: number;
  currency: string;
  moq: number;
  unit: string;
  leadTimeDays: number;
  publishedAt: string;
  /** Distinct buyer companies that paid for it in the last 90 days. */
  recentBuyers: number;
  supplier: HitSupplier;
  explain?: ExplainFactors;
}
export type AttributeFacet =
  | { key: string; nameZh: string; nameEn: string; type: 'enum' | 'boolean'; values: Array<{ value: string; labelZh: string; labelEn: string; count: number }> }
  | { key: string; nameZh: string; nameEn: string; type: 'number' | 'range'; unit: string | null; min: number | null; max: number | null; count: number };
export interface SearchFacets {
  categories: Array<{ id: string; nameZh: string; nameEn: string; count: number }>;
  attributes: AttributeFacet[];
  provinces: Array<{ code: string; nameZh: string; nameEn: string; count: number }>;
  grades: Array<{ grade: Grade; count: number }>;
  trustpass: number;
  verified: number;
}
export interface ProductSearchPage {
  items: ProductHit[];
  facets: SearchFacets;
  nextCursor: string | null;
  total: number;
  /** False when more products matched than the ranked window holds: total is then the window's size. */
  totalExact?: boolean;
}
export interface SupplierHit {
  id: string;
  name: string;
  nameEn: string | null;
  province: string;
  city: string;
  logoUrl: string | null;
  mainProducts: string[];
  grade: Grade | null;
  verified: boolean;
  trustpassYears: number;
  productCount: number;
}
export interface SuggestResponse {
  terms: Array<{ term: string; count: number }>;
  suppliers: Array<{ id: string; name: string; nameEn: string | null }>;
}

/** A row of GET /api/v1/companies/{id}/products (the seller's list). */
export interface ProductListItem {
  id: string;
  companyId: string;
  categoryId: string;
  status: ProductStatus;
  takedown: { reason: string; at: string } | null;
  titleZh: string;
  titleEn: string | null;
  coverUrl: string | null;
  thumbnails: Record<'160' | '400' | '800', string> | null;
  priceTiers: PriceTier[];
  moq: number;
  unit: string;
  skuCount: number;
  totalStock: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}
