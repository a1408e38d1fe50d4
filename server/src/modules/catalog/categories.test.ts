import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { call, operatorHeaders } from '../../testing/factories.js';
import { categoryIdOf, createProduct, createSupplier } from '../../testing/catalog-factories.js';

let t: TestApp;
let ops: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  ops = await operatorHeaders(t);
});
afterAll(async () => {
  await t.close();
});

interface Node { id: string; code: string; level: number; nameZh: string; nameEn: string; children: Node[] }
interface Attr { key: string; type: string; definesSku: boolean; required: boolean; filterable: boolean; options?: Array<{ value: string; zh: string; en: string }>; unit?: string }
interface Detail extends Node { attributes: Attr[]; ownAttributes: Attr[]; path: Array<{ id: string; nameZh: string; nameEn: string }> }

const detail = async (idOrCode: string) => (await call(t, { method: 'GET', url: `/api/v1/categories/${idOrCode}` })).json<Detail>();
const enumAttr = (key: string, values: string[], extra: Record<string, unknown> = {}) => ({
  key, nameZh: `属性${key}`, nameEn: `Attr ${key}`, type: 'enum', options: values.map((v) => ({ value: v, zh: v, en: v })), ...extra,
});

describe('categories', () => {
  it('the seeded tree has the eight top levels the web uses, at least three levels, names in both languages', async () => {
    const res = await call(t, { method: 'GET', url: '/api/v1/categories' });
    expect(res.statusCode).toBe(200);
    const { items } = res.json<{ items: Node[] }>();
    expect(items.map((n) => n.code)).toEqual(['steel', 'textiles', 'electronics', 'packaging', 'machinery', 'chemicals', 'food', 'office']);
    for (const top of items) {
      expect(top.children.length).toBeGreaterThanOrEqual(2);
      for (const second of top.children) expect(second.children.length).toBeGreaterThanOrEqual(1);
    }
    const leaves: Node[] = [];
    const walk = (n: Node) => (n.children.length ? n.children.forEach(walk) : leaves.push(n));
    items.forEach(walk);
    expect(leaves.length).toBeGreaterThan(60);
    expect(leaves.every((l) => l.level === 3 && /\p{Script=Han}/u.test(l.nameZh) && /[A-Za-z]/.test(l.nameEn))).toBe(true);

    // Every leaf resolves to a template without a repeated key, and most leaves have SKU-defining attributes.
    let withSkuAxes = 0;
    for (const leaf of leaves) {
      const d = await detail(leaf.id);
      expect(new Set(d.attributes.map((a) => a.key)).size).toBe(d.attributes.length);
      if (d.attributes.some((a) => a.definesSku)) withSkuAxes++;
    }
    expect(withSkuAxes).toBeGreaterThan(leaves.length / 2);
  });

  it('a leaf resolves its ancestors’ attributes first, then its own, with the path from the root', async () => {
    const d = await detail('steel.plate.hot_rolled');
    expect(d.path.map((p) => p.nameZh)).toEqual(['钢铁冶金', '板材', '热轧板']);
    expect(d.path.map((p) => p.nameEn)).toEqual(['Steel & metals', 'Plate & coil', 'Hot-rolled plate']);
    expect(d.attributes.map((a) => a.key)).toEqual(['origin_mill', 'supply_mode', 'warehouse', 'thickness', 'width', 'surface', 'grade', 'standard', 'length', 'edge']);
    expect(d.ownAttributes.map((a) => a.key)).toEqual(['grade', 'standard', 'length', 'edge']);
    const grade = d.attributes.find((a) => a.key === 'grade')!;
    expect(grade).toMatchObject({ type: 'enum', definesSku: true, required: true, filterable: true });
    expect(grade.options!.map((o) => o.value)).toEqual(expect.arrayContaining(['Q235B', 'Q355B']));
    expect(d.attributes.find((a) => a.key === 'thickness')).toMatchObject({ type: 'number', unit: 'mm', required: true });
    expect(d.attributes.find((a) => a.key === 'standard')!.options!.map((o) => o.value)).toEqual(expect.arrayContaining(['GB/T 3274', 'GB/T 709']));
    expect((await detail('steel.long.rebar')).attributes.find((a) => a.key === 'standard')!.options!.map((o) => o.value)).toContain('GB/T 1499.2');
    // By id as well as by code; unknown ones are 404.
    expect((await detail(d.id)).code).toBe('steel.plate.hot_rolled');
    expect((await call(t, { method: 'GET', url: '/api/v1/categories/steel.nothing' })).statusCode).toBe(404);
  });

  it('an operator adds a child that inherits and extends, but may not redefine an inherited key', async () => {
    const plate = await categoryIdOf(t, 'steel.plate');
    const created = await call(t, {
      method: 'POST', url: '/api/v1/admin/categories', headers: ops,
      payload: { parentId: plate, key: 'checkered', nameZh: '花纹板', nameEn: 'Checkered plate', sort: 40, attributes: [enumAttr('pattern', ['lentil', 'diamond'], { filterable: true, definesSku: true }), { key: 'rib_height', nameZh: '纹高', nameEn: 'Rib height', type: 'number', unit: 'mm' }] },
    });
    expect(created.statusCode).toBe(201);
    const child = created.json<Detail>();
    expect(child).toMatchObject({ code: 'steel.plate.checkered', level: 3 });
    expect(child.attributes.map((a) => a.key)).toEqual(['origin_mill', 'supply_mode', 'warehouse', 'thickness', 'width', 'surface', 'pattern', 'rib_height']);
    expect(child.attributes.at(-1)).toEqual({ key: 'rib_height', nameZh: '纹高', nameEn: 'Rib height', type: 'number', unit: 'mm', required: false, filterable: false, definesSku: false });
    expect((await detail('steel.plate')).children.map((c) => c.code)).toContain('steel.plate.checkered');

    const retyped = await call(t, {
      method: 'POST', url: '/api/v1/admin/categories', headers: { ...ops, 'accept-language': 'zh-CN' },
      payload: { parentId: plate, key: 'bad', nameZh: '坏', nameEn: 'Bad', attributes: [{ key: 'thickness', nameZh: '厚度', nameEn: 'Thickness', type: 'text' }, { key: 'shade', nameZh: '色', nameEn: 'Shade', type: 'text', definesSku: true }] },
    });
    expect(retyped.statusCode).toBe(422);
    expect(retyped.json()).toMatchObject({ code: 'CATEGORY_INVALID', errors: [{ path: 'body.attributes.0.key' }, { path: 'body.attributes.1.definesSku' }] });
    expect(retyped.json<{ errors: Array<{ message: string }> }>().errors[0]!.message).toContain('继承');

    // The parent may not add a key a descendant already defines.
    const clash = await call(t, { method: 'PATCH', url: `/api/v1/admin/categories/${plate}`, headers: ops, payload: { attributes: [...(await detail('steel.plate')).ownAttributes, { key: 'rib_height', nameZh: '纹高', nameEn: 'Rib height', type: 'number' }] } });
    expect(clash.json()).toMatchObject({ code: 'CATEGORY_INVALID', errors: [{ path: 'body.attributes.3.key' }] });

    const taken = await call(t, { method: 'POST', url: '/api/v1/admin/categories', headers: ops, payload: { parentId: plate, key: 'checkered', nameZh: '花纹板', nameEn: 'Checkered' } });
    expect(taken.json()).toMatchObject({ code: 'CATEGORY_CODE_TAKEN' });
  });

  it('only operators change categories', async () => {
    const { owner } = await createSupplier(t);
    const res = await call(t, { method: 'POST', url: '/api/v1/admin/categories', headers: owner.headers, payload: { parentId: null, key: 'mine', nameZh: '我的', nameEn: 'Mine' } });
    expect(res.statusCode).toBe(403);
    const steel = await categoryIdOf(t, 'steel');
    expect((await call(t, { method: 'PATCH', url: `/api/v1/admin/categories/${steel}`, headers: owner.headers, payload: { nameZh: '钢' } })).statusCode).toBe(403);
  });

  it('renaming and reordering are free; with products listed, attributes may be added but not removed or retyped', async () => {
    const parent = await categoryIdOf(t, 'office.stationery');
    const made = await call(t, {
      method: 'POST', url: '/api/v1/admin/categories', headers: ops,
      payload: { parentId: parent, key: 'notebooks', nameZh: '笔记本', nameEn: 'Notebooks', attributes: [enumAttr('binding', ['spiral', 'glued']), { key: 'pages', nameZh: '页数', nameEn: 'Pages', type: 'number' }] },
    });
    const leaf = made.json<Detail>();
    const { owner } = await createSupplier(t);
    await createProduct(t, owner, leaf.id, { attributes: { binding: 'spiral', pages: 80 }, skus: undefined, stock: 1000, unit: 'piece', moq: 100, priceTiers: [{ minQuantity: 100, unitPrice: 350 }] });

    const renamed = await call(t, { method: 'PATCH', url: `/api/v1/admin/categories/${leaf.id}`, headers: ops, payload: { nameZh: '笔记本册', nameEn: 'Notebooks & pads', sort: 5 } });
    expect(renamed.json()).toMatchObject({ nameZh: '笔记本册', nameEn: 'Notebooks & pads', sort: 5 });
    const own = leaf.ownAttributes;
    const removed = await call(t, { method: 'PATCH', url: `/api/v1/admin/categories/${leaf.id}`, headers: ops, payload: { attributes: [own[0]] } });
    expect(removed.statusCode).toBe(409);
    expect(removed.json()).toMatchObject({ code: 'CATEGORY_IN_USE' });
    const droppedOption = await call(t, { method: 'PATCH', url: `/api/v1/admin/categories/${leaf.id}`, headers: ops, payload: { attributes: [{ ...own[0], options: own[0]!.options!.slice(0, 1) }, own[1]] } });
    expect(droppedOption.json()).toMatchObject({ code: 'CATEGORY_IN_USE', errors: [{ path: 'body.attributes.0.options' }] });
    const added = await call(t, { method: 'PATCH', url: `/api/v1/admin/categories/${leaf.id}`, headers: ops, payload: { attributes: [{ ...own[0], options: [...own[0]!.options!, { value: 'sewn', zh: '锁线', en: 'Sewn' }] }, own[1], enumAttr('ruling', ['lined', 'grid'])] } });
    expect(added.statusCode).toBe(200);
    expect(added.json<Detail>().attributes.map((a) => a.key).slice(-3)).toEqual(['binding', 'pages', 'ruling']);

    // A category holding products stays a leaf.
    const sub = await call(t, { method: 'POST', url: '/api/v1/admin/categories', headers: ops, payload: { parentId: leaf.id, key: 'sub', nameZh: '子', nameEn: 'Sub' } });
    expect(sub.json()).toMatchObject({ code: 'CATEGORY_HAS_PRODUCTS' });

    const events = await t.database.db.selectFrom('events').select(['type', 'subject_type', 'company_id', 'payload']).where('subject_id', '=', leaf.id).where('type', '=', 'category.updated').execute();
    expect(events.length).toBe(3);
    expect(events[0]).toMatchObject({ subject_type: 'category', company_id: null, payload: { categoryId: leaf.id } });
  });
});
