/**
 * The demo is finished in the background, after the server listens. First the companies the first start did not
 * seed (the 34 registry suppliers; three per run, each resumable, see demo-companies.ts), then the catalog: 1,000 listings through the catalog
 * services cost ~50 ms each to create and publish plus ~35 ms of search and storefront handling on PGlite, i.e.
 * minutes (2–4 measured on a busy 2-core machine), far beyond the 15 s start budget. One job run seeds one supplier's listings,
 * then queues the next supplier; each run first looks at what the supplier already has (by title), so a run
 * repeated after a crash or restart only finishes what is missing.
 */
import { z } from 'zod';
import type { BuiltApp } from '../app.js';
import type { Actor, RequestContext } from '../platform/context.js';
import { enqueueJob } from '../platform/jobs.js';
import { productInput, type AttributeDefinition } from '../modules/catalog/index.js';
import { supplierListings, type CatalogSupplier, type DemoListing } from './demo-catalog.js';
import { demoCompanies, openDemoSeeder, seedCompaniesInOrder, type DemoSupplierEntry } from './demo-companies.js';
import { productPng } from './demo-images.js';
import { defineDemoSourcingJob, scheduleDemoSourcing } from './demo-sourcing.js';

export const DEMO_CATALOG_JOB = 'demo.catalog';

const seededSupplier = z.object({ companyId: z.uuid(), userId: z.uuid(), email: z.string(), name: z.string() });
const payloadSchema = z.object({
  total: z.number().int().min(0),
  /** The next of demoCompanies() to seed; absent in jobs queued when the first start seeded every company. */
  companies: z.number().int().min(0).optional(),
  /** The supplier whose listings are next (an index into `suppliers`). */
  cursor: z.number().int().min(0),
  startedAt: z.string(),
  suppliers: z.array(seededSupplier.extend({ plan: z.object({
    key: z.string(), legalName: z.string(), nameEn: z.string(), province: z.string(), city: z.string(), leaves: z.array(z.string()), publishLimit: z.number(), weight: z.number(),
  }) })),
});
export type DemoCatalogPayload = z.infer<typeof payloadSchema>;

/** Companies seeded per run: three at a time overlap password hashing with the database work, in a second or two. */
const COMPANIES_PER_RUN = 3;

/**
 * Queues the first run, from the first company on: the companies the first start seeds before listening are found
 * complete and only looked at (reads, besides the operator's sign-in per run), and any it did not finish are finished.
 */
export async function scheduleDemoSeed(built: BuiltApp, options: { total: number }): Promise<void> {
  const payload: DemoCatalogPayload = { total: options.total, companies: 0, cursor: 0, startedAt: new Date().toISOString(), suppliers: [] };
  await enqueueJob(built.platform.database.db, { kind: DEMO_CATALOG_JOB, payload, uniqueKey: `${DEMO_CATALOG_JOB}:companies:0` });
}

/** Leaf templates by category code, read through the catalog's public surface. */
export async function leafTemplates(built: BuiltApp, codes: Iterable<string>): Promise<{ templates: Map<string, AttributeDefinition[]>; ids: Map<string, string> }> {
  const { categories } = built.modules.catalog;
  const ids = new Map<string, string>();
  const walk = (nodes: Awaited<ReturnType<typeof categories.tree>>) => {
    for (const n of nodes) {
      ids.set(n.code, n.id);
      walk(n.children);
    }
  };
  walk(await categories.tree());
  const templates = new Map<string, AttributeDefinition[]>();
  for (const code of new Set(codes)) {
    const id = ids.get(code);
    if (!id) throw new Error(`the demo catalog needs the category ${code}`);
    templates.set(code, (await categories.resolved(id)).attributes);
  }
  return { templates, ids };
}

/** The seed acts as the supplier's owner, in-process (no session: nobody signs in). */
function ownerContext(s: z.infer<typeof seededSupplier>): RequestContext {
  const actor: Actor = {
    userId: s.userId, sessionId: 'demo-seed', email: s.email, name: s.name, isOperator: false,
    memberships: [{ companyId: s.companyId, role: 'owner' }], activeCompanyId: s.companyId, csrfToken: '', via: 'bearer',
  };
  return { actor, locale: 'zh-CN', ip: '127.0.0.1', userAgent: 'demo-seed', requestId: 'demo-seed' };
}

