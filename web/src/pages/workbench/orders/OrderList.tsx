import { ShoppingCartOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Empty, Grid, Input, List, Space, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api.js';
import { ProblemAlert } from '../../../components/Problem.js';
import { formatDate, formatDateTime } from '../../../format.js';
import { activeCompanyOf, useMe } from '../../../session.js';
import { NoCompany } from '../WorkbenchShell.js';
import type { OrderCounts, OrderSide, OrderStatus, OrderSummary, ServerOrder } from './model.js';
import { money, partyName, withCompanyIds } from './model.js';
import { LinesSummary, MONO, NUM, OrderActions, OrderStatusTag, TermsTag } from './parts.js';

type Tab = 'all' | 'awaiting_approval' | 'to_pay' | 'unpaid' | 'to_ship' | 'to_receive' | 'shipped' | 'received' | 'completed' | 'closed';

/** The status tabs of each side, and the statuses each stands for. */
const TABS: Record<OrderSide, Array<[Tab, OrderStatus[]]>> = {
  buyer: [
    ['all', []],
    ['awaiting_approval', ['awaiting_approval']],
    ['to_pay', ['awaiting_payment', 'deposit_paid']],
    ['to_ship', ['paid']],
    ['to_receive', ['partly_shipped', 'shipped']],
    ['received', ['received']],
    ['completed', ['completed']],
    ['closed', ['cancelled', 'closed']],
  ],
  seller: [
    ['all', []],
    ['unpaid', ['awaiting_approval', 'awaiting_payment', 'deposit_paid']],
    ['to_ship', ['paid', 'partly_shipped']],
    ['shipped', ['shipped']],
    ['received', ['received']],
    ['completed', ['completed']],
    ['closed', ['cancelled', 'closed']],
  ],
};

/** /workbench/orders (buyer) and /workbench/sales-orders (seller): status tabs, order-number search, the row's actions. */
export default function OrderList({ side }: { side: OrderSide }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const [params, setParams] = useSearchParams();
  const tabs = TABS[side];
  const tab = tabs.find(([k]) => k === params.get('tab')) ?? tabs[0]!;
  const q = params.get('q') ?? '';
  const [qInput, setQInput] = useState(q);
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const list = useInfiniteQuery({
    queryKey: ['wb', 'orders', side, company?.id, tab[0], q],
    queryFn: async ({ pageParam }) => {
      const page = await api<{ items: Array<ServerOrder<OrderSummary>>; nextCursor: string | null }>('/orders', {
        query: { companyId: company?.id, side, statuses: tab[1].length ? tab[1].join(',') : null, q: q || null, cursor: pageParam, limit: 20 },
      });
      return { items: page.items.map((o) => withCompanyIds<OrderSummary>(o)), nextCursor: page.nextCursor };
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(company),
    refetchOnWindowFocus: true,
  });
  const counts = useQuery({
    queryKey: ['wb', 'orders', 'counts', side, company?.id],
    queryFn: () => api<OrderCounts>('/orders/counts', { query: { companyId: company?.id, side } }),
    enabled: Boolean(company),
    refetchOnWindowFocus: true,
  });
  if (!company) return <NoCompany />;
  /** The number on a tab that asks for work (not on all / received / completed / closed). */
  const tabCount = (k: Tab, statuses: OrderStatus[]) =>
    k === 'all' || k === 'received' || k === 'completed' || k === 'closed' ? 0 : statuses.reduce((n, st) => n + (counts.data?.byStatus[st] ?? 0), 0);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const href = (o: OrderSummary) => `/workbench/orders/${o.id}?side=${side}`;
  const empty = (
    <Empty description={side === 'buyer' ? t('orders.emptyBuyer') : t('orders.emptySeller')}>
      {side === 'buyer' && <Link to="/workbench/purchase-list"><Button type="primary">{t('orders.goPurchaseList')}</Button></Link>}
    </Empty>
  );
  const columns: TableColumnsType<OrderSummary> = [
    {
      title: t('orders.col.number'), width: 165, render: (_, o) => (
        <Space direction="vertical" size={0}>
          <Link to={href(o)} style={{ ...MONO, whiteSpace: 'nowrap' }} data-testid="order-link">{o.number}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(o.createdAt)}</Typography.Text>
        </Space>
      ),
    },
    { title: t('orders.col.goods'), render: (_, o) => <LinesSummary lines={o.lines} /> },
    {
      title: side === 'buyer' ? t('orders.col.supplier') : t('orders.col.buyer'), width: 170, responsive: ['md'], render: (_, o) => {
        const p = side === 'buyer' ? o.supplier : o.buyer;
        return <div style={{ minWidth: 140 }}><Link to={`/companies/${p.id}`}>{partyName(p)}</Link></div>;
      },
    },
    {
      title: t('orders.col.total'), width: 140, align: 'right', render: (_, o) => (
        <Space direction="vertical" size={2} style={{ alignItems: 'flex-end' }}>
          <b style={NUM} data-testid="order-total">{money(o.total)}</b>
          {o.freight > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('orders.detail.freight')} {money(o.freight)}</Typography.Text>}
          <TermsTag order={o} />
        </Space>
      ),
    },
    { title: t('orders.col.status'), width: 130, render: (_, o) => <OrderStatusTag status={o.status} /> },
    { title: t('orders.col.shipBy'), width: 110, responsive: side === 'seller' ? ['lg'] : ['xxl'], render: (_, o) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(o.shipBy)}</span> },
    {
      title: t('orders.col.actions'), width: 150, fixed: 'right', render: (_, o) => (
        <Space direction="vertical" size={4} style={{ minWidth: 120 }}>
          <Link to={href(o)}>{t('orders.view')}</Link>
          <OrderActions order={o} side={side} size="small" />
        </Space>
      ),
    },
  ];
  // The fixed columns plus room for the goods: it must fit the 1050px a 1366 screen leaves, or the fixed Actions column hides Status.
  const tableWidth = columns.reduce((sum, c) => sum + (typeof c.width === 'number' && (!c.responsive || c.responsive.some((b) => screens[b])) ? c.width : 0), 0) + 170;
  return (
    <Card
      title={side === 'buyer' ? t('orders.buyerTitle') : t('orders.sellerTitle')}
      extra={side === 'buyer' && <Link to="/workbench/purchase-list"><Button icon={<ShoppingCartOutlined />}>{t('orders.menu.purchaseList')}</Button></Link>}
      data-testid={side === 'buyer' ? 'buyer-orders' : 'seller-orders'}
    >
      <Tabs
        activeKey={tab[0]}
        onChange={(k) => setParams((p) => { if (k === 'all') p.delete('tab'); else p.set('tab', k); return p; })}
        items={tabs.map(([k, statuses]) => ({
          key: k,
          label: (
            <Space size={4}>
              {t(`orders.tabs.${k}`)}
              <Badge count={tabCount(k, statuses)} size="small" color="#F25C05" data-testid={`tab-count-${k}`} />
            </Space>
          ),
        }))}
        style={{ marginTop: -8 }}
      />
      <Input.Search
        value={qInput} onChange={(e) => setQInput(e.target.value)} allowClear placeholder={t('orders.searchNumber')} style={{ maxWidth: 320, marginBottom: 12 }}
        onSearch={(v) => setParams((p) => { if (v.trim()) p.set('q', v.trim()); else p.delete('q'); return p; })} data-testid="orders-search"
      />
      <ProblemAlert error={list.error} style={{ marginBottom: 12 }} />
      {narrow ? (
        <List<OrderSummary>
          dataSource={rows} loading={list.isLoading} locale={{ emptyText: empty }} data-testid="order-cards"
          renderItem={(o) => {
            const p = side === 'buyer' ? o.supplier : o.buyer;
            return (
              <List.Item style={{ display: 'block', paddingInline: 0 }} data-testid="order-row" data-status={o.status}>
                <Space direction="vertical" size={6} style={{ width: '100%' }}>
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                    <Link to={href(o)} style={{ ...MONO, whiteSpace: 'nowrap' }}>{o.number}</Link>
                    <OrderStatusTag status={o.status} />
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{partyName(p)} · {formatDateTime(o.createdAt)}</Typography.Text>
                  <LinesSummary lines={o.lines} />
                  <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
                    <TermsTag order={o} />
                    <b style={{ ...NUM, fontSize: 16 }}>{money(o.total)}</b>
                  </div>
                  <OrderActions order={o} side={side} size="small" />
                </Space>
              </List.Item>
            );
          }}
        />
      ) : (
        <Table<OrderSummary>
          rowKey="id" size="middle" columns={columns} dataSource={rows} loading={list.isLoading} pagination={false} scroll={{ x: tableWidth }}
          onRow={(o) => ({ onDoubleClick: () => void navigate(href(o)), 'data-testid': 'order-row', 'data-status': o.status } as React.HTMLAttributes<HTMLElement>)}
          locale={{ emptyText: empty }}
        />
      )}
      {list.hasNextPage && <Button block style={{ marginTop: 12 }} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>{t('orders.loadMore')}</Button>}
    </Card>
  );
}
