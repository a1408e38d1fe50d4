import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App } from '../../platform/http/server.js';
import * as s from './schemas.js';
import type { ShipmentsService } from './service.js';

export function registerShipmentRoutes(app: App, shipments: ShipmentsService): void {
  const tags = ['shipments'];

  app.get('/api/v1/carriers', {
    schema: { tags, summary: 'The carriers a seller picks from when shipping (codes for the ship action and the carrier webhooks)', response: { 200: s.carriersView } },
  }, async () => shipments.carriers());

  app.post('/api/v1/orders/:id/ship', {
    schema: {
      tags: ['orders', ...tags],
      summary: "The order's ship action (seller: owner, admin, sales; order paid or partly shipped): one shipment with carrier, waybill, items and quantities (at most what is left per line), photos. Moves the order to partly_shipped or shipped in the same transaction",
      params: s.idParams, body: s.shipBody, response: { 201: s.shipmentView },
    },
  }, async (req, reply) => reply.code(201).send(await shipments.ship(req.ctx, req.params.id, req.body)));

  app.get('/api/v1/orders/:id/shipments', {
    schema: {
      tags: ['orders', ...tags],
      summary: "An order's shipments with their tracking timelines (oldest event first), what is left to ship per line, and what the caller may do (the order's parties and operators)",
      params: s.idParams, response: { 200: s.orderShipmentsView },
    },
  }, async (req) => shipments.listForOrder(req.ctx, req.params.id));

  app.get('/api/v1/shipments/:id', {
    schema: { tags, summary: 'One shipment with its tracking timeline (the order\'s parties and operators)', params: s.idParams, response: { 200: s.shipmentView } },
  }, async (req) => shipments.get(req.ctx, req.params.id));

  app.post('/api/v1/shipments/:id/tracking', {
    schema: {
      tags, summary: "Add a tracking event (the seller's owner, admin, sales, or an operator); 'delivered' marks the shipment delivered",
      params: s.idParams, body: s.trackingBody, response: { 201: s.shipmentView },
    },
  }, async (req, reply) => reply.code(201).send(await shipments.addTracking(req.ctx, req.params.id, req.body)));

  app.get('/api/v1/shipments/:id/photos/:fileId', {
    schema: { tags, summary: "Download a shipment's photo (the order's parties and operators)", params: s.photoParams },
  }, async (req, reply) => {
    const file = await shipments.photo(req.ctx, req.params.id, req.params.fileId);
    return reply
      .header('content-type', file.contentType)
      .header('cache-control', 'private, max-age=300')
      .header('etag', `"${file.sha256}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file.bytes);
  });

  // Webhooks are signed over the raw bytes, so this scope keeps JSON bodies unparsed (as the payments webhooks do).
  void app.register(async (scope) => {
    const hooks = scope.withTypeProvider<ZodTypeProvider>();
    hooks.removeContentTypeParser('application/json');
    hooks.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    hooks.post('/api/v1/webhooks/carriers/:carrier', {
      config: { csrf: false },
      schema: {
        tags,
        summary: 'Carrier tracking webhooks (HMAC-SHA256 signed with CARRIER_WEBHOOK_SECRET, header Tongshang-Signature: t=…,v1=…): {"events":[{id, waybillNo, status, at, location?, description?}]}; each event id applies once per shipment',
        params: s.carrierParams, body: z.string().max(200_000), response: { 200: s.webhookAck },
      },
    }, async (req) => {
      const signature = req.headers['tongshang-signature'];
      const result = await shipments.handleWebhook(req.params.carrier, typeof signature === 'string' ? signature : undefined, req.body);
      return { received: true as const, ...result };
    });
  });
}
