import { useEffect, useRef, useSyncExternalStore } from 'react';

/** A message as the API and the socket send it (docs/chat.md). */
export interface ChatMessage {
  id: string;
  conversationId: string;
  seq: number;
  clientMsgId: string | null;
  senderUserId: string;
  senderName: string;
  side: 'buyer' | 'supplier';
  kind: 'text' | 'image' | 'file' | 'product' | 'quote';
  text: string | null;
  attachment: { fileId: string; name: string; contentType: string; byteSize: number; url: string } | null;
  card: Record<string, unknown> | null;
  createdAt: string;
}

export type SendPayload =
  | { kind: 'text'; text: string }
  | { kind: 'image' | 'file'; fileId: string; fileName?: string; text?: string }
  | { kind: 'product'; productId: string; text?: string }
  | { kind: 'quote'; quoteId: string; text?: string };

export type ChatEvent =
  | { type: 'message'; conversationId: string; message: ChatMessage }
  | { type: 'ack'; conversationId: string; clientMsgId: string | null; duplicate: boolean; message: ChatMessage }
  | { type: 'read'; conversationId: string; side: 'buyer' | 'supplier'; seq: number }
  | { type: 'typing'; conversationId: string; side: 'buyer' | 'supplier' }
  | { type: 'presence'; subject: string; online: boolean }
  | { type: 'subscribed'; conversationId?: string; lastSeq?: number; readSeq?: { buyer: number; supplier: number }; all?: boolean }
  | { type: 'error'; code: string; detail?: string; clientMsgId?: string; conversationId?: string }
  | { type: 'status'; status: ChatStatus };

export type ChatStatus = 'connecting' | 'open' | 'reconnecting';

type Listener = (e: ChatEvent) => void;

/**
 * One WebSocket per browser tab, shared by every chat component. It reconnects with backoff and, on reconnect,
 * subscribes again with the last seq it saw per conversation, so the server sends what was missed, in order.
 * Sends not yet acknowledged are sent again with the same clientMsgId (the server stores each once).
 */
class ChatConnection {
  private ws: WebSocket | null = null;
  private refs = 0;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly statusListeners = new Set<() => void>();
  private readonly lastSeq = new Map<string, number>();
  private readonly followed = new Set<string>();
  private all = false;
  private readonly pending = new Map<string, string>();
  readonly presence = new Map<string, boolean>();
  status: ChatStatus = 'connecting';

  acquire(): () => void {
    this.refs++;
    if (!this.ws && !this.timer) this.connect();
    return () => {
      this.refs--;
      if (this.refs === 0) {
        // Let a page switch reuse the socket; close when nothing needs it for a while.
        setTimeout(() => {
          if (this.refs === 0) this.shutdown();
        }, 5_000);
      }
    };
  }

  private shutdown(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const ws = this.ws;
    this.ws = null;
    ws?.close();
  }

  private setStatus(s: ChatStatus): void {
    this.status = s;
    for (const l of this.statusListeners) l();
    this.emit({ type: 'status', status: s });
  }

  private connect(): void {
    this.timer = null;
    const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${proto}//${window.location.host}/api/v1/ws`);
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.setStatus('open');
      this.resubscribe();
      for (const frame of this.pending.values()) ws.send(frame);
    };
    ws.onmessage = (ev: MessageEvent<string>) => {
      let e: ChatEvent;
      try {
        e = JSON.parse(ev.data) as ChatEvent;
      } catch {
        return;
      }
      if (e.type === 'message' || e.type === 'ack') this.saw(e.message.conversationId, e.message.seq);
      if (e.type === 'ack' && e.clientMsgId) this.pending.delete(e.clientMsgId);
      if (e.type === 'error' && e.clientMsgId) this.pending.delete(e.clientMsgId);
      if (e.type === 'presence') this.presence.set(e.subject, e.online);
      this.emit(e);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.refs === 0) return;
      this.setStatus('reconnecting');
      const delay = Math.min(30_000, 500 * 2 ** this.attempt++) * (0.75 + Math.random() / 2);
      this.timer = setTimeout(() => this.connect(), delay);
    };
  }

  private saw(conversationId: string, seq: number): void {
    if (seq > (this.lastSeq.get(conversationId) ?? 0)) this.lastSeq.set(conversationId, seq);
  }

  private raw(frame: object): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private resubscribe(): void {
    const conversations = [...this.followed].map((id) => ({ id, afterSeq: this.lastSeq.get(id) }));
    if (this.all || conversations.length) this.raw({ type: 'subscribe', all: this.all || undefined, conversations });
  }

  private emit(e: ChatEvent): void {
    for (const l of this.listeners) l(e);
  }

  listen(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  onStatus(l: () => void): () => void {
    this.statusListeners.add(l);
    return () => this.statusListeners.delete(l);
  }

  /** Follows a conversation from afterSeq (what the page already has): later messages arrive as frames. */
  follow(conversationId: string, afterSeq: number): void {
    this.saw(conversationId, afterSeq);
    if (this.followed.has(conversationId)) return;
    this.followed.add(conversationId);
    this.raw({ type: 'subscribe', conversations: [{ id: conversationId, afterSeq: this.lastSeq.get(conversationId) }] });
  }

  /** Every conversation of the user, present and future (the conversation list). */
  followAll(): void {
    if (this.all) return;
    this.all = true;
    this.raw({ type: 'subscribe', all: true });
  }

  send(conversationId: string, payload: SendPayload, clientMsgId: string): void {
    const frame = JSON.stringify({ type: 'send', conversationId, clientMsgId, ...payload });
    this.pending.set(clientMsgId, frame);
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  read(conversationId: string, seq: number): void {
    this.raw({ type: 'read', conversationId, seq });
  }

  typing(conversationId: string): void {
    this.raw({ type: 'typing', conversationId });
  }
}

export const chatConnection = new ChatConnection();

export function newClientMsgId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The shared chat socket, open while a component that uses it is mounted; `onEvent` hears every frame. */
export function useChatSocket(onEvent?: Listener): { status: ChatStatus; connection: ChatConnection } {
  const ref = useRef(onEvent);
  useEffect(() => {
    ref.current = onEvent;
  });
  useEffect(() => {
    const release = chatConnection.acquire();
    const unlisten = chatConnection.listen((e) => ref.current?.(e));
    return () => {
      unlisten();
      release();
    };
  }, []);
  const status = useSyncExternalStore((l) => chatConnection.onStatus(l), () => chatConnection.status);
  return { status, connection: chatConnection };
}
