import { DomainError, type Locale } from '../../platform/errors.js';
import type { App } from '../../platform/http/server.js';
import { StorefrontErrors } from './errors.js';
import * as s from './schemas.js';
import type { StorefrontService } from './service.js';
import { REPORT_INPUT } from '../../platform/issue-messages.js';
import { fieldErrorsFromIssues } from './validation.js';

/**
 * The shop body is validated by the route schema (which also documents it), but a failure is reported in the
 * storefront's words: the body is parsed again and each issue becomes a field error the seller can read.
 */
function shopBody(req: { validationError?: Error & { validationContext?: string }; body: unknown; ctx: { locale: Locale } }): s.UpdateBody {
  const failure = req.validationError;
  if (!failure) return req.body as s.UpdateBody;
  if (failure.validationContext !== 'body') throw failure;
  const parsed = s.updateBody.safeParse(req.body, REPORT_INPUT);
  if (parsed.success) throw failure;
  const errors = fieldErrorsFromIssues(parsed.error.issues, req.body, req.ctx.locale);
  throw new DomainError(StorefrontErrors.SHOP_INVALID, { count: errors.length }, errors);
}

export function registerStorefrontRoutes(app: App, storefront: StorefrontService): void {
  app.get('/api/v1/companies/:id/storefront', {
    schema: { tags: ['storefront'], summary: "The company's shop as its owner or admin edits it: slug, template rules, every section (shown or hidden)", params: s.companyParams, response: { 200: s.editorView } },
  }, async (req) => storefront.forEditor(req.ctx, req.params.id));

  app.put('/api/v1/companies/:id/storefront', {
    attachValidation: true,
    schema: { tags: ['storefront'], summary: 'Replace the shop slug, colour and ordered sections (owner, admin); checked against the template', params: s.companyParams, body: s.updateBody, response: { 200: s.editorView } },
  }, async (req) => storefront.update(req.ctx, req.params.id, shopBody(req)));

  app.get('/api/v1/shops/:slug', {
    schema: { tags: ['storefront'], summary: 'A public shop by slug (or company id): company header, visible sections in order, shop categories with counts', params: s.shopParams, response: { 200: s.publicShop } },
  }, async (req) => storefront.publicShop(req.params.slug));

  app.get('/api/v1/shops/:slug/products', {
    schema: { tags: ['storefront'], summary: "Search within a shop: its published products by title words and category, newest first", params: s.shopParams, querystring: s.shopProductsQuery, response: { 200: s.shopProductsPage } },
  }, async (req) => storefront.shopProducts(req.params.slug, req.query));
}
