import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createCompany, registerUser, type TestUser } from '../../testing/factories.js';
import { categoryIdOf, createProduct, createSupplier, uploadProductImage, type ProductJson } from '../../testing/catalog-factories.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { parseCsv } from './sheets.js';

let t: TestApp;
let hotRolled: string;
let labels: string;
beforeAll(async () => {
  t = await createTestApp();
  hotRolled = await categoryIdOf(t, 'steel.plate.hot_rolled');
  labels = await categoryIdOf(t, 'textiles.trims.labels');
});
afterAll(async () => {
  await t.close();
});

type Problem = { type: string; status: number; code: string; detail: string };
interface Job { id: string; status: string; total: number; processed: number; created: number; failed: number; published: number; rows: number; errors: Array<{ row: number; column: string; reason: string }> }

const ZH: Record<string, string> = {
  product_key: '商品编号', category: '类目', title_zh: '中文标题', title_en: '英文标题', description_zh: '中文描述', unit: '单位', moq: '起订量', price_tiers: '阶梯价',
  lead_time_days: '发货期(天)', sample_price: '样品单价(元)', sample_max: '样品最多数量', origin: '产地', dispatch_province: '发货地', images: '图片链接', sku_code: '规格编码', stock: '库存', sku_price_tiers: '规格阶梯价',
};

async function templateHeader(categoryId: string): Promise<string[]> {
  const res = await call(t, { method: 'GET', url: `/api/v1/products/import/template?categoryId=${categoryId}&format=csv`, headers: (await owner()).headers });
  return parseCsv(res.body)[0]!;
}

let sharedOwner: TestUser | undefined;
async function owner(): Promise<TestUser> {
  sharedOwner ??= await registerUser(t);
  return sharedOwner;
}

/** A data row in the header's order from values keyed by column id (attr.<key> for attributes). */
function rowOf(header: string[], values: Record<string, string>): string[] {
  const index = (id: string) => header.findIndex((h) => (id.startsWith('attr.') ? h.endsWith(`[${id.slice(5)}]`) : h.replace(/^\*/, '').startsWith(`${ZH[id]} `)));
  const out = header.map(() => '');
  for (const [id, v] of Object.entries(values)) {
    const i = index(id);
    if (i < 0) throw new Error(`no column ${id}`);
    out[i] = v;
  }
  return out;
}

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: string[][]) => Buffer.from(`\ufeff${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`, 'utf8');

