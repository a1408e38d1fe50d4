import { sql, type ColumnType, type Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { Timestamp } from '../../platform/tables.js';

type Json<T> = ColumnType<T, string | null | undefined, string | null>;
import type { Side } from './events.js';

interface ConversationsTable {
  id: string;
  buyer_user_id: string;
  buyer_company_id: string | null;
  supplier_company_id: string;
  product_id: string | null;
  buyer_name: string;
  last_seq: ColumnType<number, number | undefined, number>;
  buyer_read_seq: ColumnType<number, number | undefined, number>;
  supplier_read_seq: ColumnType<number, number | undefined, number>;
  activity_at: ColumnType<Date, Date, Date>;
  created_at: Timestamp;
}

export type MessageKind = 'text' | 'image' | 'file' | 'product' | 'quote';

export interface Attachment { fileId: string; name: string; contentType: string; byteSize: number }

interface MessagesTable {
  id: string;
  conversation_id: string;
  seq: number;
  sender_user_id: string;
  sender_name: string;
  side: Side;
  kind: MessageKind;
  body: string | null;
  attachment: Json<Attachment | null>;
  card: Json<Record<string, unknown> | null>;
  client_msg_id: string | null;
  created_at: Timestamp;
}

interface PresenceTable {
  node_id: string;
  subject: string;
  connections: number;
  seen_at: Timestamp;
}

type MessagingTables = { chat_conversations: ConversationsTable; chat_messages: MessagesTable; chat_presence: PresenceTable };

export type ConversationRow = Selectable<ConversationsTable>;
export interface MessageRow {
  id: string; conversation_id: string; seq: number; sender_user_id: string; sender_name: string; side: Side; kind: MessageKind;
  body: string | null; attachment: Attachment | null; card: Record<string, unknown> | null; client_msg_id: string | null; created_at: Date;
}
export type ConversationWithLast = ConversationRow & { last: MessageRow | null };

const t = (db: Db) => db.withTables<MessagingTables>();

const MESSAGE_COLUMNS = ['id', 'conversation_id', 'seq', 'sender_user_id', 'sender_name', 'side', 'kind', 'body', 'attachment', 'card', 'client_msg_id', 'created_at'] as const;

function message(r: Selectable<MessagesTable>): MessageRow {
  return { ...r, seq: Number(r.seq) };
}

function conversation(r: ConversationRow): ConversationRow {
  return { ...r, last_seq: Number(r.last_seq), buyer_read_seq: Number(r.buyer_read_seq), supplier_read_seq: Number(r.supplier_read_seq) };
}

// ---- conversations

export async function insertConversationIfAbsent(db: Db, row: { id: string; buyerUserId: string; buyerCompanyId: string | null; supplierCompanyId: string; productId: string | null; buyerName: string; at: Date }): Promise<ConversationRow | undefined> {
  const r = await t(db).insertInto('chat_conversations')
    .values({
      id: row.id, buyer_user_id: row.buyerUserId, buyer_company_id: row.buyerCompanyId, supplier_company_id: row.supplierCompanyId,
      product_id: row.productId, buyer_name: row.buyerName, activity_at: row.at,
    })
    .onConflict((oc) => oc.columns(['buyer_user_id', 'supplier_company_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return r ? conversation(r) : undefined;
}

export async function findConversation(db: Db, id: string): Promise<ConversationRow | undefined> {
  const r = await t(db).selectFrom('chat_conversations').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? conversation(r) : undefined;
}

export async function findConversationByPair(db: Db, buyerUserId: string, supplierCompanyId: string): Promise<ConversationRow | undefined> {
  const r = await t(db).selectFrom('chat_conversations').selectAll()
    .where('buyer_user_id', '=', buyerUserId).where('supplier_company_id', '=', supplierCompanyId).executeTakeFirst();
  return r ? conversation(r) : undefined;
}

/** Reopened from a product page: the conversation's context becomes that product; the buyer's company and name are refreshed. */
export async function refreshContext(db: Db, id: string, f: { productId: string | null; buyerCompanyId: string | null; buyerName: string }): Promise<ConversationRow> {
  const r = await t(db).updateTable('chat_conversations')
    .set((eb) => ({
      product_id: f.productId === null ? eb.ref('product_id') : f.productId,
      buyer_company_id: f.buyerCompanyId === null ? eb.ref('buyer_company_id') : f.buyerCompanyId,
      buyer_name: f.buyerName,
    }))
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return conversation(r);
}

function withLast(db: Db) {
  return t(db).selectFrom('chat_conversations as c')
    .leftJoin('chat_messages as m', (j) => j.onRef('m.conversation_id', '=', 'c.id').onRef('m.seq', '=', 'c.last_seq'))
    .selectAll('c')
    .select([
      'm.id as m_id', 'm.seq as m_seq', 'm.sender_user_id as m_sender_user_id', 'm.sender_name as m_sender_name', 'm.side as m_side', 'm.kind as m_kind',
      'm.body as m_body', 'm.attachment as m_attachment', 'm.card as m_card', 'm.client_msg_id as m_client_msg_id', 'm.created_at as m_created_at',
    ]);
}

type WithLastRow = Awaited<ReturnType<ReturnType<typeof withLast>['execute']>>[number];

function splitLast(r: WithLastRow): ConversationWithLast {
  const { m_id, m_seq, m_sender_user_id, m_sender_name, m_side, m_kind, m_body, m_attachment, m_card, m_client_msg_id, m_created_at, ...c } = r;
  const last = m_id === null ? null : message({
    id: m_id, conversation_id: c.id, seq: m_seq!, sender_user_id: m_sender_user_id!, sender_name: m_sender_name!, side: m_side!, kind: m_kind!,
    body: m_body, attachment: m_attachment, card: m_card, client_msg_id: m_client_msg_id, created_at: m_created_at!,
  });
  return { ...conversation(c), last };
}

/**
 * The user's conversations, most recent activity first: as the buyer, and as a handling member of these supplier
 * companies. Keyset paging on (activity_at, id).
 */
export async function listConversations(db: Db, f: { userId: string; companyIds: string[]; side?: Side | undefined; after?: { at: Date; id: string } | undefined; limit: number }): Promise<ConversationWithLast[]> {
  let q = withLast(db);
  const asBuyer = f.side !== 'supplier';
  const asSupplier = f.side !== 'buyer' && f.companyIds.length > 0;
  if (!asBuyer && !asSupplier) return [];
  q = q.where((eb) => eb.or([
    ...(asBuyer ? [eb('c.buyer_user_id', '=', f.userId)] : []),
    ...(asSupplier ? [eb('c.supplier_company_id', 'in', f.companyIds)] : []),
  ]));
  if (f.after) {
    const { at, id } = f.after;
    q = q.where((eb) => eb.or([eb('c.activity_at', '<', at), eb.and([eb('c.activity_at', '=', at), eb('c.id', '<', id)])]));
  }
  const rows = await q.orderBy('c.activity_at', 'desc').orderBy('c.id', 'desc').limit(f.limit).execute();
  return rows.map(splitLast);
}

export async function conversationWithLast(db: Db, id: string): Promise<ConversationWithLast | undefined> {
  const r = await withLast(db).where('c.id', '=', id).executeTakeFirst();
  return r ? splitLast(r) : undefined;
}

/** Counterparts for presence: the most recent conversations of a user (as buyer and as handler). */
export async function recentParties(db: Db, userId: string, companyIds: string[], limit: number): Promise<Array<{ id: string; buyer_user_id: string; supplier_company_id: string; last_seq: number }>> {
  const rows = await t(db).selectFrom('chat_conversations').select(['id', 'buyer_user_id', 'supplier_company_id', 'last_seq'])
    .where((eb) => eb.or([eb('buyer_user_id', '=', userId), ...(companyIds.length ? [eb('supplier_company_id', 'in', companyIds)] : [])]))
    .orderBy('activity_at', 'desc').limit(limit).execute();
  return rows.map((r) => ({ ...r, last_seq: Number(r.last_seq) }));
}

/**
 * Allocates the next sequence number under the conversation's row lock (held to the end of the transaction, so
 * concurrent senders get consecutive numbers in commit order); the sender's side has read everything up to it.
 */
export async function allocateSeq(trx: Db, id: string, side: Side, at: Date, buyerName: string | null): Promise<ConversationRow | undefined> {
  const r = await t(trx).updateTable('chat_conversations')
    .set((eb) => ({
      last_seq: eb('last_seq', '+', 1),
      activity_at: at,
      ...(side === 'buyer' ? { buyer_read_seq: eb('last_seq', '+', 1) } : { supplier_read_seq: eb('last_seq', '+', 1) }),
      ...(buyerName !== null ? { buyer_name: buyerName } : {}),
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return r ? conversation(r) : undefined;
}

/** Moves a side's read pointer forward (never back, never past the last message); the new pointer, or null when unchanged. */
export async function markRead(db: Db, id: string, side: Side, seq: number): Promise<number | null> {
  const col = side === 'buyer' ? 'buyer_read_seq' : 'supplier_read_seq';
  const r = await sql<{ read: number }>`
    UPDATE chat_conversations SET ${sql.ref(col)} = LEAST(last_seq, ${seq}::bigint)
    WHERE id = ${id} AND ${sql.ref(col)} < LEAST(last_seq, ${seq}::bigint)
    RETURNING ${sql.ref(col)} AS read`.execute(db);
  const row = r.rows[0];
  return row ? Number(row.read) : null;
}

export async function unreadTotals(db: Db, userId: string, companyIds: string[]): Promise<{ asBuyer: number; byCompany: Map<string, number> }> {
  const [buyer, supplier] = await Promise.all([
    t(db).selectFrom('chat_conversations').select((eb) => eb.fn.coalesce(eb.fn.sum<number>(sql<number>`last_seq - buyer_read_seq`), sql<number>`0`).as('n'))
      .where('buyer_user_id', '=', userId).where(sql<boolean>`last_seq > buyer_read_seq`).executeTakeFirst(),
    companyIds.length === 0 ? Promise.resolve([]) : t(db).selectFrom('chat_conversations')
      .select(['supplier_company_id', (eb) => eb.fn.sum<number>(sql<number>`last_seq - supplier_read_seq`).as('n')])
      .where('supplier_company_id', 'in', companyIds).where(sql<boolean>`last_seq > supplier_read_seq`).groupBy('supplier_company_id').execute(),
  ]);
  return { asBuyer: Number(buyer?.n ?? 0), byCompany: new Map(supplier.map((r) => [r.supplier_company_id, Number(r.n)])) };
}

// ---- messages

export async function insertMessage(trx: Db, m: Omit<MessageRow, 'created_at'> & { created_at: Date }): Promise<MessageRow | undefined> {
  const r = await t(trx).insertInto('chat_messages')
    .values({ ...m, attachment: m.attachment ? JSON.stringify(m.attachment) : null, card: m.card ? JSON.stringify(m.card) : null })
    .onConflict((oc) => oc.columns(['conversation_id', 'sender_user_id', 'client_msg_id']).where('client_msg_id', 'is not', null).doNothing())
    .returning(MESSAGE_COLUMNS)
    .executeTakeFirst();
  return r ? message(r) : undefined;
}

export async function findByClientMsgId(db: Db, conversationId: string, senderUserId: string, clientMsgId: string): Promise<MessageRow | undefined> {
  const r = await t(db).selectFrom('chat_messages').select(MESSAGE_COLUMNS)
    .where('conversation_id', '=', conversationId).where('sender_user_id', '=', senderUserId).where('client_msg_id', '=', clientMsgId).executeTakeFirst();
  return r ? message(r) : undefined;
}

export async function findMessage(db: Db, conversationId: string, id: string): Promise<MessageRow | undefined> {
  const r = await t(db).selectFrom('chat_messages').select(MESSAGE_COLUMNS).where('conversation_id', '=', conversationId).where('id', '=', id).executeTakeFirst();
  return r ? message(r) : undefined;
}

/** Messages with afterSeq < seq <= uptoSeq, in order (at most limit). */
export async function range(db: Db, conversationId: string, afterSeq: number, uptoSeq: number | null, limit: number): Promise<MessageRow[]> {
  let q = t(db).selectFrom('chat_messages').select(MESSAGE_COLUMNS).where('conversation_id', '=', conversationId).where('seq', '>', afterSeq);
  if (uptoSeq !== null) q = q.where('seq', '<=', uptoSeq);
  return (await q.orderBy('seq').limit(limit).execute()).map(message);
}

/** Messages by (conversation, seq) keys, in one query. */
export async function byKeys(db: Db, keys: Array<{ c: string; s: number }>): Promise<MessageRow[]> {
  if (keys.length === 0) return [];
  const rows = await sql<Selectable<MessagesTable>>`
    SELECT ${sql.join(MESSAGE_COLUMNS.map((c) => sql.ref(`m.${c}`)))}
    FROM chat_messages m
    JOIN unnest(${keys.map((k) => k.c)}::uuid[], ${keys.map((k) => k.s)}::bigint[]) AS k(c, s) ON m.conversation_id = k.c AND m.seq = k.s`.execute(db);
  return rows.rows.map(message);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Newest first before a seq, optionally only messages whose text (or card title) contains every term of q. */
export async function history(db: Db, f: { conversationId: string; beforeSeq: number | null; q?: string | undefined; limit: number }): Promise<MessageRow[]> {
  let q = t(db).selectFrom('chat_messages').select(MESSAGE_COLUMNS).where('conversation_id', '=', f.conversationId);
  if (f.beforeSeq !== null) q = q.where('seq', '<', f.beforeSeq);
  for (const term of (f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = `%${escapeLike(term)}%`;
    q = q.where((eb) => eb.or([
      eb('body', 'ilike', pattern),
      eb(sql<string>`card->>'titleZh'`, 'ilike', pattern),
      eb(sql<string>`card->>'titleEn'`, 'ilike', pattern),
      eb(sql<string>`attachment->>'name'`, 'ilike', pattern),
    ]));
  }
  return (await q.orderBy('seq', 'desc').limit(f.limit).execute()).map(message);
}

/** Whether a file was sent in this conversation (the parties may then download it). */
export async function fileSentIn(db: Db, conversationId: string, fileId: string): Promise<boolean> {
  const r = await t(db).selectFrom('chat_messages').select('id')
    .where('conversation_id', '=', conversationId).where(sql<string>`attachment->>'fileId'`, '=', fileId).limit(1).executeTakeFirst();
  return Boolean(r);
}

// ---- presence

/** This node's connection counts for these subjects: rows for the connected ones, none for the others. */
export async function setPresenceMany(db: Db, nodeId: string, rows: Array<{ subject: string; connections: number }>): Promise<void> {
  const on = rows.filter((r) => r.connections > 0);
  const off = rows.filter((r) => r.connections <= 0).map((r) => r.subject);
  if (off.length) await t(db).deleteFrom('chat_presence').where('node_id', '=', nodeId).where('subject', 'in', off).execute();
  if (on.length) {
    const now = new Date();
    await t(db).insertInto('chat_presence').values(on.map((r) => ({ node_id: nodeId, subject: r.subject, connections: r.connections, seen_at: now })))
      .onConflict((oc) => oc.columns(['node_id', 'subject']).doUpdateSet((eb) => ({ connections: eb.ref('excluded.connections'), seen_at: eb.ref('excluded.seen_at') }))).execute();
  }
}

export async function heartbeat(db: Db, nodeId: string): Promise<void> {
  await t(db).updateTable('chat_presence').set({ seen_at: new Date() }).where('node_id', '=', nodeId).execute();
}

export async function clearNode(db: Db, nodeId: string): Promise<string[]> {
  const rows = await t(db).deleteFrom('chat_presence').where('node_id', '=', nodeId).returning('subject').execute();
  return rows.map((r) => r.subject);
}

/** Removes rows of nodes that stopped refreshing; the subjects they held. */
export async function sweepStale(db: Db, olderThan: Date): Promise<string[]> {
  const rows = await t(db).deleteFrom('chat_presence').where('seen_at', '<', olderThan).returning('subject').execute();
  return [...new Set(rows.map((r) => r.subject))];
}

export async function onlineSubjects(db: Db, subjects: string[], freshSince: Date): Promise<Set<string>> {
  if (subjects.length === 0) return new Set();
  const rows = await t(db).selectFrom('chat_presence').select('subject').distinct()
    .where('subject', 'in', subjects).where('connections', '>', 0).where('seen_at', '>=', freshSince).execute();
  return new Set(rows.map((r) => r.subject));
}

// ---- operator reading (arbitration of after-sales disputes)

/** The latest messages of every conversation between a buyer company's members and a supplier company, newest first. */
export async function messagesBetweenCompanies(db: Db, buyerCompanyId: string, supplierCompanyId: string, limit: number): Promise<MessageRow[]> {
  const rows = await t(db).selectFrom('chat_messages as m')
    .innerJoin('chat_conversations as c', 'c.id', 'm.conversation_id')
    .select(MESSAGE_COLUMNS.map((c) => `m.${c}` as const))
    .where('c.buyer_company_id', '=', buyerCompanyId).where('c.supplier_company_id', '=', supplierCompanyId)
    .orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').limit(limit).execute();
  return rows.map(message);
}
