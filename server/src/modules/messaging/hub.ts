import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { Actor } from '../../platform/context.js';
import type { Locale } from '../../platform/errors.js';
import type { Authenticate } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import type { RealtimeBus } from '../../platform/realtime.js';
import type { Side } from './events.js';
import * as store from './store.js';
import { companySubject, counterpartSubject, handledCompanies, sideOf, toMessageView, userSubject, type MessageView } from './views.js';

/** What goes over the bus between processes: that something committed, never the data. */
type Notice =
  | { t: 'm'; c: string; s: number; b: string; sc: string }
  | { t: 'r'; c: string; side: Side; s: number; b: string; sc: string }
  | { t: 'y'; c: string; side: Side; u: string; b: string; sc: string }
  | { t: 'p'; subj: string[] };

interface Sub {
  id: string;
  buyerUserId: string;
  supplierCompanyId: string;
  side: Side;
  /** The highest seq this socket has been sent, in order with no gap. */
  lastSent: number;
  /** Deliveries that had to wait (catch-up, gap fill) run one after another. */
  chain: Promise<void>;
  pending: number;
}

const OPEN = 1;
const CATCH_UP_PAGE = 500;
const CATCH_UP_MAX = 5_000;
const PRESENCE_FRESH_MS = 60_000;
const HEARTBEAT_MS = 20_000;
const PING_MS = 30_000;
const ONLINE_CACHE_MS = 2_000;
const RECENT_MAX = 20_000;
const MAX_BUFFERED = 8 * 1024 * 1024;
const REAUTH_MS = 60_000;

export class ChatClient {
  readonly subs = new Map<string, Sub>();
  readonly interest = new Set<string>();
  handled: Set<string>;
  all = false;
  alive = true;
  readonly subjects: string[];
  readonly typingAt = new Map<string, number>();
  reauthTimer: NodeJS.Timeout | null = null;
  frames: Promise<void> = Promise.resolve();
  requests = 0;

