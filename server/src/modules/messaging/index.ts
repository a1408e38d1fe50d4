import type { RequestContext } from '../../platform/context.js';
import type { App } from '../../platform/http/server.js';
import type { Authenticate } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { createRealtimeBus, type RealtimeBus } from '../../platform/realtime.js';
import { ChatHub } from './hub.js';
import { registerMessagingRoutes } from './routes.js';
import { MESSAGE_RECEIVED_KIND, MessagingService, type Deps } from './service.js';
import { registerChatSocket } from './ws.js';

export type { MessagingEvent, Side } from './events.js';
export { MESSAGING_EVENT_TYPES } from './events.js';
export type { ConversationView, QuoteCard, QuotePort, SendInput } from './service.js';
export type { MessageView } from './views.js';

/**
 * Chat (旺旺): conversations between a buyer user and a supplier company, over WebSocket (/api/v1/ws) and REST.
 * Messages are stored with a per-conversation seq before they are acknowledged; processes tell each other through
 * the realtime bus (PostgreSQL LISTEN/NOTIFY, or in-process on PGlite). Protocol: docs/chat.md.
 */
export function createMessagingModule(platform: Platform, deps: Deps & { authenticate: Authenticate; bus?: RealtimeBus }) {
  const bus = deps.bus ?? createRealtimeBus(platform.database, platform.config, platform.log);
  const messaging = new MessagingService(platform, deps);
  const hub = new ChatHub(platform, bus, deps.authenticate);
  messaging.hub = hub;
  deps.notifications.registerKinds([MESSAGE_RECEIVED_KIND]);
  return {
    messaging,
    hub,
    /** Operators only (arbitration): the chat between a buyer company and a supplier company, latest messages oldest first. */
    chatLog: (ctx: RequestContext, buyerCompanyId: string, supplierCompanyId: string, limit: number) => messaging.betweenCompanies(ctx, buyerCompanyId, supplierCompanyId, limit),
    registerRoutes(app: App) {
      registerMessagingRoutes(app, messaging);
      registerChatSocket(app, { hub, messaging, config: platform.config });
      app.addHook('onReady', async () => hub.start());
      app.addHook('onClose', async () => hub.stop());
    },
  };
}

export type MessagingModule = ReturnType<typeof createMessagingModule>;
