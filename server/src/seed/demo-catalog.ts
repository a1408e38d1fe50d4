/**
 * The demo catalog generator: for each demo supplier, listings in the leaves of its trade, with attribute values valid
 * for the leaf's template, SKUs from the SKU-defining attributes, descending tiers starting at the MOQ, lead times,
 * samples, origin and dispatch place. Pure and deterministic (a seeded PRNG per supplier and listing), so every
 * machine gets the same demo; the templates come in as data (read from the catalog by the caller).
 */
import type { AttributeDefinition, AttributeValue, PriceTier, ProductInput } from '../modules/catalog/index.js';
import { PROVINCES } from '../modules/accounts/index.js';
import { RECIPES, SHARED_HINTS, type Hint, type Preset, type Recipe } from './demo-recipes.js';

export interface CatalogSupplier {
  /** Stable per supplier (its USCC): seeds its PRNG. */
  key: string;
  legalName: string; nameEn: string; province: string; city: string;
  leaves: string[];
  /** How many listings it may publish (its TrustPass publishing limit). */
  publishLimit: number;
  /** Relative size of its catalog. */
  weight: number;
}

export interface DemoListing {
  supplierIndex: number;
  /** Position within the supplier's catalog; with the supplier, identifies the listing. */
  index: number;
  leaf: string;
  /** Which stored picture the listing shows: one per supplier and leaf, in one of a few colourways. */
  image: { leaf: string; variant: number };
  /** Whether the listing also shows the supplier's second picture of the leaf. */
  secondImage: boolean;
  input: Omit<ProductInput, 'categoryId' | 'imageIds'>;
}

export type Templates = ReadonlyMap<string, AttributeDefinition[]>;

