import { CheckOutlined, UndoOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Grid, Segmented, Skeleton, Space, Switch, Table, Tabs, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, problemDetail } from '../../api.js';
import type { NotificationGroup, NotificationItem, NotificationPage } from '../../components/Bell.js';
import { NOTIFICATIONS_KEY, NotificationRow, useMarkRead, useUnreadCount } from '../../components/Bell.js';
import { ProblemAlert } from '../../components/Problem.js';
import '../../i18n/notifications.js';
import { currentLang } from '../../i18n/index.js';

interface Preference {
  kind: string;
  group: NotificationGroup;
  label: string;
  inApp: boolean;
  mail: boolean;
  defaults: { inApp: boolean; mail: boolean };
}

const GROUPS: NotificationGroup[] = ['sourcing', 'trade', 'messages', 'favorites', 'system'];
const PREFS_KEY = [NOTIFICATIONS_KEY, 'preferences'] as const;

function NotificationList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('filter') === 'unread';
  const lang = currentLang();
  const count = useUnreadCount(true);
  const list = useInfiniteQuery({
    queryKey: [NOTIFICATIONS_KEY, 'list', lang, unreadOnly],
    queryFn: ({ pageParam }) => api<NotificationPage>('/notifications', { query: { cursor: pageParam, limit: 20, unread: unreadOnly ? 'true' : undefined } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const { one, all } = useMarkRead();
  const { message } = App.useApp();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = count.data?.unreadCount ?? list.data?.pages[0]?.unreadCount ?? 0;
  const open = (item: NotificationItem) => {
    if (item.readAt === null) one.mutate(item.id);
    if (item.link) void navigate(item.link);
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <Segmented<'all' | 'unread'>
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => setParams((p) => {
            const next = new URLSearchParams(p);
            if (v === 'unread') next.set('filter', 'unread');
            else next.delete('filter');
            return next;
          })}
          options={[
            { value: 'all', label: t('notifications.all') },
            { value: 'unread', label: unread > 0 ? `${t('notifications.unread')} (${unread})` : t('notifications.unread') },
          ]}
          data-testid="notifications-filter"
        />
        <Button
          icon={<CheckOutlined />}
          disabled={unread === 0}
          loading={all.isPending}
          onClick={() => all.mutate(undefined, { onSuccess: () => { void message.success(t('notifications.markedAllRead')); } })}
          data-testid="notifications-mark-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </div>
      <ProblemAlert error={list.error} />
      {list.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description={unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')} data-testid="notifications-empty" />
      ) : (
        <div style={{ border: '1px solid #f0f0f0', borderRadius: 8, overflow: 'hidden' }} data-testid="notifications-list">
          {items.map((item) => (
            <NotificationRow
              key={item.id}
              item={item}
              onOpen={open}
              extra={
                item.readAt === null && (
                  <Tooltip title={t('notifications.markRead')}>
                    <Button
                      size="small"
                      type="text"
                      icon={<CheckOutlined />}
                      aria-label={t('notifications.markRead')}
                      onClick={() => one.mutate(item.id)}
                      data-testid="notification-mark-read"
                    />
                  </Tooltip>
                )
              }
            />
          ))}
        </div>
      )}
      {list.hasNextPage && (
        <div style={{ textAlign: 'center' }}>
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="notifications-more">
            {t('notifications.loadMore')}
          </Button>
        </div>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('notifications.retention')}
      </Typography.Text>
    </Space>
  );
}

function Preferences() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const lang = currentLang();
  const narrow = !Grid.useBreakpoint().sm;
  const prefs = useQuery({ queryKey: [...PREFS_KEY, lang], queryFn: () => api<{ items: Preference[] }>('/notifications/preferences') });
  const save = useMutation({
    mutationFn: (items: Array<{ kind: string; inApp: boolean; mail: boolean }>) => api<{ items: Preference[] }>('/notifications/preferences', { method: 'PUT', body: { items } }),
    onSuccess: (res) => {
      qc.setQueryData([...PREFS_KEY, lang], res);
      message.success(t('notifications.prefsSaved'));
    },
    onError: (e) => message.error(problemDetail(e)),
  });
  if (prefs.isPending) return <Skeleton active />;
  if (prefs.error) return <ProblemAlert error={prefs.error} />;
  const items = prefs.data.items;
  if (items.length === 0) return <Empty description={t('notifications.prefsEmpty')} data-testid="preferences-empty" />;
  const set = (p: Preference, change: Partial<Pick<Preference, 'inApp' | 'mail'>>) => save.mutate([{ kind: p.kind, inApp: change.inApp ?? p.inApp, mail: change.mail ?? p.mail }]);
  const isDefault = items.every((p) => p.inApp === p.defaults.inApp && p.mail === p.defaults.mail);
  const columns: TableColumnsType<Preference> = [
    {
      title: t('notifications.prefsKind'),
      dataIndex: 'label',
      render: (label: string, p) => (
        <>
          <Typography.Text style={{ display: 'block' }}>{label}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.defaults.mail ? t('notifications.prefsDefaultBoth') : t('notifications.prefsDefaultInApp')}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('notifications.prefsInApp'),
      dataIndex: 'inApp',
      width: narrow ? 76 : 110,
      align: 'center',
      render: (_: boolean, p) => (
        <Switch checked={p.inApp} size="small" onChange={(v) => set(p, { inApp: v })} aria-label={`${p.label} · ${t('notifications.prefsInApp')}`} data-testid={`pref-inapp-${p.kind}`} />
      ),
    },
    {
      title: t('notifications.prefsMail'),
      dataIndex: 'mail',
      width: narrow ? 76 : 110,
      align: 'center',
      render: (_: boolean, p) => (
        <Switch checked={p.mail} size="small" onChange={(v) => set(p, { mail: v })} aria-label={`${p.label} · ${t('notifications.prefsMail')}`} data-testid={`pref-mail-${p.kind}`} />
      ),
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="preferences">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('notifications.prefsIntro')}
      </Typography.Paragraph>
      {GROUPS.filter((g) => items.some((p) => p.group === g)).map((g) => (
        <div key={g}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t(`notifications.groups.${g}`)}
          </Typography.Title>
          <Table<Preference> rowKey="kind" size="small" pagination={false} columns={columns} dataSource={items.filter((p) => p.group === g)} data-testid={`preferences-${g}`} />
        </div>
      ))}
      <Button
        icon={<UndoOutlined />}
        disabled={isDefault}
        loading={save.isPending}
        onClick={() => save.mutate(items.map((p) => ({ kind: p.kind, ...p.defaults })))}
        data-testid="preferences-reset"
      >
        {t('notifications.prefsReset')}
      </Button>
    </Space>
  );
}

/** The notification center (/workbench/notifications): the list, and per-kind channel preferences (?tab=preferences). */
export default function Notifications() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'preferences' ? 'preferences' : 'list';
  return (
    <Card title={t('notifications.title')} data-testid="notifications-page">
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'preferences' ? { tab: 'preferences' } : {})}
        items={[
          { key: 'list', label: t('notifications.tabList'), children: <NotificationList /> },
          { key: 'preferences', label: t('notifications.tabPreferences'), children: <Preferences /> },
        ]}
      />
    </Card>
  );
}
