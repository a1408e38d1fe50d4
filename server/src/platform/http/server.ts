import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Actor, RequestContext } from '../context.js';
import { DomainError, PlatformErrors } from '../errors.js';
import { randomBytes } from 'node:crypto';
import type { Metrics } from '../metrics.js';
import { clientErrorProblem, handleError, localeOf, platformNotFound } from './problem.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: cookie-authenticated unsafe requests need no CSRF token (sign-in, sign-up). */
    csrf?: boolean;
    /** Probes for machines (/healthz, /readyz, /metrics): no session lookup, no browser security headers. */
    probe?: boolean;
  }
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export const SESSION_COOKIE = 'ts_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface HttpOptions {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  webDistDir?: string | undefined;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// Request ids: a per-process random prefix and a counter — unique, ordered, and free of a crypto call per request.
const REQUEST_ID_PREFIX = randomBytes(4).toString('hex');
let requestCounter = 0;
function nextRequestId(): string {
  return `${REQUEST_ID_PREFIX}-${(++requestCounter).toString(36)}`;
}

/** The headers helmet would set, computed once (helmet re-serializes its policy on every response). */
function buildSecurityHeaders(https: boolean): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self'",
    "connect-src 'self' ws: wss:",
    "font-src 'self' data:",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  return {
    'content-security-policy': csp,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** Resolves a session token to its actor, or null. */
export type Authenticate = (token: string, via: Actor['via']) => Promise<Actor | null>;

/**
 * The API lives in its own encapsulated scope: only there are sessions resolved, CSRF tokens
 * checked and responses marked no-store. Probes and static files skip all of it.
 */
export async function registerApi(app: App, authenticate: Authenticate, register: (api: App) => void): Promise<void> {
  await app.register(async (scope) => {
    const api = scope.withTypeProvider<ZodTypeProvider>();
    api.addHook('onRequest', async (req) => {
      const auth = req.headers.authorization;
      const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
      const cookie = !bearer && req.headers.cookie ? app.parseCookie(req.headers.cookie)[SESSION_COOKIE] : undefined;
      const actor = bearer ? await authenticate(bearer, 'bearer') : cookie ? await authenticate(cookie, 'cookie') : null;
      req.ctx = { actor, locale: localeOf(req), ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id };
    });
    api.addHook('preHandler', async (req) => {
      const actor = req.ctx.actor;
      if (!actor || actor.via !== 'cookie' || !UNSAFE.has(req.method) || req.routeOptions.config.csrf === false) return;
      if (req.headers[CSRF_HEADER] !== actor.csrfToken) throw new DomainError(PlatformErrors.CSRF_TOKEN_INVALID);
    });
    api.addHook('onSend', (_req, reply, payload, done) => {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      done(null, payload);
    });
    register(api);
  });
}

/** Routes that take multipart uploads get their own scope, so other requests skip the multipart machinery. */
export function registerUploadRoutes(api: App, limits: { fileSize: number }, register: (uploads: App) => void): void {
  void api.register(async (scope) => {
    const uploads = scope.withTypeProvider<ZodTypeProvider>();
    await uploads.register(fastifyMultipart, { limits: { ...limits, files: 1, fields: 10 } });
    register(uploads);
  });
}

export async function createHttpServer(options: HttpOptions): Promise<App> {
  const { config, metrics } = options;
  // Typed as Fastify's logger so the instance type stays the plain App type.
  const loggerInstance: FastifyBaseLogger = options.logger;
  const app = Fastify({
    loggerInstance,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    requestIdHeader: 'x-request-id',
    genReqId: nextRequestId,
    routerOptions: { ignoreTrailingSlash: true },
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    clientErrorHandler: clientErrorProblem,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  // Cookies are parsed only where a session is looked up (the API scope), not on every request.
  await app.register(fastifyCookie, { hook: false });
  if (config.corsOrigins.length > 0) {
    const allowed = new Set(config.corsOrigins);
    app.addHook('onRequest', async (req, reply) => {
      const origin = req.headers.origin;
      if (origin && allowed.has(origin)) {
        reply.header('access-control-allow-origin', origin).header('vary', 'Origin')
          .header('access-control-allow-headers', 'authorization, content-type, idempotency-key, x-csrf-token, accept-language')
          .header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE');
        if (req.method === 'OPTIONS') return reply.code(204).send();
      }
    });
  }

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tongshang 通商 API', version: '1', description: 'REST API of the Tongshang B2B trade platform. Errors are application/problem+json (RFC 9457).' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'The session token from POST /api/v1/auth/login' },
          cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Browser session; unsafe methods also need the X-CSRF-Token header' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('ctx', null as unknown as RequestContext);
  const securityHeaders = buildSecurityHeaders(config.cookieSecure);
  // Root hooks run on every request, so they are callback-style: no promise per request.
  app.addHook('onSend', (req, reply, payload, done) => {
    if (!req.routeOptions.config.probe) {
      // Embeddable resources (badges) declare their own cross-origin policy.
      const ownCorp = reply.getHeader('cross-origin-resource-policy');
      reply.headers(securityHeaders).header('x-request-id', req.id);
      if (ownCorp) reply.header('cross-origin-resource-policy', ownCorp);
    }
    done(null, payload);
  });
  app.addHook('onResponse', (req, reply, done) => {
    metrics.observeRequest(req.method, req.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  const webDist = options.webDistDir;
  const indexHtml = webDist && fs.existsSync(path.join(webDist, 'index.html')) ? path.join(webDist, 'index.html') : undefined;
  if (webDist && indexHtml) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h', immutable: false });
  }
  app.setNotFoundHandler((req, reply) => {
    const wantsPage = req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');
    if (wantsPage && indexHtml) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(fs.createReadStream(indexHtml));
    return platformNotFound(req, reply);
  });

  return app;
}
