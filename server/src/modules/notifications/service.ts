import type { RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { DomainError, type FieldError, type Locale } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { enqueueMail } from '../../platform/mail.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import type { Platform } from '../../platform/platform.js';
import { requireUser } from '../../platform/policy.js';
import type { AccountsModule } from '../accounts/index.js';
import { NotificationErrors } from './errors.js';
import { assertValidKind, labelOf, NOTIFICATION_GROUPS, render, type NotificationGroup, type NotificationKind, type NotifyInput } from './kinds.js';
import * as store from './store.js';

export interface Deps {
  members: Pick<AccountsModule['members'], 'noticeRecipients'>;
}

export interface NotificationView {
  id: string;
  kind: string;
  group: NotificationGroup;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface PreferenceView {
  kind: string;
  group: NotificationGroup;
  label: string;
  inApp: boolean;
  mail: boolean;
  defaults: { inApp: boolean; mail: boolean };
}

/** Notifications are kept this long, read or not (the notifications.cleanup job deletes older ones). */
export const RETENTION_DAYS = 180;

const LINK_FORMAT = /^\/(?!\/)[^\s]*$/;

export class NotificationsService {
  private readonly kinds = new Map<string, NotificationKind>();

  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  /** Each sending module registers its kinds when it is created; a key registered twice is a programming error. */
  registerKinds(kinds: NotificationKind[]): void {
    for (const kind of kinds) {
      assertValidKind(kind);
      if (this.kinds.has(kind.key)) throw new Error(`Notification kind ${kind.key} is registered twice`);
      this.kinds.set(kind.key, kind);
    }
  }

  registeredKinds(): NotificationKind[] {
    const order = (g: NotificationGroup) => NOTIFICATION_GROUPS.indexOf(g);
    // By group; within a group in the order the sending modules registered them (Array.prototype.sort is stable).
    return [...this.kinds.values()].sort((a, b) => order(a.group) - order(b.group));
  }

  /**
   * Notifies the recipients inside the caller's transaction: an in-app row for those who keep the kind in-app, and a
   * queued bilingual mail (zh + en: users have no stored language) for those who get it by mail. Excluded users and
   * users already notified under the same dedupe key get nothing.
   */
  async notify(trx: Db, input: NotifyInput): Promise<void> {
    const kind = this.kinds.get(input.kind);
    if (!kind) throw new Error(`Unknown notification kind ${input.kind}`);
    if (input.link !== null && !LINK_FORMAT.test(input.link)) throw new Error(`Notification link must be a web path, got ${input.link}`);
    const { userIds = [], companyId, roles = [] } = input.to;
    const excluded = new Set(input.excludeUserIds ?? []);
    const recipients = (await this.deps.members.noticeRecipients(trx, { userIds, companyId: companyId ?? null, roles }))
      .filter((r) => !excluded.has(r.userId));
    if (recipients.length === 0) return;

    const prefs = new Map((await store.preferencesOf(trx, recipients.map((r) => r.userId), [kind.key])).map((p) => [p.userId, p]));
    const deliveries = recipients
      .map((r) => {
        const pref = prefs.get(r.userId);
        return { ...r, inApp: pref?.inApp ?? true, mail: pref?.mail ?? kind.mailByDefault };
      })
      .filter((d) => d.inApp || d.mail);
    const inserted = await store.insertNotifications(trx, deliveries.map((d) => ({
      id: uuidv7(), userId: d.userId, kind: kind.key, params: input.params, link: input.link, dedupeKey: input.dedupeKey ?? null, inApp: d.inApp, mailed: d.mail,
    })));
    for (const d of deliveries) {
      if (d.mail && inserted.has(d.userId)) await enqueueMail(trx, { to: d.email, ...this.mail(kind, input) });
    }
  }

  private mail(kind: NotificationKind, input: NotifyInput): { subject: string; text: string } {
    const zh = render(kind, input.params, 'zh-CN');
    const en = render(kind, input.params, 'en-US');
    const base = this.platform.config.publicUrl;
    const url = input.link === null ? null : `${base}${input.link}`;
    const settings = `${base}/workbench/notifications?tab=preferences`;
    const part = (r: { title: string; body: string | null }, view: string) => [r.title, ...(r.body ? [r.body] : []), ...(url ? [`${view}${url}`] : [])];
    return {
      subject: `${zh.title} | ${en.title}`,
      text: [
        ...part(zh, '查看:'),
        '',
        ...part(en, 'View: '),
        '',
        '--',
        `通商 Tongshang · 通知设置 / Notification settings: ${settings}`,
      ].join('\n'),
    };
  }

  private view(row: store.NotificationRow, locale: Locale): NotificationView {
    const kind = this.kinds.get(row.kind);
    const text = kind ? render(kind, row.params, locale) : { title: row.kind, body: null };
    return { id: row.id, kind: row.kind, group: kind?.group ?? 'system', ...text, link: row.link, createdAt: row.created_at, readAt: row.read_at };
  }

  async list(ctx: RequestContext, query: { cursor?: string | undefined; limit: number; unread?: boolean | undefined }) {
    const actor = requireUser(ctx);
    const beforeId = decodeCursor(query.cursor);
    const rows = await store.listForUser(this.db, actor.userId, { beforeId, unreadOnly: query.unread === true, limit: query.limit + 1 });
    const { items, nextCursor } = page(rows, query.limit);
    return { items: items.map((r) => this.view(r, ctx.locale)), nextCursor, unreadCount: await store.countUnread(this.db, actor.userId) };
  }

  async unreadCount(ctx: RequestContext): Promise<{ unreadCount: number }> {
    const actor = requireUser(ctx);
    return { unreadCount: await store.countUnread(this.db, actor.userId) };
  }

  /** Only the recipient can mark a notification read; anyone else hears it does not exist. */
  async markRead(ctx: RequestContext, id: string): Promise<{ unreadCount: number }> {
    const actor = requireUser(ctx);
    if (!(await store.markRead(this.db, actor.userId, id))) throw new DomainError(NotificationErrors.NOTIFICATION_NOT_FOUND);
    return { unreadCount: await store.countUnread(this.db, actor.userId) };
  }

  async markAllRead(ctx: RequestContext): Promise<{ updated: number; unreadCount: number }> {
    const actor = requireUser(ctx);
    const updated = await store.markAllRead(this.db, actor.userId);
    return { updated, unreadCount: await store.countUnread(this.db, actor.userId) };
  }

  async preferences(ctx: RequestContext): Promise<{ items: PreferenceView[] }> {
    const actor = requireUser(ctx);
    const stored = new Map((await store.preferencesOf(this.db, [actor.userId])).map((p) => [p.kind, p]));
    return {
      items: this.registeredKinds().map((kind) => {
        const defaults = { inApp: true, mail: kind.mailByDefault };
        const pref = stored.get(kind.key);
        return { kind: kind.key, group: kind.group, label: labelOf(kind, ctx.locale), inApp: pref?.inApp ?? defaults.inApp, mail: pref?.mail ?? defaults.mail, defaults };
      }),
    };
  }

  /** Sets the channels of the listed kinds (the others keep theirs). */
  async updatePreferences(ctx: RequestContext, input: { items: Array<{ kind: string; inApp: boolean; mail: boolean }> }): Promise<{ items: PreferenceView[] }> {
    const actor = requireUser(ctx);
    const errors: FieldError[] = [];
    input.items.forEach((item, i) => {
      if (!this.kinds.has(item.kind)) {
        errors.push({ path: `items.${i}.kind`, message: new DomainError(NotificationErrors.NOTIFICATION_KIND_UNKNOWN, { kind: item.kind }).detail(ctx.locale) });
      }
    });
    const unknown = input.items.find((item) => !this.kinds.has(item.kind));
    if (unknown) throw new DomainError(NotificationErrors.NOTIFICATION_KIND_UNKNOWN, { kind: unknown.kind }, errors);
    const latest = new Map(input.items.map((item) => [item.kind, item]));
    await store.upsertPreferences(this.db, actor.userId, [...latest.values()]);
    return this.preferences(ctx);
  }

  /** Retention: deletes notifications older than RETENTION_DAYS in batches; returns how many. */
  async cleanup(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - RETENTION_DAYS * 86_400_000);
    let total = 0;
    for (;;) {
      const n = await store.deleteOlderThan(this.db, cutoff, 5000);
      total += n;
      if (n < 5000) return total;
    }
  }
}
