import { z } from 'zod';
import { DomainError, PlatformErrors } from '../../platform/errors.js';
import { registerUploadRoutes, type App } from '../../platform/http/server.js';
import { timestamp } from '../../platform/schemas.js';
import { IMPORT_LIMITS, type ImportService, type SheetFile } from './import.service.js';
import { productStatus } from './schemas.js';

const format = z.enum(['csv', 'xlsx']);
const rowError = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });
export const importJob = z.object({
  id: z.uuid(), status: z.enum(['queued', 'running', 'succeeded', 'failed']), format, fileName: z.string().nullable(), categoryId: z.uuid().nullable(), publish: z.boolean(),
  rows: z.number().int(), total: z.number().int(), processed: z.number().int(), created: z.number().int(), failed: z.number().int(), published: z.number().int(),
  errors: z.array(rowError), errorsTruncated: z.boolean(), createdAt: timestamp, finishedAt: timestamp.nullable(),
});

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266). */
function download(reply: { header(k: string, v: string): unknown }, file: SheetFile): Buffer {
  reply.header('content-type', file.contentType);
  reply.header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  reply.header('x-content-type-options', 'nosniff');
  return file.bytes;
}

export function registerImportRoutes(app: App, imports: ImportService): void {
  app.get('/api/v1/products/import/template', {
    schema: {
      tags: ['catalog'], summary: 'An import template for a bottom-level category: product columns, one column per template attribute, SKU columns (xlsx: dropdowns and an instructions sheet; CSV: UTF-8 with BOM)',
      querystring: z.strictObject({ categoryId: z.string().min(1).max(200), format: format.default('xlsx') }),
      response: { 200: z.any().describe('The file (text/csv or xlsx)') },
    },
  }, async (req, reply) => download(reply, await imports.template(req.ctx, req.query.categoryId, req.query.format)));

  app.get('/api/v1/products/export', {
    schema: {
      tags: ['catalog'], summary: "The active company's products in the import layout (one row per SKU, category column filled), CSV or xlsx",
      querystring: z.strictObject({ format: format.default('xlsx'), status: productStatus.optional(), categoryId: z.string().min(1).max(200).optional() }),
      response: { 200: z.any().describe('The file (text/csv or xlsx)') },
    },
  }, async (req, reply) => download(reply, await imports.export(req.ctx, req.query)));

  app.get('/api/v1/products/import/:jobId', {
    schema: {
      tags: ['catalog'], summary: 'Progress of an import: counts of row groups (products) and row errors (row, column, reason) in the requester’s language',
      params: z.object({ jobId: z.uuid() }), response: { 200: importJob },
    },
  }, async (req) => imports.status(req.ctx, req.params.jobId));

  registerUploadRoutes(app, { fileSize: IMPORT_LIMITS.maxBytes + 1 }, (uploads) =>
    uploads.post('/api/v1/products/import', {
      schema: {
        tags: ['catalog'],
        summary: 'Import products from a CSV or .xlsx file (multipart field "file", ≤ 5 MB, ≤ 5,000 rows) into the active company as drafts (publish=true: also publish within the TrustPass limit); runs as a job',
        querystring: z.strictObject({ categoryId: z.string().min(1).max(200).optional(), publish: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') }),
        response: { 202: z.object({ job: importJob }) },
      },
    }, async (req, reply) => {
      if (!req.isMultipart()) throw new DomainError(PlatformErrors.FILE_MISSING);
      const part = await req.file();
      if (!part) throw new DomainError(PlatformErrors.FILE_MISSING);
      const bytes = await part.toBuffer().catch(() => {
        throw new DomainError(PlatformErrors.FILE_TOO_LARGE, { limit: '5 MB' });
      });
      const job = await imports.submit(req.ctx, { bytes, fileName: part.filename || null, declaredType: part.mimetype ?? '', categoryId: req.query.categoryId, publish: req.query.publish });
      return reply.code(202).send({ job });
    }),
  );
}
