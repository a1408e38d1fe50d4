import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productInput, type AttributeDefinition, type PriceTier } from '../modules/catalog/index.js';
import { createTestApp, type TestApp } from '../testing/harness.js';
import { allocate, demoCatalog, type CatalogSupplier } from './demo-catalog.js';
import { RECIPES } from './demo-recipes.js';
import { demoCompanies, DEMO_CATALOG_SIZE } from './demo.js';
import { drawingFor, productPng } from './demo-images.js';
import { RESERVED_USCCS } from './demo-suppliers.js';
import { leafTemplates } from './demo-job.js';

let t: TestApp;
let templates: Map<string, AttributeDefinition[]>;
let leaves: string[];
beforeAll(async () => {
  t = await createTestApp();
  const codes: string[] = [];
  const walk = (nodes: Awaited<ReturnType<TestApp['modules']['catalog']['categories']['tree']>>) => {
    for (const n of nodes) {
      if (n.children.length === 0) codes.push(n.code);
      walk(n.children);
    }
  };
  walk(await t.modules.catalog.categories.tree());
  leaves = codes;
  templates = (await leafTemplates(t, codes)).templates;
});
afterAll(async () => {
  await t.close();
});

const suppliers = (): CatalogSupplier[] => demoCompanies().filter((c) => c.companyType !== 'buyer').map((c) => ({
  key: c.uscc, legalName: c.legalName, nameEn: c.nameEn, province: c.province, city: c.city, leaves: c.leaves,
  publishLimit: c.membership ? 200 : 20, weight: c.membership ? 45 : 14,
}));

function tierProblems(tiers: PriceTier[], moq: number): string[] {
  const out: string[] = [];
  if (tiers[0]?.minQuantity !== moq) out.push('first tier is not the MOQ');
  for (let i = 1; i < tiers.length; i++) {
    if (tiers[i]!.minQuantity <= tiers[i - 1]!.minQuantity) out.push('quantities do not ascend');
    if (tiers[i]!.unitPrice > tiers[i - 1]!.unitPrice) out.push('price rises');
  }
  return out;
}

