import { sectionData, type Section, type SectionData, type SectionType } from './sections.js';

/**
 * Storefront templates are configuration: which section types a shop may use, how many of each, the limits
 * inside each, and the layout a new shop starts with. A new template (the power-merchant one, when that
 * program comes) is one more entry in TEMPLATES, not new code.
 */

/** Per-type limits a template sets inside a section (the schemas in sections.ts hold the absolute caps). */
export interface SectionLimits {
  banner: Record<string, never>;
  featured_products: { maxProducts: number };
  shop_categories: { maxCategories: number };
  company_profile: { maxPhotos: number };
  certificates: { maxItems: number };
  contact_card: Record<string, never>;
}

export interface SectionRule<K extends SectionType> {
  /** How many sections of this type the shop may have. */
  maxInstances: number;
  limits: SectionLimits[K];
}

export interface StorefrontTemplate {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Sections in total, shown or hidden. */
  maxSections: number;
  /** The allowed section types; a type missing here cannot be added. */
  sections: { [K in SectionType]?: SectionRule<K> };
  /** What a new shop starts with, in order; each section gets its type's default data. */
  layout: Array<{ type: SectionType; visible: boolean }>;
}

export const STANDARD_TEMPLATE: StorefrontTemplate = {
  code: 'standard',
  nameZh: '标准旺铺',
  nameEn: 'Standard shop',
  maxSections: 12,
  sections: {
    banner: { maxInstances: 1, limits: {} },
    featured_products: { maxInstances: 2, limits: { maxProducts: 12 } },
    shop_categories: { maxInstances: 1, limits: { maxCategories: 20 } },
    company_profile: { maxInstances: 1, limits: { maxPhotos: 6 } },
    certificates: { maxInstances: 1, limits: { maxItems: 10 } },
    contact_card: { maxInstances: 1, limits: {} },
  },
  layout: [
    { type: 'banner', visible: true },
    { type: 'featured_products', visible: true },
    { type: 'shop_categories', visible: true },
    { type: 'company_profile', visible: true },
    { type: 'certificates', visible: true },
    // Contact details are the seller's to publish: hidden until they fill the card in and show it.
    { type: 'contact_card', visible: false },
  ],
};

export type TemplateRegistry = Readonly<Record<string, StorefrontTemplate>>;

/** The templates on offer. Every shop starts on DEFAULT_TEMPLATE; programs may move a shop to another. */
export const TEMPLATES: TemplateRegistry = { standard: STANDARD_TEMPLATE };
export const DEFAULT_TEMPLATE = 'standard';

/** The template for a stored code; an unknown code (a template withdrawn from config) falls back to the default. */
export function templateOf(registry: TemplateRegistry, code: string): StorefrontTemplate {
  return registry[code] ?? registry[DEFAULT_TEMPLATE] ?? STANDARD_TEMPLATE;
}

export function defaultData<K extends SectionType>(type: K): SectionData[K] {
  return sectionData[type].parse({}) as SectionData[K];
}

export type TemplateViolation =
  | { path: string; code: 'TOO_MANY_SECTIONS'; params: { max: number } }
  | { path: string; code: 'SECTION_TYPE_NOT_ALLOWED'; params: { type: string } }
  | { path: string; code: 'TOO_MANY_OF_TYPE'; params: { type: string; max: number } }
  | { path: string; code: 'SECTION_LIMIT_EXCEEDED'; params: { max: number } };

/** Checks a layout against the template's rules; returns every violation with the request path it concerns. */
export function checkTemplate(template: StorefrontTemplate, sections: ReadonlyArray<Pick<Section, 'type' | 'data'>>): TemplateViolation[] {
  const out: TemplateViolation[] = [];
  if (sections.length > template.maxSections) out.push({ path: 'body.sections', code: 'TOO_MANY_SECTIONS', params: { max: template.maxSections } });
  const seen = new Map<SectionType, number>();
  sections.forEach((section, i) => {
    const at = `body.sections.${i}`;
    const count = (seen.get(section.type) ?? 0) + 1;
    seen.set(section.type, count);
    const rule = template.sections[section.type];
    if (!rule) {
      out.push({ path: `${at}.type`, code: 'SECTION_TYPE_NOT_ALLOWED', params: { type: section.type } });
      return;
    }
    if (count === rule.maxInstances + 1) out.push({ path: `${at}.type`, code: 'TOO_MANY_OF_TYPE', params: { type: section.type, max: rule.maxInstances } });
    const over = overLimit(section, template);
    if (over) out.push({ path: `${at}.data.${over.field}`, code: 'SECTION_LIMIT_EXCEEDED', params: { max: over.max } });
  });
  return out;
}

function overLimit(section: Pick<Section, 'type' | 'data'>, template: StorefrontTemplate): { field: string; max: number } | null {
  const s = section as Section;
  switch (s.type) {
    case 'featured_products': {
      const max = template.sections.featured_products?.limits.maxProducts ?? 0;
      return s.data.productIds.length > max ? { field: 'productIds', max } : null;
    }
    case 'shop_categories': {
      const max = template.sections.shop_categories?.limits.maxCategories ?? 0;
      return s.data.categoryIds.length > max ? { field: 'categoryIds', max } : null;
    }
    case 'company_profile': {
      const max = template.sections.company_profile?.limits.maxPhotos ?? 0;
      return s.data.photoFileIds.length > max ? { field: 'photoFileIds', max } : null;
    }
    case 'certificates': {
      const max = template.sections.certificates?.limits.maxItems ?? 0;
      return s.data.items.length > max ? { field: 'items', max } : null;
    }
    case 'banner':
    case 'contact_card':
      return null;
  }
}

/** The rules as the workbench editor needs them (to offer only allowed types and show the limits). */
export function templateRules(template: StorefrontTemplate) {
  return {
    code: template.code,
    nameZh: template.nameZh,
    nameEn: template.nameEn,
    maxSections: template.maxSections,
    sections: (Object.entries(template.sections) as Array<[SectionType, SectionRule<SectionType>]>).map(([type, rule]) => ({
      type, maxInstances: rule.maxInstances, limits: rule.limits,
    })),
  };
}
