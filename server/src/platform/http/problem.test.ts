import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { buildUserInput, call, registerUser } from '../../testing/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT_BYTES: '4096' });
});
afterAll(async () => {
  await t.close();
});

const isProblem = (res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, status: number, code: string) => {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status, code, type: expect.stringMatching(/^urn:tongshang:problem:/), title: expect.any(String), detail: expect.any(String) });
};

describe('bad input gets a problem, never a 500', () => {
  it('malformed JSON', async () => {
    const res = await call(t, { method: 'POST', url: '/api/v1/auth/register', headers: { 'content-type': 'application/json' }, payload: '{"email": "a@b.cn", ' });
    isProblem(res, 400, 'MALFORMED_JSON');
  });

  it('wrong types, with a path per field', async () => {
    const res = await call(t, { method: 'POST', url: '/api/v1/auth/register', payload: { email: 42, password: ['x'], name: 'n' } });
    isProblem(res, 400, 'VALIDATION_FAILED');
    const paths = res.json<{ errors: Array<{ path: string }> }>().errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });

  it('names the type that was sent, in either language', async () => {
    const payload = { ...buildUserInput(), name: 42 };
    const en = await call(t, { method: 'POST', url: '/api/v1/auth/register', payload });
    expect(en.json<{ errors: Array<{ path: string; message: string }> }>().errors).toEqual([{ path: 'body.name', message: expect.stringMatching(/expected string, received number/) }]);
    const zh = await call(t, { method: 'POST', url: '/api/v1/auth/register', headers: { 'accept-language': 'zh-CN' }, payload });
    expect(zh.json<{ errors: Array<{ message: string }> }>().errors[0]!.message).toBe('无效输入：期望 string，实际接收 数字');
  });

  it("keeps a schema's own message, in Chinese when asked", async () => {
    const url = '/api/v1/products/00000000-0000-4000-8000-000000000000/price?quantity=1.0001';
    const en = await call(t, { method: 'GET', url });
    isProblem(en, 400, 'VALIDATION_FAILED');
    expect(en.json<{ errors: Array<{ path: string; message: string }> }>().errors).toEqual([{ path: 'querystring.quantity', message: 'at most three decimals' }]);
    const zh = await call(t, { method: 'GET', url, headers: { 'accept-language': 'zh-CN' } });
    expect(zh.json<{ errors: Array<{ message: string }> }>().errors[0]!.message).toBe('最多保留三位小数');
    // A pattern's meaning, never the pattern itself.
    const mobile = await call(t, { method: 'POST', url: '/api/v1/auth/register', headers: { 'accept-language': 'zh-CN' }, payload: buildUserInput({ mobile: '12ab' }) });
    expect(mobile.json<{ errors: Array<{ path: string; message: string }> }>().errors).toEqual([{ path: 'body.mobile', message: '只能填数字,可以 + 开头' }]);
  });

  it('unknown fields', async () => {
    const res = await call(t, { method: 'POST', url: '/api/v1/auth/register', payload: { ...buildUserInput(), isOperator: true } });
    isProblem(res, 400, 'VALIDATION_FAILED');
  });

  it('over-long strings, with the message in Chinese when asked', async () => {
    const res = await call(t, { method: 'POST', url: '/api/v1/auth/register', headers: { 'accept-language': 'zh-CN,zh;q=0.9' }, payload: buildUserInput({ name: '长'.repeat(81) }) });
    isProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.json<{ errors: Array<{ path: string; message: string }> }>().errors[0]).toMatchObject({ path: 'body.name', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });

  it('oversize bodies', async () => {
    const res = await call(t, { method: 'POST', url: '/api/v1/auth/register', payload: { ...buildUserInput(), name: 'x'.repeat(10_000) } });
    isProblem(res, 413, 'BODY_TOO_LARGE');
  });

  it('bad path parameters and query strings', async () => {
    const u = await registerUser(t);
    isProblem(await call(t, { method: 'GET', url: '/api/v1/companies/not-a-uuid' }), 400, 'VALIDATION_FAILED');
    isProblem(await call(t, { method: 'GET', url: '/api/v1/companies?limit=100000' }), 400, 'VALIDATION_FAILED');
    isProblem(await call(t, { method: 'DELETE', url: '/api/v1/auth/sessions/123', headers: u.headers }), 400, 'VALIDATION_FAILED');
  });

  it('a URL over the header limit, refused before routing, still gets a problem', async () => {
    const base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const res = await fetch(`${base}/api/v1/search/products?q=${'钢'.repeat(30_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE', detail: expect.stringContaining('too large') });
  });

  it('unknown API routes', async () => {
    isProblem(await call(t, { method: 'GET', url: '/api/v1/nothing-here' }), 404, 'NOT_FOUND');
  });
});

describe('HTTP surface', () => {
  it('serves the OpenAPI 3.1 document generated from the route schemas, and the docs page', async () => {
    const doc = (await call(t, { method: 'GET', url: '/api/openapi.json' })).json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/register', '/api/v1/companies/{id}/invitations', '/api/v1/me']));
    const page = await call(t, { method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });

  it('answers health, readiness and Prometheus metrics', async () => {
    expect((await call(t, { method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await call(t, { method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ready' });
    await call(t, { method: 'GET', url: '/api/v1/regions' });
    const metrics = (await call(t, { method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/regions",status="200"\} 1/);
    expect(metrics).toMatch(/http_request_duration_seconds_bucket/);
    expect(metrics).toMatch(/event_dispatch_lag_seconds/);
    expect(metrics).toMatch(/job_queue_depth\{status="pending"\}/);
    expect(metrics).toMatch(/events_pending \d+/);
  });

  it('sets security headers and a request id, and sends no CORS headers by default', async () => {
    const res = await call(t, { method: 'GET', url: '/api/v1/regions', headers: { origin: 'https://evil.example' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
