import { systemContext, type Actor, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { DomainError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Platform } from '../../platform/platform.js';
import { requireOperator, requireUser, roleIn } from '../../platform/policy.js';
import type { AccountsModule } from '../accounts/index.js';
import type { ProductSummary } from '../catalog/index.js';
import type { FilesModule } from '../files/index.js';
import type { NotificationsModule } from '../notifications/index.js';
import { MessagingErrors } from './errors.js';
import { record, type Side } from './events.js';
import type { ChatHub } from './hub.js';
import * as store from './store.js';
import { companySubject, handledCompanies, otherSide, sideOf, toMessageView, userSubject, type MessageView } from './views.js';

/** What a quote card shows (a snapshot at send time; prices in 分 at the RFQ quantity), as the rfqs module gives it. */
export interface QuoteCard {
  quoteId: string; rfqId: string; title: string; status: string; revision: number;
  currency: string; unitPrice: number; quantity: number; unit: string; total: number;
  leadTimeDays: number; validUntil: string; shippingTerms: string;
}

/** Quote cards (the rfqs module): the card of a quote that this supplier made on an RFQ of this buyer company, or null. */
export interface QuotePort {
  cardFor(quoteId: string, parties: { buyerCompanyId: string | null; supplierCompanyId: string }): Promise<QuoteCard | null>;
}

export interface Deps {
  companies: AccountsModule['companies'];
  files: FilesModule['files'];
  catalog: { summaries(ids: string[]): Promise<ProductSummary[]> };
  notifications: NotificationsModule['notifications'];
  quotes?: QuotePort | undefined;
}

export type SendInput =
  | { kind: 'text'; text: string; clientMsgId?: string | undefined }
  | { kind: 'image' | 'file'; fileId: string; fileName?: string | undefined; text?: string | undefined; clientMsgId?: string | undefined }
  | { kind: 'product'; productId: string; text?: string | undefined; clientMsgId?: string | undefined }
  | { kind: 'quote'; quoteId: string; text?: string | undefined; clientMsgId?: string | undefined };

export interface ConversationView {
  id: string;
  mySide: Side;
  /** companyName / name: legal (Chinese) names; companyNameEn / nameEn: the English names, null when the company has none. */
  buyer: { userId: string; name: string; companyId: string | null; companyName: string | null; companyNameEn: string | null };
  supplier: { companyId: string; name: string; nameEn: string | null };
  productId: string | null;
  lastSeq: number;
  readSeq: { buyer: number; supplier: number };
  unread: number;
  lastMessage: MessageView | null;
  /** name: with the company's legal name; nameEn: with its English name, for en-US readers (null when it has none). */
  counterpart: { name: string; nameEn: string | null; presenceKey: string; online: boolean };
  activityAt: Date;
  createdAt: Date;
}

const SUPPLIER_TYPES: ReadonlySet<string> = new Set(['manufacturer', 'trading_company', 'both']);
const IMAGE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);
const FILE_TYPES: ReadonlySet<string> = new Set([...IMAGE_TYPES, 'application/pdf']);
const ATTACHMENT_PURPOSES: ReadonlySet<string> = new Set(['attachment', 'product_image']);
const MAX_TEXT = 5000;
const HOUR_MS = 3_600_000;

export const MESSAGE_RECEIVED_KIND = {
  key: 'message.received',
  group: 'messages' as const,
  mailByDefault: false,
  title: { zh: '{sender} 给您发来新消息', en: 'New message from {senderEn}' },
  body: { zh: '{previewZh}', en: '{previewEn}' },
  label: { zh: '旺旺新消息(无人在线时)', en: 'New chat messages (when nobody is online)' },
};

/** A resend with a clientMsgId that already exists: the transaction is rolled back and the stored message returned. */
class DuplicateSend extends Error {}

