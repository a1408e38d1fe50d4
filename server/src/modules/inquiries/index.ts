import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { INQUIRY_NOTIFICATION_KINDS } from './kinds.js';
import { registerInquiryRoutes } from './routes.js';
import { DEFAULT_OPTIONS, InquiriesService, type Deps, type InquiryOptions } from './service.js';

export type { InquiryEvent, InquiryEventType, InquirySide } from './events.js';
export { INQUIRY_EVENT_TYPES } from './events.js';
export type { At, InquiryView, ListItem as InquiryListItem, ReplyView as InquiryReplyView } from './service.js';
export { INQUIRY_NOTIFICATION_KINDS } from './kinds.js';

/**
 * Inquiries (询盘): a buyer's 1:1 question to one supplier, the supplier's inbox with assignment, and the thread of
 * replies and quotes. Emits inquiry.created / replied / assigned / closed / reopened (the response metrics read them).
 *
 * Attachments are read through deps.readFile after the module has checked that the caller is a side of the inquiry
 * and the file is attached to it.
 */
export function createInquiriesModule(platform: Platform, deps: Deps, options: InquiryOptions = DEFAULT_OPTIONS) {
  deps.notifications.registerKinds(INQUIRY_NOTIFICATION_KINDS);
  const inquiries = new InquiriesService(platform, deps, options);
  return {
    inquiries,
    registerRoutes(app: App) {
      registerInquiryRoutes(app, inquiries);
    },
  };
}

export type InquiriesModule = ReturnType<typeof createInquiriesModule>;
