import { z } from 'zod';
import { DomainError, PlatformErrors } from '../../platform/errors.js';
import type { App } from '../../platform/http/server.js';
import type { FilesService } from './service.js';

export function registerFilesRoutes(app: App, files: FilesService): void {
  app.get('/api/v1/files/:id', {
    schema: { tags: ['files'], summary: 'Download a public file (logos)', params: z.object({ id: z.uuid() }) },
  }, async (req, reply) => {
    const file = await files.readPublic(req.params.id);
    if (!file) throw new DomainError(PlatformErrors.NOT_FOUND);
    return reply
      .header('content-type', file.contentType)
      .header('cache-control', 'public, max-age=86400, immutable')
      .header('etag', `"${file.sha256}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file.bytes);
  });
}
