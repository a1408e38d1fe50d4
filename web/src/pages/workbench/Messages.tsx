import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Empty, Grid, List, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api.js';
import { ChatThread, counterpartName, messagePreview, type ConversationView } from '../../components/chat/ChatThread.js';
import { useChatSocket, type ChatEvent } from '../../components/chat/useChatSocket.js';
import { formatDate } from '../../format.js';
import '../../i18n/messaging.js';

type SideFilter = 'all' | 'buyer' | 'supplier';
const LIST_KEY = ['chat', 'conversations'] as const;

function shortTime(iso: string): string {
  const d = new Date(iso);
  const now = new Date();
  if (d.toDateString() === now.toDateString()) return d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return formatDate(iso);
}

/** 旺旺消息: the conversation list (both sides) and the open thread; at phone width one at a time. */
export default function MessagesPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const screens = Grid.useBreakpoint();
  const wide = screens.md ?? true;
  const [params, setParams] = useSearchParams();
  const selected = params.get('c');
  const [side, setSide] = useState<SideFilter>('all');
  const [presence, setPresence] = useState<Record<string, boolean>>({});
  const panes = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(170);
  const measure = useCallback(() => {
    const el = panes.current;
    if (el) setTop(Math.max(0, Math.round(el.getBoundingClientRect().top + window.scrollY)));
  }, []);
  // After every render (a banner above may come and go; unchanged values do not render again) and on resize.
  useLayoutEffect(measure);
  useEffect(() => {
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [measure]);
  const list = useQuery({
    queryKey: [...LIST_KEY, side],
    queryFn: () => api<{ items: ConversationView[]; nextCursor: string | null }>('/conversations', { query: { side: side === 'all' ? undefined : side, limit: 100 } }),
  });
  const refresh = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refetchSoon = useCallback(() => {
    if (refresh.current) return;
    refresh.current = setTimeout(() => {
      refresh.current = null;
      void qc.invalidateQueries({ queryKey: LIST_KEY });
      void qc.invalidateQueries({ queryKey: ['chat', 'unread'] });
    }, 400);
  }, [qc]);
  useEffect(() => () => {
    if (refresh.current) clearTimeout(refresh.current);
  }, []);
  const { status, connection } = useChatSocket(useCallback((e: ChatEvent) => {
    if (e.type === 'message' || e.type === 'read') refetchSoon();
    if (e.type === 'presence') setPresence((p) => ({ ...p, [e.subject]: e.online }));
    if (e.type === 'status' && e.status === 'open') refetchSoon();
  }, [refetchSoon]));
  useEffect(() => {
    connection.followAll();
  }, [connection]);

  const items = list.data?.items ?? [];
  const current = items.find((c) => c.id === selected) ?? null;
  const fetched = useQuery({
    queryKey: ['chat', 'conversation', selected],
    queryFn: () => api<ConversationView>(`/conversations/${selected ?? ''}`),
    enabled: Boolean(selected) && !current && !list.isLoading,
  });
  const open = current ?? fetched.data ?? null;
  const pick = (id: string | null) => setParams(id ? { c: id } : {}, { replace: false });

  const listPane = (
    <Card
      size="small" style={{ height: '100%', display: 'flex', flexDirection: 'column' }} styles={{ body: { padding: 0, overflowY: 'auto', flex: 1 } }}
      title={<Segmented<SideFilter> size="small" value={side} onChange={setSide} options={[{ value: 'all', label: t('chat.all') }, { value: 'buyer', label: t('chat.asBuyer') }, { value: 'supplier', label: t('chat.asSupplier') }]} />}
    >
      {list.isLoading && <div style={{ padding: 12 }}><Skeleton active avatar /></div>}
      {!list.isLoading && items.length === 0 && <Empty style={{ padding: 24 }} description={t('chat.noConversations')} />}
      <List
        dataSource={items}
        renderItem={(c) => {
          const online = presence[c.counterpart.presenceKey] ?? c.counterpart.online;
          return (
            <List.Item
              onClick={() => pick(c.id)} data-testid="chat-conversation"
              style={{ cursor: 'pointer', padding: '10px 12px', background: c.id === selected ? '#FFF1E8' : undefined, borderLeft: c.id === selected ? '3px solid #F25C05' : '3px solid transparent' }}
            >
              <div style={{ display: 'flex', gap: 10, width: '100%', minWidth: 0 }}>
                <Badge dot color={online ? '#1A7F37' : '#bbb'} offset={[-2, 30]} data-testid="chat-presence" data-online={online} title={online ? t('chat.online') : t('chat.offline')}>
                  <div style={{ width: 36, height: 36, borderRadius: 18, background: c.mySide === 'buyer' ? '#E8F0FE' : '#FFF1E8', display: 'grid', placeItems: 'center', fontWeight: 600, color: c.mySide === 'buyer' ? '#1F6FEB' : '#F25C05' }}>
                    {counterpartName(c).slice(0, 1)}
                  </div>
                </Badge>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <div style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
                    <Typography.Text strong ellipsis style={{ flex: 1 }}>{counterpartName(c)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{shortTime(c.lastMessage?.createdAt ?? c.activityAt)}</Typography.Text>
                  </div>
                  <div style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
                    <Tag bordered={false} color={c.mySide === 'buyer' ? 'blue' : 'orange'} style={{ marginInlineEnd: 0, fontSize: 11 }}>{c.mySide === 'buyer' ? t('chat.asBuyer') : t('chat.asSupplier')}</Tag>
                    <Typography.Text type="secondary" ellipsis style={{ flex: 1, fontSize: 12 }}>{messagePreview(c.lastMessage, t)}</Typography.Text>
                    {c.id !== selected && c.unread > 0 && <Badge count={c.unread} size="small" aria-label={t('chat.unreadBadge', { count: c.unread })} data-testid="chat-unread" data-count={c.unread} />}
                  </div>
                </div>
              </div>
            </List.Item>
          );
        }}
      />
    </Card>
  );

  const threadPane = open
    ? (
      <Card size="small" style={{ height: '100%', minHeight: 0, overflow: 'hidden' }} styles={{ body: { padding: 0, height: '100%' } }}>
        {!wide && <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => pick(null)}>{t('chat.title')}</Button>}
        <ChatThread key={open.id} conversation={open} height={wide ? '100%' : 'calc(100% - 32px)'} productId={open.mySide === 'buyer' ? open.productId ?? undefined : undefined} onRead={refetchSoon} />
      </Card>
    )
    : <Card style={{ height: '100%' }}><Empty description={selected && fetched.isError ? t('chat.pickConversation') : t('chat.pickConversation')} /></Card>;

  // The panes fill the window below where they start (the workbench header is taller at phone width), so the
  // composer stays on screen without scrolling the page.
  const height = `calc(100dvh - ${top + 16}px)`;
  return (
    <div data-testid="messages-page">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('chat.title')}</Typography.Title>
        {status !== 'open' && <Alert type={status === 'connecting' ? 'info' : 'warning'} showIcon banner style={{ padding: '2px 8px' }} message={status === 'connecting' ? t('chat.connecting') : t('chat.reconnecting')} />}
      </div>
      {wide
        ? (
          <div ref={panes} style={{ display: 'grid', gridTemplateColumns: 'minmax(260px, 340px) minmax(0, 1fr)', gridTemplateRows: 'minmax(0, 1fr)', gap: 12, height, minHeight: 420 }}>
            {listPane}
            {threadPane}
          </div>
        )
        : <div ref={panes} style={{ height, minHeight: 420 }}>{selected ? threadPane : listPane}</div>}
    </div>
  );
}
