import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/tables.js';

interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  params: Json<Record<string, string | number>>;
  link: string | null;
  dedupe_key: string | null;
  in_app: boolean;
  mailed: boolean;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}
interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  in_app: boolean;
  mail: boolean;
  updated_at: Timestamp;
}

type NotificationsTables = { notifications: NotificationsTable; notification_preferences: NotificationPreferencesTable };

export type NotificationRow = Selectable<NotificationsTable>;

const t = (db: Db) => db.withTables<NotificationsTables>();

export interface NewNotification {
  id: string;
  userId: string;
  kind: string;
  params: Record<string, string | number>;
  link: string | null;
  dedupeKey: string | null;
  inApp: boolean;
  mailed: boolean;
}

/** Inserts the rows; a row whose (user, dedupe key) already exists is skipped. Returns the user ids actually inserted. */
export async function insertNotifications(db: Db, rows: NewNotification[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await t(db)
    .insertInto('notifications')
    .values(rows.map((r) => ({
      id: r.id, user_id: r.userId, kind: r.kind, params: JSON.stringify(r.params), link: r.link, dedupe_key: r.dedupeKey, in_app: r.inApp, mailed: r.mailed,
    })))
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .returning('user_id')
    .execute();
  return new Set(inserted.map((r) => r.user_id));
}

/** The user's in-app notifications, newest first, before a cursor id. */
export async function listForUser(db: Db, userId: string, filter: { beforeId?: string | undefined; unreadOnly: boolean; limit: number }): Promise<NotificationRow[]> {
  let q = t(db).selectFrom('notifications').selectAll().where('user_id', '=', userId).where('in_app', '=', true);
  if (filter.unreadOnly) q = q.where('read_at', 'is', null);
  if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
  return q.orderBy('id', 'desc').limit(filter.limit).execute();
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await t(db)
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('in_app', '=', true)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the user's notifications read (a no-op when already read); false when the user has no such notification. */
export async function markRead(db: Db, userId: string, id: string): Promise<boolean> {
  const row = await t(db)
    .updateTable('notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('in_app', '=', true)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function markAllRead(db: Db, userId: string): Promise<number> {
  const result = await t(db)
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('user_id', '=', userId)
    .where('in_app', '=', true)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function preferencesOf(db: Db, userIds: string[], kinds?: string[]): Promise<Array<{ userId: string; kind: string; inApp: boolean; mail: boolean }>> {
  if (userIds.length === 0) return [];
  let q = t(db).selectFrom('notification_preferences').select(['user_id', 'kind', 'in_app', 'mail']).where('user_id', 'in', userIds);
  if (kinds) q = q.where('kind', 'in', kinds);
  const rows = await q.execute();
  return rows.map((r) => ({ userId: r.user_id, kind: r.kind, inApp: r.in_app, mail: r.mail }));
}

export async function upsertPreferences(db: Db, userId: string, prefs: Array<{ kind: string; inApp: boolean; mail: boolean }>): Promise<void> {
  if (prefs.length === 0) return;
  await t(db)
    .insertInto('notification_preferences')
    .values(prefs.map((p) => ({ user_id: userId, kind: p.kind, in_app: p.inApp, mail: p.mail })))
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet((eb) => ({ in_app: eb.ref('excluded.in_app'), mail: eb.ref('excluded.mail'), updated_at: new Date() })))
    .execute();
}

/** Retention: deletes up to `limit` notifications created before the cutoff; returns how many. */
export async function deleteOlderThan(db: Db, cutoff: Date, limit: number): Promise<number> {
  const result = await t(db)
    .deleteFrom('notifications')
    .where('id', 'in', (eb) => eb.selectFrom('notifications').select('id').where('created_at', '<', cutoff).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
