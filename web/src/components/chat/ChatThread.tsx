import { CheckOutlined, FileOutlined, FileTextOutlined, LoadingOutlined, PaperClipOutlined, PictureOutlined, SearchOutlined, ShoppingOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Image, Input, List, Modal, Skeleton, Space, Tag, Tooltip, Typography, Upload } from 'antd';
import type { InputRef } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, problemDetail } from '../../api.js';
import { formatDate, formatDateTime, formatMoney } from '../../format.js';
import { currentLang } from '../../i18n/index.js';
import '../../i18n/messaging.js';
import { formatQuantity, perUnitLabel, unitLabel } from '../../pages/catalog/model.js';
import { activeCompanyOf, useMe } from '../../session.js';
import { newClientMsgId, useChatSocket, type ChatEvent, type ChatMessage, type SendPayload } from './useChatSocket.js';

export interface ConversationView {
  id: string;
  mySide: 'buyer' | 'supplier';
  buyer: { userId: string; name: string; companyId: string | null; companyName: string | null; companyNameEn: string | null };
  supplier: { companyId: string; name: string; nameEn: string | null };
  productId: string | null;
  lastSeq: number;
  readSeq: { buyer: number; supplier: number };
  unread: number;
  lastMessage: ChatMessage | null;
  /** name with the company's legal name; nameEn with its English name, null when the company has none. */
  counterpart: { name: string; nameEn: string | null; presenceKey: string; online: boolean };
  activityAt: string;
  createdAt: string;
}

interface MessagesPage { items: ChatMessage[]; nextBefore: string | null; lastSeq: number }

interface Pending { clientMsgId: string; payload: SendPayload; failed: string | null; createdAt: string; label: string }

const ORANGE = '#F25C05';

/** Who the conversation is with, as the reader's language names them (the English company name on en-US when there is one). */
export function counterpartName(c: Pick<ConversationView, 'counterpart'>): string {
  return currentLang() === 'en-US' && c.counterpart.nameEn ? c.counterpart.nameEn : c.counterpart.name;
}

export function messagePreview(m: ChatMessage | null, t: (k: string) => string): string {
  if (!m) return '';
  const label = m.kind === 'text' ? '' : t(`chat.kindLabels.${m.kind}`);
  const card = m.card as { titleZh?: string; titleEn?: string; title?: string } | null;
  const cardTitle = card ? (currentLang() === 'en-US' ? card.titleEn ?? card.titleZh : card.titleZh) ?? card.title ?? '' : '';
  return [label, m.text ?? m.attachment?.name ?? cardTitle].filter(Boolean).join(' ');
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function ProductCard({ card }: { card: Record<string, unknown> }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const title = (lang === 'en-US' ? (card.titleEn as string | null) ?? (card.titleZh as string) : (card.titleZh as string)) ?? '';
  const min = card.minPrice as number | null;
  return (
    <Link to={`/products/${String(card.productId)}`} style={{ display: 'flex', gap: 10, width: 260, maxWidth: '100%', color: 'inherit' }} data-testid="chat-product-card">
      {typeof card.imageUrl === 'string'
        ? <img src={card.imageUrl} alt="" style={{ width: 64, height: 64, objectFit: 'cover', borderRadius: 4, flex: 'none' }} />
        : <div style={{ width: 64, height: 64, borderRadius: 4, background: '#f0f0f0', display: 'grid', placeItems: 'center', flex: 'none' }}><ShoppingOutlined style={{ fontSize: 24, color: '#bbb' }} /></div>}
      <div style={{ minWidth: 0 }}>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4, fontWeight: 500 }}>{title}</Typography.Paragraph>
        {min !== null && <Typography.Text style={{ color: ORANGE, fontWeight: 600 }}>{t('chat.priceFrom', { price: formatMoney(min) })}</Typography.Text>}
        <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('chat.moq', { moq: String(card.moq), unit: unitLabel(String(card.unit), Number(card.moq)) })}</Typography.Text></div>
      </div>
    </Link>
  );
}

