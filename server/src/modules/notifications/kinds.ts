import type { CompanyRole } from '../../platform/context.js';
import type { Locale } from '../../platform/errors.js';

export const NOTIFICATION_GROUPS = ['sourcing', 'trade', 'messages', 'favorites', 'system'] as const;
export type NotificationGroup = (typeof NOTIFICATION_GROUPS)[number];

/** A kind of notice, registered by the module that sends it; its texts are templates with {param} placeholders. */
export interface NotificationKind {
  /** 'inquiry.received', 'quote.received', 'rfq.matched', 'rfq.closing_soon', ... */
  key: string;
  /** Where the kind is listed on the preferences screen. */
  group: NotificationGroup;
  /** Important kinds (new inquiry, new quote, RFQ closing soon) are mailed unless the user turns it off. */
  mailByDefault: boolean;
  title: { zh: string; en: string };
  body?: { zh: string; en: string };
  /** The kind's name on the preferences screen (no placeholders); defaults to the title with its placeholders elided. */
  label?: { zh: string; en: string };
}

export interface NotifyInput {
  /** A registered key (an unknown key throws: a programming error). */
  kind: string;
  /** Users, and/or a company's members in these roles (all roles when none are given). */
  to: { userIds?: string[]; companyId?: string; roles?: CompanyRole[] };
  params: Record<string, string | number>;
  /** A web path such as '/workbench/inquiries/<id>', or null. */
  link: string | null;
  /** Never notify the actor of their own action. */
  excludeUserIds?: string[];
  /** Same key + same user => notified once (in-app and mail). */
  dedupeKey?: string;
}

const KEY_FORMAT = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export function assertValidKind(kind: NotificationKind): void {
  if (!KEY_FORMAT.test(kind.key)) throw new Error(`Notification kind key "${kind.key}" must look like 'module.event_name'`);
  if (!(NOTIFICATION_GROUPS as readonly string[]).includes(kind.group)) throw new Error(`Notification kind ${kind.key} has an unknown group ${kind.group}`);
  if (!kind.title.zh || !kind.title.en) throw new Error(`Notification kind ${kind.key} needs a title in zh and en`);
}

/**
 * A text that differs by language travels as two params, `{nameZh}` / `{nameEn}`; a row stored before its kind's
 * template asked for the per-language param only has the plain `{name}`, so that stands in for it.
 */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => {
    if (k in params) return String(params[k]);
    const plain = /^(\w+)(?:Zh|En)$/.exec(k)?.[1];
    return plain !== undefined && plain in params ? String(params[plain]) : whole;
  });
}

function pick(text: { zh: string; en: string }, locale: Locale): string {
  return locale === 'zh-CN' ? text.zh : text.en;
}

export function render(kind: NotificationKind, params: Record<string, string | number>, locale: Locale): { title: string; body: string | null } {
  return { title: fill(pick(kind.title, locale), params), body: kind.body ? fill(pick(kind.body, locale), params) : null };
}

export function labelOf(kind: NotificationKind, locale: Locale): string {
  if (kind.label) return pick(kind.label, locale);
  return pick(kind.title, locale).replace(/\s*\{\w+\}\s*/g, ' … ').replace(/\s+/g, ' ').trim();
}
