import { z } from 'zod';

/**
 * The section types a shop is built from. Each has one zod schema for what the seller stores; the caps here are
 * absolute (what any template could allow); a template narrows them with its limits (templates.ts).
 */
export const SECTION_TYPES = ['banner', 'featured_products', 'shop_categories', 'company_profile', 'certificates', 'contact_card'] as const;
export type SectionType = (typeof SECTION_TYPES)[number];

const text = (max: number) => z.string().trim().max(max).default('');
const fileId = z.uuid();

export const sectionData = {
  banner: z.strictObject({
    imageFileId: fileId.nullable().default(null),
    headlineZh: text(40),
    headlineEn: text(80),
  }),
  featured_products: z.strictObject({
    // Empty: the shop shows its newest published products instead.
    productIds: z.array(z.uuid()).max(48).default([]),
  }),
  shop_categories: z.strictObject({
    // Empty: every category the shop has published products in.
    categoryIds: z.array(z.uuid()).max(50).default([]),
  }),
  company_profile: z.strictObject({
    // Empty texts fall back to the company's description.
    textZh: text(2000),
    textEn: text(4000),
    photoFileIds: z.array(fileId).max(24).default([]),
  }),
  certificates: z.strictObject({
    items: z.array(z.strictObject({
      name: z.string().trim().min(1).max(80),
      issuer: text(80),
      validUntil: z.iso.date().nullable().default(null),
      imageFileId: fileId.nullable().default(null),
    })).max(50).default([]),
  }),
  contact_card: z.strictObject({
    contactName: text(40),
    phone: z.string().trim().max(30).regex(/^[0-9+\-() ]*$/, 'digits, spaces and + - ( ) only').default(''),
    email: z.union([z.literal(''), z.email().max(120)]).default(''),
    address: text(200),
  }),
} as const satisfies Record<SectionType, z.ZodType>;

export type SectionData = { [K in SectionType]: z.output<(typeof sectionData)[K]> };

/** One section as stored and as the seller edits it; its place in the list is its order. */
export type Section = { [K in SectionType]: { id: string; type: K; visible: boolean; data: SectionData[K] } }[SectionType];

const sectionId = z.uuid();
const sectionOf = <K extends SectionType>(type: K) =>
  z.strictObject({ id: sectionId.optional(), type: z.literal(type), visible: z.boolean().default(true), data: sectionData[type] });

/** A section in a request: the id is absent for a new one. */
export const sectionInput = z.discriminatedUnion('type', [
  sectionOf('banner'), sectionOf('featured_products'), sectionOf('shop_categories'),
  sectionOf('company_profile'), sectionOf('certificates'), sectionOf('contact_card'),
]);
export type SectionInput = z.output<typeof sectionInput>;

/** Stored sections are parsed again on read, so a section stored under older rules is dropped, not served broken. */
export function parseStoredSections(raw: unknown): Section[] {
  if (!Array.isArray(raw)) return [];
  const out: Section[] = [];
  for (const item of raw) {
    const parsed = sectionInput.safeParse(item);
    if (parsed.success && parsed.data.id) out.push(parsed.data as Section);
  }
  return out;
}

/** The file ids a section refers to (images the shop shows publicly). */
export function fileIdsOf(section: Section): string[] {
  switch (section.type) {
    case 'banner':
      return section.data.imageFileId ? [section.data.imageFileId] : [];
    case 'company_profile':
      return section.data.photoFileIds;
    case 'certificates':
      return section.data.items.flatMap((i) => (i.imageFileId ? [i.imageFileId] : []));
    case 'featured_products':
    case 'shop_categories':
    case 'contact_card':
      return [];
  }
}