/** Per-user sending budget (per process): a burst, then a steady rate. */
class SendBudget {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly burst = 60, private readonly perSecond = 20) {}
  take(userId: string): boolean {
    const now = Date.now();
    const b = this.buckets.get(userId) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (this.buckets.size > 50_000) this.buckets.clear();
    this.buckets.set(userId, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}

function preview(m: { kind: store.MessageKind; body: string | null }, locale: 'zh' | 'en'): string {
  const labels: Record<store.MessageKind, [string, string]> = {
    text: ['', ''], image: ['[图片]', '[Image]'], file: ['[文件]', '[File]'], product: ['[产品]', '[Product]'], quote: ['[报价]', '[Quote]'],
  };
  const label = labels[m.kind][locale === 'zh' ? 0 : 1];
  const text = (m.body ?? '').replace(/\s+/g, ' ').trim();
  const joined = [label, text].filter(Boolean).join(' ');
  return joined.length > 80 ? `${joined.slice(0, 79)}…` : joined;
}

export class MessagingService {
  private readonly budget = new SendBudget();
  hub!: ChatHub;

  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  /**
   * Like partyOf, for the hot path: who the parties are never changes, so it is kept in memory (per process); the
   * mutable fields of the returned row come from the database inside the send's transaction instead.
   */
  private async parties(ctx: RequestContext, conversationId: string): Promise<{ actor: Actor; conv: store.ConversationRow; side: Side }> {
    const actor = requireUser(ctx);
    const known = this.partyCache.get(conversationId);
    if (known) {
      const side = sideOf(actor, known);
      if (!side) throw new DomainError(MessagingErrors.CONVERSATION_NOT_FOUND);
      return { actor, conv: known, side };
    }
    const found = await this.partyOf(ctx, conversationId);
    if (this.partyCache.size > 100_000) this.partyCache.clear();
    this.partyCache.set(conversationId, found.conv);
    return found;
  }

  private readonly partyCache = new Map<string, store.ConversationRow>();

  /** The conversation and the caller's side in it; not found for anyone who is not a party (no existence leak). */
  async partyOf(ctx: RequestContext, conversationId: string): Promise<{ actor: Actor; conv: store.ConversationRow; side: Side }> {
    const actor = requireUser(ctx);
    const conv = await store.findConversation(this.db, conversationId);
    const side = conv ? sideOf(actor, conv) : null;
    if (!conv || !side) throw new DomainError(MessagingErrors.CONVERSATION_NOT_FOUND);
    return { actor, conv, side };
  }

  // ---- conversations

  /** Opens (or returns) the conversation between the caller, as a buyer, and a supplier company. */
  async open(ctx: RequestContext, input: { supplierCompanyId: string; productId?: string | undefined }): Promise<{ conversation: ConversationView; created: boolean }> {
    const actor = requireUser(ctx);
    if (roleIn(actor, input.supplierCompanyId)) throw new DomainError(MessagingErrors.OWN_COMPANY);
    const company = await this.deps.companies.get(systemContext(), input.supplierCompanyId).catch((err: unknown) => {
      if (err instanceof DomainError && err.kind === 'not_found') throw new DomainError(MessagingErrors.SUPPLIER_NOT_FOUND);
      throw err;
    });
    if (!SUPPLIER_TYPES.has(company.companyType)) throw new DomainError(MessagingErrors.NOT_A_SUPPLIER);
    let productId: string | null = null;
    if (input.productId) {
      const [p] = await this.deps.catalog.summaries([input.productId]);
      if (!p || p.companyId !== input.supplierCompanyId || p.status !== 'published') throw new DomainError(MessagingErrors.CHAT_PRODUCT_NOT_FOUND);
      productId = p.id;
    }
    const buyerCompanyId = actor.activeCompanyId;
    const existing = await store.findConversationByPair(this.db, actor.userId, input.supplierCompanyId);
    if (existing) {
      const refreshed = (productId && productId !== existing.product_id) || existing.buyer_name !== actor.name || (buyerCompanyId && buyerCompanyId !== existing.buyer_company_id)
        ? await store.refreshContext(this.db, existing.id, { productId, buyerCompanyId, buyerName: actor.name })
        : existing;
      return { conversation: await this.view(actor, refreshed), created: false };
    }
    const now = new Date();
    const inserted = await this.platform.database.transaction(async (trx) => {
      const row = await store.insertConversationIfAbsent(trx, { id: uuidv7(), buyerUserId: actor.userId, buyerCompanyId, supplierCompanyId: input.supplierCompanyId, productId, buyerName: actor.name, at: now });
      if (row) {
        await record(trx, actor.userId, {
          type: 'conversation.opened', companyId: row.supplier_company_id, subjectType: 'conversation', subjectId: row.id,
          payload: { conversationId: row.id, supplierCompanyId: row.supplier_company_id, buyerUserId: row.buyer_user_id, buyerCompanyId: row.buyer_company_id, productId, at: now.toISOString() },
        });
      }
      return row;
    });
    const row = inserted ?? (await store.findConversationByPair(this.db, actor.userId, input.supplierCompanyId));
    if (!row) throw new DomainError(MessagingErrors.CONVERSATION_NOT_FOUND);
    return { conversation: await this.view(actor, row), created: Boolean(inserted) };
  }

  async get(ctx: RequestContext, conversationId: string): Promise<ConversationView> {
    const { actor } = await this.partyOf(ctx, conversationId);
    const row = await store.conversationWithLast(this.db, conversationId);
    if (!row) throw new DomainError(MessagingErrors.CONVERSATION_NOT_FOUND);
    const [view] = await this.views(actor, [row]);
    return view!;
  }

  async list(ctx: RequestContext, f: { side?: Side | undefined; cursor?: string | undefined; limit: number }): Promise<{ items: ConversationView[]; nextCursor: string | null }> {
    const actor = requireUser(ctx);
    const after = decodeListCursor(f.cursor);
    const rows = await store.listConversations(this.db, { userId: actor.userId, companyIds: handledCompanies(actor), side: f.side, after, limit: f.limit + 1 });
    const items = await this.views(actor, rows.slice(0, f.limit));
    const last = rows[f.limit - 1];
    return { items, nextCursor: rows.length > f.limit && last ? encodeListCursor(last.activity_at, last.id) : null };
  }

  async unreadCount(ctx: RequestContext): Promise<{ total: number; asBuyer: number; asSupplier: number; byCompany: Array<{ companyId: string; unread: number }> }> {
    const actor = requireUser(ctx);
    const companies = handledCompanies(actor);
    const { asBuyer, byCompany } = await store.unreadTotals(this.db, actor.userId, companies);
    const list = companies.map((companyId) => ({ companyId, unread: byCompany.get(companyId) ?? 0 }));
    const asSupplier = list.reduce((s, c) => s + c.unread, 0);
    return { total: asBuyer + asSupplier, asBuyer, asSupplier, byCompany: list };
  }

  private async view(actor: Actor, row: store.ConversationRow): Promise<ConversationView> {
    const [v] = await this.views(actor, [{ ...row, last: null }]);
    const withLast = await store.conversationWithLast(this.db, row.id);
    return { ...v!, lastMessage: withLast?.last ? toMessageView(withLast.last) : null };
  }

  private async views(actor: Actor, rows: store.ConversationWithLast[]): Promise<ConversationView[]> {
    if (rows.length === 0) return [];
    const companyIds = [...new Set(rows.flatMap((r) => [r.supplier_company_id, ...(r.buyer_company_id ? [r.buyer_company_id] : [])]))];
    const names = await this.deps.companies.partiesOf(companyIds);
    const subjects = rows.map((r) => (sideOf(actor, r) === 'buyer' ? companySubject(r.supplier_company_id) : userSubject(r.buyer_user_id)));
    const online = await this.hub.onlineOf(subjects);
    return rows.map((r, i) => {
      const mySide = sideOf(actor, r) ?? 'buyer';
      const supplier = names.get(r.supplier_company_id);
      const supplierName = supplier?.name ?? '';
      const buyerCompany = r.buyer_company_id ? names.get(r.buyer_company_id) : undefined;
      const buyerCompanyName = buyerCompany?.name ?? null;
      const buyerCompanyNameEn = buyerCompany?.nameEn ?? null;
      const withBuyer = (company: string | null) => (company ? `${r.buyer_name} · ${company}` : r.buyer_name);
      const subject = subjects[i]!;
      return {
        id: r.id, mySide,
        buyer: { userId: r.buyer_user_id, name: r.buyer_name, companyId: r.buyer_company_id, companyName: buyerCompanyName, companyNameEn: buyerCompanyNameEn },
        supplier: { companyId: r.supplier_company_id, name: supplierName, nameEn: supplier?.nameEn ?? null },
        productId: r.product_id, lastSeq: r.last_seq, readSeq: { buyer: r.buyer_read_seq, supplier: r.supplier_read_seq },
        unread: r.last_seq - (mySide === 'buyer' ? r.buyer_read_seq : r.supplier_read_seq),
        lastMessage: r.last ? toMessageView(r.last) : null,
        counterpart: {
          name: mySide === 'buyer' ? supplierName : withBuyer(buyerCompanyName),
          nameEn: mySide === 'buyer' ? supplier?.nameEn ?? null : buyerCompanyNameEn ? withBuyer(buyerCompanyNameEn) : null,
          presenceKey: subject, online: online.has(subject),
        },
        activityAt: r.activity_at, createdAt: r.created_at,
      };
    });
  }

  // ---- messages

  /** History newest-first pages (returned oldest first): before a message id, optionally matching q; or everything after a seq. */
  async messages(ctx: RequestContext, conversationId: string, f: { before?: string | undefined; afterSeq?: number | undefined; q?: string | undefined; limit: number }): Promise<{ items: MessageView[]; nextBefore: string | null; lastSeq: number }> {
    const { conv } = await this.partyOf(ctx, conversationId);
    if (f.afterSeq !== undefined) {
      const rows = await store.range(this.db, conversationId, f.afterSeq, null, f.limit);
      return { items: rows.map(toMessageView), nextBefore: null, lastSeq: conv.last_seq };
    }
    let beforeSeq: number | null = null;
    if (f.before) {
      const m = await store.findMessage(this.db, conversationId, f.before);
      if (!m) throw new DomainError(MessagingErrors.MESSAGE_NOT_FOUND);
      beforeSeq = m.seq;
    }
    const rows = await store.history(this.db, { conversationId, beforeSeq, q: f.q, limit: f.limit + 1 });
    const page = rows.slice(0, f.limit);
    const oldest = page[page.length - 1];
    return { items: page.reverse().map(toMessageView), nextBefore: rows.length > f.limit && oldest ? oldest.id : null, lastSeq: conv.last_seq };
  }

  /**
   * Stores a message, then (after the commit) announces it to every process. The stored message is returned: the
   * caller acknowledges only now. A resend with the same clientMsgId returns the first one (duplicate: true).
   */
  async send(ctx: RequestContext, conversationId: string, input: SendInput, options: { at?: Date } = {}): Promise<{ message: MessageView; duplicate: boolean }> {
    const found = await this.parties(ctx, conversationId);
    const { actor, side } = found;
    let conv = found.conv;
    const clientMsgId = input.clientMsgId ?? null;
    if (!this.budget.take(actor.userId)) throw new DomainError(MessagingErrors.SENDING_TOO_FAST, {}, [], 1);
    const content = await this.content(actor, conv, input);
    const recipient = otherSide(side);
    const recipientOnline = await this.hub.isOnline(recipient === 'buyer' ? userSubject(conv.buyer_user_id) : companySubject(conv.supplier_company_id));
    // Read before the transaction: on PGlite a read outside it would wait for the transaction's one connection.
    const supplierParty = recipientOnline || side === 'buyer' ? undefined : (await this.deps.companies.partiesOf([conv.supplier_company_id])).get(conv.supplier_company_id);
    const senderName = { zh: supplierParty?.name ?? actor.name, en: supplierParty?.nameEn ?? supplierParty?.name ?? actor.name };
    // `at` lays out demo history in the past (seed only; the routes never pass it).
    const now = options.at ?? new Date();
    let stored: store.MessageRow;
    try {
      stored = await this.platform.database.transaction(async (trx) => {
        const locked = await store.allocateSeq(trx, conversationId, side, now, side === 'buyer' ? actor.name : null);
        if (!locked) throw new DomainError(MessagingErrors.CONVERSATION_NOT_FOUND);
        conv = locked;
        const row = await store.insertMessage(trx, {
          id: uuidv7(), conversation_id: conversationId, seq: locked.last_seq, sender_user_id: actor.userId, sender_name: actor.name, side,
          kind: content.kind, body: content.body, attachment: content.attachment, card: content.card, client_msg_id: clientMsgId, created_at: now,
        });
        if (!row) throw new DuplicateSend();
        await record(trx, actor.userId, {
          type: 'message.sent', companyId: conv.supplier_company_id, subjectType: 'conversation', subjectId: conversationId,
          payload: {
            conversationId, messageId: row.id, supplierCompanyId: conv.supplier_company_id, buyerUserId: conv.buyer_user_id,
            buyerCompanyId: conv.buyer_company_id, senderUserId: actor.userId, side, at: now.toISOString(),
          },
        });
        if (!recipientOnline) await this.notifyOffline(trx, conv, side, actor, row, senderName);
        return row;
      });
    } catch (err) {
      if (err instanceof DuplicateSend && clientMsgId) {
        const existing = await store.findByClientMsgId(this.db, conversationId, actor.userId, clientMsgId);
        if (existing) return { message: toMessageView(existing), duplicate: true };
      }
      throw err;
    }
    const message = toMessageView(stored);
    this.hub.announceMessage(message, { buyerUserId: conv.buyer_user_id, supplierCompanyId: conv.supplier_company_id });
    return { message, duplicate: false };
  }

  private async notifyOffline(trx: Db, conv: store.ConversationRow, side: Side, actor: Actor, row: store.MessageRow, sender: { zh: string; en: string }): Promise<void> {
    await this.deps.notifications.notify(trx, {
      kind: MESSAGE_RECEIVED_KIND.key,
      to: side === 'buyer' ? { companyId: conv.supplier_company_id, roles: ['owner', 'admin', 'sales'] } : { userIds: [conv.buyer_user_id] },
      params: { sender: sender.zh, senderEn: sender.en, previewZh: preview(row, 'zh'), previewEn: preview(row, 'en') },
      link: `/workbench/messages?c=${conv.id}`,
      excludeUserIds: [actor.userId],
      dedupeKey: `chat:${conv.id}:${Math.floor(row.created_at.getTime() / HOUR_MS)}`,
    });
  }

  /** Checks and snapshots what the message carries. */
  private async content(actor: Actor, conv: store.ConversationRow, input: SendInput): Promise<{ kind: store.MessageKind; body: string | null; attachment: store.Attachment | null; card: Record<string, unknown> | null }> {
    const text = (input.text ?? '').trim().slice(0, MAX_TEXT) || null;
    switch (input.kind) {
      case 'text':
        if (!text) throw new DomainError(MessagingErrors.MESSAGE_EMPTY);
        return { kind: 'text', body: text, attachment: null, card: null };
      case 'image':
      case 'file': {
        const meta = await this.deps.files.metadata(input.fileId);
        const reason = !meta ? ['没有这个文件', 'there is no such file']
          : !meta.ownerCompanyId || !roleIn(actor, meta.ownerCompanyId) ? ['文件不是您的企业上传的', 'it was not uploaded by your company']
            : !ATTACHMENT_PURPOSES.has(meta.purpose) ? ['只能发送附件或产品图片', 'only attachments and product images can be sent']
              : !(input.kind === 'image' ? IMAGE_TYPES : FILE_TYPES).has(meta.contentType) ? (input.kind === 'image' ? ['不是图片(PNG、JPEG、WebP、GIF)', 'it is not an image (PNG, JPEG, WebP, GIF)'] : ['只能发送图片或 PDF', 'only images and PDF can be sent'])
                : meta.byteSize > this.platform.config.UPLOAD_LIMIT_BYTES ? ['文件过大', 'it is too large'] : null;
        if (reason || !meta) throw new DomainError(MessagingErrors.ATTACHMENT_INVALID, { reason: reason?.[1] ?? '' }, [{ path: 'fileId', message: reason?.[1] ?? '' }]);
        const ext = meta.contentType === 'application/pdf' ? 'pdf' : meta.contentType.split('/')[1] ?? 'bin';
        const name = [...(input.fileName ?? '')].filter((ch) => ch >= ' ' && ch !== '/' && ch !== '\\').join('').trim().slice(0, 200) || `${input.kind}-${meta.id.slice(-6)}.${ext}`;
        return { kind: input.kind, body: text, attachment: { fileId: meta.id, name, contentType: meta.contentType, byteSize: meta.byteSize }, card: null };
      }
      case 'product': {
        const [p] = await this.deps.catalog.summaries([input.productId]);
        if (!p || p.status !== 'published') throw new DomainError(MessagingErrors.CHAT_PRODUCT_NOT_FOUND);
        const prices = p.priceTiers.map((tier) => tier.unitPrice);
        return {
          kind: 'product', body: text, attachment: null,
          card: {
            kind: 'product', productId: p.id, companyId: p.companyId, titleZh: p.titleZh, titleEn: p.titleEn, imageUrl: p.thumbnails?.['160'] ?? p.coverUrl,
            currency: 'CNY', minPrice: prices.length ? Math.min(...prices) : null, maxPrice: prices.length ? Math.max(...prices) : null,
            priceTiers: p.priceTiers, moq: p.moq, unit: p.unit,
          },
        };
      }
      case 'quote': {
        if (!this.deps.quotes) throw new DomainError(MessagingErrors.QUOTE_CARDS_UNAVAILABLE);
        const card = await this.deps.quotes.cardFor(input.quoteId, { buyerCompanyId: conv.buyer_company_id, supplierCompanyId: conv.supplier_company_id });
        // An RFQ does not name its buyer to suppliers (docs/rfqs.md). A supplier that could send any of its quotes
        // would learn, chat by chat, whose RFQ it was; so it shares only quotes the buyer accepted, which name it anyway.
        const supplierSide = actor.userId !== conv.buyer_user_id;
        if (!card || (supplierSide && card.status !== 'accepted')) throw new DomainError(MessagingErrors.QUOTE_NOT_AVAILABLE);
        return { kind: 'quote', body: text, attachment: null, card: { ...card, kind: 'quote' } };
      }
    }
  }

  /** Moves the caller's side's read pointer (default: to the last message); announces it when it moved. */
  async markRead(ctx: RequestContext, conversationId: string, seq?: number): Promise<{ side: Side; readSeq: number }> {
    const { conv, side } = await this.partyOf(ctx, conversationId);
    const target = seq ?? conv.last_seq;
    const moved = await store.markRead(this.db, conversationId, side, target);
    if (moved !== null) this.hub.announceRead({ conversationId, side, seq: moved, buyerUserId: conv.buyer_user_id, supplierCompanyId: conv.supplier_company_id });
    return { side, readSeq: moved ?? (side === 'buyer' ? conv.buyer_read_seq : conv.supplier_read_seq) };
  }

  /** An attachment, for the conversation's parties: only files that were sent in this conversation. */
  async attachment(ctx: RequestContext, conversationId: string, fileId: string) {
    await this.partyOf(ctx, conversationId);
    if (!(await store.fileSentIn(this.db, conversationId, fileId))) throw new DomainError(MessagingErrors.MESSAGE_NOT_FOUND);
    const file = await this.deps.files.readAttached(fileId);
    if (!file) throw new DomainError(MessagingErrors.MESSAGE_NOT_FOUND);
    return file;
  }

  // ---- operator reading (arbitration of after-sales disputes)

  /**
   * Operators only: the chat between a buyer company and a supplier company (all its members' conversations with the
   * supplier), the latest `limit` messages, oldest first. Used by the after-sales module's arbitration file.
   */
  async betweenCompanies(ctx: RequestContext, buyerCompanyId: string, supplierCompanyId: string, limit: number): Promise<MessageView[]> {
    requireOperator(ctx);
    const rows = await store.messagesBetweenCompanies(this.db, buyerCompanyId, supplierCompanyId, Math.min(Math.max(limit, 1), 500));
    return rows.reverse().map(toMessageView);
  }
}

function encodeListCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, 'utf8').toString('base64url');
}

function decodeListCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = at ? new Date(at) : null;
  if (!date || Number.isNaN(date.getTime()) || !id || !/^[0-9a-f-]{36}$/.test(id)) throw new DomainError(MessagingErrors.PROTOCOL_ERROR, { reason: 'cursor' });
  return { at: date, id };
}
