import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { defineFavoritesJobs } from './jobs.js';
import { registerFavoritesRoutes } from './routes.js';
import { FAVORITE_KINDS, FavoritesService, type Deps } from './service.js';

export type { FavoritesEvent } from './events.js';
export type { CatalogPort, FavoriteView, FolderView } from './service.js';
export { FAVORITE_KINDS } from './service.js';

/**
 * Favorites (收藏): a signed-in user's personal bookmarks of products and suppliers, in folders with notes and tags;
 * the price and stock now against the snapshot at saving; opt-in price-drop and back-in-stock notices; and, for the
 * supplier, counts of how many saved it and its products (never who).
 */
export function createFavoritesModule(platform: Platform, deps: Deps) {
  const favorites = new FavoritesService(platform, deps);
  deps.notifications.registerKinds(FAVORITE_KINDS);
  defineFavoritesJobs(platform, favorites);
  return {
    favorites,
    registerRoutes(app: App) {
      registerFavoritesRoutes(app, favorites);
    },
  };
}

export type FavoritesModule = ReturnType<typeof createFavoritesModule>;
