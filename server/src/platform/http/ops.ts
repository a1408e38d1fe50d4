import { sql } from 'kysely';
import type { Database } from '../db.js';
import type { Metrics } from '../metrics.js';
import type { App } from './server.js';

/** Liveness, readiness and Prometheus metrics: outside /api, never authenticated. */
export function registerOpsRoutes(app: App, database: Database, metrics: Metrics): void {
  // A constant body, sent as is: liveness checks run often and should cost next to nothing.
  const healthy = JSON.stringify({ status: 'ok' });
  app.get('/healthz', { schema: { hide: true }, config: { probe: true } }, async (_req, reply) => reply.type('application/json; charset=utf-8').send(healthy));

  app.get('/readyz', { schema: { hide: true }, config: { probe: true } }, async (_req, reply) => {
    try {
      await sql`SELECT 1`.execute(database.db);
      return reply.send({ status: 'ready', database: database.kind });
    } catch (err) {
      return reply.code(503).type('application/problem+json').send({
        type: 'urn:tongshang:problem:database-unavailable', title: 'Service Unavailable', status: 503, code: 'DATABASE_UNAVAILABLE',
        detail: err instanceof Error ? err.message : 'database unavailable',
      });
    }
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async (_req, reply) => reply.type('application/json').send(app.swagger()));

  app.get('/metrics', { schema: { hide: true }, config: { probe: true } }, async (_req, reply) => {
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