/** A quote card: a snapshot of the terms at the RFQ quantity when it was sent (prices in 分), linking to the RFQ. */
function QuoteCard({ card, mySide }: { card: Record<string, unknown>; mySide: 'buyer' | 'supplier' }) {
  const { t } = useTranslation();
  const str = (k: string) => (typeof card[k] === 'string' ? card[k] : '');
  const numOf = (k: string) => (typeof card[k] === 'number' ? card[k] : null);
  const currency = str('currency') || 'CNY';
  const unitPrice = numOf('unitPrice');
  const quantity = numOf('quantity');
  const total = numOf('total');
  const lead = numOf('leadTimeDays');
  const status = str('status');
  const rfqId = str('rfqId');
  // The buyer's RFQ page compares quotes; the supplier's view of the RFQ holds its own quote.
  const to = mySide === 'buyer' ? `/workbench/rfqs/${rfqId}` : `/workbench/rfq-market/${rfqId}`;
  return (
    <div style={{ width: 260, maxWidth: '100%' }} data-testid="chat-quote-card" data-quote-id={str('quoteId')}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 6, marginBottom: 4 }}>
        <FileTextOutlined style={{ color: ORANGE }} />
        <Typography.Text type="secondary" style={{ fontSize: 12, flex: 1 }}>{t('chat.quote')}</Typography.Text>
        {status && <Tag bordered={false} color={status === 'accepted' ? 'green' : status === 'submitted' ? 'orange' : 'default'} style={{ marginInlineEnd: 0, fontSize: 11 }}>{t(`chat.quoteStatus.${status}`, { defaultValue: status })}</Tag>}
      </div>
      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4, fontWeight: 500 }}>{str('title')}</Typography.Paragraph>
      {unitPrice !== null && quantity !== null && (
        <div style={{ fontSize: 13 }}>
          {t('chat.quoteUnitPrice', { price: formatMoney(unitPrice, currency), unit: perUnitLabel(str('unit')) })} × {formatQuantity(quantity, str('unit'))}
        </div>
      )}
      {total !== null && <div style={{ color: ORANGE, fontWeight: 600, fontSize: 16 }} data-testid="chat-quote-total">{t('chat.quoteTotal', { total: formatMoney(total, currency) })}</div>}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {[lead !== null ? t('chat.quoteLeadTime', { days: lead }) : null, str('validUntil') ? t('chat.quoteValidUntil', { date: formatDate(str('validUntil')) }) : null].filter(Boolean).join(' · ')}
      </Typography.Text>
      {rfqId && <Link to={to} style={{ fontSize: 12 }} data-testid="chat-quote-link">{t('chat.viewRfq')}</Link>}
    </div>
  );
}

interface MyQuote {
  id: string; rfqId: string; status: string; currency: string; leadTimeDays: number; validUntil: string;
  atQuantity: { quantity: number; unit: string; unitPrice: number; total: number };
  rfq: { id: string; title: string; status: string };
  updatedAt: string;
}

/**
 * 分享报价: the supplier picks one of its company's accepted quotes to send as a card (GET /quotes). RFQs name no buyer to
 * suppliers until a quote is accepted, so only accepted ones can be shared, and the server checks they are this buyer's.
 */
