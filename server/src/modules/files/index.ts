import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { registerFilesRoutes } from './routes.js';
import { FilesService } from './service.js';

export type { FilePurpose, StoredFile, ThumbnailSize, ThumbnailUrls } from './service.js';
export { imageUrls, THUMBNAIL_SIZES } from './service.js';

/** Uploaded files: type checked by content, bytes in the configured storage, metadata in `files`; image thumbnails. */
export function createFilesModule(platform: Platform) {
  const files = new FilesService(platform);
  return {
    files,
    registerRoutes(app: App) {
      registerFilesRoutes(app, files, platform.config.UPLOAD_LIMIT_BYTES);
    },
  };
}

export type FilesModule = ReturnType<typeof createFilesModule>;
