import { PROVINCES } from '../accounts/index.js';
import type { ProductIndexView, SupplierCompanyType, SupplierFacts } from './ports.js';
import { GRADE_RANK, productFactors, supplierFactors, type Factor, type Grade } from './ranking.js';
import { suggestionTerms, tokenText } from './tokenize.js';

/** What the index keeps of a supplier (a row of search_suppliers). */
export interface SupplierDoc {
  company_id: string;
  legal_name: string;
  name_en: string | null;
  is_supplier: boolean;
  company_type: SupplierCompanyType | null;
  main_products: string[];
  province: string;
  city: string;
  logo_url: string | null;
  grade: Grade | null;
  grade_rank: number;
  credit_score: number | null;
  verified: boolean;
  trustpass_active: boolean;
  trustpass_years: number;
  on_time_rate: number | null;
  response_rate: number | null;
  repeat_buyer_rate: number | null;
  dispute_rate: number | null;
  supplier_factor: number;
  factors: Factor[];
  tokens_a: string;
  tokens_b: string;
  tokens_c: string;
  name_search: string;
}

/** What the index keeps of a published product (a row of search_products). */
export interface ProductDoc {
  id: string;
  company_id: string;
  category_id: string;
  category_path: string[];
  title_zh: string;
  title_en: string | null;
  cover_url: string | null;
  tier_min: number[];
  tier_price: number[];
  base_price: number;
  moq: number;
  unit: string;
  lead_time_days: number;
  total_stock: number;
  image_count: number;
  completeness: number;
  dispatch_province: string;
  attr_terms: string[];
  attr_numbers: Record<string, [number, number]>;
  suggest_terms: string[];
  /** Token text of the title (A), category and attributes (B), description and supplier (C): become the tsvectors. */
  text_a: string;
  text_b: string;
  text_c: string;
  supplier_name: string;
  supplier_name_en: string | null;
  company_type: SupplierCompanyType | null;
  province: string;
  grade: Grade | null;
  grade_rank: number;
  verified: boolean;
  trustpass_active: boolean;
  trustpass_years: number;
  supplier_factor: number;
  product_factor: number;
  /** Distinct buyer companies in 90 days (service metrics), the product factor's sales input. */
  recent_buyers: number;
  published_at: Date;
  source_updated_at: Date;
}

const provinceNames = new Map<string, { zh: string; en: string }>(PROVINCES.map((p) => [p.code, p]));

export function supplierDoc(f: SupplierFacts): SupplierDoc {
  const province = provinceNames.get(f.province);
  const ranking = supplierFactors(f);
  return {
    company_id: f.companyId, legal_name: f.legalName, name_en: f.nameEn, is_supplier: f.isSupplier, company_type: f.companyType, main_products: f.mainProducts,
    province: f.province, city: f.city, logo_url: f.logoUrl, grade: f.grade, grade_rank: f.grade ? GRADE_RANK[f.grade] : 0,
    credit_score: f.creditScore, verified: f.verified, trustpass_active: f.trustpassActive, trustpass_years: f.trustpassYears,
    on_time_rate: f.onTimeRate, response_rate: f.responseRate, repeat_buyer_rate: f.repeatBuyerRate, dispute_rate: f.disputeRate,
    supplier_factor: ranking.factor, factors: ranking.factors,
    tokens_a: tokenText(f.legalName, f.nameEn),
    tokens_b: tokenText(f.mainProducts.join(' ')),
    tokens_c: tokenText(province?.zh, province?.en, f.city),
    name_search: `${f.legalName} ${f.nameEn ?? ''}`.toLowerCase(),
  };
}

/** A product's cover as a result card shows it: the 400 px thumbnail of an uploaded image. */
export function coverThumbnail(url: string | null): string | null {
  if (!url) return null;
  return /^\/api\/v1\/files\/[0-9a-f-]{36}$/.test(url) ? `${url}?size=400` : url;
}

const num = (v: number | string) => (typeof v === 'number' ? v : Number(v));

/** Filterable attribute values: enums and booleans as 'key=value' terms, numbers and ranges as [min, max]. */
export function attributeIndex(view: Pick<ProductIndexView, 'attributes' | 'skuAttributeValues' | 'attributeLabels'>) {
  const filterable = new Set(view.attributeLabels.filter((l) => l.filterable).map((l) => l.key));
  const terms = new Set<string>();
  const numbers: Record<string, [number, number]> = {};
  for (const [key, value] of Object.entries(view.attributes)) {
    if (!filterable.has(key)) continue;
    if (Array.isArray(value)) numbers[key] = [Math.min(value[0], value[1]), Math.max(value[0], value[1])];
    else if (typeof value === 'number') numbers[key] = [value, value];
    else terms.add(`${key}=${String(value)}`);
  }
  // SKU-defining attributes are enums a buyer filters by (colour, size), whatever the label list says.
  for (const [key, values] of Object.entries(view.skuAttributeValues)) for (const v of values) terms.add(`${key}=${v}`);
  return { terms: [...terms].sort(), numbers };
}

/** The supplier columns a product row copies. */
export type ProductSupplier = Pick<SupplierDoc, 'legal_name' | 'name_en' | 'company_type' | 'tokens_a' | 'province' | 'grade' | 'grade_rank' | 'verified' | 'trustpass_active' | 'trustpass_years' | 'supplier_factor'>;

export function productDoc(view: ProductIndexView, supplier: ProductSupplier, recentBuyers = 0): ProductDoc {
  const tiers = [...view.priceTiers].sort((a, b) => a.minQuantity - b.minQuantity);
  const attrs = attributeIndex(view);
  const ranking = productFactors({ completeness: view.completeness, imageCount: view.imageCount, recentBuyers });
  const leaf = (names: string[]) => names[names.length - 1];
  return {
    id: view.id, company_id: view.companyId, category_id: view.categoryId, category_path: view.categoryPathIds,
    title_zh: view.titleZh, title_en: view.titleEn, cover_url: coverThumbnail(view.coverUrl),
    tier_min: tiers.map((t) => t.minQuantity), tier_price: tiers.map((t) => t.unitPrice), base_price: tiers[0]?.unitPrice ?? 0,
    moq: num(view.moq), unit: view.unit, lead_time_days: view.leadTimeDays, total_stock: num(view.totalStock),
    image_count: view.imageCount, completeness: view.completeness, dispatch_province: view.dispatchProvince,
    attr_terms: attrs.terms, attr_numbers: attrs.numbers,
    suggest_terms: suggestionTerms([view.titleZh, view.titleEn], [leaf(view.categoryNamesZh), leaf(view.categoryNamesEn)]),
    text_a: tokenText(view.titleZh, view.titleEn),
    text_b: tokenText(...view.categoryNamesZh, ...view.categoryNamesEn, ...view.attributeLabels.flatMap((l) => [l.valueZh, l.valueEn])),
    text_c: `${tokenText(view.descriptionZh.slice(0, 4000), view.descriptionEn?.slice(0, 4000))} ${supplier.tokens_a}`,
    supplier_name: supplier.legal_name, supplier_name_en: supplier.name_en, company_type: supplier.company_type,
    province: supplier.province, grade: supplier.grade, grade_rank: supplier.grade_rank, verified: supplier.verified,
    trustpass_active: supplier.trustpass_active, trustpass_years: supplier.trustpass_years,
    supplier_factor: supplier.supplier_factor, product_factor: ranking.factor, recent_buyers: recentBuyers,
    published_at: new Date(view.publishedAt ?? view.updatedAt), source_updated_at: new Date(view.updatedAt),
  };
}
