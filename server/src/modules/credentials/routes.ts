import { z } from 'zod';
import type { App } from '../../platform/http/server.js';
import { timestamp } from '../../platform/schemas.js';
import type { CredentialsService } from './service.js';
import type { KeyRing } from './keys.js';

const claims = z.object({
  id: z.string(), legalName: z.string(), uscc: z.string(),
  verification: z.object({ level: z.enum(['registry', 'field']), verifiedAt: z.string() }),
  creditRating: z.object({ grade: z.string(), score: z.number(), ratedAt: z.string() }),
  trustpass: z.object({ status: z.string(), years: z.number(), expiresAt: z.string().nullable() }),
});

export function registerCredentialRoutes(app: App, credentials: CredentialsService, keys: KeyRing): void {
  app.get('/.well-known/jwks.json', { schema: { tags: ['credentials'], summary: 'Public keys that sign credentials (JWKS; retired keys stay listed)' } }, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(await keys.jwks()),
  );

  app.get('/credentials/status/1', { schema: { tags: ['credentials'], summary: 'The revocation status list (BitstringStatusListCredential as a VC-JWT)' } }, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=30').type('application/vc+jwt').send(await credentials.statusListJwt()),
  );

  app.get('/api/v1/companies/:id/credential', {
    schema: { tags: ['credentials'], summary: "The company's current verifiable credential (VC-JWT, EdDSA)", params: z.object({ id: z.uuid() }), response: { 200: z.object({ jwt: z.string(), issuedAt: timestamp, expiresAt: timestamp, statusListIndex: z.number().int() }) } },
  }, async (req) => credentials.current(req.ctx, req.params.id));

  app.post('/api/v1/credentials/verify', {
    schema: { tags: ['credentials'], summary: 'Check a credential: signature, issuer, expiry and revocation', body: z.strictObject({ jwt: z.string().min(10).max(20_000) }), response: { 200: z.object({ valid: z.boolean(), reasons: z.array(z.string()), subject: claims.nullable() }) } },
  }, async (req) => credentials.verify(req.body.jwt));

  app.get('/api/v1/trust-marks', {
    schema: {
      tags: ['credentials'], summary: 'Public trust marks of up to 50 companies: verified, credit grade, TrustPass years',
      querystring: z.strictObject({ companyIds: z.string().max(50 * 37).transform((s) => [...new Set(s.split(',').filter(Boolean))]).pipe(z.array(z.uuid()).min(1).max(50)) }),
      response: { 200: z.object({ items: z.array(z.object({
        companyId: z.uuid(), verified: z.boolean(), verifiedAt: timestamp.nullable(), verificationLevel: z.enum(['none', 'registry', 'field']),
        grade: z.enum(['1A', '2A', '3A', '4A', '5A']).nullable(), score: z.number(), trustpassActive: z.boolean(), trustpassYears: z.number().int(), planBadge: z.string().nullable(),
      })) }) },
    },
  }, async (req) => ({ items: await credentials.marks(req.ctx, req.query.companyIds) }));

  app.get('/badges/:file', {
    schema: { tags: ['credentials'], summary: 'Embeddable SVG badge: /badges/{companyId}.svg?lang=zh-CN|en-US', params: z.object({ file: z.string().regex(/^[0-9a-f-]{36}\.svg$/) }), querystring: z.strictObject({ lang: z.enum(['zh-CN', 'en-US']).default('zh-CN') }) },
  }, async (req, reply) => {
    const svg = await credentials.badgeSvg(req.params.file.slice(0, 36), req.query.lang);
    // Short caching: a revocation shows on every site within a minute.
    return reply.header('cache-control', 'public, max-age=60').header('cross-origin-resource-policy', 'cross-origin').type('image/svg+xml; charset=utf-8').send(svg);
  });
}
