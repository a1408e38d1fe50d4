import sharp from 'sharp';
import { call, createCompany, registerUser, type TestUser } from './factories.js';
import type { TestApp } from './harness.js';

let photo: Promise<Buffer> | undefined;
/** A small steel-grey PNG the files module can decode and thumbnail (made once per test file). */
const productPhoto = () => (photo ??= sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 120, g: 128, b: 136 } } }).png().toBuffer());

/** A seeded category's id by its dotted code. */
export async function categoryIdOf(t: TestApp, code: string): Promise<string> {
  const res = await call(t, { method: 'GET', url: `/api/v1/categories/${code}` });
  if (res.statusCode !== 200) throw new Error(`no category ${code}: ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** A supplier (manufacturer) company with its owner, active in the owner's session. */
export async function createSupplier(t: TestApp, overrides: Record<string, unknown> = {}): Promise<{ owner: TestUser; company: { id: string; legalName: string } }> {
  const owner = await registerUser(t);
  const company = await createCompany(t, owner, overrides);
  return { owner, company };
}

/** Uploads a product image for the user's active company; returns the file id. */
export async function uploadProductImage(t: TestApp, user: TestUser): Promise<string> {
  const boundary = '----tscatalog';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="product.png"\r\nContent-Type: image/png\r\n\r\n`),
    await productPhoto(),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await call(t, { method: 'POST', url: '/api/v1/files?purpose=product_image', payload, headers: { ...user.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } });
  if (res.statusCode !== 201) throw new Error(`image upload failed: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** A complete hot-rolled plate listing (steel.plate.hot_rolled): two grades as SKUs, tiers from 5 t, ready to publish. */
export function buildProductInput(categoryId: string, overrides: Record<string, unknown> = {}) {
  return {
    categoryId,
    titleZh: '热轧钢板 Q235B/Q355B 10mm 沙钢现货',
    titleEn: 'Hot-rolled plate Q235B/Q355B 10 mm, Shagang spot stock',
    descriptionZh: '沙钢直供热轧中厚板,现货充足,支持定尺开平,可开增值税专用发票。',
    attributes: { thickness: 10, width: 1500, length: 6000, standard: 'GB/T 3274', origin_mill: '江苏沙钢', supply_mode: 'spot' },
    skus: [
      { code: 'HR-Q235B-10', attributes: { grade: 'Q235B' }, stock: 500 },
      { code: 'HR-Q355B-10', attributes: { grade: 'Q355B' }, stock: 200, priceTiers: [{ minQuantity: 5, unitPrice: 445_000 }, { minQuantity: 50, unitPrice: 430_000 }] },
    ],
    priceTiers: [{ minQuantity: 5, unitPrice: 420_000 }, { minQuantity: 20, unitPrice: 410_000 }, { minQuantity: 100, unitPrice: 398_000 }],
    moq: 5,
    unit: 'ton',
    leadTimeDays: 3,
    sample: null,
    origin: '江苏张家港',
    dispatchProvince: '320000',
    ...overrides,
  };
}

export interface ProductJson {
  id: string; companyId: string; status: string; takedown: { reason: string; at: string } | null;
  skus: Array<{ id: string; code: string | null; attributes: Record<string, string>; stock: number; priceTiers: Array<{ minQuantity: number; unitPrice: number }> | null }>;
  images: Array<{ fileId: string; url: string; thumbnails: Record<string, string> }>;
  priceTiers: Array<{ minQuantity: number; unitPrice: number }>;
  categoryPath: Array<{ id: string; nameZh: string; nameEn: string }>;
  [key: string]: unknown;
}

/** Creates a draft through the API as the user (for their active company). */
export async function createProduct(t: TestApp, user: TestUser, categoryId: string, overrides: Record<string, unknown> = {}): Promise<ProductJson> {
  const res = await call(t, { method: 'POST', url: '/api/v1/products', headers: user.headers, payload: buildProductInput(categoryId, overrides) });
  if (res.statusCode !== 201) throw new Error(`create product failed: ${res.statusCode} ${res.body}`);
  return res.json<ProductJson>();
}

export async function publishProduct(t: TestApp, user: TestUser, productId: string): Promise<ProductJson> {
  const res = await call(t, { method: 'POST', url: `/api/v1/products/${productId}/publish`, headers: user.headers });
  if (res.statusCode !== 200) throw new Error(`publish failed: ${res.statusCode} ${res.body}`);
  return res.json<ProductJson>();
}
