/**
 * What search reads from other modules, in the shapes docs/catalog-contract.md fixes. The catalog module's
 * exports satisfy these structurally; keeping the subset here documents exactly what the index depends on.
 */

export interface PriceTier {
  minQuantity: number;
  /** 分 per trade unit. */
  unitPrice: number;
}

export type AttributeValue = string | number | boolean | [number, number];

export interface AttributeLabel {
  key: string;
  zh: string;
  en: string;
  valueZh: string;
  valueEn: string;
  filterable: boolean;
}

/** catalog.products.indexViews: one product as the index sees it. */
export interface ProductIndexView {
  id: string;
  companyId: string;
  status: 'draft' | 'published' | 'delisted';
  categoryId: string;
  categoryPathIds: string[];
  categoryNamesZh: string[];
  categoryNamesEn: string[];
  titleZh: string;
  titleEn: string | null;
  descriptionZh: string;
  descriptionEn: string | null;
  attributes: Record<string, AttributeValue>;
  skuAttributeValues: Record<string, string[]>;
  attributeLabels: AttributeLabel[];
  priceTiers: PriceTier[];
  moq: number | string;
  unit: string;
  leadTimeDays: number;
  totalStock: number | string;
  imageCount: number;
  coverUrl: string | null;
  completeness: number;
  dispatchProvince: string;
  publishedAt: string | Date | null;
  updatedAt: string | Date;
}

export interface AttributeDefinition {
  key: string;
  nameZh: string;
  nameEn: string;
  type: 'enum' | 'number' | 'range' | 'text' | 'boolean';
  options?: Array<{ value: string; zh: string; en: string }> | undefined;
  unit?: string | undefined;
  required: boolean;
  filterable: boolean;
  definesSku: boolean;
}

export interface ResolvedCategory {
  node: { id: string; nameZh: string; nameEn: string; parentId?: string | null | undefined };
  path: Array<{ id: string; nameZh: string; nameEn: string }>;
  attributes: AttributeDefinition[];
}

export interface CatalogPort {
  indexViews(ids: string[]): Promise<ProductIndexView[]>;
  publishedIdsAfter(afterId: string | null, limit: number): Promise<string[]>;
  /** The category with its path and resolved attribute template; null (or a not-found error) when it does not exist. */
  resolved(categoryId: string): Promise<ResolvedCategory | null>;
}

/** service-metrics' salesOf: each product's recent buyers (0 while none). */
export type ProductSalesPort = (productIds: string[]) => Promise<Map<string, { recentBuyers: number }>>;

export type SupplierCompanyType = 'manufacturer' | 'trading_company' | 'both';

/** A supplier's facts, each from the module that owns it; the service metrics stay null until their issues publish them. */
export interface SupplierFacts {
  companyId: string;
  legalName: string;
  nameEn: string | null;
  isSupplier: boolean;
  /** manufacturer, trading_company or both (accounts' companyType); null when not known. */
  companyType: SupplierCompanyType | null;
  province: string;
  city: string;
  mainProducts: string[];
  logoUrl: string | null;
  verified: boolean;
  grade: '1A' | '2A' | '3A' | '4A' | '5A' | null;
  creditScore: number | null;
  trustpassActive: boolean;
  trustpassYears: number;
  onTimeRate: number | null;
  responseRate: number | null;
  repeatBuyerRate: number | null;
  disputeRate: number | null;
}

export interface SupplierSource {
  /** Null when the company does not exist. */
  facts(companyId: string): Promise<SupplierFacts | null>;
  /** Supplier company ids, a page at a time (for rebuilds). */
  supplierIds(cursor: string | null, limit: number): Promise<{ ids: string[]; nextCursor: string | null }>;
}
