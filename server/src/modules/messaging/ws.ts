import fastifyWebsocket from '@fastify/websocket';
import type { RawData } from 'ws';
import type { Config } from '../../platform/config.js';
import type { RequestContext } from '../../platform/context.js';
import { DomainError, PlatformErrors } from '../../platform/errors.js';
import { SESSION_COOKIE, type App } from '../../platform/http/server.js';
import type { ChatClient, ChatHub } from './hub.js';
import { clientFrame, sendBody, type ClientFrame } from './schemas.js';
import type { MessagingService } from './service.js';
import { MessagingErrors } from './errors.js';

const MAX_FRAME_BYTES = 64 * 1024;

function contextOf(client: ChatClient): RequestContext {
  return { actor: client.actor, locale: client.locale, ip: client.ip, userAgent: client.userAgent, requestId: `ws-${client.id}-${++client.requests}` };
}

function errorFrame(client: ChatClient, err: unknown, extra: Record<string, unknown>, log: (err: unknown) => void): string {
  if (err instanceof DomainError) {
    return JSON.stringify({ type: 'error', code: err.code, detail: err.detail(client.locale), ...(err.retryAfter ? { retryAfter: err.retryAfter } : {}), ...extra });
  }
  log(err);
  return JSON.stringify({ type: 'error', code: 'INTERNAL', detail: client.locale === 'zh-CN' ? '服务器出错,请重试。' : 'Something went wrong on the server; try again.', ...extra });
}

/**
 * GET /api/v1/ws: the chat socket (protocol in docs/chat.md). The upgrade request passes through the API scope's
 * hooks, so the session (cookie or Bearer) is resolved like any API request; without one the upgrade is answered
 * 401. A cookie session must come from our own origin (a page elsewhere cannot ride the cookie).
 */
export function registerChatSocket(api: App, deps: { hub: ChatHub; messaging: MessagingService; config: Config }): void {
  const { hub, messaging, config } = deps;
  const allowedOrigins = new Set([new URL(config.publicUrl).origin, ...config.corsOrigins]);
  void api.register(async (scope) => {
    await scope.register(fastifyWebsocket, { options: { maxPayload: MAX_FRAME_BYTES } });
    scope.get('/api/v1/ws', {
      websocket: true,
      schema: { hide: true },
      preHandler: async (req) => {
        const actor = req.ctx.actor;
        if (!actor) throw new DomainError(PlatformErrors.AUTH_REQUIRED);
        const origin = req.headers.origin;
        if (actor.via === 'cookie' && origin) {
          let host: string | null = null;
          try {
            host = new URL(origin).host;
          } catch {
            host = null;
          }
          if (host !== req.headers.host && !allowedOrigins.has(origin)) throw new DomainError(PlatformErrors.FORBIDDEN);
        }
      },
    }, (socket, req) => {
      const actor = req.ctx.actor!;
      const auth = req.headers.authorization;
      const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
      const token = bearer ?? (req.headers.cookie ? scope.parseCookie(req.headers.cookie)[SESSION_COOKIE] : undefined) ?? '';
      const client = hub.attach(socket, actor, { token, via: actor.via }, { locale: req.ctx.locale, ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      const log = (err: unknown) => req.log.error({ err }, 'chat frame failed');
      socket.on('message', (data: RawData) => {
        handleFrame(client, data).catch((err: unknown) => hub.send(client, errorFrame(client, err, {}, log)));
      });

      async function handleFrame(c: ChatClient, data: RawData): Promise<void> {
        const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          throw new DomainError(MessagingErrors.PROTOCOL_ERROR, { reason: 'not JSON' });
        }
        const parsed = clientFrame.safeParse(json);
        if (!parsed.success) throw new DomainError(MessagingErrors.PROTOCOL_ERROR, { reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'frame'}: ${i.message}`).join('; ') });
        await dispatch(c, parsed.data);
      }

      async function dispatch(c: ChatClient, frame: ClientFrame): Promise<void> {
        switch (frame.type) {
          case 'ping':
            hub.send(c, '{"type":"pong"}');
            return;
          case 'subscribe':
            await hub.subscribe(c, frame);
            return;
          case 'unsubscribe':
            hub.unsubscribe(c, frame.conversationId);
            return;
          case 'typing':
            hub.typing(c, frame.conversationId);
            return;
          case 'read':
            try {
              await messaging.markRead(contextOf(c), frame.conversationId, frame.seq);
            } catch (err) {
              hub.send(c, errorFrame(c, err, { conversationId: frame.conversationId }, log));
            }
            return;
          case 'send': {
            const conversationId = frame.conversationId;
            const clientMsgId = typeof frame.clientMsgId === 'string' ? frame.clientMsgId : undefined;
            const body = sendBody.safeParse(frame);
            if (!body.success) {
              const reason = body.error.issues.map((i) => `${i.path.join('.') || 'frame'}: ${i.message}`).join('; ');
              hub.send(c, errorFrame(c, new DomainError(MessagingErrors.PROTOCOL_ERROR, { reason }), { conversationId, clientMsgId }, log));
              return;
            }
            // One socket's sends are stored in the order they were sent.
            c.frames = c.frames.then(async () => {
              try {
                const result = await messaging.send(contextOf(c), conversationId, body.data);
                hub.send(c, JSON.stringify({ type: 'ack', conversationId, clientMsgId: clientMsgId ?? null, duplicate: result.duplicate, message: result.message }));
              } catch (err) {
                hub.send(c, errorFrame(c, err, { conversationId, clientMsgId }, log));
              }
            });
            return;
          }
        }
      }
    });
  });
}
