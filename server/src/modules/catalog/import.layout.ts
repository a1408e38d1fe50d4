/**
 * The import/export sheet layout (docs/catalog-import.md): one row per SKU, rows of one product share a product key,
 * product fields on the product's first row (repeating them on its other rows is allowed when they are equal).
 * Pure: headers, cell parsing into a `productInput`-shaped object, mapping problems back to (row, column), and
 * products back into rows — so the importer and the exporter cannot drift apart.
 */
import type { FieldError, Locale } from '../../platform/errors.js';
import type { AttributeDefinition, AttributeOption, AttributeValue, PriceTier, Unit } from './rules.js';
import { UNIT_NAMES, UNITS } from './rules.js';
import { unguardFormula, type Grid } from './sheets.js';
import { FIELD_LABELS } from './validation.js';

export interface RowError { row: number; column: string; reason: string }

type BaseId =
  | 'product_key' | 'category' | 'title_zh' | 'title_en' | 'description_zh' | 'description_en' | 'unit' | 'moq' | 'price_tiers'
  | 'lead_time_days' | 'sample_price' | 'sample_max' | 'origin' | 'dispatch_province' | 'images' | 'sku_code' | 'stock' | 'sku_price_tiers';

interface BaseColumn { id: BaseId; zh: string; en: string; required: boolean; level: 'product' | 'sku'; hintZh: string; hintEn: string; width: number }

const PRODUCT_BASE: BaseColumn[] = [
  { id: 'product_key', zh: '商品编号', en: 'Product key', required: false, level: 'product', width: 16, hintZh: '同一商品的多行(多个规格)填同一个编号;留空则每行是一个商品', hintEn: 'Rows of one product (its SKUs) share a key; empty: each row is its own product' },
  { id: 'category', zh: '类目', en: 'Category', required: false, level: 'product', width: 24, hintZh: '末级类目代码(如 steel.plate.hot_rolled);留空则用导入时选择的类目', hintEn: 'Leaf category code (e.g. steel.plate.hot_rolled); empty: the category chosen for the import' },
  { id: 'title_zh', zh: '中文标题', en: 'Title (Chinese)', required: true, level: 'product', width: 30, hintZh: '2–120 字', hintEn: '2–120 characters' },
  { id: 'title_en', zh: '英文标题', en: 'Title (English)', required: false, level: 'product', width: 30, hintZh: '最多 200 字', hintEn: 'Up to 200 characters' },
  { id: 'description_zh', zh: '中文描述', en: 'Description (Chinese)', required: false, level: 'product', width: 36, hintZh: '可换行', hintEn: 'Line breaks allowed' },
  { id: 'description_en', zh: '英文描述', en: 'Description (English)', required: false, level: 'product', width: 36, hintZh: '可换行', hintEn: 'Line breaks allowed' },
  { id: 'unit', zh: '单位', en: 'Unit', required: true, level: 'product', width: 12, hintZh: '从下拉选择,或填 吨 / ton', hintEn: 'Pick from the list, or write ton / 吨' },
  { id: 'moq', zh: '起订量', en: 'MOQ', required: true, level: 'product', width: 10, hintZh: '数字,最多三位小数', hintEn: 'Number, up to three decimals' },
  { id: 'price_tiers', zh: '阶梯价', en: 'Price tiers', required: true, level: 'product', width: 28, hintZh: '数量:单价(元),多档用分号隔开,如 5:4200; 20:4100。第一档数量等于起订量', hintEn: 'quantity:unit price (yuan), tiers separated by semicolons, e.g. 5:4200; 20:4100. The first starts at the MOQ' },
  { id: 'lead_time_days', zh: '发货期(天)', en: 'Lead time (days)', required: true, level: 'product', width: 12, hintZh: '0–365 的整数', hintEn: 'Whole number 0–365' },
  { id: 'sample_price', zh: '样品单价(元)', en: 'Sample unit price (yuan)', required: false, level: 'product', width: 14, hintZh: '提供样品时填写,与样品最多数量同填', hintEn: 'If samples are offered; together with the sample maximum' },
  { id: 'sample_max', zh: '样品最多数量', en: 'Sample max quantity', required: false, level: 'product', width: 14, hintZh: '提供样品时填写', hintEn: 'If samples are offered' },
  { id: 'origin', zh: '产地', en: 'Origin', required: false, level: 'product', width: 16, hintZh: '如 江苏张家港', hintEn: 'e.g. Zhangjiagang, Jiangsu' },
  { id: 'dispatch_province', zh: '发货地', en: 'Dispatch province', required: false, level: 'product', width: 14, hintZh: '省份名称或代码;留空则用企业所在省份', hintEn: 'Province name or code; empty: the company’s province' },
  { id: 'images', zh: '图片链接', en: 'Image URLs', required: false, level: 'product', width: 30, hintZh: '本平台已上传图片的链接(/api/v1/files/…),多张用空格或换行隔开,第一张为主图;可留空', hintEn: 'Links of images uploaded to this platform (/api/v1/files/…), separated by spaces or line breaks, the first is the cover; may be empty' },
];
const SKU_BASE: BaseColumn[] = [
  { id: 'sku_code', zh: '规格编码', en: 'SKU code', required: false, level: 'sku', width: 16, hintZh: '可选,同一商品内不重复', hintEn: 'Optional, unique within the product' },
  { id: 'stock', zh: '库存', en: 'Stock', required: false, level: 'sku', width: 10, hintZh: '该规格的库存,留空为 0', hintEn: 'Stock of this SKU; empty means 0' },
  { id: 'sku_price_tiers', zh: '规格阶梯价', en: 'SKU price tiers', required: false, level: 'sku', width: 24, hintZh: '可选,该规格的单独价格,格式同阶梯价', hintEn: 'Optional: this SKU’s own tiers, written like the price tiers' },
];

