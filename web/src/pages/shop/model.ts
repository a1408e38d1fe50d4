// Shapes of the storefront API (GET /api/v1/shops/{slug}, GET|PUT /api/v1/companies/{id}/storefront).
import type { CompanyType } from '../../api.js';
import type { PriceTier } from '../catalog/model.js';

export const SECTION_TYPES = ['banner', 'featured_products', 'shop_categories', 'company_profile', 'certificates', 'contact_card'] as const;
export type SectionType = (typeof SECTION_TYPES)[number];

export interface ProductSummary {
  id: string;
  companyId: string;
  titleZh: string;
  titleEn: string | null;
  coverUrl: string | null;
  thumbnails: Partial<Record<'160' | '400' | '800', string>> | null;
  priceTiers: PriceTier[];
  moq: number;
  unit: string;
  status: 'draft' | 'published' | 'delisted';
  /** Distinct buyer companies in the last 90 days (public shop views; absent where a preview builds the card). */
  recentBuyers?: number;
}

export interface ShopCategory {
  categoryId: string;
  nameZh: string;
  nameEn: string;
  count: number;
}

export interface Certificate {
  name: string;
  issuer: string;
  validUntil: string | null;
  imageFileId: string | null;
}

/** What the seller stores per section type. */
export interface SectionDataMap {
  banner: { imageFileId: string | null; headlineZh: string; headlineEn: string };
  featured_products: { productIds: string[] };
  shop_categories: { categoryIds: string[] };
  company_profile: { textZh: string; textEn: string; photoFileIds: string[] };
  certificates: { items: Certificate[] };
  contact_card: { contactName: string; phone: string; email: string; address: string };
}
export type EditorSection = { [K in SectionType]: { id?: string; type: K; visible: boolean; data: SectionDataMap[K] } }[SectionType];

export interface EditorView {
  companyId: string;
  slug: string;
  url: string;
  template: string;
  themeColor: string;
  rules: {
    code: string;
    nameZh: string;
    nameEn: string;
    maxSections: number;
    sections: Array<{ type: SectionType; maxInstances: number; limits: Record<string, number> }>;
  };
  sections: EditorSection[];
  updatedAt: string;
}

export type PublicSection =
  | { id: string; type: 'banner'; data: { imageUrl: string | null; headlineZh: string; headlineEn: string } }
  | { id: string; type: 'featured_products'; data: { products: ProductSummary[]; auto: boolean } }
  | { id: string; type: 'shop_categories'; data: { categories: ShopCategory[] } }
  | { id: string; type: 'company_profile'; data: { textZh: string; textEn: string; photos: Array<{ fileId: string; url: string; thumbnails: Partial<Record<'160' | '400' | '800', string>> }> } }
  | { id: string; type: 'certificates'; data: { items: Array<{ name: string; issuer: string; validUntil: string | null; imageUrl: string | null; thumbnailUrl: string | null; expired: boolean }> } }
  | { id: string; type: 'contact_card'; data: SectionDataMap['contact_card'] };

export interface ShopView {
  slug: string;
  template: string;
  themeColor: string;
  company: {
    id: string;
    legalName: string;
    nameEn: string | null;
    companyType: CompanyType;
    logoUrl: string | null;
    province: string;
    city: string;
    mainProducts: string[];
    description: string;
  };
  sections: PublicSection[];
  shopCategories: ShopCategory[];
  productCount: number;
}

export function emptyData<K extends SectionType>(type: K): SectionDataMap[K] {
  const defaults: SectionDataMap = {
    banner: { imageFileId: null, headlineZh: '', headlineEn: '' },
    featured_products: { productIds: [] },
    shop_categories: { categoryIds: [] },
    company_profile: { textZh: '', textEn: '', photoFileIds: [] },
    certificates: { items: [] },
    contact_card: { contactName: '', phone: '', email: '', address: '' },
  };
  return defaults[type];
}

export const fileUrl = (id: string, size?: 160 | 400 | 800) => `/api/v1/files/${id}${size ? `?size=${size}` : ''}`;

/** Colours a shop band may take: the platform orange first, then calm, legible ones for white text. */
export const THEME_COLORS = ['#F25C05', '#C2410C', '#B91C1C', '#1F6FEB', '#0E7490', '#1A7F37', '#6D28D9', '#334155'];