  constructor(
    readonly id: number,
    readonly socket: WebSocket,
    public actor: Actor,
    readonly session: { token: string; via: Actor['via'] },
    readonly locale: Locale,
    readonly ip: string,
    readonly userAgent: string | null,
  ) {
    this.handled = new Set(handledCompanies(actor));
    this.subjects = [userSubject(actor.userId), ...[...this.handled].map(companySubject)];
  }
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

/**
 * The sockets of this process and what they follow. A committed message is announced on the bus; every process
 * (this one too) hears the notice, reads the message (one query per batch, or from the sender's process memory)
 * and sends it to its sockets that follow the conversation — in seq order per socket, filling any gap from the
 * database, so a socket never skips a message. Presence is kept in chat_presence per process.
 */
export class ChatHub {
  readonly nodeId = `${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly clients = new Set<ChatClient>();
  private readonly byConv = new Map<string, Set<ChatClient>>();
  private readonly allByUser = new Map<string, Set<ChatClient>>();
  private readonly allByCompany = new Map<string, Set<ChatClient>>();
  private readonly byInterest = new Map<string, Set<ChatClient>>();
  private readonly localCounts = new Map<string, number>();
  private readonly dirtyPresence = new Set<string>();
  private presenceFlushing = false;
  private readonly onlineCache = new Map<string, { online: boolean; at: number }>();
  private readonly recent = new Map<string, MessageView>();
  private readonly timers: NodeJS.Timeout[] = [];
  private nextClientId = 0;
  private started = false;

  constructor(
    private readonly platform: Platform,
    private readonly bus: RealtimeBus,
    private readonly authenticate: Authenticate,
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  private get log() {
    return this.platform.log;
  }

  get connectionCount(): number {
    return this.clients.size;
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.bus.subscribe((notices) => this.onNotices(notices as Notice[]));
    this.bus.onResync(() => this.resyncAll());
    await this.bus.start();
    const every = (ms: number, fn: () => Promise<void> | void) => {
      const timer = setInterval(() => {
        Promise.resolve(fn()).catch((err: unknown) => this.log.warn({ err }, 'chat hub timer failed'));
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(HEARTBEAT_MS, async () => {
      await store.heartbeat(this.db, this.nodeId);
      const gone = await store.sweepStale(this.db, new Date(Date.now() - PRESENCE_FRESH_MS));
      if (gone.length) this.bus.publish({ t: 'p', subj: gone } satisfies Notice);
    });
    every(PING_MS, () => {
      for (const c of this.clients) {
        if (!c.alive) {
          c.socket.terminate();
          continue;
        }
        c.alive = false;
        c.socket.ping();
      }
    });
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    for (const t of this.timers) clearInterval(t);
    for (const c of [...this.clients]) {
      c.socket.close(1001, 'server shutting down');
      this.detach(c, false);
    }
    try {
      const cleared = await store.clearNode(this.db, this.nodeId);
      if (cleared.length) this.bus.publish({ t: 'p', subj: cleared } satisfies Notice);
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
    } catch (err) {
      this.log.warn({ err }, 'chat hub: clearing presence failed');
    }
    await this.bus.stop();
  }

  // ---- sockets

  attach(socket: WebSocket, actor: Actor, session: { token: string; via: Actor['via'] }, meta: { locale: Locale; ip: string; userAgent: string | null }): ChatClient {
    const client = new ChatClient(++this.nextClientId, socket, actor, session, meta.locale, meta.ip, meta.userAgent);
    this.clients.add(client);
    for (const s of client.subjects) this.countPresence(s, +1);
    socket.on('pong', () => {
      client.alive = true;
    });
    socket.on('close', () => this.detach(client, true));
    this.scheduleReauth(client);
    this.send(client, JSON.stringify({ type: 'hello', userId: actor.userId, node: this.nodeId }));
    return client;
  }

  private detach(client: ChatClient, countDown: boolean): void {
    if (!this.clients.delete(client)) return;
    if (client.reauthTimer) clearTimeout(client.reauthTimer);
    for (const id of client.subs.keys()) removeFrom(this.byConv, id, client);
    for (const s of client.interest) removeFrom(this.byInterest, s, client);
    if (client.all) {
      removeFrom(this.allByUser, client.actor.userId, client);
      for (const c of client.handled) removeFrom(this.allByCompany, c, client);
    }
    if (countDown) for (const s of client.subjects) this.countPresence(s, -1);
  }

  private scheduleReauth(client: ChatClient): void {
    client.reauthTimer = setTimeout(() => {
      this.authenticate(client.session.token, client.session.via).then((actor) => {
        if (!this.clients.has(client)) return;
        if (!actor) {
          client.socket.close(4401, 'session ended');
          return;
        }
        client.actor = actor;
        client.handled = new Set(handledCompanies(actor));
        for (const [id, sub] of client.subs) {
          if (!sideOf(actor, { buyer_user_id: sub.buyerUserId, supplier_company_id: sub.supplierCompanyId })) {
            this.unsubscribe(client, id);
            this.send(client, JSON.stringify({ type: 'error', code: 'CONVERSATION_NOT_FOUND', conversationId: id }));
          }
        }
        this.scheduleReauth(client);
      }, (err: unknown) => {
        this.log.warn({ err }, 'chat: re-authentication failed');
        this.scheduleReauth(client);
      });
    }, REAUTH_MS + Math.floor(Math.random() * REAUTH_MS / 2));
    client.reauthTimer.unref();
  }

  /** Sends a frame; a socket that does not keep up is closed (its client reconnects and catches up). */
  send(client: ChatClient, frame: string): void {
    const socket = client.socket;
    if (socket.readyState !== OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED) {
      socket.close(1013, 'too slow; reconnect and catch up');
      return;
    }
    socket.send(frame);
  }

  // ---- subscriptions

  private ensureSub(client: ChatClient, c: { id: string; buyerUserId: string; supplierCompanyId: string }, startAfter: number): { sub: Sub; created: boolean } | null {
    const existing = client.subs.get(c.id);
    if (existing) return { sub: existing, created: false };
    const side = sideOf(client.actor, { buyer_user_id: c.buyerUserId, supplier_company_id: c.supplierCompanyId });
    if (!side) return null;
    const sub: Sub = { id: c.id, buyerUserId: c.buyerUserId, supplierCompanyId: c.supplierCompanyId, side, lastSent: startAfter, chain: Promise.resolve(), pending: 0 };
    client.subs.set(c.id, sub);
    addTo(this.byConv, c.id, client);
    this.addInterest(client, [counterpartSubject(side, c)]);
    return { sub, created: true };
  }

  private addInterest(client: ChatClient, subjects: string[]): string[] {
    const added: string[] = [];
    for (const s of subjects) {
      if (client.interest.has(s)) continue;
      client.interest.add(s);
      addTo(this.byInterest, s, client);
      added.push(s);
    }
    return added;
  }

  unsubscribe(client: ChatClient, conversationId: string): void {
    if (!client.subs.delete(conversationId)) return;
    removeFrom(this.byConv, conversationId, client);
  }

  /**
   * Follows conversations: each listed one from afterSeq (the messages after it are sent first, in order; default:
   * only new ones), and with all=true every conversation of the person, present and future, from now on. A
   * conversation the person is not party to is refused with an error frame.
   */
  async subscribe(client: ChatClient, f: { all?: boolean | undefined; conversations?: Array<{ id: string; afterSeq?: number | undefined }> | undefined }): Promise<void> {
    const newInterest: string[] = [];
    if (f.all && !client.all) {
      client.all = true;
      addTo(this.allByUser, client.actor.userId, client);
      for (const c of client.handled) addTo(this.allByCompany, c, client);
      // The most recent conversations are followed from their current seq, so whatever comes next arrives without a
      // gap even when notices from several processes arrive out of order; others start at their first new message.
      const parties = await store.recentParties(this.db, client.actor.userId, [...client.handled], 500);
      for (const p of parties) {
        const ref = { id: p.id, buyerUserId: p.buyer_user_id, supplierCompanyId: p.supplier_company_id };
        const ensured = this.ensureSub(client, ref, p.last_seq);
        if (ensured?.created) newInterest.push(counterpartSubject(ensured.sub.side, ref));
      }
    }
    for (const want of f.conversations ?? []) {
      const conv = await store.findConversation(this.db, want.id);
      const side = conv ? sideOf(client.actor, conv) : null;
      if (!conv || !side) {
        this.send(client, JSON.stringify({ type: 'error', code: 'CONVERSATION_NOT_FOUND', conversationId: want.id, detail: client.locale === 'zh-CN' ? '会话不存在,或您不是会话的一方。' : 'There is no such conversation, or you are not part of it.' }));
        continue;
      }
      const afterSeq = Math.min(want.afterSeq ?? conv.last_seq, conv.last_seq);
      const ref = { id: conv.id, buyerUserId: conv.buyer_user_id, supplierCompanyId: conv.supplier_company_id };
      const had = client.subs.has(conv.id);
      const ensured = this.ensureSub(client, ref, afterSeq);
      if (!ensured) continue;
      newInterest.push(counterpartSubject(side, ref));
      const { sub } = ensured;
      // Catch-up runs in the subscription's queue: live messages that arrive meanwhile wait behind it.
      this.queue(sub, async () => {
        let from = had ? afterSeq : sub.lastSent;
        let sent = 0;
        for (;;) {
          const rows = await store.range(this.db, conv.id, from, null, CATCH_UP_PAGE);
          for (const r of rows) {
            this.send(client, this.messageFrame(toMessageView(r)));
            if (r.seq > sub.lastSent) sub.lastSent = r.seq;
          }
          sent += rows.length;
          from = rows[rows.length - 1]?.seq ?? from;
          if (rows.length < CATCH_UP_PAGE || sent >= CATCH_UP_MAX) break;
        }
        const now = await store.findConversation(this.db, conv.id);
        this.send(client, JSON.stringify({
          type: 'subscribed', conversationId: conv.id, lastSeq: now?.last_seq ?? conv.last_seq, deliveredSeq: sub.lastSent,
          readSeq: { buyer: now?.buyer_read_seq ?? 0, supplier: now?.supplier_read_seq ?? 0 },
          // More than CATCH_UP_MAX missed: the rest through GET …/messages?afterSeq=
          truncated: (now?.last_seq ?? 0) > sub.lastSent,
        }));
      });
    }
    if (f.all) this.send(client, JSON.stringify({ type: 'subscribed', all: true }));
    await this.sendPresence(client, newInterest);
  }

  private queue(sub: Sub, task: () => Promise<void>): void {
    sub.pending++;
    sub.chain = sub.chain.then(task).catch((err: unknown) => this.log.warn({ err }, 'chat delivery failed')).finally(() => {
      sub.pending--;
    });
  }

  private messageFrame(m: MessageView): string {
    return JSON.stringify({ type: 'message', conversationId: m.conversationId, message: m });
  }

  /** In seq order per socket: an old seq is skipped, a gap is filled from the database first. */
  private deliver(client: ChatClient, sub: Sub, m: MessageView, frame: string): void {
    if (sub.pending === 0) {
      if (m.seq <= sub.lastSent) return;
      if (m.seq === sub.lastSent + 1) {
        this.send(client, frame);
        sub.lastSent = m.seq;
        return;
      }
    }
    this.queue(sub, async () => {
      if (m.seq <= sub.lastSent) return;
      if (m.seq > sub.lastSent + 1) {
        const missing = await store.range(this.db, m.conversationId, sub.lastSent, m.seq - 1, CATCH_UP_MAX);
        for (const r of missing) this.send(client, this.messageFrame(toMessageView(r)));
      }
      this.send(client, frame);
      sub.lastSent = m.seq;
    });
  }

  // ---- announcements (after commit)

  announceMessage(m: MessageView, parties: { buyerUserId: string; supplierCompanyId: string }): void {
    this.remember(m);
    this.bus.publish({ t: 'm', c: m.conversationId, s: m.seq, b: parties.buyerUserId, sc: parties.supplierCompanyId } satisfies Notice);
  }

  announceRead(r: { conversationId: string; side: Side; seq: number; buyerUserId: string; supplierCompanyId: string }): void {
    this.bus.publish({ t: 'r', c: r.conversationId, side: r.side, s: r.seq, b: r.buyerUserId, sc: r.supplierCompanyId } satisfies Notice);
  }

  /** Typing notices are not stored; at most one per socket and conversation every 2 s. */
  typing(client: ChatClient, conversationId: string): void {
    const sub = client.subs.get(conversationId);
    if (!sub) return;
    const now = Date.now();
    if (now - (client.typingAt.get(conversationId) ?? 0) < 2_000) return;
    client.typingAt.set(conversationId, now);
    this.bus.publish({ t: 'y', c: conversationId, side: sub.side, u: client.actor.userId, b: sub.buyerUserId, sc: sub.supplierCompanyId } satisfies Notice);
  }

  private remember(m: MessageView): void {
    this.recent.set(`${m.conversationId}:${m.seq}`, m);
    if (this.recent.size > RECENT_MAX) {
      const drop = this.recent.size - RECENT_MAX / 2;
      let i = 0;
      for (const k of this.recent.keys()) {
        if (i++ >= drop) break;
        this.recent.delete(k);
      }
    }
  }

  /** The sockets that follow a conversation: explicit subscribers, and the parties' sockets that follow everything. */
  private targets(c: string, b: string, sc: string): ChatClient[] {
    const out = new Set<ChatClient>(this.byConv.get(c) ?? []);
    for (const client of this.allByUser.get(b) ?? []) out.add(client);
    for (const client of this.allByCompany.get(sc) ?? []) out.add(client);
    return [...out];
  }

  private onNotices(notices: Notice[]): void {
    const messages: Array<{ n: Extract<Notice, { t: 'm' }>; targets: ChatClient[] }> = [];
    const presence = new Set<string>();
    for (const n of notices) {
      switch (n.t) {
        case 'm': {
          const targets = this.targets(n.c, n.b, n.sc);
          if (targets.length) messages.push({ n, targets });
          break;
        }
        case 'r': {
          const frame = JSON.stringify({ type: 'read', conversationId: n.c, side: n.side, seq: n.s });
          for (const client of this.targets(n.c, n.b, n.sc)) if (client.subs.has(n.c) || client.all) this.send(client, frame);
          break;
        }
        case 'y': {
          const frame = JSON.stringify({ type: 'typing', conversationId: n.c, side: n.side });
          for (const client of this.targets(n.c, n.b, n.sc)) if (client.actor.userId !== n.u && client.subs.has(n.c)) this.send(client, frame);
          break;
        }
        case 'p':
          for (const s of n.subj) {
            this.onlineCache.delete(s);
            if (this.byInterest.has(s)) presence.add(s);
          }
          break;
      }
    }
    if (messages.length) {
      this.fanOut(messages).catch((err: unknown) => this.log.error({ err }, 'chat fan-out failed'));
    }
    if (presence.size) {
      this.broadcastPresence([...presence]).catch((err: unknown) => this.log.warn({ err }, 'chat presence broadcast failed'));
    }
  }

  private async fanOut(batch: Array<{ n: Extract<Notice, { t: 'm' }>; targets: ChatClient[] }>): Promise<void> {
    const missing = batch.filter(({ n }) => !this.recent.has(`${n.c}:${n.s}`)).map(({ n }) => ({ c: n.c, s: n.s }));
    if (missing.length) for (const r of await store.byKeys(this.db, missing)) this.remember(toMessageView(r));
    for (const { n, targets } of batch) {
      const m = this.recent.get(`${n.c}:${n.s}`);
      if (!m) continue;
      const frame = this.messageFrame(m);
      for (const client of targets) {
        if (!this.clients.has(client)) continue;
        const ensured = this.ensureSub(client, { id: n.c, buyerUserId: n.b, supplierCompanyId: n.sc }, n.s - 1);
        if (!ensured) continue;
        if (ensured.created) {
          const subject = counterpartSubject(ensured.sub.side, { buyerUserId: n.b, supplierCompanyId: n.sc });
          void this.sendPresence(client, [subject]).catch(() => undefined);
        }
        this.deliver(client, ensured.sub, m, frame);
      }
    }
  }

  /** After the bus was down: every followed conversation is compared with the database and gaps are sent. */
  private resyncAll(): void {
    const byConversation = new Map<string, Array<{ client: ChatClient; sub: Sub }>>();
    for (const client of this.clients) for (const sub of client.subs.values()) {
      const list = byConversation.get(sub.id) ?? [];
      list.push({ client, sub });
      byConversation.set(sub.id, list);
    }
    for (const [id, list] of byConversation) {
      for (const { client, sub } of list) {
        this.queue(sub, async () => {
          const rows = await store.range(this.db, id, sub.lastSent, null, CATCH_UP_MAX);
          for (const r of rows) {
            this.send(client, this.messageFrame(toMessageView(r)));
            sub.lastSent = r.seq;
          }
        });
      }
    }
  }

  // ---- presence

  private countPresence(subject: string, delta: number): void {
    const before = this.localCounts.get(subject) ?? 0;
    const after = Math.max(0, before + delta);
    if (after === 0) this.localCounts.delete(subject);
    else this.localCounts.set(subject, after);
    if ((before === 0) !== (after === 0)) {
      this.dirtyPresence.add(subject);
      this.flushPresence();
    }
  }

  /** Writes this process's changed subjects (one statement each for the online and offline ones), then announces them. */
  private flushPresence(): void {
    if (this.presenceFlushing) return;
    this.presenceFlushing = true;
    setImmediate(() => {
      const run = async () => {
        while (this.dirtyPresence.size) {
          const subjects = [...this.dirtyPresence];
          this.dirtyPresence.clear();
          await store.setPresenceMany(this.db, this.nodeId, subjects.map((s) => ({ subject: s, connections: this.localCounts.get(s) ?? 0 })));
          this.bus.publish({ t: 'p', subj: subjects } satisfies Notice);
        }
      };
      run().catch((err: unknown) => this.log.warn({ err }, 'chat presence write failed')).finally(() => {
        this.presenceFlushing = false;
        if (this.dirtyPresence.size) this.flushPresence();
      });
    });
  }

  async isOnline(subject: string): Promise<boolean> {
    return (await this.onlineOf([subject])).has(subject);
  }

  /** Online subjects among these: this process's sockets first, then (cached for 2 s) the other processes'. */
  async onlineOf(subjects: string[]): Promise<Set<string>> {
    const online = new Set<string>();
    const ask: string[] = [];
    const now = Date.now();
    for (const s of new Set(subjects)) {
      if ((this.localCounts.get(s) ?? 0) > 0) online.add(s);
      else {
        const cached = this.onlineCache.get(s);
        if (cached && now - cached.at < ONLINE_CACHE_MS) {
          if (cached.online) online.add(s);
        } else ask.push(s);
      }
    }
    if (ask.length) {
      const found = await store.onlineSubjects(this.db, ask, new Date(now - PRESENCE_FRESH_MS));
      if (this.onlineCache.size > 50_000) this.onlineCache.clear();
      for (const s of ask) {
        this.onlineCache.set(s, { online: found.has(s), at: now });
        if (found.has(s)) online.add(s);
      }
    }
    return online;
  }

  private async sendPresence(client: ChatClient, subjects: string[]): Promise<void> {
    if (subjects.length === 0) return;
    const online = await this.onlineOf(subjects);
    for (const s of new Set(subjects)) this.send(client, JSON.stringify({ type: 'presence', subject: s, online: online.has(s) }));
  }

  private async broadcastPresence(subjects: string[]): Promise<void> {
    const online = await this.onlineOf(subjects);
    for (const s of subjects) {
      const frame = JSON.stringify({ type: 'presence', subject: s, online: online.has(s) });
      for (const client of this.byInterest.get(s) ?? []) this.send(client, frame);
    }
  }
}
