import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../testing/harness.js';
import { DEMO_COMPANIES, DEMO_PASSWORD, demoCompanies, seedDemoIfEmpty, type DemoSeedResult } from './demo.js';
import { openDemoSeeder } from './demo-companies.js';
import { defineDemoCatalogJob, scheduleDemoSeed } from './demo-job.js';
import { drainAll } from '../testing/demo.js';
import type { RequestContext } from '../platform/context.js';

// A smaller catalog than the 1,000 of a real start keeps this under a minute on PGlite; demo-catalog.test.ts checks
// the generator over the full size.
const CATALOG_SIZE = 120;

let t: TestApp;
let demo: DemoSeedResult | null;
let seedMs: number;
let catalogMs: number;
/** What existed when seedDemoIfEmpty returned, before the background job ran (what the first start listens with). */
let atStart: { suppliers: number; buyers: number };
beforeAll(async () => {
  t = await createTestApp();
  defineDemoCatalogJob(t);
  let started = performance.now();
  demo = await seedDemoIfEmpty(t, { catalogSize: CATALOG_SIZE });
  seedMs = performance.now() - started;
  atStart = await companyCounts(t);
  started = performance.now();
  await drainAll(t);
  catalogMs = performance.now() - started;
}, 180_000);
afterAll(async () => {
  await t.close();
});

async function companyCounts(app: TestApp): Promise<{ suppliers: number; buyers: number }> {
  const base: RequestContext = { actor: null, locale: 'en-US', ip: '127.0.0.1', userAgent: null, requestId: 'test' };
  const all = (await app.modules.accounts.companies.list(base, { limit: 100 })).items;
  return { suppliers: all.filter((c) => c.companyType !== 'buyer').length, buyers: all.filter((c) => c.companyType === 'buyer').length };
}

type Json = Record<string, unknown>;
const get = async <T = Json>(url: string, headers: Record<string, string> = {}) => {
  const res = await t.app.inject({ method: 'GET', url, headers });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json<T>();
};
interface Tier { minQuantity: number; unitPrice: number }
interface SearchPage { items: Array<{ id: string; titleZh: string; titleEn: string | null; coverUrl: string | null; supplier: { id: string; verified: boolean; trustpassYears: number } }>; total: number }

