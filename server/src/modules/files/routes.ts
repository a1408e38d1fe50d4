import { z } from 'zod';
import { DomainError, PlatformErrors } from '../../platform/errors.js';
import type { App } from '../../platform/http/server.js';
import type { FilesService, ThumbnailSize } from './service.js';
import { registerUploadRoutes } from '../../platform/http/server.js';
import { authorize, requireUser } from '../../platform/policy.js';
import type { SniffedType } from '../../platform/storage.js';

const ALLOWED: Record<'business_license' | 'attachment' | 'product_image', SniffedType[]> = {
  business_license: ['image/png', 'image/jpeg', 'application/pdf'],
  attachment: ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf'],
  // Never SVG: an uploaded SVG served from our origin is a script injection.
  product_image: ['image/png', 'image/jpeg', 'image/webp'],
};

const thumbnailUrls = z.object({ 160: z.string(), 400: z.string(), 800: z.string() });

export function registerFilesRoutes(app: App, files: FilesService, uploadLimitBytes: number): void {
  registerUploadRoutes(app, { fileSize: uploadLimitBytes + 1 }, (uploads) =>
    uploads.post('/api/v1/files', {
      schema: {
        tags: ['files'],
        summary: 'Upload a file of the active company (multipart field "file"): private licenses (PNG, JPEG, PDF) and attachments; public product images (PNG, JPEG, WebP) with WebP thumbnails of 160, 400 and 800 px',
        querystring: z.strictObject({ purpose: z.enum(['business_license', 'attachment', 'product_image']).default('attachment'), companyId: z.uuid().optional() }),
        response: { 201: z.object({ id: z.uuid(), url: z.string(), contentType: z.string(), byteSize: z.number(), thumbnails: thumbnailUrls.optional() }) },
      },
    }, async (req, reply) => {
      const actor = requireUser(req.ctx);
      // The file belongs to the active company unless another is named (operators attach field-visit photos).
      const companyId = req.query.companyId ?? actor.activeCompanyId;
      if (!companyId) throw new DomainError(PlatformErrors.FORBIDDEN);
      authorize(req.ctx, 'company.files.upload', companyId);
      if (!req.isMultipart()) throw new DomainError(PlatformErrors.FILE_MISSING);
      const part = await req.file();
      if (!part) throw new DomainError(PlatformErrors.FILE_MISSING);
      const bytes = await part.toBuffer().catch(() => {
        throw new DomainError(PlatformErrors.FILE_TOO_LARGE, { limit: `${Math.round(uploadLimitBytes / 1024)} KB` });
      });
      const stored = await files.store({ bytes, purpose: req.query.purpose, allowed: ALLOWED[req.query.purpose], maxBytes: uploadLimitBytes, ownerCompanyId: companyId, uploadedBy: actor.userId });
      return reply.code(201).send(stored);
    }),
  );

  app.get('/api/v1/files/:id', {
    schema: {
      tags: ['files'], summary: 'Download a file: logos and product images for anyone, other files for the owning company and operators; ?size= a product image thumbnail (WebP, longest side)',
      params: z.object({ id: z.uuid() }),
      querystring: z.strictObject({ size: z.enum(['160', '400', '800']).transform((v) => Number(v) as ThumbnailSize).optional() }),
    },
  }, async (req, reply) => {
    const file = await files.read(req.ctx, req.params.id, req.query.size);
    if (!file) throw new DomainError(PlatformErrors.NOT_FOUND);
    return reply
      .header('content-type', file.contentType)
      .header('cache-control', file.isPublic ? 'public, max-age=86400, immutable' : 'private, max-age=300')
      .header('etag', `"${file.sha256}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file.bytes);
  });
}
