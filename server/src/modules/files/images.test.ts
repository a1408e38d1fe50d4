import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { call, createCompany, registerUser, type TestUser } from '../../testing/factories.js';

let t: TestApp;
let owner: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  owner = await registerUser(t);
  await createCompany(t, owner);
});
afterAll(async () => {
  await t.close();
});

function multipart(bytes: Buffer, filename: string, type: string) {
  const boundary = '----tsimages';
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (bytes: Buffer, filename = 'photo.jpg', type = 'image/jpeg', headers: Record<string, string> = owner.headers) => {
  const body = multipart(bytes, filename, type);
  return call(t, { method: 'POST', url: '/api/v1/files?purpose=product_image', payload: body.payload, headers: { ...headers, ...body.headers } });
};

const photo = (width: number, height: number, format: 'jpeg' | 'png' | 'webp' = 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 90, b: 20 } } })[format]().toBuffer();

describe('product images', () => {
  it('an uploaded photo gets WebP thumbnails of 160, 400 and 800 px on the longest side, public to anyone', async () => {
    const res = await upload(await photo(1600, 1000));
    expect(res.statusCode).toBe(201);
    const file = res.json<{ id: string; url: string; contentType: string; thumbnails: Record<string, string> }>();
    expect(file.contentType).toBe('image/jpeg');
    expect(file.thumbnails).toEqual({ 160: `${file.url}?size=160`, 400: `${file.url}?size=400`, 800: `${file.url}?size=800` });

    for (const [size, height] of [[160, 100], [400, 250], [800, 500]] as const) {
      const thumb = await call(t, { method: 'GET', url: file.thumbnails[size]! }); // no session: public
      expect(thumb.statusCode).toBe(200);
      expect(thumb.headers['content-type']).toBe('image/webp');
      expect(thumb.headers['cache-control']).toContain('public');
      const meta = await sharp(thumb.rawPayload).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', size, height]);
    }
    const original = await call(t, { method: 'GET', url: file.url });
    expect([original.statusCode, original.headers['content-type']]).toEqual([200, 'image/jpeg']);
    expect((await sharp(original.rawPayload).metadata()).width).toBe(1600);
  });

  it('a small image is never enlarged, and PNG and WebP are accepted too', async () => {
    const png = (await upload(await photo(300, 120, 'png'), 'a.png', 'image/png')).json<{ thumbnails: Record<string, string> }>();
    const sizes = await Promise.all(['160', '400', '800'].map(async (s) => {
      const meta = await sharp((await call(t, { method: 'GET', url: png.thumbnails[s]! })).rawPayload).metadata();
      return [meta.width, meta.height];
    }));
    expect(sizes).toEqual([[160, 64], [300, 120], [300, 120]]);
    expect((await upload(await photo(50, 80, 'webp'), 'b.webp', 'image/webp')).statusCode).toBe(201);
  });

  it('refuses SVG, GIF and PDF whatever their declared type, and bytes that only look like an image', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect((await upload(svg, 'x.svg', 'image/svg+xml')).statusCode).toBe(415);
    expect((await upload(Buffer.from('GIF89a\x01\x00\x01\x00'), 'x.gif', 'image/gif')).statusCode).toBe(415);
    expect((await upload(Buffer.from('%PDF-1.7 hello'), 'x.jpg', 'image/jpeg')).statusCode).toBe(415);
    const truncated = await upload(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]), 'broken.jpg');
    expect(truncated.statusCode).toBe(415);
    expect(truncated.json<{ code: string }>().code).toBe('IMAGE_UNREADABLE');
  });

  it('has no thumbnails for other files, and rejects sizes it does not make', async () => {
    const stranger = await registerUser(t);
    const file = (await upload(await photo(40, 40))).json<{ url: string }>();
    expect((await call(t, { method: 'GET', url: `${file.url}?size=300` })).statusCode).toBe(400);
    const body = multipart(await photo(40, 40, 'png'), 'license.png', 'image/png');
    const license = await call(t, { method: 'POST', url: '/api/v1/files?purpose=business_license', payload: body.payload, headers: { ...owner.headers, ...body.headers } });
    const licenseUrl = license.json<{ url: string; thumbnails?: unknown }>().url;
    expect(license.json<{ thumbnails?: unknown }>().thumbnails).toBeUndefined();
    expect((await call(t, { method: 'GET', url: `${licenseUrl}?size=160`, headers: owner.headers })).statusCode).toBe(404);
    expect((await call(t, { method: 'GET', url: licenseUrl, headers: stranger.headers })).statusCode).toBe(404);
  });
});