function QuotePicker({ open, onClose, onPick }: { open: boolean; onClose: () => void; onPick: (q: MyQuote) => void }) {
  const { t } = useTranslation();
  const quotes = useQuery({
    queryKey: ['chat', 'my-quotes'],
    queryFn: () => api<{ items: MyQuote[] }>('/quotes', { query: { limit: 50 } }),
    enabled: open,
    staleTime: 30_000,
  });
  const items = (quotes.data?.items ?? []).filter((q) => q.status === 'accepted');
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('chat.shareQuoteTitle')} destroyOnHidden data-testid="chat-quote-picker">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('chat.shareQuoteHint')}</Typography.Paragraph>
      {quotes.isLoading && <Skeleton active />}
      {quotes.error && <Typography.Text type="danger">{problemDetail(quotes.error)}</Typography.Text>}
      {!quotes.isLoading && !quotes.error && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('chat.noQuotes')} />}
      {items.length > 0 && (
        <List
          size="small" dataSource={items} style={{ maxHeight: 360, overflowY: 'auto' }}
          renderItem={(q) => (
            <List.Item
              data-testid="chat-quote-option" data-quote-id={q.id}
              actions={[<Button key="send" size="small" type="primary" onClick={() => onPick(q)} data-testid="chat-quote-pick">{t('chat.send')}</Button>]}
            >
              <List.Item.Meta
                title={<Typography.Text ellipsis style={{ maxWidth: 280 }}>{q.rfq.title}</Typography.Text>}
                description={<>
                  <Tag bordered={false} style={{ fontSize: 11 }}>{t(`chat.quoteStatus.${q.status}`, { defaultValue: q.status })}</Tag>
                  {formatMoney(q.atQuantity.total, q.currency)} · {formatQuantity(q.atQuantity.quantity, q.atQuantity.unit)}
                </>}
              />
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}

function Body({ m, mySide }: { m: ChatMessage; mySide: 'buyer' | 'supplier' }) {
  return (
    <>
      {m.kind === 'image' && m.attachment && <Image src={m.attachment.url} alt={m.attachment.name} style={{ maxWidth: 220, maxHeight: 220, minWidth: 48, minHeight: 48, objectFit: 'contain', borderRadius: 4, background: '#fafafa' }} />}
      {m.kind === 'file' && m.attachment && (
        <a href={m.attachment.url} target="_blank" rel="noreferrer" style={{ display: 'flex', alignItems: 'center', gap: 8 }} data-testid="chat-file">
          <FileOutlined style={{ fontSize: 22 }} /> <span style={{ wordBreak: 'break-all' }}>{m.attachment.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{formatBytes(m.attachment.byteSize)}</Typography.Text>
        </a>
      )}
      {m.kind === 'product' && m.card && <ProductCard card={m.card} />}
      {m.kind === 'quote' && m.card && <QuoteCard card={m.card} mySide={mySide} />}
      {m.text && <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', marginTop: m.kind === 'text' ? 0 : 6 }}>{m.text}</div>}
    </>
  );
}

function Bubble({ mine, children, footer, sender, read, seq }: { mine: boolean; children: React.ReactNode; footer: React.ReactNode; sender?: string | undefined; read?: boolean | undefined; seq?: number | undefined }) {
  return (
    <div
      style={{ display: 'flex', flexDirection: 'column', alignItems: mine ? 'flex-end' : 'flex-start', margin: '6px 0' }}
      data-testid={seq === undefined ? 'chat-pending' : 'chat-bubble'} data-seq={seq} data-mine={mine} data-read={read}
    >
      {sender && <Typography.Text type="secondary" style={{ fontSize: 12, marginBottom: 2 }}>{sender}</Typography.Text>}
      <div style={{
        maxWidth: '78%', padding: '8px 12px', borderRadius: 10, background: mine ? '#FFF1E8' : '#fff',
        border: `1px solid ${mine ? '#FFD8BF' : '#eee'}`, boxShadow: '0 1px 2px rgba(0,0,0,0.04)',
      }}>
        {children}
      </div>
      <div style={{ fontSize: 11, color: '#999', marginTop: 2 }}>{footer}</div>
    </div>
  );
}

/**
 * One conversation: history (older pages on scroll up), live messages from the shared socket, read ticks, a search
 * box, and a composer for text, images, files and (with productId) a product card.
 */
export function ChatThread({ conversation, height, productId, onRead }: { conversation: ConversationView; height: number | string; productId?: string | undefined; onRead?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const id = conversation.id;
  const mySide = conversation.mySide;
  const otherSide = mySide === 'buyer' ? 'supplier' : 'buyer';
  const [messages, setMessages] = useState<Map<number, ChatMessage>>(new Map());
  const [pending, setPending] = useState<Pending[]>([]);
  const [readSeq, setReadSeq] = useState(conversation.readSeq);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [typingUntil, setTypingUntil] = useState(0);
  const [online, setOnline] = useState(conversation.counterpart.online);
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [uploading, setUploading] = useState(false);
  const [pickingQuote, setPickingQuote] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const keepFromBottom = useRef<number | null>(null);
  const inputRef = useRef<InputRef>(null);
  const readSent = useRef(0);

  const merge = useCallback((items: ChatMessage[]) => {
    setMessages((prev) => {
      const next = new Map(prev);
      for (const m of items) if (m.conversationId === id) next.set(m.seq, m);
      return next;
    });
  }, [id]);

  const { connection } = useChatSocket(useCallback((e: ChatEvent) => {
    switch (e.type) {
      case 'message':
        if (e.conversationId === id) {
          merge([e.message]);
          // The message they were typing has arrived.
          if (e.message.side !== mySide) setTypingUntil(0);
        }
        break;
      case 'ack':
        if (e.conversationId === id) {
          merge([e.message]);
          setPending((p) => p.filter((x) => x.clientMsgId !== e.clientMsgId));
        }
        break;
      case 'read':
        if (e.conversationId === id) setReadSeq((r) => ({ ...r, [e.side]: Math.max(r[e.side], e.seq) }));
        break;
      case 'typing':
        if (e.conversationId === id && e.side !== mySide) setTypingUntil(Date.now() + 4000);
        break;
      case 'presence':
        if (e.subject === conversation.counterpart.presenceKey) setOnline(e.online);
        break;
      case 'error':
        if (e.clientMsgId) setPending((p) => p.map((x) => (x.clientMsgId === e.clientMsgId ? { ...x, failed: e.detail ?? e.code } : x)));
        break;
      case 'subscribed':
      case 'status':
        break;
    }
  }, [id, merge, mySide, conversation.counterpart.presenceKey]));

  // The latest page, then follow the conversation from its last seq (the server sends anything newer).
  useEffect(() => {
    let cancelled = false;
    setMessages(new Map());
    setPending([]);
    setLoading(true);
    stick.current = true;
    api<MessagesPage>(`/conversations/${id}/messages`, { query: { limit: 30 } }).then((page) => {
      if (cancelled) return;
      merge(page.items);
      setNextBefore(page.nextBefore);
      setLoading(false);
      connection.follow(id, page.items[page.items.length - 1]?.seq ?? page.lastSeq);
    }, (err: unknown) => {
      if (!cancelled) {
        setLoading(false);
        message.error(problemDetail(err));
      }
    });
    return () => {
      cancelled = true;
    };
  }, [id, connection, merge, message]);

  const sorted = useMemo(() => [...messages.values()].sort((a, b) => a.seq - b.seq), [messages]);
  const lastSeq = sorted[sorted.length - 1]?.seq ?? 0;

  // Mark read while the thread is shown and the tab visible.
  useEffect(() => {
    const mine = readSeq[mySide];
    if (lastSeq > mine && lastSeq > readSent.current && document.visibilityState === 'visible') {
      readSent.current = lastSeq;
      connection.read(id, lastSeq);
      setReadSeq((r) => ({ ...r, [mySide]: Math.max(r[mySide], lastSeq) }));
      onRead?.();
    }
  }, [lastSeq, readSeq, mySide, id, connection, onRead]);

  useEffect(() => {
    if (typingUntil <= Date.now()) return;
    const timer = setTimeout(() => setTypingUntil(0), typingUntil - Date.now());
    return () => clearTimeout(timer);
  }, [typingUntil]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (keepFromBottom.current !== null) {
      el.scrollTop = el.scrollHeight - keepFromBottom.current;
      keepFromBottom.current = null;
    } else if (stick.current) {
      el.scrollTop = el.scrollHeight;
    }
  }, [sorted.length, pending.length, loading]);

  const loadOlder = useCallback(async () => {
    if (!nextBefore || loadingOlder) return;
    setLoadingOlder(true);
    try {
      const page = await api<MessagesPage>(`/conversations/${id}/messages`, { query: { limit: 30, before: nextBefore } });
      const el = scroller.current;
      if (el) keepFromBottom.current = el.scrollHeight - el.scrollTop;
      merge(page.items);
      setNextBefore(page.nextBefore);
    } catch (err) {
      message.error(problemDetail(err));
    } finally {
      setLoadingOlder(false);
    }
  }, [id, nextBefore, loadingOlder, merge, message]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 60;
    if (el.scrollTop < 40 && nextBefore && !loadingOlder) void loadOlder();
  };

  const results = useQuery({
    queryKey: ['chat', 'search', id, query],
    queryFn: () => api<MessagesPage>(`/conversations/${id}/messages`, { query: { q: query, limit: 50 } }),
    enabled: query.length > 0,
  });

  const send = (payload: SendPayload, label: string) => {
    const clientMsgId = newClientMsgId();
    stick.current = true;
    setPending((p) => [...p, { clientMsgId, payload, failed: null, createdAt: new Date().toISOString(), label }]);
    connection.send(id, payload, clientMsgId);
  };
  const retry = (p: Pending) => {
    setPending((all) => all.map((x) => (x.clientMsgId === p.clientMsgId ? { ...x, failed: null } : x)));
    connection.send(id, p.payload, p.clientMsgId);
  };
  const sendText = () => {
    const v = text.trim();
    if (!v) return;
    send({ kind: 'text', text: v }, v);
    setText('');
  };

  const canUpload = Boolean(activeCompanyOf(me));
  // Quotes are the active company's (GET /quotes): offered when it is this conversation's supplier.
  const canShareQuote = mySide === 'supplier' && activeCompanyOf(me)?.id === conversation.supplier.companyId;
  const upload = async (file: File, kind: 'image' | 'file') => {
    setUploading(true);
    try {
      const form = new FormData();
      form.append('file', file);
      const stored = await api<{ id: string }>('/files', { method: 'POST', form, query: { purpose: 'attachment' } });
      send({ kind, fileId: stored.id, fileName: file.name }, `${t(`chat.kindLabels.${kind}`)} ${file.name}`);
    } catch (err) {
      message.error(problemDetail(err));
    } finally {
      setUploading(false);
    }
  };

  const otherRead = readSeq[otherSide];
  const myUserId = me?.user.id;
  // Teams answer for a supplier: name the member (theirs, or a colleague on my side).
  const showSender = (m: ChatMessage) => (m.side !== mySide ? (m.side === 'supplier' ? m.senderName : undefined) : m.senderUserId !== myUserId ? m.senderName : undefined);

  const list = query ? (results.data?.items ?? []) : sorted;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height, minHeight: 0 }} data-testid="chat-thread">
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '8px 12px', borderBottom: '1px solid #f0f0f0', flexWrap: 'wrap' }}>
        <span style={{ width: 8, height: 8, borderRadius: 4, background: online ? '#1A7F37' : '#bbb', flex: 'none' }} aria-label={online ? t('chat.online') : t('chat.offline')} data-testid="chat-presence" data-online={online} />
        <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 120 }} data-testid="chat-counterpart">{counterpartName(conversation)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{typingUntil > Date.now() ? t('chat.typing') : online ? t('chat.online') : t('chat.offline')}</Typography.Text>
        <Input
          size="small" allowClear prefix={<SearchOutlined />} placeholder={t('chat.search')} style={{ width: 200, maxWidth: '100%' }}
          value={search} onChange={(e) => {
            setSearch(e.target.value);
            if (!e.target.value) setQuery('');
          }}
          onPressEnter={() => setQuery(search.trim())} data-testid="chat-search"
        />
      </div>
      {query && (
        <div style={{ padding: '4px 12px', background: '#fafafa', fontSize: 12 }}>
          {t('chat.searchResults', { count: results.data?.items.length ?? 0 })} · <a onClick={() => { setQuery(''); setSearch(''); }}>{t('chat.clearSearch')}</a>
        </div>
      )}
      <div ref={scroller} onScroll={query ? undefined : onScroll} style={{ flex: 1, overflowY: 'auto', padding: '8px 12px', background: '#F7F8FA', minHeight: 0 }} data-testid="chat-messages">
        {!query && !loading && sorted.length > 0 && (
          <div style={{ textAlign: 'center', margin: '4px 0 8px' }}>
            {nextBefore
              ? <Button size="small" type="link" loading={loadingOlder} onClick={() => void loadOlder()}>{t('chat.loadOlder')}</Button>
              : <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('chat.noOlder')}</Typography.Text>}
          </div>
        )}
        {loading && <Skeleton active paragraph={{ rows: 4 }} />}
        {!loading && list.length === 0 && pending.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={query ? t('chat.searchResults', { count: 0 }) : t('chat.emptyThread')} />}
        {list.map((m) => {
          const ownSide = m.side === mySide;
          return (
            <Bubble key={m.id} mine={ownSide} sender={showSender(m)} seq={m.seq} read={ownSide ? m.seq <= otherRead : undefined}
              footer={<>{formatDateTime(m.createdAt)}{ownSide && <> · {m.seq <= otherRead ? <span style={{ color: '#1A7F37' }}><CheckOutlined /> {t('chat.read')}</span> : t('chat.unreadTick')}</>}</>}>
              <Body m={m} mySide={mySide} />
            </Bubble>
          );
        })}
        {!query && pending.map((p) => (
          <Bubble key={p.clientMsgId} mine footer={p.failed
            ? <>
              <a onClick={() => retry(p)} style={{ color: '#cf1322' }} data-testid="chat-retry"><WarningOutlined /> {t('chat.failed')}{p.failed ? ` (${p.failed})` : ''}</a>
              {' · '}<a onClick={() => setPending((all) => all.filter((x) => x.clientMsgId !== p.clientMsgId))} data-testid="chat-dismiss">{t('chat.dismiss')}</a>
            </>
            : <><LoadingOutlined /> {t('chat.sending')}</>}>
            <div style={{ whiteSpace: 'pre-wrap', opacity: 0.7 }}>{p.label}</div>
          </Bubble>
        ))}
      </div>
      {productId && mySide === 'buyer' && (
        <div style={{ padding: '6px 12px', borderTop: '1px solid #f0f0f0', display: 'flex', alignItems: 'center', gap: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('chat.aboutProduct')}</Typography.Text>
          <Button size="small" icon={<ShoppingOutlined />} onClick={() => send({ kind: 'product', productId }, t('chat.kindLabels.product'))} data-testid="chat-send-product">{t('chat.sendProduct')}</Button>
        </div>
      )}
      {canShareQuote && (
        <QuotePicker open={pickingQuote} onClose={() => setPickingQuote(false)} onPick={(q) => {
          setPickingQuote(false);
          send({ kind: 'quote', quoteId: q.id }, `${t('chat.kindLabels.quote')} ${q.rfq.title}`);
        }} />
      )}
      <div style={{ borderTop: '1px solid #f0f0f0', padding: 8 }}>
        <Space size={4} style={{ marginBottom: 4 }}>
          <Tooltip title={canUpload ? t('chat.image') : t('chat.uploadNeedsCompany')}>
            <Upload accept="image/png,image/jpeg,image/webp,image/gif" showUploadList={false} disabled={!canUpload || uploading}
              beforeUpload={(f) => { void upload(f, 'image'); return false; }}>
              <Button size="small" type="text" icon={<PictureOutlined />} disabled={!canUpload} loading={uploading} aria-label={t('chat.image')} />
            </Upload>
          </Tooltip>
          <Tooltip title={canUpload ? t('chat.file') : t('chat.uploadNeedsCompany')}>
            <Upload accept="application/pdf,image/*" showUploadList={false} disabled={!canUpload || uploading}
              beforeUpload={(f) => { void upload(f, 'file'); return false; }}>
              <Button size="small" type="text" icon={<PaperClipOutlined />} disabled={!canUpload} aria-label={t('chat.file')} />
            </Upload>
          </Tooltip>
          {canShareQuote && (
            <Tooltip title={t('chat.shareQuote')}>
              <Button size="small" type="text" icon={<FileTextOutlined />} onClick={() => setPickingQuote(true)} aria-label={t('chat.shareQuote')} data-testid="chat-share-quote" />
            </Tooltip>
          )}
        </Space>
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}>
          <Input.TextArea
            ref={inputRef} value={text} autoSize={{ minRows: 1, maxRows: 5 }} maxLength={5000} placeholder={t('chat.placeholder')} data-testid="chat-input"
            onChange={(e) => {
              setText(e.target.value);
              connection.typing(id);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                sendText();
              }
            }}
          />
          <Button type="primary" onClick={sendText} disabled={!text.trim()} data-testid="chat-send">{t('chat.send')}</Button>
        </div>
      </div>
    </div>
  );
}
