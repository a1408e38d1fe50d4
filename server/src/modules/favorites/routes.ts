import type { App } from '../../platform/http/server.js';
import { okResponse } from '../../platform/schemas.js';
import * as s from './schemas.js';
import type { FavoritesService } from './service.js';

/** Favorites are personal: every route acts on the signed-in user's own bookmarks (no company, no sharing). */
export function registerFavoritesRoutes(app: App, favorites: FavoritesService): void {
  const tags = ['favorites'];

  app.get('/api/v1/favorites/folders', {
    schema: { tags, summary: "My favorites folders, the default first (it always exists), with counts of saved products and suppliers", response: { 200: s.folderList } },
  }, async (req) => ({ items: await favorites.folders(req.ctx) }));

  app.post('/api/v1/favorites/folders', {
    schema: { tags, summary: 'Create a folder (names are unique per user, at most 50 folders)', body: s.folderBody, response: { 201: s.folderView } },
  }, async (req, reply) => reply.code(201).send(await favorites.createFolder(req.ctx, req.body.name)));

  app.patch('/api/v1/favorites/folders/:id', {
    schema: { tags, summary: 'Rename a folder (the default folder too)', params: s.idParams, body: s.folderBody, response: { 200: s.folderView } },
  }, async (req) => favorites.renameFolder(req.ctx, req.params.id, req.body.name));

  app.delete('/api/v1/favorites/folders/:id', {
    schema: {
      tags, summary: 'Delete a folder: its bookmarks move to the default folder (items=move, the default) or are removed with it (items=delete). The default folder cannot be deleted.',
      params: s.idParams, querystring: s.deleteFolderQuery, response: { 200: s.folderDeleted },
    },
  }, async (req) => favorites.deleteFolder(req.ctx, req.params.id, req.query.items));

  app.get('/api/v1/favorites', {
    schema: {
      tags, summary: 'My bookmarks, newest first: the snapshot at saving beside the current price, stock and availability, with note, tags and alerts',
      querystring: s.listQuery, response: { 200: s.favoritePage },
    },
  }, async (req) => favorites.list(req.ctx, req.query));

  app.post('/api/v1/favorites', {
    schema: {
      tags, summary: 'Save a product or a supplier. Idempotent per target: saving again moves it / updates note, tags, alerts (200) instead of duplicating (201 when new).',
      body: s.saveBody, response: { 200: s.favoriteView, 201: s.favoriteView },
    },
  }, async (req, reply) => {
    const { favorite, created } = await favorites.save(req.ctx, req.body);
    return reply.code(created ? 201 : 200).send(favorite);
  });

  app.get('/api/v1/favorites/status', {
    schema: { tags, summary: 'Which of these products and suppliers I saved (comma-separated ids, up to 100 each): for the buttons on cards, one query', querystring: s.statusQuery, response: { 200: s.statusView } },
  }, async (req) => favorites.status(req.ctx, req.query.productIds, req.query.companyIds));

  app.get('/api/v1/favorites/tags', {
    schema: { tags, summary: 'My tags with how many bookmarks carry each', response: { 200: s.tagList } },
  }, async (req) => ({ items: await favorites.tags(req.ctx) }));

  app.get('/api/v1/favorites/:id', {
    schema: { tags, summary: 'One of my bookmarks', params: s.idParams, response: { 200: s.favoriteView } },
  }, async (req) => favorites.get(req.ctx, req.params.id));

  app.patch('/api/v1/favorites/:id', {
    schema: { tags, summary: 'Move a bookmark to another folder, or change its note, tags or alerts', params: s.idParams, body: s.patchBody, response: { 200: s.favoriteView } },
  }, async (req) => favorites.patch(req.ctx, req.params.id, req.body));

  app.delete('/api/v1/favorites/:id', {
    schema: { tags, summary: 'Remove a bookmark', params: s.idParams, response: { 200: okResponse } },
  }, async (req) => {
    await favorites.remove(req.ctx, req.params.id);
    return { ok: true as const };
  });

  app.get('/api/v1/companies/:id/favorite-stats', {
    schema: {
      tags, summary: "How many buyers saved this supplier and its products, and its most saved products — counts only, never who (members with company.insights.view)",
      params: s.companyParams, response: { 200: s.statsView },
    },
  }, async (req) => favorites.companyStats(req.ctx, req.params.id));
}