describe('demo seed', () => {
  it('seeds only the hand-written companies before the start goes on, and their printed logins work', async () => {
    expect(demo).toMatchObject({ suppliers: 40, buyers: 3, readyNow: DEMO_COMPANIES.length, catalogSize: CATALOG_SIZE });
    expect(atStart).toEqual({ suppliers: 6, buyers: 3 });
    for (const { email } of demo!.logins) {
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: DEMO_PASSWORD } });
      expect(login.statusCode, email).toBe(200);
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${login.json<{ token: string }>().token}` } });
    }
  });

  it('creates an operator, ~40 suppliers and three buyers with members, verifications in every state and TrustPass members, leaves no seed sessions', async () => {
    console.log(`demo seed: before listening ${Math.round(seedMs)} ms; background job (34 companies, catalog of ${CATALOG_SIZE}, drained) ${Math.round(catalogMs)} ms`);
    const suppliers = (await get<{ items: Array<{ id: string; memberCount: number; nameEn: string | null }> }>('/api/v1/companies?role=supplier&limit=100')).items;
    const buyers = (await get<{ items: Array<{ companyType: string }> }>('/api/v1/companies?role=buyer&limit=100')).items;
    expect(suppliers).toHaveLength(40);
    expect(buyers.filter((c) => c.companyType === 'buyer')).toHaveLength(3);
    expect(suppliers.every((c) => c.memberCount >= 2 && c.nameEn)).toBe(true);

    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: demo!.logins[0]!.email, password: DEMO_PASSWORD } });
    const token = login.json<{ token: string }>().token;
    expect((await get<{ items: unknown[] }>('/api/v1/auth/sessions', { authorization: `Bearer ${token}` })).items).toHaveLength(1);
    const opsCtx: RequestContext = { actor: await t.modules.accounts.auth.authenticate(token, 'bearer'), locale: 'en-US', ip: '127.0.0.1', userAgent: null, requestId: 'test' };
    expect((await t.modules.trust.verification.adminList(opsCtx, { status: 'pending', limit: 50 })).items).toHaveLength(6);
    expect((await t.modules.trust.verification.adminList(opsCtx, { status: 'rejected', limit: 50 })).items).toHaveLength(3);
    const verified = await Promise.all(suppliers.map((c) => t.modules.trust.verification.isVerified(c.id)));
    expect(verified.filter(Boolean)).toHaveLength(30);
    const memberships = await Promise.all(suppliers.map(async (c) => (await get<{ status: string }>(`/api/v1/companies/${c.id}/trustpass`)).status));
    expect(memberships.filter((s) => s === 'active')).toHaveLength(15);
  });

  it('lists the catalog in the background: published products in every top-level category, valid tiers, pictures with thumbnails, all searchable', async () => {
    for (const top of ['steel', 'textiles', 'electronics', 'packaging', 'machinery', 'chemicals', 'food', 'office']) {
      expect((await get<SearchPage>(`/api/v1/search/products?category=${top}&limit=1`)).total, top).toBeGreaterThan(0);
    }
    const all = await get<SearchPage>('/api/v1/search/products?limit=50');
    expect(all.total).toBe(CATALOG_SIZE);
    // Ranking inputs differ between suppliers: verified and not, with and without TrustPass.
    const everything: SearchPage['items'] = [];
    for (let cursor: string | null = ''; cursor !== null;) {
      const page: SearchPage & { nextCursor: string | null } = await get(`/api/v1/search/products?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      everything.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(new Set(everything.map((i) => i.supplier.id)).size).toBe(40);
    expect(new Set(everything.map((i) => `${i.supplier.verified}/${i.supplier.trustpassYears > 0}`))).toEqual(new Set(['true/true', 'true/false', 'false/false']));

    const hot = await get<SearchPage>(`/api/v1/search/products?q=${encodeURIComponent('热轧')}`);
    expect(hot.total).toBeGreaterThan(0);
    expect(hot.items.every((i) => i.titleZh.includes('热轧'))).toBe(true);
    const stainless = await get<SearchPage>('/api/v1/search/products?q=stainless');
    expect(stainless.total).toBeGreaterThan(0);
    expect(stainless.items.some((i) => `${i.titleZh} ${i.titleEn}`.includes('不锈钢') || /stainless/i.test(i.titleEn ?? ''))).toBe(true);

    const product = await get<{ status: string; priceTiers: Tier[]; moq: number; skus: Array<{ priceTiers: Tier[] | null; stock: number }>; images: Array<{ url: string; thumbnails: Record<string, string> }> }>(`/api/v1/products/${hot.items[0]!.id}`);
    expect(product.status).toBe('published');
    for (const tiers of [product.priceTiers, ...product.skus.map((s) => s.priceTiers).filter((x): x is Tier[] => x !== null)]) {
      expect(tiers[0]!.minQuantity).toBe(product.moq);
      for (let i = 1; i < tiers.length; i++) {
        expect(tiers[i]!.minQuantity).toBeGreaterThan(tiers[i - 1]!.minQuantity);
        expect(tiers[i]!.unitPrice).toBeLessThan(tiers[i - 1]!.unitPrice);
      }
    }
    expect(product.images.length).toBeGreaterThan(0);
    const thumb = await t.app.inject({ method: 'GET', url: product.images[0]!.thumbnails['160']! });
    expect([thumb.statusCode, thumb.headers['content-type']]).toEqual([200, 'image/webp']);
    const full = await t.app.inject({ method: 'GET', url: product.images[0]!.url });
    expect([full.statusCode, full.headers['content-type']]).toEqual([200, 'image/png']);
    expect(everything.every((i) => i.coverUrl)).toBe(true);

    // Pictures are shared between a supplier's listings rather than stored once per listing.
    const covers = new Set(everything.map((i) => i.coverUrl));
    expect(covers.size).toBeLessThan(CATALOG_SIZE);

    // The shops filled in from the same events.
    const shop = await get<{ productCount: number }>(`/api/v1/shops/${hot.items[0]!.supplier.id}`);
    expect(shop.productCount).toBeGreaterThan(0);
  });

  it('runs only once, and a repeated catalog run adds nothing', async () => {
    expect(await seedDemoIfEmpty(t, { catalogSize: CATALOG_SIZE })).toBeNull();
    const before = (await get<SearchPage>('/api/v1/search/products?limit=1')).total;
    // A run of the job again (as after a crash) finds every listing in place.
    const { seedSupplierCatalog } = await import('./demo-job.js');
    const job = await t.database.db.selectFrom('jobs').select(['payload']).where('kind', '=', 'demo.catalog').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const result = await seedSupplierCatalog(t, job.payload as Parameters<typeof seedSupplierCatalog>[1], 0);
    expect(result).toEqual({ created: 0, published: 0, waiting: false, more: false });
    await drainAll(t);
    expect((await get<SearchPage>('/api/v1/search/products?limit=1')).total).toBe(before);
  });
});

