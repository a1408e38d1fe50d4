/**
 * The catalog's pure rules: attribute templates, attribute and SKU validation, price tiers, price at a quantity,
 * completeness. No I/O, so the importer, the service and the unit tests share exactly the same checks.
 */
import type { FieldError, Locale } from '../../platform/errors.js';
import { formatYuan } from '../../platform/money.js';

export const UNITS = ['ton', 'kg', 'piece', 'box', 'meter', 'square_meter', 'set', 'roll', 'pair', 'bag', 'sheet', 'liter'] as const;
export type Unit = (typeof UNITS)[number];
/** A unit's names: `en` after a quantity ('20 rolls'), `enOne` for one of it ('1 roll', '¥0.03 per roll'). */
export const UNIT_NAMES: Record<Unit, { zh: string; en: string; enOne: string }> = {
  ton: { zh: '吨', en: 't', enOne: 'ton' }, kg: { zh: '千克', en: 'kg', enOne: 'kg' }, piece: { zh: '件', en: 'pieces', enOne: 'piece' },
  box: { zh: '箱', en: 'boxes', enOne: 'box' }, meter: { zh: '米', en: 'm', enOne: 'meter' }, square_meter: { zh: '平方米', en: 'm²', enOne: 'm²' },
  set: { zh: '套', en: 'sets', enOne: 'set' }, roll: { zh: '卷', en: 'rolls', enOne: 'roll' }, pair: { zh: '双', en: 'pairs', enOne: 'pair' },
  bag: { zh: '袋', en: 'bags', enOne: 'bag' }, sheet: { zh: '张', en: 'sheets', enOne: 'sheet' }, liter: { zh: '升', en: 'L', enOne: 'liter' },
};