export type Column =
  | ({ kind: 'base' } & BaseColumn)
  | { kind: 'attribute'; id: string; def: AttributeDefinition; level: 'product' | 'sku'; required: boolean; width: number };

/** The columns for a set of templates: base product columns, product attributes, SKU columns with SKU attributes. */
export function columnsFor(templates: AttributeDefinition[][], withCategory: boolean): Column[] {
  const seen = new Set<string>();
  const defs: AttributeDefinition[] = [];
  for (const tpl of templates) for (const d of tpl) if (!seen.has(d.key)) { seen.add(d.key); defs.push(d); }
  const attr = (d: AttributeDefinition): Column => ({ kind: 'attribute', id: `attr.${d.key}`, def: d, level: d.definesSku ? 'sku' : 'product', required: d.required, width: d.type === 'text' ? 20 : 14 });
  return [
    ...PRODUCT_BASE.filter((c) => withCategory || c.id !== 'category').map((c): Column => ({ kind: 'base', ...c })),
    ...defs.filter((d) => !d.definesSku).map(attr),
    { kind: 'base', ...SKU_BASE[0]! },
    ...defs.filter((d) => d.definesSku).map(attr),
    ...SKU_BASE.slice(1).map((c): Column => ({ kind: 'base', ...c })),
  ];
}

/** The header cell: both languages, a * for what publishing needs, the attribute key in brackets. */
export function headerOf(c: Column): string {
  if (c.kind === 'base') return `${c.required ? '*' : ''}${c.zh} ${c.en}`;
  const unit = c.def.unit ? `(${c.def.unit})` : '';
  const unitEn = c.def.unit ? ` (${c.def.unit})` : '';
  return `${c.required ? '*' : ''}${c.def.nameZh}${unit} ${c.def.nameEn}${unitEn} [${c.def.key}]`;
}

/** The column's name in one language, as error reasons quote it. */
export function columnName(c: Column, locale: Locale): string {
  if (c.kind === 'base') return locale === 'zh-CN' ? c.zh : c.en;
  return locale === 'zh-CN' ? c.def.nameZh : c.def.nameEn;
}