describe('demo seed interrupted', () => {
  let u: TestApp;
  beforeAll(async () => {
    u = await createTestApp();
    defineDemoCatalogJob(u);
  });
  afterAll(async () => {
    await u.close();
  });

  const counts = async () => {
    const ops = await u.modules.accounts.auth.authenticate((await u.modules.accounts.auth.login({ actor: null, locale: 'en-US', ip: '127.0.0.1', userAgent: null, requestId: 'test' }, { email: 'ops@tongshang.demo', password: DEMO_PASSWORD })).session.token, 'bearer');
    const ctx: RequestContext = { actor: ops, locale: 'en-US', ip: '127.0.0.1', userAgent: null, requestId: 'test' };
    const companies = (await u.modules.accounts.companies.list(ctx, { limit: 100 })).items;
    const purchases = await Promise.all(companies.map(async (c) => (await u.modules.trustpass.trustpass.status(ctx, c.id)).purchases.map((p) => p.status)));
    const memberCounts = await Promise.all(companies.map(async (c) => (await u.modules.accounts.members.listMembers(ctx, c.id)).length));
    await u.modules.accounts.auth.logout(ctx);
    return {
      users: (await u.modules.accounts.members.adminListUsers({ limit: 500 })).length,
      companies: companies.length,
      members: memberCounts.reduce((a, b) => a + b, 0),
      purchases: purchases.flat().sort(),
      verifications: {
        pending: (await u.modules.trust.verification.adminList(ctx, { status: 'pending', limit: 100 })).items.length,
        approved: (await u.modules.trust.verification.adminList(ctx, { status: 'approved', limit: 100 })).items.length,
        rejected: (await u.modules.trust.verification.adminList(ctx, { status: 'rejected', limit: 100 })).items.length,
      },
    };
  };

  it('finishes companies a crashed run left half-seeded, and a run repeated from the start duplicates nothing', async () => {
    // The companies only: the catalog's own resumability is checked above.
    await seedDemoIfEmpty(u, { catalogSize: 0 });
    const all = demoCompanies();
    const paying = all.findIndex((c, i) => i >= DEMO_COMPANIES.length && c.membership !== null);
    const joining = all.findIndex((c, i) => i > paying && c.membership === null);
    const seeder = await openDemoSeeder(u, { createOperator: false });
    try {
      // A crash after the TrustPass purchase, before the transfer was confirmed…
      const confirm = vi.spyOn(u.modules.payments.payments, 'confirmTransfer').mockRejectedValueOnce(new Error('crash'));
      await expect(seeder.seedCompany(all[paying]!, paying)).rejects.toThrow('crash');
      confirm.mockRestore();
      // …and one after the sales person was invited, before they accepted.
      const accept = vi.spyOn(u.modules.accounts.members, 'accept').mockRejectedValueOnce(new Error('crash'));
      await expect(seeder.seedCompany(all[joining]!, joining)).rejects.toThrow('crash');
      accept.mockRestore();
    } finally {
      await seeder.close();
    }

    await drainAll(u);
    const done = await counts();
    const people = 1 + all.reduce((n, c) => n + 1 + ('members' in c ? c.members.length : 1), 0);
    const planned = (outcome: string) => all.filter((c) => c.verification === outcome).length;
    expect(done).toMatchObject({ users: people, companies: 43, members: people - 1, verifications: { pending: planned('pending'), approved: planned('approved'), rejected: planned('rejected') } });
    expect(done.verifications.pending).toBe(6);
    const members = all.filter((c) => c.membership !== null).length;
    expect(done.purchases).toEqual(new Array<string>(members).fill('paid'));
    const joined = (await u.modules.accounts.companies.list({ actor: null, locale: 'en-US', ip: '127.0.0.1', userAgent: null, requestId: 'test' }, { q: all[joining]!.uscc, limit: 1 })).items[0]!;
    expect(joined.memberCount).toBe(2);
    // The invitation the crash left open was withdrawn, not left lying about.
    const base: RequestContext = { actor: null, locale: 'en-US', ip: '127.0.0.1', userAgent: null, requestId: 'test' };
    const { session } = await u.modules.accounts.auth.login(base, { email: all[joining]!.owner.email, password: DEMO_PASSWORD });
    const ownerCtx = { ...base, actor: await u.modules.accounts.auth.authenticate(session.token, 'bearer') };
    expect((await u.modules.accounts.members.listInvitations(ownerCtx, joined.id)).filter((i) => i.status === 'pending')).toEqual([]);
    await u.modules.accounts.auth.logout(ownerCtx);

    // The whole job again (as if a restart re-ran it): every company is found complete.
    await scheduleDemoSeed(u, { total: 0 });
    await drainAll(u);
    expect(await counts()).toEqual(done);
  }, 180_000);
});