export const ATTRIBUTE_TYPES = ['enum', 'number', 'range', 'text', 'boolean'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface AttributeOption { value: string; zh: string; en: string }
export interface AttributeDefinition {
  key: string;
  nameZh: string;
  nameEn: string;
  type: AttributeType;
  options?: AttributeOption[] | undefined;
  unit?: string | undefined;
  required: boolean;
  filterable: boolean;
  definesSku: boolean;
}
export type AttributeValue = string | number | boolean | [number, number];
export interface PriceTier { minQuantity: number; unitPrice: number }

export interface SkuDraft {
  id?: string | undefined;
  code: string | null;
  attributes: Record<string, string>;
  stock: number;
  /** The stock the editor showed (see skuInput.stockSeen). */
  stockSeen?: number | undefined;
  priceTiers: PriceTier[] | null;
}

/** Most SKUs one product may have (a 10 × 20 colour/size grid). */
export const MAX_SKUS = 200;
/** Unit prices in 分 and quantities stay where their product is a safe integer. */
export const MAX_UNIT_PRICE = 10_000_000_000;
export const MAX_QUANTITY = 1_000_000_000;

const say = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
const label = (d: AttributeDefinition, locale: Locale) => say(locale, `「${d.nameZh}」`, d.nameEn);
const yuan = formatYuan;

/** Quantities are kept to thousandths of a trade unit (kilograms in a ton). */
export function hasAtMostThreeDecimals(n: number): boolean {
  const scaled = n * 1000;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/** The template along a path, root first: ancestors' attributes, then each child's additions. */
export function resolveTemplate(pathOwnAttributes: AttributeDefinition[][]): AttributeDefinition[] {
  return pathOwnAttributes.flat();
}

// ---------------------------------------------------------------------------------------------------------
// Category templates

/** Problems with a category's own attribute list, given what it inherits and what its descendants define. */
export function checkOwnAttributes(
  inherited: AttributeDefinition[],
  own: AttributeDefinition[],
  descendantKeys: ReadonlyMap<string, string>,
  locale: Locale,
  prefix = 'body.attributes',
): FieldError[] {
  const errors: FieldError[] = [];
  const inheritedKeys = new Set(inherited.map((a) => a.key));
  const seen = new Set<string>();
  own.forEach((a, i) => {
    const at = `${prefix}.${i}`;
    if (inheritedKeys.has(a.key)) {
      errors.push({ path: `${at}.key`, message: say(locale, `属性 ${a.key} 继承自上级类目,子类目不能重新定义或修改`, `${a.key} is inherited from a parent category; a child may not redefine or retype it`) });
    } else if (seen.has(a.key)) {
      errors.push({ path: `${at}.key`, message: say(locale, `属性 ${a.key} 重复`, `${a.key} appears twice`) });
    } else if (descendantKeys.has(a.key)) {
      errors.push({ path: `${at}.key`, message: say(locale, `下级类目 ${descendantKeys.get(a.key)} 已定义属性 ${a.key}`, `the subcategory ${descendantKeys.get(a.key)} already defines ${a.key}`) });
    }
    seen.add(a.key);
    if (a.type === 'enum') {
      const values = (a.options ?? []).map((o) => o.value);
      if (values.length === 0) errors.push({ path: `${at}.options`, message: say(locale, '枚举属性至少需要一个选项', 'an enum needs at least one option') });
      const dup = values.find((v, j) => values.indexOf(v) !== j);
      if (dup !== undefined) errors.push({ path: `${at}.options`, message: say(locale, `选项值 ${dup} 重复`, `the option value ${dup} appears twice`) });
    } else {
      if (a.options?.length) errors.push({ path: `${at}.options`, message: say(locale, '只有枚举属性可以有选项', 'only enum attributes have options') });
      if (a.definesSku) errors.push({ path: `${at}.definesSku`, message: say(locale, '只有枚举属性可以定义 SKU', 'only enum attributes can define SKUs') });
    }
    if (a.unit && a.type !== 'number' && a.type !== 'range') {
      errors.push({ path: `${at}.unit`, message: say(locale, '只有数值和区间属性有单位', 'only number and range attributes have a unit') });
    }
  });
  return errors;
}

/** Changes that would invalidate listed products: a key removed, retyped, its SKU role changed, or an option dropped. */
export function breakingChanges(before: AttributeDefinition[], after: AttributeDefinition[], locale: Locale, prefix = 'body.attributes'): FieldError[] {
  const errors: FieldError[] = [];
  const next = new Map(after.map((a, i) => [a.key, { a, i }]));
  for (const old of before) {
    const found = next.get(old.key);
    if (!found) {
      errors.push({ path: prefix, message: say(locale, `已有商品使用属性 ${old.key},不能删除`, `listed products use ${old.key}; it cannot be removed`) });
      continue;
    }
    const at = `${prefix}.${found.i}`;
    if (found.a.type !== old.type) errors.push({ path: `${at}.type`, message: say(locale, `已有商品使用属性 ${old.key},不能改变类型`, `listed products use ${old.key}; its type cannot change`) });
    if (found.a.definesSku !== old.definesSku) errors.push({ path: `${at}.definesSku`, message: say(locale, `已有商品使用属性 ${old.key},不能改变是否定义 SKU`, `listed products use ${old.key}; whether it defines SKUs cannot change`) });
    const kept = new Set((found.a.options ?? []).map((o) => o.value));
    const dropped = (old.options ?? []).filter((o) => !kept.has(o.value)).map((o) => o.value);
    if (dropped.length) errors.push({ path: `${at}.options`, message: say(locale, `已有商品可能使用选项 ${dropped.join('、')},不能删除`, `listed products may use the option(s) ${dropped.join(', ')}; they cannot be removed`) });
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------------
// Products

/** Product-level attribute values against the template (SKU-defining attributes live on the SKUs). */
export function validateAttributes(
  template: AttributeDefinition[],
  values: Record<string, AttributeValue>,
  strict: boolean,
  locale: Locale,
  prefix = 'body.attributes',
): FieldError[] {
  const errors: FieldError[] = [];
  const byKey = new Map(template.map((d) => [d.key, d]));
  for (const [key, value] of Object.entries(values)) {
    const path = `${prefix}.${key}`;
    const def = byKey.get(key);
    if (!def) {
      errors.push({ path, message: say(locale, `该类目没有属性 ${key}`, `the category has no attribute ${key}`) });
      continue;
    }
    if (def.definesSku) {
      errors.push({ path, message: say(locale, `${label(def, locale)}按规格(SKU)设置,请在 skus 中填写`, `${label(def, locale)} is set per SKU; give it in skus`) });
      continue;
    }
    const problem = valueProblem(def, value, locale);
    if (problem) errors.push({ path, message: problem });
  }
  if (strict) {
    for (const def of template) {
      if (def.required && !def.definesSku && !(def.key in values)) {
        errors.push({ path: `${prefix}.${def.key}`, message: say(locale, `${label(def, locale)}为必填项`, `${label(def, locale)} is required`) });
      }
    }
  }
  return errors;
}

function valueProblem(def: AttributeDefinition, value: AttributeValue, locale: Locale): string | null {
  const name = label(def, locale);
  const unit = def.unit ? ` (${def.unit})` : '';
  switch (def.type) {
    case 'enum': {
      const options = def.options ?? [];
      if (typeof value === 'string' && options.some((o) => o.value === value)) return null;
      const list = options.map((o) => o.value).join(locale === 'zh-CN' ? '、' : ', ');
      return say(locale, `${name}必须是以下之一:${list}`, `${name} must be one of: ${list}`);
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : say(locale, `${name}必须是数字${unit}`, `${name} must be a number${unit}`);
    case 'range':
      return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v)) && value[0] <= value[1]
        ? null
        : say(locale, `${name}必须是 [最小值, 最大值],且最小值不大于最大值${unit}`, `${name} must be [min, max] with min ≤ max${unit}`);
    case 'text':
      return typeof value === 'string' && value.trim().length > 0 && value.length <= 500
        ? null
        : say(locale, `${name}必须是 1 到 500 字的文本`, `${name} must be text of 1 to 500 characters`);
    case 'boolean':
      return typeof value === 'boolean' ? null : say(locale, `${name}必须是 true 或 false`, `${name} must be true or false`);
    default: {
      const never: never = def.type;
      return String(never);
    }
  }
}

/**
 * Tier rules: at least one; the first starts at the MOQ; quantities strictly ascend (so ranges cannot overlap);
 * unit prices do not rise with quantity.
 */
export function validateTiers(tiers: PriceTier[], moq: number, locale: Locale, prefix: string): FieldError[] {
  const errors: FieldError[] = [];
  if (tiers.length === 0) return [{ path: prefix, message: say(locale, '至少需要一档价格', 'at least one price tier is needed') }];
  if (tiers[0]!.minQuantity !== moq) {
    errors.push({ path: `${prefix}.0.minQuantity`, message: say(locale, `第一档的起订数量必须等于最小起订量 ${moq}`, `the first tier must start at the MOQ (${moq})`) });
  }
  for (let i = 1; i < tiers.length; i++) {
    const prev = tiers[i - 1]!;
    const tier = tiers[i]!;
    if (tier.minQuantity <= prev.minQuantity) {
      errors.push({ path: `${prefix}.${i}.minQuantity`, message: say(locale, `阶梯数量必须严格递增:应大于上一档的 ${prev.minQuantity}`, `tier quantities must strictly increase: more than ${prev.minQuantity} of the tier before`) });
    }
    if (tier.unitPrice > prev.unitPrice) {
      errors.push({ path: `${prefix}.${i}.unitPrice`, message: say(locale, `单价不能随数量增加而上涨:上一档为 ${yuan(prev.unitPrice)}`, `unit prices may not rise with quantity: the tier before is ${yuan(prev.unitPrice)}`) });
    }
  }
  return errors;
}

const comboKey = (attrs: Record<string, string>) => JSON.stringify(Object.keys(attrs).sort().map((k) => [k, attrs[k]]));

/**
 * SKU rules: without SKU-defining attributes, exactly one SKU with no attributes; with them, every SKU sets the same
 * SKU-defining keys to one of their options, no two SKUs alike, codes unique; on publish every required one is set.
 */
export function validateSkus(template: AttributeDefinition[], skus: SkuDraft[], moq: number, strict: boolean, locale: Locale, prefix = 'body.skus'): FieldError[] {
  const errors: FieldError[] = [];
  const defining = template.filter((d) => d.definesSku);
  const byKey = new Map(defining.map((d) => [d.key, d]));
  if (skus.length === 0) return [{ path: prefix, message: say(locale, '至少需要一个规格(SKU)', 'at least one SKU is needed') }];
  if (skus.length > MAX_SKUS) return [{ path: prefix, message: say(locale, `规格(SKU)最多 ${MAX_SKUS} 个`, `at most ${MAX_SKUS} SKUs`) }];
  if (defining.length === 0 && (skus.length > 1 || Object.keys(skus[0]!.attributes).length > 0)) {
    return [{ path: prefix, message: say(locale, '该类目没有定义规格的属性:请只给一个不带属性的 SKU', 'this category has no SKU-defining attributes: give exactly one SKU without attributes') }];
  }
  const firstKeys = Object.keys(skus[0]!.attributes).sort().join(',');
  const combos = new Map<string, number>();
  const codes = new Map<string, number>();
  skus.forEach((sku, i) => {
    const at = `${prefix}.${i}`;
    for (const [key, value] of Object.entries(sku.attributes)) {
      const def = byKey.get(key);
      if (!def) {
        errors.push({ path: `${at}.attributes.${key}`, message: say(locale, `${key} 不是该类目定义规格的属性`, `${key} is not a SKU-defining attribute of this category`) });
      } else if (!(def.options ?? []).some((o) => o.value === value)) {
        const problem = valueProblem(def, value, locale);
        if (problem) errors.push({ path: `${at}.attributes.${key}`, message: problem });
      }
    }
    if (i > 0 && Object.keys(sku.attributes).sort().join(',') !== firstKeys) {
      errors.push({ path: `${at}.attributes`, message: say(locale, `每个 SKU 必须设置与第一个相同的属性(${firstKeys || '无'})`, `every SKU must set the same attributes as the first (${firstKeys || 'none'})`) });
    }
    if (strict) {
      for (const def of defining) {
        if (def.required && !(def.key in sku.attributes)) {
          errors.push({ path: `${at}.attributes.${def.key}`, message: say(locale, `${label(def, locale)}为必填项`, `${label(def, locale)} is required`) });
        }
      }
    }
    const combo = comboKey(sku.attributes);
    const twin = combos.get(combo);
    if (twin !== undefined) errors.push({ path: `${at}.attributes`, message: say(locale, `与第 ${twin + 1} 个 SKU 重复`, `the same as SKU ${twin + 1}`) });
    else combos.set(combo, i);
    if (sku.code) {
      const other = codes.get(sku.code);
      if (other !== undefined) errors.push({ path: `${at}.code`, message: say(locale, `编码与第 ${other + 1} 个 SKU 重复`, `the same code as SKU ${other + 1}`) });
      else codes.set(sku.code, i);
    }
    if (sku.priceTiers) errors.push(...validateTiers(sku.priceTiers, moq, locale, `${at}.priceTiers`));
  });
  return errors;
}

/** Every combination of the given options of SKU-defining attributes (a colour × size grid), each with the same stock. */
export function expandSkuOptions(
  template: AttributeDefinition[],
  options: Record<string, string[]>,
  stock: number,
  locale: Locale,
  prefix = 'body.skuOptions',
): { skus: SkuDraft[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const byKey = new Map(template.filter((d) => d.definesSku).map((d) => [d.key, d]));
  const axes: Array<[string, string[]]> = [];
  for (const [key, values] of Object.entries(options)) {
    const def = byKey.get(key);
    if (!def) {
      errors.push({ path: `${prefix}.${key}`, message: say(locale, `${key} 不是该类目定义规格的属性`, `${key} is not a SKU-defining attribute of this category`) });
      continue;
    }
    const unique = [...new Set(values)];
    unique.forEach((v) => {
      if (!(def.options ?? []).some((o) => o.value === v)) {
        errors.push({ path: `${prefix}.${key}.${values.indexOf(v)}`, message: valueProblem(def, v, locale) ?? '' });
      }
    });
    axes.push([key, unique]);
  }
  const count = axes.reduce((n, [, values]) => n * values.length, 1);
  if (count > MAX_SKUS) errors.push({ path: prefix, message: say(locale, `组合出 ${count} 个规格,最多 ${MAX_SKUS} 个`, `${count} combinations; at most ${MAX_SKUS} SKUs`) });
  if (errors.length) return { skus: [], errors };
  let combos: Array<Record<string, string>> = [{}];
  for (const [key, values] of axes) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  return { skus: combos.map((attributes) => ({ code: null, attributes, stock, priceTiers: null })), errors };
}

// ---------------------------------------------------------------------------------------------------------
// Prices

export interface TierMatch { unitPrice: number; minQuantity: number; maxQuantity: number | null }

/** The tier covering the quantity ([minQuantity, next.minQuantity)); null below the first tier. */
export function tierAt(tiers: PriceTier[], quantity: number): TierMatch | null {
  let found: TierMatch | null = null;
  tiers.forEach((t, i) => {
    if (quantity >= t.minQuantity) found = { unitPrice: t.unitPrice, minQuantity: t.minQuantity, maxQuantity: tiers[i + 1]?.minQuantity ?? null };
  });
  return found;
}

/** round(unitPrice × quantity) in 分, exactly: quantities have at most three decimals, so scale by 1000 in integers. */
export function lineTotal(unitPrice: number, quantity: number): number {
  const milli = BigInt(Math.round(quantity * 1000));
  const total = (BigInt(unitPrice) * milli + 500n) / 1000n;
  return total > BigInt(Number.MAX_SAFE_INTEGER) ? Number.NaN : Number(total);
}

/** For cards and search: at each tier threshold of any SKU, the lowest unit price any SKU offers there. */
export function lowestTiers(productTiers: PriceTier[], skus: Array<{ priceTiers: PriceTier[] | null }>): PriceTier[] {
  const lists = skus.length ? skus.map((s) => s.priceTiers ?? productTiers) : [productTiers];
  const thresholds = [...new Set(lists.flatMap((l) => l.map((t) => t.minQuantity)))].sort((a, b) => a - b);
  const out: PriceTier[] = [];
  for (const q of thresholds) {
    const prices = lists.map((l) => tierAt(l, q)?.unitPrice).filter((p): p is number => p !== undefined);
    if (prices.length === 0) continue;
    const unitPrice = Math.min(...prices);
    if (out.length === 0 || unitPrice < out[out.length - 1]!.unitPrice) out.push({ minQuantity: q, unitPrice });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Display and quality

/** How an attribute value reads in both languages (enum labels, units, yes/no). */
export function valueLabels(def: AttributeDefinition, value: AttributeValue | string[]): { zh: string; en: string } {
  const unit = def.unit ? ` ${def.unit}` : '';
  if (Array.isArray(value) && def.type === 'enum') {
    const parts = (value as string[]).map((v) => valueLabels(def, v));
    return { zh: parts.map((p) => p.zh).join('、'), en: parts.map((p) => p.en).join(', ') };
  }
  switch (def.type) {
    case 'enum': {
      const option = def.options?.find((o) => o.value === value);
      return { zh: option?.zh ?? String(value), en: option?.en ?? String(value) };
    }
    case 'number':
      return { zh: `${String(value)}${unit}`, en: `${String(value)}${unit}` };
    case 'range': {
      const [a, b] = Array.isArray(value) ? value : [value, value];
      return { zh: `${String(a)}–${String(b)}${unit}`, en: `${String(a)}–${String(b)}${unit}` };
    }
    case 'boolean':
      return value === true ? { zh: '是', en: 'Yes' } : { zh: '否', en: 'No' };
    case 'text':
      return { zh: String(value), en: String(value) };
    default: {
      const never: never = def.type;
      return { zh: String(never), en: String(never) };
    }
  }
}

/**
 * A SKU's label in both languages from its category's template: options by their names (warm_white → 暖白 / Warm
 * white), numbers with their unit. A value the template no longer knows shows as stored, so the label loses no fact.
 */
export function skuLabels(attributes: Record<string, string>, template: AttributeDefinition[]): { zh: string; en: string } {
  const byKey = new Map(template.map((d) => [d.key, d]));
  const parts = Object.entries(attributes).map(([key, value]) => {
    const def = byKey.get(key);
    return def ? valueLabels(def, value) : { zh: value, en: value };
  });
  return { zh: parts.map((l) => l.zh).join(' / '), en: parts.map((l) => l.en).join(' / ') };
}

/**
 * How complete a listing is, 0..1: the template's attributes filled (40 %), up to three images (25 %), an English
 * title (10 %), a Chinese description of some substance (10 %), an English description, an origin and a sample offer
 * (5 % each). Search uses it as the product factor; the workbench shows it.
 */
export function completeness(p: {
  template: AttributeDefinition[]; attributes: Record<string, AttributeValue>; skuAttributeKeys: string[];
  imageCount: number; titleEn: string | null; descriptionZh: string; descriptionEn: string | null; origin: string | null; hasSample: boolean;
}): number {
  const filled = p.template.filter((d) => (d.definesSku ? p.skuAttributeKeys.includes(d.key) : d.key in p.attributes)).length;
  const attributeShare = p.template.length ? filled / p.template.length : 1;
  const score = 0.4 * attributeShare + 0.25 * Math.min(p.imageCount, 3) / 3 + (p.titleEn ? 0.1 : 0) + (p.descriptionZh.trim().length >= 30 ? 0.1 : 0)
    + (p.descriptionEn ? 0.05 : 0) + (p.origin ? 0.05 : 0) + (p.hasSample ? 0.05 : 0);
  return Math.round(score * 1000) / 1000;
}