export function hintOf(c: Column, locale: Locale): string {
  if (c.kind === 'base') return locale === 'zh-CN' ? c.hintZh : c.hintEn;
  const zh = locale === 'zh-CN';
  const d = c.def;
  const typeHint = {
    enum: zh ? `从下拉选择:${(d.options ?? []).map(optionDisplay).join('、')}` : `Pick one: ${(d.options ?? []).map(optionDisplay).join(', ')}`,
    number: zh ? `数字${d.unit ? `(${d.unit})` : ''}` : `Number${d.unit ? ` (${d.unit})` : ''}`,
    range: zh ? `区间 最小-最大,如 20-25${d.unit ? `(${d.unit})` : ''}` : `Range min-max, e.g. 20-25${d.unit ? ` (${d.unit})` : ''}`,
    text: zh ? '文本,最多 500 字' : 'Text, up to 500 characters',
    boolean: zh ? '是 / 否' : 'Yes / No',
  }[d.type];
  const sku = d.definesSku ? (zh ? '(每个规格一行)' : ' (one row per SKU)') : '';
  const req = d.required ? (zh ? ';上架时必填' : '; required to publish') : '';
  return `${typeHint}${sku}${req}`;
}

/** Dropdown entries: "热轧 hot_rolled"-style when the Chinese label differs from the stored value. */
export function optionDisplay(o: AttributeOption): string {
  return o.zh === o.value ? o.value : `${o.zh} ${o.value}`;
}

export const unitDisplay = (u: Unit) => `${UNIT_NAMES[u].zh} ${u}`;
export const UNIT_OPTIONS = UNITS.map(unitDisplay);

const norm = (s: string) => s.normalize('NFKC').replace(/^\*/, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** Maps each header cell to a column; unknown headers are reported, not fatal. */
export function resolveHeader(header: string[], columns: Column[], locale: Locale): { byIndex: Map<number, Column>; problems: RowError[] } {
  const lookup = new Map<string, Column>();
  for (const c of columns) {
    const names = c.kind === 'base' ? [headerOf(c), c.zh, c.en, c.id, `${c.zh} ${c.en}`] : [headerOf(c), c.def.key, `[${c.def.key}]`, c.def.nameZh, c.def.nameEn, `${c.def.nameZh} ${c.def.nameEn}`];
    for (const n of names) if (!lookup.has(norm(n))) lookup.set(norm(n), c);
  }
  const byIndex = new Map<number, Column>();
  const problems: RowError[] = [];
  const used = new Set<string>();
  header.forEach((raw, i) => {
    const text = raw.trim();
    if (!text) return;
    const bracket = /\[([a-z][a-z0-9_]*)\]\s*$/.exec(text)?.[1];
    const col = (bracket ? lookup.get(bracket) : undefined) ?? lookup.get(norm(text));
    if (!col) {
      problems.push({ row: 1, column: text, reason: locale === 'zh-CN' ? `不认识的列「${text}」,已忽略` : `Unknown column "${text}"; it was ignored` });
      return;
    }
    if (used.has(col.id)) {
      problems.push({ row: 1, column: text, reason: locale === 'zh-CN' ? `列「${columnName(col, locale)}」出现了两次,只读取第一列` : `The column "${columnName(col, locale)}" appears twice; only the first is read` });
      return;
    }
    used.add(col.id);
    byIndex.set(i, col);
  });
  return { byIndex, problems };
}

// ---------------------------------------------------------------------------------------------------------
// Rows → row groups

export interface SheetRow { row: number; cells: Record<string, string> }
export interface RowGroup { key: string; rows: SheetRow[] }

/** Data rows (after the header) keyed by column id; blank rows skipped; grouped by product key in order of first appearance. */
export function groupRows(grid: Grid, byIndex: Map<number, Column>): RowGroup[] {
  const groups = new Map<string, RowGroup>();
  for (let r = 1; r < grid.length; r++) {
    const cells: Record<string, string> = {};
    let any = false;
    for (const [i, col] of byIndex) {
      const v = unguardFormula((grid[r]![i] ?? '').replace(/\r\n?/g, '\n')).trim();
      if (v) {
        cells[col.id] = v;
        any = true;
      }
    }
    if (!any) continue;
    const rowNumber = r + 1;
    const key = cells.product_key ? `key:${cells.product_key}` : `row:${rowNumber}`;
    const group = groups.get(key);
    if (group) group.rows.push({ row: rowNumber, cells });
    else groups.set(key, { key, rows: [{ row: rowNumber, cells }] });
  }
  return [...groups.values()];
}

// ---------------------------------------------------------------------------------------------------------
// Cells → a productInput-shaped object

export interface ParseContext {
  locale: Locale;
  columns: Column[];
  /** The leaf category to use and its resolved template, by the group's category cell (or the default). */
  template: AttributeDefinition[];
  categoryId: string;
  provinces: ReadonlyArray<{ code: string; zh: string; en: string }>;
  /** Turns an image link into a file id of this company, or explains why not. */
  imageIds: string[];
}

const say = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);