// ---------------------------------------------------------------------------------------------------------
// Deterministic randomness

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** mulberry32: small, fast and the same everywhere. */
export function prng(seed: string): () => number {
  let a = hash(seed);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const between = (rng: Rng, [lo, hi]: readonly [number, number]) => lo + rng() * (hi - lo);
function sample<T>(rng: Rng, xs: readonly T[], n: number): T[] {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Sizes

/**
 * Listings per supplier for a total of `total`: proportional to weight, at least one each, never above the
 * supplier's publishing limit; the remainder goes to the largest first.
 */
export function allocate(suppliers: ReadonlyArray<Pick<CatalogSupplier, 'weight' | 'publishLimit'>>, total: number): number[] {
  const weightSum = suppliers.reduce((n, s) => n + s.weight, 0);
  const counts = suppliers.map((s) => Math.min(s.publishLimit, Math.max(1, Math.floor((total * s.weight) / weightSum))));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = suppliers.map((s, i) => i).sort((a, b) => suppliers[b]!.weight - suppliers[a]!.weight || a - b);
  while (left > 0) {
    let moved = false;
    for (const i of order) {
      if (left === 0) break;
      if (counts[i]! < suppliers[i]!.publishLimit) {
        counts[i]! += 1;
        left--;
        moved = true;
      }
    }
    if (!moved) break;
  }
  while (left < 0) {
    const i = order.find((k) => counts[k]! > 1);
    if (i === undefined) break;
    counts[i]! -= 1;
    left++;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------------------
// Values

const topOf = (leaf: string) => leaf.split('.')[0]!;
const round = (n: number, step: number) => Math.max(step, Math.round(n / step) * step);

function hintFor(leaf: string, key: string): Hint | undefined {
  return RECIPES[leaf]?.hints?.[key] ?? SHARED_HINTS[topOf(leaf)]?.[key];
}

/** Values the product name implies for an attribute, those the definition allows. */
function implied(def: AttributeDefinition, preset: Preset | undefined): Array<string | number | boolean> {
  const values = preset?.[def.key] ?? [];
  return values.filter((v) => {
    switch (def.type) {
      case 'enum': return typeof v === 'string' && (def.options ?? []).some((o) => o.value === v);
      case 'number': return typeof v === 'number';
      case 'text': return typeof v === 'string';
      case 'boolean': return typeof v === 'boolean';
      case 'range': return false;
      default: {
        const never: never = def.type;
        return Boolean(never);
      }
    }
  });
}

/** A value for a product-level attribute, valid for its definition; null to leave an optional one out. */
function valueFor(rng: Rng, leaf: string, def: AttributeDefinition, preset: Preset | undefined): AttributeValue | null {
  const fromName = implied(def, preset);
  if (fromName.length) return pick(rng, fromName);
  const hint = hintFor(leaf, def.key);
  if (!def.required && !hint && def.type !== 'enum' && def.type !== 'boolean') return null;
  if (!def.required && rng() < 0.15) return null;
  switch (def.type) {
    case 'enum': {
      const allowed = (def.options ?? []).map((o) => o.value);
      const preferred = hint && 'e' in hint ? hint.e.filter((v) => allowed.includes(v)) : [];
      return pick(rng, preferred.length ? preferred : allowed);
    }
    case 'number':
      if (hint && 'n' in hint) return pick(rng, hint.n);
      return Math.round(between(rng, [1, 100]));
    case 'range':
      if (hint && 'r' in hint) return pick(rng, hint.r);
      return null;
    case 'text':
      if (hint && 't' in hint) return pick(rng, hint.t);
      return def.required ? '通用 Standard' : null;
    case 'boolean':
      return rng() < (hint && 'b' in hint ? hint.b : 0.5);
    default: {
      const never: never = def.type;
      throw new Error(`unknown attribute type ${String(never)}`);
    }
  }
}

/** Template units in English (the templates carry the Chinese ones). */
const UNIT_EN: Record<string, string> = { 月: 'months', 天: 'days', 张: 'labels', '颗/米': 'LEDs/m' };

function label(def: AttributeDefinition | undefined, value: AttributeValue): { zh: string; en: string } {
  if (!def) return { zh: String(value), en: String(value) };
  if (def.type === 'enum') {
    const o = def.options?.find((x) => x.value === value);
    return { zh: o?.zh ?? String(value), en: o?.en ?? String(value) };
  }
  if (def.type === 'boolean') return value === true ? { zh: def.nameZh, en: def.nameEn } : { zh: '', en: '' };
  if (def.type === 'range' && Array.isArray(value)) return { zh: `${value[0]}–${value[1]}${def.unit ?? ''}`, en: `${value[0]}–${value[1]} ${def.unit ?? ''}`.trim() };
  const unit = def.unit ?? '';
  const unitEn = UNIT_EN[unit] ?? unit;
  return { zh: `${String(value)}${unit}`, en: unitEn ? `${String(value)} ${unitEn}` : String(value) };
}

/** Descending unit prices from the MOQ: 2–4 tiers at believable break points, each 2–6 % cheaper. */
function tiersFrom(rng: Rng, moq: number, unitPrice: number): { tiers: PriceTier[]; step: number } {
  const step = unitPrice >= 100_000 ? 1000 : unitPrice >= 10_000 ? 100 : unitPrice >= 1000 ? 10 : 1;
  const breaks = pick(rng, [[1], [2, 5], [3, 10], [5, 20], [2, 10, 50], [4, 20, 100]]);
  const tiers: PriceTier[] = [{ minQuantity: moq, unitPrice: round(unitPrice, step) }];
  let price = unitPrice;
  for (const b of breaks) {
    if (b === 1) break;
    price *= 1 - between(rng, [0.02, 0.06]);
    const next = round(price, step);
    if (next >= tiers[tiers.length - 1]!.unitPrice) break;
    tiers.push({ minQuantity: moq * b, unitPrice: next });
  }
  return { tiers, step };
}

const provinceName = (code: string) => PROVINCES.find((p) => p.code === code);
const STOCK_STEP: Record<string, number> = { ton: 1, kg: 10, meter: 10 };

// ---------------------------------------------------------------------------------------------------------
// Listings

function listing(supplier: CatalogSupplier, supplierIndex: number, index: number, templates: Templates): DemoListing {
  const leaf = supplier.leaves[index % supplier.leaves.length]!;
  const recipe: Recipe | undefined = RECIPES[leaf];
  const template = templates.get(leaf);
  if (!recipe || !template) throw new Error(`no recipe or template for ${leaf}`);
  const rng = prng(`${supplier.key}#${index}`);
  const byKey = new Map(template.map((d) => [d.key, d]));
  const [nameZh, nameEn, preset] = pick(rng, recipe.names);

  const attributes: Record<string, AttributeValue> = {};
  for (const def of template) {
    if (def.definesSku) continue;
    const v = valueFor(rng, leaf, def, preset);
    if (v !== null) attributes[def.key] = v;
  }

  // SKUs: a few options of each SKU-defining attribute (required ones always, optional ones half the time), ≤ 24 in all.
  const axes: Array<[string, string[]]> = [];
  for (const def of template.filter((d) => d.definesSku)) {
    if (!def.required && rng() < 0.5) continue;
    const allowed = (def.options ?? []).map((o) => o.value);
    const fromName = implied(def, preset).filter((v): v is string => typeof v === 'string');
    const pool = (fromName.length ? fromName : recipe.skuPool?.[def.key] ?? allowed).filter((v) => allowed.includes(v));
    const n = 1 + Math.floor(rng() * Math.min(pool.length, axes.length ? 3 : 4));
    axes.push([def.key, sample(rng, pool, n).sort((a, b) => pool.indexOf(a) - pool.indexOf(b))]);
  }
  let combos: Array<Record<string, string>> = [{}];
  for (const [key, values] of axes) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  combos = combos.slice(0, 24);

  const moq = pick(rng, recipe.moq);
  const base = between(rng, recipe.price);
  const { tiers: priceTiers, step } = tiersFrom(rng, moq, base);
  const stockStep = STOCK_STEP[recipe.unit] ?? 1;
  const codePrefix = `${supplier.key.slice(-4)}-${String(index + 1).padStart(3, '0')}`;
  const skus = combos.map((attrs, i) => {
    const factor = Object.entries(attrs).reduce((f, [k, v]) => f * (recipe.skuPrice?.[k]?.[v] ?? 1), 1);
    const own = Math.abs(factor - 1) > 0.001 ? priceTiers.map((t) => ({ minQuantity: t.minQuantity, unitPrice: round(t.unitPrice * factor, step) })).filter((t, k, all) => k === 0 || t.unitPrice < all[k - 1]!.unitPrice) : null;
    return {
      code: combos.length > 1 || axes.length ? `${codePrefix}-${i + 1}` : codePrefix,
      attributes: attrs,
      stock: round(moq * (5 + Math.floor(rng() * 200)), stockStep),
      ...(own ? { priceTiers: own } : {}),
    };
  });

  // Title: a product name, then the title keys' values (SKU options joined), then a trade phrase.
  const specZh: string[] = [];
  const specEn: string[] = [];
  for (const entry of recipe.titleKeys) {
    const [key, also] = entry.split('*') as [string, string | undefined];
    if (also && typeof attributes[key] === 'number' && typeof attributes[also] === 'number') {
      const unit = byKey.get(key)?.unit ?? '';
      specZh.push(`${String(attributes[key])}×${String(attributes[also])}${unit}`);
      specEn.push(`${String(attributes[key])} × ${String(attributes[also])} ${unit}`.trim());
      continue;
    }
    const def = byKey.get(key);
    const axis = axes.find(([k]) => k === key);
    if (axis) {
      const labels = axis[1].slice(0, 3).map((v) => label(def, v));
      const more = axis[1].length > 3;
      // Q235B/Q355B reads well; labels that contain a slash themselves (5kg/袋) are listed instead.
      const slashed = labels.some((l) => l.zh.includes('/') || l.en.includes('/'));
      specZh.push(labels.map((l) => l.zh).join(slashed ? '、' : '/') + (more ? '等' : ''));
      specEn.push(labels.map((l) => l.en).join(slashed ? ', ' : '/') + (more ? ' etc.' : ''));
    } else if (attributes[key] !== undefined) {
      const l = label(def, attributes[key]);
      if (l.zh) specZh.push(l.zh);
      if (l.en) specEn.push(l.en);
    }
  }
  const phrase = pick(rng, [['现货', 'in stock'], ['厂家直销', 'factory direct'], ['批发', 'wholesale'], ['支持定制', 'custom orders welcome'], ['量大从优', 'volume discounts']] as const);
  const titleZh = `${nameZh} ${specZh.join(' ')} ${phrase[0]}`.replace(/\s+/g, ' ').trim().slice(0, 120);
  const titleEn = `${[nameEn, ...specEn].join(' ')}, ${phrase[1]}`.replace(/\s+/g, ' ').trim().slice(0, 200);

  const leadTimeDays = Math.round(between(rng, recipe.lead));
  const province = provinceName(supplier.province);
  const origin = `${province?.zh ?? ''}${supplier.city}`;
  const withSample = rng() < recipe.sample;
  const sampleOffer = withSample ? { unitPrice: round(priceTiers[0]!.unitPrice * (1.5 + rng()), 1), maxQuantity: Math.max(1, Math.min(moq, recipe.unit === 'ton' ? 1 : Math.round(moq / 10))) } : null;
  const specTextZh = Object.entries(attributes).slice(0, 4).map(([k, v]) => {
    const l = label(byKey.get(k), v);
    return l.zh && byKey.get(k) ? `${byKey.get(k)!.nameZh}:${l.zh}` : '';
  }).filter(Boolean).join(';');
  const specTextEn = Object.entries(attributes).slice(0, 4).map(([k, v]) => {
    const l = label(byKey.get(k), v);
    return l.en && byKey.get(k) ? `${byKey.get(k)!.nameEn}: ${l.en}` : '';
  }).filter(Boolean).join('; ');
  const descriptionZh = `${supplier.legalName}供应${nameZh}。${specTextZh ? `${specTextZh}。` : ''}起订 ${moq},${leadTimeDays} 天内从${origin}发货,`
    + `${withSample ? '可提供付费样品,' : ''}量大价优,可开增值税专用发票。`;
  const descriptionEn = `${nameEn} from ${supplier.nameEn.replace(/\.$/, '')}. ${specTextEn ? `${specTextEn}. ` : ''}MOQ ${moq}; ships from ${supplier.nameEn.split(' ')[0]}, ${province?.en ?? ''} within ${leadTimeDays} days.`
    + `${withSample ? ' Paid samples available.' : ''} VAT invoices issued.`;

  return {
    supplierIndex, index, leaf,
    image: { leaf, variant: hash(`${supplier.key}:${leaf}`) % 4 },
    secondImage: rng() < 0.4,
    input: {
      titleZh, titleEn, descriptionZh, descriptionEn, attributes, skus, priceTiers, moq, unit: recipe.unit, leadTimeDays,
      sample: sampleOffer, origin, dispatchProvince: supplier.province,
    },
  };
}

/**
 * The whole demo catalog for these suppliers: `total` listings shared out by weight (see allocate), each supplier's
 * cycling through its leaves. Titles are unique within a supplier (a clash gets the SKU code), so a listing can be
 * recognised again when seeding resumes.
 */
export function demoCatalog(suppliers: CatalogSupplier[], templates: Templates, total: number): DemoListing[][] {
  const counts = allocate(suppliers, total);
  return suppliers.map((s, si) => listingsOf(s, si, counts[si]!, templates));
}

/** One supplier's share of the demo catalog (templates of its leaves suffice). */
export function supplierListings(suppliers: CatalogSupplier[], index: number, templates: Templates, total: number): DemoListing[] {
  return listingsOf(suppliers[index]!, index, allocate(suppliers, total)[index]!, templates);
}

function listingsOf(s: CatalogSupplier, si: number, count: number, templates: Templates): DemoListing[] {
  const seen = new Set<string>();
  return Array.from({ length: count }, (_, k) => {
    const l = listing(s, si, k, templates);
    if (seen.has(l.input.titleZh)) {
      const code = l.input.skus?.[0]?.code ?? String(k + 1);
      l.input.titleZh = `${l.input.titleZh.slice(0, 100)} ${code}`;
      l.input.titleEn = `${(l.input.titleEn ?? '').slice(0, 180)} ${code}`;
    }
    seen.add(l.input.titleZh);
    return l;
  });
}
