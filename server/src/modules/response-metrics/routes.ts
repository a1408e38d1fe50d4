import type { App } from '../../platform/http/server.js';
import * as s from './schemas.js';
import type { ResponseMetricsService } from './service.js';

export function registerResponseMetricsRoutes(app: App, metrics: ResponseMetricsService): void {
  app.get('/api/v1/companies/:id/response-metrics', {
    schema: {
      tags: ['response-metrics'], params: s.companyParams, response: { 200: s.metricsView },
      summary: 'Public: share of inquiries and chat questions answered within 24 hours over the last 30 days, median first response, by source (docs/response-rate.md)',
    },
  }, async (req) => metrics.view(req.ctx, req.params.id));

  app.get('/api/v1/companies/:id/response-metrics/trend', {
    schema: { tags: ['response-metrics'], summary: 'Public: weekly response rates over the last 12 weeks', params: s.companyParams, response: { 200: s.trendView } },
  }, async (req) => metrics.trend(req.ctx, req.params.id));

  app.get('/api/v1/response-metrics', {
    schema: { tags: ['response-metrics'], summary: 'Public: response rate and median of up to 50 companies (trust-mark strips on lists)', querystring: s.manyQuery, response: { 200: s.manyResponse } },
  }, async (req) => ({ items: await metrics.many(req.query.companyIds) }));
}