export function parseNumber(raw: string): number | null {
  const s = raw.normalize('NFKC').replace(/[,\s]/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** "5:4200; 20:4100" → tiers in 分; the reason names the bad piece. */
export function parseTiers(raw: string, locale: Locale, label: string): { tiers: PriceTier[] } | { reason: string } {
  const pieces = raw.normalize('NFKC').split(/[;\n]+/).map((p) => p.trim()).filter(Boolean);
  const tiers: PriceTier[] = [];
  for (const piece of pieces) {
    const m = /^([\d.,]+)\s*[:=]\s*¥?\s*([\d.,]+)\s*(元)?$/.exec(piece);
    const q = m ? parseNumber(m[1]!) : null;
    const p = m ? parseNumber(m[2]!) : null;
    if (q === null || p === null) {
      return { reason: say(locale, `${label}中的「${piece}」应写成 数量:单价,如 5:4200`, `${label}: "${piece}" should read quantity:unit price, e.g. 5:4200`) };
    }
    const fen = Math.round(p * 100);
    if (Math.abs(p * 100 - fen) > 1e-6) return { reason: say(locale, `${label}中的单价 ${m![2]} 最多两位小数(元)`, `${label}: the unit price ${m![2]} may have at most two decimals (yuan)`) };
    tiers.push({ minQuantity: q, unitPrice: fen });
  }
  if (tiers.length === 0) return { reason: say(locale, `${label}为空`, `${label} is empty`) };
  return { tiers };
}

export function formatTiers(tiers: PriceTier[]): string {
  return tiers.map((t) => `${t.minQuantity}:${(t.unitPrice / 100).toFixed(2)}`).join('; ');
}

function matchOption(options: AttributeOption[], raw: string): string | null {
  const v = norm(raw);
  for (const o of options) if ([o.value, o.zh, o.en, optionDisplay(o), `${o.zh} ${o.en}`].some((c) => norm(c) === v)) return o.value;
  return null;
}

const TRUE_WORDS = new Set(['是', '有', 'yes', 'y', 'true', '1', '√']);
const FALSE_WORDS = new Set(['否', '无', 'no', 'n', 'false', '0', '×']);

function parseAttribute(def: AttributeDefinition, raw: string, locale: Locale): { value: AttributeValue } | { reason: string } {
  const name = say(locale, `「${def.nameZh}」`, def.nameEn);
  const unit = def.unit ? say(locale, `(${def.unit})`, ` (${def.unit})`) : '';
  switch (def.type) {
    case 'enum': {
      const value = matchOption(def.options ?? [], raw);
      if (value !== null) return { value };
      const list = (def.options ?? []).map(optionDisplay).join(say(locale, '、', ', '));
      return { reason: say(locale, `${name}「${raw}」不是可选值,请从以下选择:${list}`, `${name}: "${raw}" is not one of the options: ${list}`) };
    }
    case 'number': {
      const n = parseNumber(raw);
      return n === null ? { reason: say(locale, `${name}必须是数字${unit},而不是「${raw}」`, `${name} must be a number${unit}, not "${raw}"`) } : { value: n };
    }
    case 'range': {
      const m = /^(.+?)\s*(?:~|～|–|—|至|to|-)\s*(.+)$/.exec(raw.normalize('NFKC').trim());
      const a = m ? parseNumber(m[1]!) : parseNumber(raw);
      const b = m ? parseNumber(m[2]!) : a;
      if (a === null || b === null) return { reason: say(locale, `${name}应写成 最小-最大${unit},如 20-25`, `${name} should read min-max${unit}, e.g. 20-25`) };
      return { value: [a, b] };
    }
    case 'boolean': {
      const v = norm(raw);
      if (TRUE_WORDS.has(v)) return { value: true };
      if (FALSE_WORDS.has(v)) return { value: false };
      return { reason: say(locale, `${name}请填 是 或 否`, `${name} must be yes or no`) };
    }
    case 'text':
      return { value: raw };
    default: {
      const never: never = def.type;
      return { reason: String(never) };
    }
  }
}

function findProvince(raw: string, provinces: ParseContext['provinces']): string | null {
  const v = norm(raw);
  const strip = (s: string) => norm(s).replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/u, '');
  for (const p of provinces) if (norm(p.code) === v || norm(p.zh) === v || norm(p.en) === v || strip(p.zh) === strip(raw)) return p.code;
  return null;
}

export const provinceDisplay = (p: { zh: string }) => p.zh;

export interface ParsedGroup {
  /** The raw input for productInput.safeParse (or null when a cell was unreadable). */
  input: Record<string, unknown>;
  errors: RowError[];
  /** Which sheet row each SKU came from (skus[i] ↔ skuRows[i]). */
  skuRows: number[];
  imageLinks: string[];
}

/** The group's cells as a productInput body: product fields from its first row, one SKU per row. */
export function parseGroup(group: RowGroup, pc: ParseContext): ParsedGroup {
  const { locale } = pc;
  const errors: RowError[] = [];
  const first = group.rows[0]!;
  const colById = new Map(pc.columns.map((c) => [c.id, c]));
  const nameOf = (id: string) => {
    const c = colById.get(id);
    return c ? columnName(c, locale) : id;
  };
  const label = (id: string) => say(locale, `「${nameOf(id)}」`, nameOf(id));
  const fail = (row: number, id: string, reason: string) => errors.push({ row, column: nameOf(id), reason });

  // Product-level cells repeated on later rows must agree with the first row.
  const productIds = pc.columns.filter((c) => c.level === 'product').map((c) => c.id);
  for (const r of group.rows.slice(1)) {
    for (const id of productIds) {
      const v = r.cells[id];
      if (v !== undefined && id !== 'product_key' && v !== first.cells[id]) {
        fail(r.row, id, say(locale, `${label(id)}与该商品第 ${first.row} 行不同;同一商品的商品信息只填在第一行或保持一致`, `${label(id)} differs from row ${first.row} of the same product; give product fields on its first row or repeat them unchanged`));
      }
    }
  }

  const c = first.cells;
  const input: Record<string, unknown> = { categoryId: pc.categoryId };
  const text = (id: string, field: string) => {
    if (c[id] !== undefined) input[field] = c[id];
  };
  text('title_zh', 'titleZh');
  text('title_en', 'titleEn');
  text('description_zh', 'descriptionZh');
  text('description_en', 'descriptionEn');
  text('origin', 'origin');
  const number = (id: string, field: string, integer = false) => {
    const raw = c[id];
    if (raw === undefined) return;
    const n = parseNumber(raw);
    if (n === null || (integer && !Number.isInteger(n))) fail(first.row, id, say(locale, `${label(id)}必须是${integer ? '整数' : '数字'},而不是「${raw}」`, `${label(id)} must be a ${integer ? 'whole number' : 'number'}, not "${raw}"`));
    else input[field] = n;
  };
  number('moq', 'moq');
  number('lead_time_days', 'leadTimeDays', true);

  if (c.unit !== undefined) {
    const v = norm(c.unit);
    const unit = UNITS.find((u) => [u, UNIT_NAMES[u].zh, UNIT_NAMES[u].en, unitDisplay(u)].some((x) => norm(x) === v));
    if (unit) input.unit = unit;
    else fail(first.row, 'unit', say(locale, `${label('unit')}「${c.unit}」不是可选的单位:${UNIT_OPTIONS.join('、')}`, `${label('unit')} "${c.unit}" is not one of the units: ${UNITS.join(', ')}`));
  }
  if (c.price_tiers !== undefined) {
    const parsed = parseTiers(c.price_tiers, locale, label('price_tiers'));
    if ('tiers' in parsed) input.priceTiers = parsed.tiers;
    else fail(first.row, 'price_tiers', parsed.reason);
  }
  if (c.dispatch_province !== undefined) {
    const code = findProvince(c.dispatch_province, pc.provinces);
    if (code) input.dispatchProvince = code;
    else fail(first.row, 'dispatch_province', say(locale, `${label('dispatch_province')}「${c.dispatch_province}」不是省级行政区名称或代码`, `${label('dispatch_province')} "${c.dispatch_province}" is not a province name or code`));
  }
  if (c.sample_price !== undefined || c.sample_max !== undefined) {
    if (c.sample_price === undefined || c.sample_max === undefined) {
      fail(first.row, c.sample_price === undefined ? 'sample_price' : 'sample_max', say(locale, '提供样品时,样品单价和样品最多数量要一起填写', 'To offer samples, give both the sample unit price and the sample maximum quantity'));
    } else {
      const price = parseNumber(c.sample_price);
      const max = parseNumber(c.sample_max);
      if (price === null) fail(first.row, 'sample_price', say(locale, `${label('sample_price')}必须是金额(元)`, `${label('sample_price')} must be an amount in yuan`));
      if (max === null) fail(first.row, 'sample_max', say(locale, `${label('sample_max')}必须是数字`, `${label('sample_max')} must be a number`));
      if (price !== null && max !== null) input.sample = { unitPrice: Math.round(price * 100), maxQuantity: max };
    }
  }
  const imageLinks = c.images ? c.images.split(/[\s;,，；]+/).filter(Boolean) : [];

  const byKey = new Map(pc.template.map((d) => [d.key, d]));
  const attributes: Record<string, AttributeValue> = {};
  for (const col of pc.columns) {
    if (col.kind !== 'attribute' || col.level !== 'product') continue;
    const raw = c[col.id];
    if (raw === undefined) continue;
    const def = byKey.get(col.def.key);
    if (!def || def.definesSku) {
      fail(first.row, col.id, say(locale, `该类目没有属性${label(col.id)},请留空`, `This category has no attribute ${label(col.id)}; leave it empty`));
      continue;
    }
    const parsed = parseAttribute(def, raw, locale);
    if ('value' in parsed) attributes[def.key] = parsed.value;
    else fail(first.row, col.id, parsed.reason);
  }
  input.attributes = attributes;

  const skus: Array<Record<string, unknown>> = [];
  const skuRows: number[] = [];
  for (const r of group.rows) {
    const sku: Record<string, unknown> = { attributes: {} };
    const skuAttrs: Record<string, string> = {};
    for (const col of pc.columns) {
      if (col.kind !== 'attribute' || col.level !== 'sku') continue;
      const raw = r.cells[col.id];
      if (raw === undefined) continue;
      const def = byKey.get(col.def.key);
      if (!def || !def.definesSku) {
        fail(r.row, col.id, say(locale, `该类目没有规格属性${label(col.id)},请留空`, `This category has no SKU attribute ${label(col.id)}; leave it empty`));
        continue;
      }
      const parsed = parseAttribute(def, raw, locale);
      if ('value' in parsed) skuAttrs[def.key] = String(parsed.value);
      else fail(r.row, col.id, parsed.reason);
    }
    sku.attributes = skuAttrs;
    if (r.cells.sku_code !== undefined) sku.code = r.cells.sku_code;
    if (r.cells.stock !== undefined) {
      const n = parseNumber(r.cells.stock);
      if (n === null) fail(r.row, 'stock', say(locale, `${label('stock')}必须是数字,而不是「${r.cells.stock}」`, `${label('stock')} must be a number, not "${r.cells.stock}"`));
      else sku.stock = n;
    } else {
      sku.stock = 0;
    }
    if (r.cells.sku_price_tiers !== undefined) {
      const parsed = parseTiers(r.cells.sku_price_tiers, locale, label('sku_price_tiers'));
      if ('tiers' in parsed) sku.priceTiers = parsed.tiers;
      else fail(r.row, 'sku_price_tiers', parsed.reason);
    }
    skus.push(sku);
    skuRows.push(r.row);
  }
  input.skus = skus;
  return { input, errors, skuRows, imageLinks };
}

// ---------------------------------------------------------------------------------------------------------
// Problems with field paths → (row, column)

const FIELD_COLUMN: Record<string, BaseId> = {
  titleZh: 'title_zh', titleEn: 'title_en', descriptionZh: 'description_zh', descriptionEn: 'description_en', unit: 'unit', moq: 'moq',
  priceTiers: 'price_tiers', leadTimeDays: 'lead_time_days', origin: 'origin', dispatchProvince: 'dispatch_province', imageIds: 'images',
  categoryId: 'category', stock: 'stock', skuOptions: 'stock',
};

/**
 * A field error from zod or the product service ('body.skus.1.attributes.grade') as a row error: the row of that
 * SKU (else the product's first row), the column it came from, the message prefixed with the column's name unless
 * it already says it.
 */
export function locate(e: FieldError, parsed: ParsedGroup, firstRow: number, columns: Column[], locale: Locale): RowError {
  const parts = e.path.split('.').slice(1);
  const colById = new Map(columns.map((c) => [c.id, c]));
  let row = firstRow;
  let columnId: string | undefined;
  const [head, a, b, c] = parts;
  if (head === 'skus' && a !== undefined && /^\d+$/.test(a)) {
    row = parsed.skuRows[Number(a)] ?? firstRow;
    if (b === 'attributes') columnId = c !== undefined ? `attr.${c}` : columns.find((x) => x.kind === 'attribute' && x.level === 'sku')?.id ?? 'sku_code';
    else columnId = b === 'code' ? 'sku_code' : b === 'priceTiers' ? 'sku_price_tiers' : 'stock';
  } else if (head === 'attributes' && a !== undefined) {
    columnId = `attr.${a}`;
  } else if (head === 'sample') {
    columnId = a === 'maxQuantity' ? 'sample_max' : 'sample_price';
  } else if (head === 'skus') {
    columnId = 'stock';
  } else if (head !== undefined) {
    columnId = FIELD_COLUMN[head];
  }
  const col = columnId ? colById.get(columnId) : undefined;
  const fallback = head && FIELD_LABELS[head] ? (locale === 'zh-CN' ? FIELD_LABELS[head].zh : FIELD_LABELS[head].en) : columnId ?? '';
  const column = col ? columnName(col, locale) : columnId?.startsWith('attr.') ? columnId.slice(5) : fallback;
  const reason = column && !e.message.includes(column) ? (locale === 'zh-CN' ? `「${column}」:${e.message}` : `${column}: ${e.message}`) : e.message;
  return { row, column, reason };
}

// ---------------------------------------------------------------------------------------------------------
// Products → rows (export)

export interface ExportProduct {
  id: string; categoryCode: string; titleZh: string; titleEn: string | null; descriptionZh: string; descriptionEn: string | null;
  unit: Unit; moq: number; priceTiers: PriceTier[]; leadTimeDays: number; sample: { unitPrice: number; maxQuantity: number } | null;
  origin: string | null; dispatchProvince: string; imageUrls: string[]; attributes: Record<string, AttributeValue>;
  skus: Array<{ code: string | null; attributes: Record<string, string>; stock: number; priceTiers: PriceTier[] | null }>;
  template: AttributeDefinition[];
}

function attributeCell(def: AttributeDefinition, value: AttributeValue | undefined): string {
  if (value === undefined) return '';
  switch (def.type) {
    case 'enum': {
      const o = (def.options ?? []).find((x) => x.value === value);
      return o ? optionDisplay(o) : String(value);
    }
    case 'range':
      return Array.isArray(value) ? `${value[0]}-${value[1]}` : String(value);
    case 'boolean':
      return value === true ? '是' : '否';
    case 'number':
    case 'text':
      return String(value);
    default: {
      const never: never = def.type;
      return String(never);
    }
  }
}

/** One row per SKU, product fields repeated on each (so the sheet can be sorted and filtered without losing them). */
export function productRows(p: ExportProduct, columns: Column[], provinces: ParseContext['provinces']): Grid {
  const province = provinces.find((x) => x.code === p.dispatchProvince);
  const byKey = new Map(p.template.map((d) => [d.key, d]));
  return p.skus.map((sku) => columns.map((col): string => {
    if (col.kind === 'attribute') {
      const def = byKey.get(col.def.key);
      if (!def) return '';
      return def.definesSku ? attributeCell(def, sku.attributes[def.key]) : attributeCell(def, p.attributes[def.key]);
    }
    switch (col.id) {
      case 'product_key': return p.id;
      case 'category': return p.categoryCode;
      case 'title_zh': return p.titleZh;
      case 'title_en': return p.titleEn ?? '';
      case 'description_zh': return p.descriptionZh;
      case 'description_en': return p.descriptionEn ?? '';
      case 'unit': return unitDisplay(p.unit);
      case 'moq': return String(p.moq);
      case 'price_tiers': return formatTiers(p.priceTiers);
      case 'lead_time_days': return String(p.leadTimeDays);
      case 'sample_price': return p.sample ? (p.sample.unitPrice / 100).toFixed(2) : '';
      case 'sample_max': return p.sample ? String(p.sample.maxQuantity) : '';
      case 'origin': return p.origin ?? '';
      case 'dispatch_province': return province ? provinceDisplay(province) : p.dispatchProvince;
      case 'images': return p.imageUrls.join('\n');
      case 'sku_code': return sku.code ?? '';
      case 'stock': return String(sku.stock);
      case 'sku_price_tiers': return sku.priceTiers ? formatTiers(sku.priceTiers) : '';
      default: {
        const never: never = col;
        return String(never);
      }
    }
  }));
}

/** The instructions sheet: how rows become products, then each column with what it takes. */
export function instructions(columns: Column[], category: { code: string; nameZh: string; nameEn: string } | null): Grid {
  const out: Grid = [
    ['通商商品导入模板 Tongshang product import template'],
    ['类目 Category', category ? `${category.nameZh} ${category.nameEn} (${category.code})` : '多个类目 Several categories — see the Category column'],
    ['一行一个规格 One row per SKU', '同一商品的多个规格(如不同牌号、颜色、尺码)各占一行,并填写相同的「商品编号」。商品信息(标题、单位、起订量、阶梯价等)填在该商品的第一行;在其他行留空或保持一致。没有规格属性的类目,一个商品只有一行。\nEach SKU (grade, colour, size…) of a product is one row; the rows of a product share the same "Product key". Product fields (title, unit, MOQ, price tiers…) go on the product’s first row; on its other rows leave them empty or repeat them unchanged. In a category without SKU attributes a product is exactly one row.'],
    ['阶梯价 Price tiers', '写成 数量:单价(元),多档用分号隔开,例如 5:4200; 20:4100; 100:3980 表示 5 吨起 ¥4,200.00,20 吨起 ¥4,100.00……第一档的数量必须等于起订量,单价不能随数量上涨。\nWrite quantity:unit price in yuan, tiers separated by semicolons, e.g. 5:4200; 20:4100; 100:3980. The first tier starts at the MOQ; prices may not rise with quantity.'],
    ['标 * 的列 Columns marked *', '发布商品时必填;导入时可以先保存为草稿。\nRequired to publish; an import may save incomplete drafts.'],
    ['结果 Result', '导入的商品保存为草稿(或按选择直接上架)。有问题的商品整组不导入,并在结果中列出行号、列名和原因;其他商品照常导入。\nImported products are saved as drafts (or published if chosen). A product with a problem is not imported at all and is listed with its row, column and reason; the others go in.'],
    ['限制 Limits', '文件不超过 5 MB、5,000 行;支持 .xlsx 和 UTF-8 / GB18030 编码的 CSV。\nFiles up to 5 MB and 5,000 rows; .xlsx, or CSV in UTF-8 or GB18030.'],
    [],
    ['列 Columns'],
  ];
  for (const c of columns) out.push([headerOf(c), `${hintOf(c, 'zh-CN')}\n${hintOf(c, 'en-US')}`]);
  return out;
}
