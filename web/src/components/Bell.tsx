import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Empty, Popover, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, problemDetail } from '../api.js';
import '../i18n/notifications.js';
import { currentLang } from '../i18n/index.js';
import { useMe } from '../session.js';

export type NotificationGroup = 'sourcing' | 'trade' | 'messages' | 'favorites' | 'system';

export interface NotificationItem {
  id: string;
  kind: string;
  group: NotificationGroup;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationItem[];
  nextCursor: string | null;
  unreadCount: number;
}

/** Every notifications query starts with this key, so one invalidation refreshes the bell and the center. */
export const NOTIFICATIONS_KEY = 'notifications';
const UNREAD_KEY = [NOTIFICATIONS_KEY, 'unread'] as const;

/** The unread count behind the bell's badge: polled every 30 s and on window focus while signed in. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: () => api<{ unreadCount: number }>('/notifications/unread-count'),
    enabled,
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}

/** Mark one read / all read; afterwards the badge and every list are refreshed. */
export function useMarkRead() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const refresh = async (unreadCount: number) => {
    qc.setQueryData(UNREAD_KEY, { unreadCount });
    await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === NOTIFICATIONS_KEY && q.queryKey[1] !== 'unread' && q.queryKey[1] !== 'preferences' });
  };
  const one = useMutation({
    mutationFn: (id: string) => api<{ unreadCount: number }>(`/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: (res) => refresh(res.unreadCount),
    onError: (e) => message.error(problemDetail(e)),
  });
  const all = useMutation({
    mutationFn: () => api<{ updated: number; unreadCount: number }>('/notifications/read-all', { method: 'POST' }),
    onSuccess: (res) => refresh(res.unreadCount),
    onError: (e) => message.error(problemDetail(e)),
  });
  return { one, all };
}

/** "3 minutes ago" in the UI language; older than a week, the date. */
export function timeAgo(iso: string, justNow: string): string {
  const seconds = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(currentLang(), { numeric: 'auto' });
  if (seconds > -45) return justNow;
  if (seconds > -3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (seconds > -86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (seconds > -7 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day');
  return new Intl.DateTimeFormat(currentLang(), { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(iso));
}

/** One notification as a clickable row: unread ones are bold with a dot; a click marks it read and opens its link. */
export function NotificationRow({ item, onOpen, compact, extra }: { item: NotificationItem; onOpen: (item: NotificationItem) => void; compact?: boolean; extra?: ReactNode }) {
  const { t } = useTranslation();
  const unread = item.readAt === null;
  return (
    <div
      role="button"
      tabIndex={0}
      onClick={() => onOpen(item)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen(item);
        }
      }}
      data-testid="notification-item"
      data-unread={unread ? 'true' : 'false'}
      style={{
        display: 'flex',
        gap: 10,
        padding: compact ? '10px 12px' : '14px 16px',
        cursor: 'pointer',
        background: unread ? '#FFF7F0' : undefined,
        borderBottom: '1px solid #f0f0f0',
      }}
    >
      <span
        aria-label={unread ? t('notifications.unreadDot') : undefined}
        style={{ flex: 'none', width: 8, height: 8, marginTop: 7, borderRadius: 4, background: unread ? '#F25C05' : 'transparent' }}
      />
      <div style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text strong={unread} style={{ display: 'block' }}>
          {item.title}
        </Typography.Text>
        {item.body && (
          <Typography.Paragraph type="secondary" ellipsis={compact ? { rows: 2 } : false} style={{ margin: '2px 0 0', fontSize: 13 }}>
            {item.body}
          </Typography.Paragraph>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }} title={new Date(item.createdAt).toLocaleString(currentLang())}>
          {timeAgo(item.createdAt, t('notifications.justNow'))}
        </Typography.Text>
      </div>
      {extra && (
        <div style={{ flex: 'none' }} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
          {extra}
        </div>
      )}
    </div>
  );
}

function LatestPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lang = currentLang();
  const latest = useQuery({
    queryKey: [NOTIFICATIONS_KEY, 'latest', lang],
    queryFn: () => api<NotificationPage>('/notifications', { query: { limit: 8 } }),
    staleTime: 0,
  });
  const { one, all } = useMarkRead();
  const open = (item: NotificationItem) => {
    if (item.readAt === null) one.mutate(item.id);
    if (item.link) {
      onClose();
      void navigate(item.link);
    }
  };
  const items = latest.data?.items ?? [];
  const unread = latest.data?.unreadCount ?? 0;
  return (
    <div style={{ width: 'min(360px, calc(100vw - 24px))' }} data-testid="bell-panel">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '10px 12px', borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text strong>
          {t('common.notifications')}
          {unread > 0 && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8, fontSize: 12 }}>
              {t('notifications.unreadCount', { count: unread })}
            </Typography.Text>
          )}
        </Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} loading={all.isPending} onClick={() => all.mutate()} data-testid="bell-mark-all">
          {t('notifications.markAllRead')}
        </Button>
      </div>
      <div style={{ maxHeight: 'min(440px, 60vh)', overflowY: 'auto' }}>
        {latest.isPending ? (
          <div style={{ padding: 24, textAlign: 'center' }}>
            <Spin />
          </div>
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} style={{ padding: '16px 0' }} />
        ) : (
          items.map((item) => <NotificationRow key={item.id} item={item} onOpen={open} compact />)
        )}
      </div>
      <div style={{ textAlign: 'center', padding: 8 }}>
        <Link to="/workbench/notifications" onClick={onClose} data-testid="bell-see-all">
          {t('notifications.seeAll')}
        </Link>
      </div>
    </div>
  );
}

/** The header bell: unread badge (polled), a popover with the latest notifications. */
export function Bell() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const count = useUnreadCount(Boolean(me));
  const unread = me ? (count.data?.unreadCount ?? 0) : 0;
  // A new notification arrived (the polled count changed): the lists are stale.
  const previous = useRef(unread);
  useEffect(() => {
    if (previous.current !== unread) {
      previous.current = unread;
      void qc.invalidateQueries({ queryKey: [NOTIFICATIONS_KEY, 'latest'] });
      void qc.invalidateQueries({ queryKey: [NOTIFICATIONS_KEY, 'list'] });
    }
  }, [unread, qc]);
  const content = me ? (
    <LatestPanel onClose={() => setOpen(false)} />
  ) : (
    <Space orientation="vertical" align="center" style={{ padding: 12, width: 220 }}>
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.signInToSee')} />
      <Link to="/login" onClick={() => setOpen(false)}>
        <Button type="primary" size="small">
          {t('notifications.signIn')}
        </Button>
      </Link>
    </Space>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      destroyOnHidden
      content={content}
      styles={{ container: { padding: 0 } }}
    >
      <Badge count={unread} size="small" overflowCount={99} data-testid="bell-badge">
        <Button type="text" size="small" icon={<BellOutlined />} aria-label={t('common.notifications')} data-testid="bell" />
      </Badge>
    </Popover>
  );
}
