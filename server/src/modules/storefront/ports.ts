/**
 * What the storefront needs from the catalog, in the shapes docs/catalog-contract.md fixes. The catalog module's
 * exports satisfy these structurally; keeping the subset here documents exactly what a shop depends on.
 */

export interface PriceTier {
  minQuantity: number;
  unitPrice: number;
}

/** A product card (catalog.products.summaries). */
export interface ProductSummary {
  id: string;
  companyId: string;
  titleZh: string;
  titleEn: string | null;
  coverUrl: string | null;
  thumbnails: Record<string, string> | null;
  priceTiers: PriceTier[];
  moq: number;
  unit: string;
  status: 'draft' | 'published' | 'delisted';
}

/** The fields of catalog.products.indexViews the shop's read model keeps. */
export interface ProductIndexFacts {
  id: string;
  companyId: string;
  status: 'draft' | 'published' | 'delisted';
  categoryId: string;
  categoryPathIds: string[];
  titleZh: string;
  titleEn: string | null;
  publishedAt: string | Date | null;
}

export interface CategoryTreeNode {
  id: string;
  nameZh: string;
  nameEn: string;
  children?: CategoryTreeNode[] | undefined;
}

/** service-metrics' salesOf: each product's recent buyers (0 while none). */
export type ProductSalesPort = (productIds: string[]) => Promise<Map<string, { recentBuyers: number }>>;

/** A product card as the shop shows it: the catalog's summary and its recent buyers. */
export type ShopProductCard = ProductSummary & { recentBuyers: number };

export interface CatalogPort {
  summaries(ids: string[]): Promise<ProductSummary[]>;
  indexViews(ids: string[]): Promise<ProductIndexFacts[]>;
  publishedIdsAfter(afterId: string | null, limit: number): Promise<string[]>;
  tree(): Promise<CategoryTreeNode[]>;
}