/** Seeds one supplier's listings: pictures, then each missing listing created and published, and drafts a crash left published. */
export async function seedSupplierCatalog(built: BuiltApp, payload: DemoCatalogPayload, index: number, maxPerRun = Infinity): Promise<{ created: number; published: number; waiting: boolean; more: boolean }> {
  const supplier = payload.suppliers[index]!;
  const plans: CatalogSupplier[] = payload.suppliers.map((s) => s.plan);
  const { templates, ids } = await leafTemplates(built, supplier.plan.leaves);
  const listings: DemoListing[] = supplierListings(plans, index, templates, payload.total);
  const { products } = built.modules.catalog;
  // A TrustPass membership paid at start-up activates when its payment event is handled; until then the free limit applies.
  const { publishLimit } = await built.modules.trustpass.trustpass.limits(supplier.companyId);
  if (publishLimit < listings.length) return { created: 0, published: 0, waiting: true, more: true };

  const ctx = ownerContext(supplier);
  const existing = new Map<string, { id: string; status: string; categoryId: string; coverFileId: string | null }>();
  let cursor: string | undefined;
  do {
    const page = await products.listForCompany(ctx, supplier.companyId, { cursor, limit: 100 });
    for (const p of page.items) existing.set(p.titleZh, { id: p.id, status: p.status, categoryId: p.categoryId, coverFileId: p.coverUrl?.split('/').pop() ?? null });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  // One stored picture per leaf and colourway, shared by the supplier's listings (a file may back several of the company's products).
  const pictures = new Map<string, string>();
  for (const e of existing.values()) {
    const leaf = [...ids].find(([, id]) => id === e.categoryId)?.[0];
    const first = listings.find((l) => l.leaf === leaf);
    if (first && e.coverFileId) pictures.set(`${first.leaf}:${first.image.variant}`, e.coverFileId);
  }
  const picture = async (leaf: string, variant: number) => {
    const key = `${leaf}:${variant}`;
    let id = pictures.get(key);
    if (!id) {
      const stored = await built.modules.files.files.store({
        bytes: await productPng(leaf, variant), purpose: 'product_image', allowed: ['image/png'], maxBytes: 5_000_000, ownerCompanyId: supplier.companyId, uploadedBy: supplier.userId,
      });
      id = stored.id;
      pictures.set(key, id);
    }
    return id;
  };

  let created = 0;
  let published = 0;
  for (const l of listings) {
    if (published >= maxPerRun) return { created, published, waiting: false, more: true };
    const found = existing.get(l.input.titleZh);
    // Published already, or delisted by someone since: only what the seed itself left unfinished is its business.
    if (found && found.status !== 'draft') continue;
    let id = found?.id;
    if (!id) {
      const imageIds = [await picture(l.leaf, l.image.variant)];
      if (l.secondImage) imageIds.push(await picture(l.leaf, l.image.variant + 2));
      const input = productInput.parse({ ...l.input, categoryId: ids.get(l.leaf)!, imageIds });
      id = (await products.create(ctx, supplier.companyId, input)).id;
      created++;
    }
    await products.publish(ctx, id);
    published++;
  }
  return { created, published, waiting: false, more: false };
}

/** Defined at every start (SEED_DEMO or not), so a demo seed interrupted by a restart carries on. */
export function defineDemoCatalogJob(built: BuiltApp): void {
  defineDemoSourcingJob(built);
  built.platform.jobs.define(DEMO_CATALOG_JOB, payloadSchema, async (payload, ctx) => {
    const { db } = built.platform.database;
    const all = demoCompanies();
    if (payload.companies !== undefined && payload.companies < all.length) {
      const from = payload.companies;
      const started = Date.now();
      const specs = all.slice(from, from + COMPANIES_PER_RUN);
      const seeder = await openDemoSeeder(built, { createOperator: false });
      let entries: Awaited<ReturnType<typeof seedCompaniesInOrder>>;
      try {
        entries = await seedCompaniesInOrder(seeder, specs, from);
      } finally {
        await seeder.close();
      }
      const known = new Set(payload.suppliers.map((s) => s.companyId));
      const suppliers = [...payload.suppliers, ...entries.filter((e): e is DemoSupplierEntry => e !== null && !known.has(e.companyId))];
      const next = from + specs.length;
      const elapsedS = Math.round((Date.now() - Date.parse(payload.startedAt)) / 1000);
      ctx.log.info({ companies: `${next}/${all.length}`, runMs: Date.now() - started, elapsedS }, next < all.length ? 'demo companies: progress' : 'demo companies complete');
      // With no catalog to list (DEMO_CATALOG_SIZE=0) the demo is done.
      if (next < all.length || payload.total > 0) {
        await enqueueJob(db, { kind: DEMO_CATALOG_JOB, payload: { ...payload, companies: next, cursor: 0, suppliers }, uniqueKey: `${DEMO_CATALOG_JOB}:companies:${next}` });
      }
      return;
    }
    const index = payload.cursor;
    if (index >= payload.suppliers.length) return;
    const started = Date.now();
    // Runs of ≤ 20 listings (a second or two), so the worker's other work and a shutdown never wait long.
    const result = await seedSupplierCatalog(built, payload, index, 20);
    if (result.more) {
      // More of this supplier to do, or its TrustPass is not active yet (then look again shortly, not as a failure).
      await enqueueJob(db, { kind: DEMO_CATALOG_JOB, payload: { ...payload }, runAt: new Date(Date.now() + (result.waiting ? 1000 : 0)), uniqueKey: `${DEMO_CATALOG_JOB}:${index}:${ctx.jobId}` });
      if (result.published) ctx.log.info({ supplier: `${index + 1}/${payload.suppliers.length}`, created: result.created, published: result.published, runMs: Date.now() - started }, 'demo catalog: progress');
      return;
    }
    const elapsed = Math.round((Date.now() - Date.parse(payload.startedAt)) / 1000);
    ctx.log.info({ supplier: `${index + 1}/${payload.suppliers.length}`, created: result.created, published: result.published, runMs: Date.now() - started, elapsedS: elapsed }, 'demo catalog: supplier seeded');
    if (index + 1 < payload.suppliers.length) {
      await enqueueJob(db, { kind: DEMO_CATALOG_JOB, payload: { ...payload, cursor: index + 1 }, uniqueKey: `${DEMO_CATALOG_JOB}:${index + 1}` });
    } else {
      ctx.log.info({ listings: payload.total, suppliers: payload.suppliers.length, elapsedS: elapsed }, 'demo catalog complete (search indexing follows in the worker)');
      // Bookmarks, inquiries, RFQs and chats refer to the listings, so they come once every supplier has its own.
      await scheduleDemoSourcing(built);
    }
  });
}