describe('demo catalog generator', () => {
  it('draws ~40 suppliers: the six hand-written ones and registry companies, none the browser tests register, all with leaves that have recipes', () => {
    const all = suppliers();
    expect(all.length).toBeGreaterThanOrEqual(38);
    expect(all.length).toBeLessThanOrEqual(42);
    expect(all.slice(0, 6).map((s) => s.legalName)).toContain('无锡华东钢材贸易有限公司');
    expect(all.some((s) => RESERVED_USCCS.has(s.key))).toBe(false);
    expect(new Set(all.map((s) => s.key)).size).toBe(all.length);
    for (const s of all) for (const leaf of s.leaves) expect(RECIPES[leaf], leaf).toBeDefined();
    // Every recipe names a real leaf.
    for (const code of Object.keys(RECIPES)) expect(leaves, code).toContain(code);
  });

  it('shares the total out by weight within publishing limits', () => {
    expect(allocate([{ weight: 1, publishLimit: 20 }, { weight: 3, publishLimit: 200 }], 100)).toEqual([20, 80]);
    expect(allocate([{ weight: 1, publishLimit: 20 }, { weight: 1, publishLimit: 20 }], 3).reduce((a, b) => a + b)).toBe(3);
  });

  it('makes 1,000 listings valid for their templates, with SKUs, descending tiers from the MOQ and unique titles per supplier, the same every time', () => {
    const catalog = demoCatalog(suppliers(), templates, DEMO_CATALOG_SIZE);
    const flat = catalog.flat();
    expect(flat).toHaveLength(DEMO_CATALOG_SIZE);
    expect(JSON.stringify(demoCatalog(suppliers(), templates, DEMO_CATALOG_SIZE))).toBe(JSON.stringify(catalog));
    const problems: string[] = [];
    for (const l of flat) {
      const where = `${l.leaf} “${l.input.titleZh}”`;
      const template = templates.get(l.leaf)!;
      const byKey = new Map(template.map((d) => [d.key, d]));
      const parsed = productInput.safeParse({ ...l.input, categoryId: '00000000-0000-4000-8000-000000000000', imageIds: [] });
      if (!parsed.success) problems.push(`${where}: ${parsed.error.message}`);
      for (const [key, value] of Object.entries(l.input.attributes ?? {})) {
        const def = byKey.get(key);
        if (!def || def.definesSku) problems.push(`${where}: ${key} is not a product attribute`);
        else if (def.type === 'enum' && !def.options?.some((o) => o.value === value)) problems.push(`${where}: ${key}=${String(value)} not an option`);
        else if (def.type === 'number' && typeof value !== 'number') problems.push(`${where}: ${key} not a number`);
        else if (def.type === 'boolean' && typeof value !== 'boolean') problems.push(`${where}: ${key} not a boolean`);
        else if (def.type === 'text' && typeof value !== 'string') problems.push(`${where}: ${key} not text`);
        else if (def.type === 'range' && !(Array.isArray(value) && value[0] <= value[1])) problems.push(`${where}: ${key} not a range`);
      }
      for (const def of template) {
        if (def.required && !def.definesSku && !(def.key in (l.input.attributes ?? {}))) problems.push(`${where}: required ${def.key} missing`);
      }
      const skus = l.input.skus ?? [];
      const defining = template.filter((d) => d.definesSku);
      if (skus.length === 0) problems.push(`${where}: no SKUs`);
      const combos = new Set(skus.map((s) => JSON.stringify(s.attributes)));
      if (combos.size !== skus.length) problems.push(`${where}: duplicate SKUs`);
      for (const s of skus) {
        for (const def of defining) if (def.required && !(def.key in s.attributes)) problems.push(`${where}: SKU lacks ${def.key}`);
        for (const [k, v] of Object.entries(s.attributes)) if (!defining.find((d) => d.key === k)?.options?.some((o) => o.value === v)) problems.push(`${where}: SKU ${k}=${v}`);
        if (s.stock < l.input.moq) problems.push(`${where}: stock below MOQ`);
        if (s.priceTiers) problems.push(...tierProblems(s.priceTiers, l.input.moq).map((p) => `${where}: SKU ${p}`));
      }
      if (defining.length === 0 && (skus.length !== 1 || Object.keys(skus[0]!.attributes).length)) problems.push(`${where}: needs exactly one plain SKU`);
      problems.push(...tierProblems(l.input.priceTiers, l.input.moq).map((p) => `${where}: ${p}`));
      if ((l.input.descriptionZh ?? '').length < 30 || !l.input.descriptionEn || !l.input.titleEn) problems.push(`${where}: thin text`);
    }
    expect(problems).toEqual([]);
    for (const [si, listings] of catalog.entries()) {
      expect(new Set(listings.map((l) => l.input.titleZh)).size, suppliers()[si]!.legalName).toBe(listings.length);
      expect(listings.length).toBeLessThanOrEqual(suppliers()[si]!.publishLimit);
    }
    // Every top-level category is stocked; units, samples and several tiers all occur.
    expect(new Set(flat.map((l) => l.leaf.split('.')[0])).size).toBe(8);
    expect(new Set(flat.map((l) => l.input.unit))).toEqual(new Set(['ton', 'kg', 'piece', 'box', 'meter', 'set', 'roll', 'bag']));
    expect(flat.filter((l) => l.input.sample).length).toBeGreaterThan(200);
    expect(flat.filter((l) => l.input.priceTiers.length >= 3).length).toBeGreaterThan(300);
    expect(flat.some((l) => l.input.titleZh.includes('热轧'))).toBe(true);
    expect(flat.some((l) => (l.input.titleEn ?? '').toLowerCase().includes('stainless'))).toBe(true);
  });

  it('draws a recognisable PNG per kind of goods in several colourways', async () => {
    const png = await productPng('steel.plate.hot_rolled', 1);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 640, 640]);
    expect(drawingFor('steel.plate.hot_rolled')).toBe('coil');
    expect(drawingFor('office.furniture.chairs')).toBe('chair');
    expect(Buffer.compare(await productPng('steel.plate.hot_rolled', 0), png)).not.toBe(0);
    for (const leaf of leaves) expect((await sharp(await productPng(leaf, 2)).stats()).isOpaque).toBe(true);
  });
});
