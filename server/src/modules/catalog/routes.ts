import type { z } from 'zod';
import { DomainError } from '../../platform/errors.js';
import type { App } from '../../platform/http/server.js';
import { requireUser } from '../../platform/policy.js';
import { okResponse } from '../../platform/schemas.js';
import type { CategoriesService } from './categories.service.js';
import { CatalogErrors } from './errors.js';
import type { ProductsService } from './products.service.js';
import * as s from './schemas.js';
import { REPORT_INPUT } from '../../platform/issue-messages.js';
import { fieldErrorsFromIssues } from './validation.js';

/**
 * Product bodies are validated by the route schema (which also documents them), but a failure is reported in
 * the catalog's words: the same body is parsed again and each issue becomes a field error a seller can read.
 */
function productBody<T>(req: { validationError?: Error & { validationContext?: string }; body: unknown; ctx: { locale: 'zh-CN' | 'en-US' } }, schema: z.ZodType<T>): T {
  const failure = req.validationError;
  if (!failure) return req.body as T;
  if (failure.validationContext !== 'body') throw failure;
  const parsed = schema.safeParse(req.body, REPORT_INPUT);
  if (parsed.success) throw failure;
  const errors = fieldErrorsFromIssues(parsed.error.issues, req.ctx.locale);
  throw new DomainError(CatalogErrors.PRODUCT_INVALID, { count: errors.length }, errors);
}

export function registerCatalogRoutes(app: App, categories: CategoriesService, products: ProductsService): void {
  // Categories -------------------------------------------------------------------------------------------
  app.get('/api/v1/categories', {
    schema: { tags: ['catalog'], summary: 'The category tree (类目), each level ordered', response: { 200: s.categoryTree } },
  }, async () => ({ items: await categories.tree() }));

  app.get('/api/v1/categories/:id', {
    schema: { tags: ['catalog'], summary: 'One category (by id or dotted code) with its subtree, path and resolved attribute template', params: s.categoryParams, response: { 200: s.categoryDetail } },
  }, async (req) => categories.detail(req.params.id));

  app.post('/api/v1/admin/categories', {
    schema: { tags: ['admin'], summary: 'Create a category under a parent, with its own attributes (operators)', body: s.createCategoryBody, response: { 201: s.categoryDetail } },
  }, async (req, reply) => reply.code(201).send(await categories.create(req.ctx, req.body)));

  app.get('/api/v1/admin/categories/product-counts', {
    schema: { tags: ['admin'], summary: 'Live and published products directly in each category (operators)', response: { 200: s.categoryProductCounts } },
  }, async (req) => products.countsByCategory(req.ctx));

  app.patch('/api/v1/admin/categories/:id', {
    schema: { tags: ['admin'], summary: "Rename or reorder a category, or replace its own attributes (operators; in-use attributes may only be added to)", params: s.idParams, body: s.updateCategoryBody, response: { 200: s.categoryDetail } },
  }, async (req) => categories.update(req.ctx, req.params.id, req.body));

  // Products ---------------------------------------------------------------------------------------------
  app.post('/api/v1/products', {
    attachValidation: true,
    schema: { tags: ['catalog'], summary: 'Create a draft product for the active company (owner, admin, sales of a supplier)', body: s.productInput, response: { 201: s.productView } },
  }, async (req, reply) => {
    const companyId = requireUser(req.ctx).activeCompanyId;
    if (!companyId) throw new DomainError(CatalogErrors.ACTIVE_COMPANY_REQUIRED);
    const body = productBody(req, s.productInput);
    return reply.code(201).send(await products.create(req.ctx, companyId, body));
  });

  app.post('/api/v1/products/bulk', {
    schema: { tags: ['catalog'], summary: 'Publish, delist or delete several products; one result per id', body: s.bulkBody, response: { 200: s.bulkResponse } },
  }, async (req) => products.bulk(req.ctx, req.body.ids, req.body.action));

  app.get('/api/v1/products/:id', {
    schema: { tags: ['catalog'], summary: 'A product (drafts and delisted ones for its company and operators)', params: s.idParams, response: { 200: s.productView } },
  }, async (req) => products.get(req.ctx, req.params.id));

  app.patch('/api/v1/products/:id', {
    attachValidation: true,
    schema: { tags: ['catalog'], summary: 'Edit a product; lists given replace the whole list', params: s.idParams, body: s.productPatch, response: { 200: s.productView } },
  }, async (req) => products.update(req.ctx, req.params.id, productBody(req, s.productPatch)));

  app.delete('/api/v1/products/:id', {
    schema: { tags: ['catalog'], summary: 'Delete a draft or delisted product', params: s.idParams, response: { 200: okResponse } },
  }, async (req) => {
    await products.remove(req.ctx, req.params.id);
    return { ok: true as const };
  });

  app.post('/api/v1/products/:id/publish', {
    schema: { tags: ['catalog'], summary: 'Publish (within the TrustPass publishing limit); clears a takedown', params: s.idParams, response: { 200: s.productView } },
  }, async (req) => products.publish(req.ctx, req.params.id));

  app.post('/api/v1/products/:id/delist', {
    schema: { tags: ['catalog'], summary: 'Take a published product off the market', params: s.idParams, response: { 200: s.productView } },
  }, async (req) => products.delist(req.ctx, req.params.id));

  app.get('/api/v1/products/:id/price', {
    schema: { tags: ['catalog'], summary: 'Unit price and total in 分 at a quantity (default the MOQ) for a SKU', params: s.idParams, querystring: s.priceQuery, response: { 200: s.priceResponse } },
  }, async (req) => products.price(req.ctx, req.params.id, req.query));

  app.post('/api/v1/admin/products/:id/takedown', {
    schema: { tags: ['admin'], summary: 'Take a product down with a reason the seller sees (operators)', params: s.idParams, body: s.takedownBody, response: { 200: s.productView } },
  }, async (req) => products.takedown(req.ctx, req.params.id, req.body.reason));

  app.get('/api/v1/admin/products', {
    schema: { tags: ['admin'], summary: 'Products of every company, newest first, with the company name (operators)', querystring: s.adminProductsQuery, response: { 200: s.adminProductPage } },
  }, async (req) => products.adminList(req.ctx, req.query));

  app.get('/api/v1/companies/:id/products', {
    schema: { tags: ['catalog'], summary: "A company's products, newest first (members see every status, others the published ones)", params: s.companyParams, querystring: s.companyProductsQuery, response: { 200: s.productPage } },
  }, async (req) => products.listForCompany(req.ctx, req.params.id, req.query));
}
