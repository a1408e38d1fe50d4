import { describe, expect, it } from 'vitest';
import {
  breakingChanges, checkOwnAttributes, completeness, expandSkuOptions, lineTotal, lowestTiers, tierAt, validateAttributes, validateSkus, validateTiers,
  valueLabels, type AttributeDefinition,
} from './rules.js';

const def = (key: string, type: AttributeDefinition['type'], extra: Partial<AttributeDefinition> = {}): AttributeDefinition => ({
  key, nameZh: key, nameEn: key, type, required: false, filterable: false, definesSku: false, ...extra,
});
const grade = def('grade', 'enum', { options: [{ value: 'Q235B', zh: 'Q235B', en: 'Q235B' }, { value: 'Q355B', zh: 'Q355B', en: 'Q355B' }], definesSku: true, required: true });
const template = [def('thickness', 'number', { unit: 'mm', required: true }), def('coil_weight', 'range', { unit: 't' }), def('mill', 'text'), def('seismic', 'boolean'), grade];

describe('catalog rules', () => {
  it('each attribute type accepts its own kind of value and names the field when it does not', () => {
    expect(validateAttributes(template, { thickness: 10, coil_weight: [20, 25], mill: '沙钢', seismic: true }, true, 'en-US')).toEqual([]);
    const errors = validateAttributes(template, { thickness: '10', coil_weight: [25, 20], mill: '', seismic: 'yes', grade: 'Q235B', color: 'red' }, false, 'en-US');
    expect(errors.map((e) => e.path)).toEqual([
      'body.attributes.thickness', 'body.attributes.coil_weight', 'body.attributes.mill', 'body.attributes.seismic', 'body.attributes.grade', 'body.attributes.color',
    ]);
    expect(errors[0]!.message).toBe('thickness must be a number (mm)');
    expect(errors[4]!.message).toContain('set per SKU');
    const zh = validateAttributes([grade, def('surface', 'enum', { options: [{ value: 'pickled', zh: '酸洗', en: 'Pickled' }] })], { surface: 'oiled' }, false, 'zh-CN');
    expect(zh).toEqual([{ path: 'body.attributes.surface', message: '「surface」必须是以下之一:pickled' }]);
  });

  it('required attributes are enforced only when strict (publishing), SKU-defining ones on every SKU', () => {
    expect(validateAttributes(template, {}, false, 'en-US')).toEqual([]);
    expect(validateAttributes(template, {}, true, 'en-US').map((e) => e.path)).toEqual(['body.attributes.thickness']);
    expect(validateSkus(template, [{ code: null, attributes: {}, stock: 1, priceTiers: null }], 1, true, 'en-US').map((e) => e.path)).toEqual(['body.skus.0.attributes.grade']);
  });

  it('tiers: the first starts at the MOQ, quantities strictly ascend, prices never rise', () => {
    expect(validateTiers([{ minQuantity: 5, unitPrice: 420000 }, { minQuantity: 20, unitPrice: 410000 }], 5, 'en-US', 'body.priceTiers')).toEqual([]);
    const errors = validateTiers([{ minQuantity: 2, unitPrice: 420000 }, { minQuantity: 2, unitPrice: 410000 }, { minQuantity: 1, unitPrice: 430000 }], 5, 'en-US', 'body.priceTiers');
    expect(errors.map((e) => e.path)).toEqual(['body.priceTiers.0.minQuantity', 'body.priceTiers.1.minQuantity', 'body.priceTiers.2.minQuantity', 'body.priceTiers.2.unitPrice']);
    expect(errors[3]!.message).toBe('unit prices may not rise with quantity: the tier before is ¥4,100.00');
  });

  it('SKUs: same keys on every SKU, known options, no duplicates; a grid expands to every combination', () => {
    const sku = (attributes: Record<string, string>) => ({ code: null, attributes, stock: 1, priceTiers: null });
    expect(validateSkus(template, [sku({ grade: 'Q235B' }), sku({ grade: 'Q355B' })], 1, true, 'en-US')).toEqual([]);
    expect(validateSkus(template, [sku({ grade: 'Q235B' }), sku({ grade: 'Q235B' }), sku({}), sku({ grade: 'X' })], 1, false, 'en-US').map((e) => e.path)).toEqual([
      'body.skus.1.attributes', 'body.skus.2.attributes', 'body.skus.3.attributes.grade',
    ]);
    expect(validateSkus([def('mill', 'text')], [sku({}), sku({})], 1, false, 'en-US')[0]!.message).toContain('exactly one SKU');
    const size = def('size', 'enum', { options: ['S', 'M', 'L'].map((v) => ({ value: v, zh: v, en: v })), definesSku: true });
    const grid = expandSkuOptions([grade, size], { grade: ['Q235B', 'Q355B'], size: ['S', 'M', 'L'] }, 7, 'en-US');
    expect(grid.errors).toEqual([]);
    expect(grid.skus).toHaveLength(6);
    expect(grid.skus[5]).toEqual({ code: null, attributes: { grade: 'Q355B', size: 'L' }, stock: 7, priceTiers: null });
    expect(expandSkuOptions([grade], { grade: ['Q999'], thickness: ['1'] }, 0, 'en-US').errors.map((e) => e.path)).toEqual(['body.skuOptions.grade.0', 'body.skuOptions.thickness']);
  });

  it('a quantity falls in [minQuantity, next.minQuantity); totals round to the fen exactly', () => {
    const tiers = [{ minQuantity: 5, unitPrice: 420000 }, { minQuantity: 20, unitPrice: 410000 }, { minQuantity: 100, unitPrice: 398000 }];
    expect(tierAt(tiers, 4.999)).toBeNull();
    expect(tierAt(tiers, 5)).toEqual({ unitPrice: 420000, minQuantity: 5, maxQuantity: 20 });
    expect(tierAt(tiers, 19.999)).toEqual({ unitPrice: 420000, minQuantity: 5, maxQuantity: 20 });
    expect(tierAt(tiers, 20)).toEqual({ unitPrice: 410000, minQuantity: 20, maxQuantity: 100 });
    expect(tierAt(tiers, 1e6)).toEqual({ unitPrice: 398000, minQuantity: 100, maxQuantity: null });
    expect(lineTotal(333, 2.5)).toBe(833); // 832.5 rounds half up
    expect(lineTotal(199, 0.001)).toBe(0);
    expect(lineTotal(10_000_000_000, 1_000_000_000)).toBeNaN();
    expect(lineTotal(1, 0.1 + 0.2)).toBe(0); // 0.30000000000000004 is 0.3 thousandths-exact
  });

  it('the lowest tiers across SKUs take the cheapest SKU at every threshold', () => {
    const product = [{ minQuantity: 5, unitPrice: 420000 }, { minQuantity: 20, unitPrice: 410000 }];
    const cheaper = [{ minQuantity: 5, unitPrice: 430000 }, { minQuantity: 50, unitPrice: 390000 }];
    expect(lowestTiers(product, [{ priceTiers: null }, { priceTiers: cheaper }])).toEqual([
      { minQuantity: 5, unitPrice: 420000 }, { minQuantity: 20, unitPrice: 410000 }, { minQuantity: 50, unitPrice: 390000 },
    ]);
  });

  it('a child may not redefine an inherited key; listed products forbid removing or retyping', () => {
    const errors = checkOwnAttributes([def('thickness', 'number')], [def('thickness', 'text'), def('a', 'number', { definesSku: true }), def('a', 'enum'), def('b', 'text', { unit: 'mm' })], new Map([['c', 'steel.x']]), 'en-US');
    expect(errors.map((e) => e.path)).toEqual(['body.attributes.0.key', 'body.attributes.1.definesSku', 'body.attributes.2.key', 'body.attributes.2.options', 'body.attributes.3.unit']);
    const before = [grade, def('mill', 'text')];
    const after = [{ ...grade, options: grade.options!.slice(0, 1) }, def('mill', 'number')];
    expect(breakingChanges(before, after, 'en-US').map((e) => e.path)).toEqual(['body.attributes.0.options', 'body.attributes.1.type']);
    expect(breakingChanges(before, [grade], 'en-US')[0]!.message).toContain('mill');
    expect(breakingChanges(before, [...before, def('new', 'text')], 'en-US')).toEqual([]);
  });

  it('labels and completeness read values in both languages and weigh what buyers need', () => {
    expect(valueLabels(grade, ['Q235B', 'Q355B'])).toEqual({ zh: 'Q235B、Q355B', en: 'Q235B, Q355B' });
    expect(valueLabels(def('w', 'range', { unit: 't' }), [20, 25])).toEqual({ zh: '20–25 t', en: '20–25 t' });
    expect(valueLabels(def('s', 'boolean'), false)).toEqual({ zh: '否', en: 'No' });
    const bare = completeness({ template, attributes: {}, skuAttributeKeys: [], imageCount: 0, titleEn: null, descriptionZh: '', descriptionEn: null, origin: null, hasSample: false });
    const full = completeness({ template, attributes: { thickness: 1, coil_weight: [1, 2], mill: 'x', seismic: true }, skuAttributeKeys: ['grade'], imageCount: 5, titleEn: 'x', descriptionZh: '热轧钢板,沙钢直供,现货充足,可开增值税专用发票,支持按需定尺开平加工,全国物流配送。', descriptionEn: 'x', origin: 'x', hasSample: true });
    expect(bare).toBe(0);
    expect(full).toBe(1);
  });
});