function multipart(bytes: Buffer, fileName: string, contentType: string) {
  const boundary = '----tsimport';
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function upload(user: TestUser | null, bytes: Buffer, query: string, fileName = 'products.csv', contentType = 'text/csv', extra: Record<string, string> = {}) {
  const body = multipart(bytes, fileName, contentType);
  return call(t, { method: 'POST', url: `/api/v1/products/import?${query}`, payload: body.payload, headers: { ...(user?.headers ?? {}), 'content-type': body.contentType, ...extra } });
}

async function jobOf(user: TestUser, id: string): Promise<Job> {
  const res = await call(t, { method: 'GET', url: `/api/v1/products/import/${id}`, headers: user.headers });
  expect(res.statusCode).toBe(200);
  return res.json<Job>();
}

async function runToEnd(user: TestUser, id: string): Promise<Job> {
  for (let i = 0; i < 50; i++) {
    await t.drain();
    const job = await jobOf(user, id);
    if (job.status === 'succeeded' || job.status === 'failed') return job;
  }
  throw new Error('import did not finish');
}

async function importFile(user: TestUser, bytes: Buffer, query: string, fileName?: string, contentType?: string, locale = 'en-US'): Promise<Job> {
  const res = await upload(user, bytes, query, fileName, contentType, { 'accept-language': locale });
  expect(res.statusCode, res.body).toBe(202);
  return runToEnd(user, res.json<{ job: Job }>().job.id);
}

async function productsOf(user: TestUser, companyId: string): Promise<ProductJson[]> {
  const list = (await call(t, { method: 'GET', url: `/api/v1/companies/${companyId}/products?limit=100`, headers: user.headers })).json<{ items: Array<{ id: string }> }>();
  const out: ProductJson[] = [];
  for (const item of list.items.reverse()) out.push((await call(t, { method: 'GET', url: `/api/v1/products/${item.id}`, headers: user.headers })).json<ProductJson>());
  return out;
}

const plate = (key: string, over: Record<string, string> = {}) => ({
  product_key: key, title_zh: `热轧钢板 ${key} 10mm`, title_en: `Hot-rolled plate ${key}`, unit: '吨', moq: '5', price_tiers: '5:4200; 20:4100', lead_time_days: '3',
  dispatch_province: '江苏省', 'attr.thickness': '10', 'attr.width': '1500', 'attr.supply_mode': '现货 spot', 'attr.grade': 'Q235B', stock: '500', ...over,
});

describe('product import and export', () => {
  it('the template of a leaf category has a column per template attribute, bilingual headers, dropdowns and instructions', async () => {
    const user = await owner();
    const res = await call(t, { method: 'GET', url: `/api/v1/products/import/template?categoryId=${hotRolled}&format=csv`, headers: user.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('tongshang-template-steel.plate.hot_rolled.csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const header = parseCsv(res.body)[0]!;
    // Inherited (steel, steel.plate) and own (hot_rolled) attributes; the SKU-defining grade sits with the SKU columns.
    for (const key of ['origin_mill', 'supply_mode', 'warehouse', 'thickness', 'width', 'surface', 'grade', 'standard', 'length', 'edge']) {
      expect(header.some((h) => h.endsWith(`[${key}]`)), key).toBe(true);
    }
    expect(header).toContain('*厚度(mm) Thickness (mm) [thickness]');
    expect(header).toContain('*中文标题 Title (Chinese)');
    expect(header.indexOf('*牌号 Grade [grade]')).toBeGreaterThan(header.indexOf('规格编码 SKU code'));

    const xlsx = await call(t, { method: 'GET', url: `/api/v1/products/import/template?categoryId=steel.plate.hot_rolled&format=xlsx`, headers: user.headers });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['商品 Products', '选项 Options', '说明 Instructions']);
    const sheet = book.getWorksheet('商品 Products')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const gradeCol = sheet.getColumn(headers.indexOf('*牌号 Grade [grade]') + 1).letter;
    const validation = (sheet as unknown as { dataValidations: { find(address: string): { type: string; formulae: string[] } | undefined } }).dataValidations.find(`${gradeCol}2`);
    expect(validation?.type).toBe('list');
    const options = book.getWorksheet('选项 Options')!;
    const listed = options.getColumn(/\$([A-Z]+)\$/.exec(validation!.formulae[0]!)![1]!).values.slice(2);
    expect(listed).toEqual(['Q235B', 'Q355B', 'Q345B', 'Q235A', 'SS400', 'Q345R']);
    const help = book.getWorksheet('说明 Instructions')!;
    expect(JSON.stringify(help.getSheetValues())).toContain('One row per SKU');

    const parent = await call(t, { method: 'GET', url: '/api/v1/products/import/template?categoryId=steel.plate&format=csv', headers: user.headers, });
    expect(parent.statusCode).toBe(422);
    expect(parent.json<Problem>().code).toBe('IMPORT_CATEGORY_NOT_LEAF');
  });

  it('a CSV with good and bad products imports the good ones and reports each bad row with its column and a reason, leaving nothing of them', async () => {
    const { owner: seller, company } = await createSupplier(t);
    const header = await templateHeader(hotRolled);
    const rows = [
      header,
      rowOf(header, plate('A', { description_zh: '第一行\n第二行,含逗号和"引号"', sku_code: 'A-1' })),
      rowOf(header, { product_key: 'A', 'attr.grade': 'Q355B', stock: '200', sku_code: 'A-2', sku_price_tiers: '5:4450; 50:4300' }),
      rowOf(header, plate('B', { title_zh: '钢' })),
      rowOf(header, plate('C', { 'attr.thickness': '十二' })),
      rowOf(header, plate('D')),
      rowOf(header, { product_key: 'D', 'attr.grade': 'Q999', stock: '10' }),
      rowOf(header, plate('E', { price_tiers: '5-4200' })),
      rowOf(header, plate('F', { unit: 'ton', 'attr.grade': '' , stock: '' })),
      [],
    ];
    const job = await importFile(seller, csv(rows), `categoryId=${hotRolled}`, 'products.csv', 'text/csv', 'zh-CN');
    expect(job).toMatchObject({ status: 'succeeded', rows: 8, total: 6, processed: 6, created: 2, failed: 4 });
    expect(job.errors).toEqual([
      { row: 4, column: '中文标题', reason: '「中文标题」至少 2 个字' },
      { row: 5, column: '厚度', reason: '「厚度」必须是数字(mm),而不是「十二」' },
      { row: 7, column: '牌号', reason: expect.stringContaining('「牌号」「Q999」不是可选值') },
      { row: 8, column: '阶梯价', reason: '「阶梯价」中的「5-4200」应写成 数量:单价,如 5:4200' },
    ]);
    const products = await productsOf(seller, company.id);
    expect(products.map((p) => p.titleZh)).toEqual(['热轧钢板 A 10mm', '热轧钢板 F 10mm']);
    const [a, f] = products;
    expect(a).toMatchObject({ status: 'draft', unit: 'ton', moq: 5, leadTimeDays: 3, dispatchProvince: '320000', descriptionZh: '第一行\n第二行,含逗号和"引号"', attributes: { thickness: 10, width: 1500, supply_mode: 'spot' } });
    expect(a!.priceTiers).toEqual([{ minQuantity: 5, unitPrice: 420_000 }, { minQuantity: 20, unitPrice: 410_000 }]);
    expect(a!.skus.map((s) => [s.code, s.attributes, s.stock, s.priceTiers])).toEqual([
      ['A-1', { grade: 'Q235B' }, 500, null],
      ['A-2', { grade: 'Q355B' }, 200, [{ minQuantity: 5, unitPrice: 445_000 }, { minQuantity: 50, unitPrice: 430_000 }]],
    ]);
    expect(f!.skus).toEqual([expect.objectContaining({ attributes: {}, stock: 0 })]);
    // Nothing of the refused products: no product, no event.
    const events = await t.database.db.selectFrom('events').select('type').where('company_id', '=', company.id).where('type', '=', 'product.created').execute();
    expect(events).toHaveLength(2);

    // The same file read by an English speaker gives English reasons.
    const en = await importFile(seller, csv(rows.slice(0, 4)), `categoryId=${hotRolled}`);
    expect(en.errors).toEqual([{ row: 4, column: 'Title (Chinese)', reason: 'Title (Chinese) needs at least 2 characters' }]);
  });

  it('reports every problem of a row at once: an unreadable cell and what the rest of the row breaks', async () => {
    const { owner: seller } = await createSupplier(t);
    const header = await templateHeader(hotRolled);
    const job = await importFile(seller, csv([header, rowOf(header, plate('G', { lead_time_days: '三天', title_zh: '钢' }))]), `categoryId=${hotRolled}`, 'products.csv', 'text/csv', 'zh-CN');
    expect(job).toMatchObject({ created: 0, failed: 1 });
    expect(job.errors).toEqual([
      { row: 2, column: '发货期(天)', reason: expect.stringContaining('三天') },
      { row: 2, column: '中文标题', reason: '「中文标题」至少 2 个字' },
    ]);
  });

  it('imports .xlsx filled from the downloaded template, with product fields on the first row only and rows out of order', async () => {
    const { owner: seller, company } = await createSupplier(t);
    const res = await call(t, { method: 'GET', url: `/api/v1/products/import/template?categoryId=${hotRolled}&format=xlsx`, headers: seller.headers });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('商品 Products')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const numeric = (r: string[]) => r.map((v) => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : v));
    sheet.addRow(numeric(rowOf(header, plate('X', { 'attr.surface': '酸洗', 'attr.length': '6000' }))));
    sheet.addRow(numeric(rowOf(header, plate('Y', { unit: 'kg', moq: '2.5', price_tiers: '2.5:12.5' }))));
    sheet.addRow(numeric(rowOf(header, { product_key: 'X', 'attr.grade': 'SS400', stock: '30' })));
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const job = await importFile(seller, bytes, `categoryId=${hotRolled}`, 'products.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(job).toMatchObject({ status: 'succeeded', total: 2, processed: 2, created: 2, failed: 0, errors: [] });
    const products = await productsOf(seller, company.id);
    expect(products.map((p) => [p.titleZh, (p.skus).map((s) => s.attributes.grade)])).toEqual([['热轧钢板 X 10mm', ['Q235B', 'SS400']], ['热轧钢板 Y 10mm', ['Q235B']]]);
    expect(products[0]!.attributes).toMatchObject({ surface: 'pickled', length: 6000 });
    expect(products[1]).toMatchObject({ unit: 'kg', moq: 2.5, priceTiers: [{ minQuantity: 2.5, unitPrice: 1250 }] });
  });

  it('progress counts up to the total slice by slice, and running a slice twice at once never duplicates a product', async () => {
    const { owner: seller, company } = await createSupplier(t);
    const header = await templateHeader(hotRolled);
    const rows = [header, ...['P1', 'P2', 'P3', 'P4', 'P5'].map((k) => rowOf(header, plate(k)))];
    const res = await upload(seller, csv(rows), `categoryId=${hotRolled}`);
    expect(res.statusCode).toBe(202);
    const submitted = res.json<{ job: Job }>().job;
    expect(submitted).toMatchObject({ status: 'queued', total: 0, processed: 0 });
    const imports = t.modules.catalog.imports;
    expect(await imports.runSlice(submitted.id, { items: 2, ms: 60_000 })).toBe(true);
    expect(await jobOf(seller, submitted.id)).toMatchObject({ status: 'running', total: 5, processed: 2, created: 2 });
    // Two workers pick up the same job (a restart, a stale lease): each group is settled once.
    await Promise.all([imports.runSlice(submitted.id, { items: 10, ms: 60_000 }), imports.runSlice(submitted.id, { items: 10, ms: 60_000 })]);
    const done = await runToEnd(seller, submitted.id);
    expect(done).toMatchObject({ status: 'succeeded', total: 5, processed: 5, created: 5, failed: 0 });
    expect((await productsOf(seller, company.id)).map((p) => p.titleZh).sort()).toEqual(['热轧钢板 P1 10mm', '热轧钢板 P2 10mm', '热轧钢板 P3 10mm', '热轧钢板 P4 10mm', '热轧钢板 P5 10mm']);
  });

  it('export → import into another company creates equivalent products, from CSV and from xlsx; cells that look like formulas are neutralised', async () => {
    const a = await createSupplier(t);
    const image = await uploadProductImage(t, a.owner);
    await createProduct(t, a.owner, hotRolled, { imageIds: [image], sample: { unitPrice: 50_000, maxQuantity: 1 }, attributes: { thickness: 10, width: 1500, length: 6000, standard: 'GB/T 3274', origin_mill: '江苏沙钢', supply_mode: 'spot', edge: 'trimmed' } });
    await createProduct(t, a.owner, labels, { titleZh: '=HYPERLINK("http://evil","点我") 织唛', titleEn: null, attributes: { label_type: 'woven' }, skus: undefined, stock: 20_000, moq: 1000, unit: 'piece', priceTiers: [{ minQuantity: 1000, unitPrice: 12 }, { minQuantity: 5000, unitPrice: 10 }], dispatchProvince: '440000', origin: null });
    const originals = await productsOf(a.owner, a.company.id);

    const exported = await call(t, { method: 'GET', url: '/api/v1/products/export?format=csv', headers: a.owner.headers });
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const grid = parseCsv(exported.body);
    expect(grid).toHaveLength(1 + 3);
    expect(grid.flat().some((c) => c.startsWith("'=HYPERLINK"))).toBe(true);
    expect(grid.flat().some((c) => c.startsWith('=') || c.startsWith('+') || c.startsWith('@'))).toBe(false);

    const comparable = (p: ProductJson) => ({
      categoryId: p.categoryId, titleZh: p.titleZh, titleEn: p.titleEn, descriptionZh: p.descriptionZh, attributes: p.attributes, priceTiers: p.priceTiers, moq: p.moq, unit: p.unit,
      leadTimeDays: p.leadTimeDays, sample: p.sample, origin: p.origin, dispatchProvince: p.dispatchProvince, images: p.images.length,
      skus: p.skus.map((s) => ({ code: s.code, attributes: s.attributes, stock: s.stock, priceTiers: s.priceTiers })),
    });
    for (const format of ['csv', 'xlsx'] as const) {
      const file = format === 'csv' ? exported.rawPayload : (await call(t, { method: 'GET', url: '/api/v1/products/export?format=xlsx&status=draft', headers: a.owner.headers })).rawPayload;
      const b = await createSupplier(t);
      // No categoryId: each product's category comes from the file.
      const job = await importFile(b.owner, file, '', `export.${format}`, format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(job, JSON.stringify(job.errors)).toMatchObject({ status: 'succeeded', total: 2, created: 2, failed: 0 });
      const copies = await productsOf(b.owner, b.company.id);
      expect(copies.map(comparable)).toEqual(originals.map(comparable));
      // The image was copied into the importing company, not borrowed.
      const copiedImage = copies[0]!.images[0]!.fileId;
      expect(copiedImage).not.toBe(image);
      expect((await t.modules.files.files.metadata(copiedImage))?.ownerCompanyId).toBe(b.company.id);
    }
  });

  it('refuses strangers, buyers, oversize files and files that are not CSV or xlsx with problem+json; jobs stay within their company', async () => {
    const { owner: seller } = await createSupplier(t);
    const header = await templateHeader(hotRolled);
    const file = csv([header, rowOf(header, plate('Z'))]);
    const anonymous = await upload(null, file, `categoryId=${hotRolled}`);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    const noCompany = await upload(await registerUser(t), file, `categoryId=${hotRolled}`);
    expect(noCompany.json<Problem>().code).toBe('ACTIVE_COMPANY_REQUIRED');
    const buyer = await registerUser(t);
    await createCompany(t, buyer, { companyType: 'buyer' });
    const refusedBuyer = await upload(buyer, file, `categoryId=${hotRolled}`);
    expect([refusedBuyer.statusCode, refusedBuyer.json<Problem>().code]).toEqual([403, 'SUPPLIER_ONLY']);

    // A purchaser of a supplier may not manage products.
    const team = await createSupplier(t);
    const purchaser = await addMember(t, team.owner, team.company.id, 'purchaser');
    await call(t, { method: 'PUT', url: '/api/v1/me/active-company', headers: purchaser.headers, payload: { companyId: team.company.id } });
    const refusedPurchaser = await upload(purchaser, file, `categoryId=${hotRolled}`);
    expect([refusedPurchaser.statusCode, refusedPurchaser.json<Problem>().code]).toEqual([403, 'FORBIDDEN']);

    const big = await upload(seller, Buffer.concat([file, Buffer.alloc(5 * 1024 * 1024, 'a')]), `categoryId=${hotRolled}`);
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toContain('application/problem+json');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const wrong = await upload(seller, png, `categoryId=${hotRolled}`, 'products.csv', 'text/csv', { 'accept-language': 'zh-CN' });
    expect([wrong.statusCode, wrong.json<Problem>().code, wrong.json<Problem>().detail]).toEqual([415, 'FILE_TYPE_NOT_ALLOWED', '仅接受 CSV, XLSX 文件,该文件不符合。']);
    const renamed = await upload(seller, file, `categoryId=${hotRolled}`, 'products.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(renamed.statusCode).toBe(415);
    const declaredImage = await upload(seller, file, `categoryId=${hotRolled}`, 'products.csv', 'image/png');
    expect(declaredImage.statusCode).toBe(415);

    // Over 5,000 rows: the job fails with the reason, nothing imported.
    const many = csv([header, ...Array.from({ length: 5001 }, (_, i) => rowOf(header, { title_zh: `产品 ${i}` }))]);
    const tooMany = await importFile(seller, many, `categoryId=${hotRolled}`);
    expect(tooMany).toMatchObject({ status: 'failed', created: 0, errors: [{ row: 0, column: '', reason: expect.stringContaining('5000') }] });

    const ok = await upload(seller, file, `categoryId=${hotRolled}`);
    const jobId = ok.json<{ job: Job }>().job.id;
    const other = await createSupplier(t);
    const peek = await call(t, { method: 'GET', url: `/api/v1/products/import/${jobId}`, headers: other.owner.headers });
    expect([peek.statusCode, peek.json<Problem>().code]).toEqual([404, 'IMPORT_NOT_FOUND']);
    const exportAnon = await call(t, { method: 'GET', url: '/api/v1/products/export?format=csv' });
    expect(exportAnon.statusCode).toBe(401);
  });

  it('the import and export routes are in the OpenAPI document', async () => {
    const doc = (await call(t, { method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    expect(Object.keys(doc.paths['/api/v1/products/import']!)).toContain('post');
    expect(Object.keys(doc.paths['/api/v1/products/import/{jobId}']!)).toContain('get');
    expect(Object.keys(doc.paths['/api/v1/products/import/template']!)).toContain('get');
    expect(Object.keys(doc.paths['/api/v1/products/export']!)).toContain('get');
  });

  it('publish=true publishes within the TrustPass limit; products beyond it stay drafts and are reported', async () => {
    const { owner: seller, company } = await createSupplier(t);
    const ids: string[] = [];
    for (let i = 0; i < 18; i++) ids.push((await createProduct(t, seller, hotRolled, { titleZh: `已有钢板 ${i + 1}` })).id);
    await call(t, { method: 'POST', url: '/api/v1/products/bulk', headers: seller.headers, payload: { ids, action: 'publish' } });
    const header = await templateHeader(hotRolled);
    const rows = [header, ...['Q1', 'Q2', 'Q3', 'Q4'].map((k) => rowOf(header, plate(k)))];
    const job = await importFile(seller, csv(rows), `categoryId=${hotRolled}&publish=true`);
    expect(job).toMatchObject({ status: 'succeeded', total: 4, created: 4, failed: 0, published: 2 });
    expect(job.errors).toEqual([
      { row: 4, column: '', reason: 'Saved as a draft, not published: Your membership allows 20 published products and all are in use; delist one or upgrade TrustPass.' },
      { row: 5, column: '', reason: 'Saved as a draft, not published: Your membership allows 20 published products and all are in use; delist one or upgrade TrustPass.' },
    ]);
    const imported = (await productsOf(seller, company.id)).filter((p) => String(p.titleZh).startsWith('热轧钢板 Q'));
    expect(imported.map((p) => [p.titleZh, p.status])).toEqual([['热轧钢板 Q1 10mm', 'published'], ['热轧钢板 Q2 10mm', 'published'], ['热轧钢板 Q3 10mm', 'draft'], ['热轧钢板 Q4 10mm', 'draft']]);
  });
});
