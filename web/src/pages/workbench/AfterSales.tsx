import { ArrowLeftOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Empty, Segmented, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Page } from '../../api.js';
import { api, ProblemError } from '../../api.js';
import { AfterSaleDetail, StatusTag, useAfterSale } from '../../components/trade/OrderAfterSales.js';
import { AS_KEY, type AfterSaleCounts, type AfterSaleListItem, type AfterSaleStatus } from '../../components/trade/afterSales.js';
import { ProblemResult } from '../../components/Problem.js';
import { companyDisplayName, formatDateTime, formatMoney } from '../../format.js';
import '../../i18n/afterSales.js';
import { activeCompanyOf, useMe } from '../../session.js';
import { NoCompany, useSideHint, useWorkbenchSide, type Side } from './WorkbenchShell.js';

type Tab = 'open' | 'all' | AfterSaleStatus;
const TABS: Tab[] = ['open', 'requested', 'rejected', 'partial_proposed', 'awaiting_return', 'return_shipped', 'escalated', 'refunded', 'exchanged', 'withdrawn', 'closed', 'all'];

/** /workbench/after-sales (both sides: ?side=buyer|seller, ?status=) and /workbench/after-sales/:id (one request with its actions). */
export default function AfterSalesPage() {
  const { id } = useParams();
  return id ? <DetailPage id={id} /> : <ListPage />;
}

function DetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const view = useAfterSale(id);
  const viewer = view.data?.viewerSide;
  const side: Side | null = viewer === 'supplier' ? 'seller' : viewer === 'buyer' ? 'buyer' : null;
  useSideHint(side);
  return (
    <Card
      title={<Space><Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)} aria-label={t('afterSales.back')} />{t('afterSales.pageTitle')}</Space>}
      extra={<Link to={side ? `/workbench/after-sales?side=${side}` : '/workbench/after-sales'}>{t('afterSales.back')}</Link>}
    >
      <AfterSaleDetail id={id} />
    </Card>
  );
}

function ListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const [params, setParams] = useSearchParams();
  const shellSide = useWorkbenchSide();
  // Without ?side= follow the shell, so the list and the menu never disagree; choosing a side here does not change the remembered one.
  const side: Side = params.get('side') === 'seller' ? 'seller' : params.get('side') === 'buyer' ? 'buyer' : shellSide;
  const tab: Tab = TABS.find((s) => s === params.get('status')) ?? 'open';
  const counts = useQuery({
    queryKey: [...AS_KEY, 'counts', company?.id],
    queryFn: () => api<AfterSaleCounts>('/after-sales/counts', { query: { companyId: company?.id } }),
    enabled: Boolean(company),
  });
  const list = useInfiniteQuery({
    queryKey: [...AS_KEY, 'list', company?.id, side, tab],
    queryFn: ({ pageParam }) => api<Page<AfterSaleListItem>>('/after-sales', {
      query: { companyId: company?.id, side, status: tab === 'all' ? undefined : tab, cursor: pageParam, limit: 20 },
    }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(company),
    retry: (n, e) => !(e instanceof ProblemError && e.status === 403) && n < 2,
  });
  if (!me) return null;
  if (!company) return <NoCompany />;
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const mine = counts.data?.[side];
  const columns: TableColumnsType<AfterSaleListItem> = [
    { title: t('afterSales.col.order'), width: 180, render: (_, r) => <Link to={`/workbench/orders/${r.orderId}?side=${side}`} onClick={(e) => e.stopPropagation()}>{r.orderNumber}</Link> },
    { title: t('afterSales.col.counterpart'), width: 240, ellipsis: true, render: (_, r) => companyDisplayName(side === 'buyer' ? r.supplier : r.buyer) },
    { title: t('afterSales.col.kind'), width: 110, render: (_, r) => t(`afterSales.kind.${r.kind}`) },
    { title: t('afterSales.col.reason'), width: 120, render: (_, r) => t(`afterSales.reason.${r.reason}`, { defaultValue: r.reason }) },
    { title: t('afterSales.col.amount'), width: 120, align: 'right', render: (_, r) => (r.kind === 'exchange' ? '—' : formatMoney(r.amountRequested)) },
    { title: t('afterSales.col.refunded'), width: 120, align: 'right', render: (_, r) => (r.amountRefunded > 0 ? <Typography.Text type="success">{formatMoney(r.amountRefunded)}</Typography.Text> : '—') },
    {
      title: t('afterSales.col.status'), width: 170,
      render: (_, r) => <Space size={4}><StatusTag status={r.status} />{r.actions.length > 0 && <Badge status="processing" />}</Space>,
    },
    { title: t('afterSales.col.due'), width: 150, render: (_, r) => (r.dueAt ? formatDateTime(r.dueAt) : '—') },
    { title: t('afterSales.col.createdAt'), width: 150, render: (_, r) => formatDateTime(r.createdAt) },
  ];
  return (
    <Card
      title={t('afterSales.pageTitle')}
      extra={
        <Segmented<Side>
          value={side} onChange={(v) => set({ side: v, status: null })} data-testid="after-sales-side"
          options={[
            { value: 'buyer', label: <Space size={4}>{t('afterSales.asBuyer')}{(counts.data?.buyer.awaitingMe ?? 0) > 0 && <Tag color="orange">{counts.data?.buyer.awaitingMe}</Tag>}</Space> },
            { value: 'seller', label: <Space size={4}>{t('afterSales.asSeller')}{(counts.data?.seller.awaitingMe ?? 0) > 0 && <Tag color="orange">{counts.data?.seller.awaitingMe}</Tag>}</Space> },
          ]}
        />
      }
    >
      <Tabs
        activeKey={tab} onChange={(k) => set({ status: k === 'open' ? null : k })} data-testid="after-sales-tabs"
        items={TABS.map((k) => ({
          key: k,
          label: k === 'open' ? <Space size={4}>{t('afterSales.tabs.open')}{mine && mine.open > 0 && <Tag>{mine.open}</Tag>}</Space>
            : k === 'all' ? t('afterSales.tabs.all') : t(`afterSales.status.${k}`),
        }))}
      />
      {list.isError ? <ProblemResult error={list.error} onRetry={() => void list.refetch()} /> : (
        <>
          <Table<AfterSaleListItem>
            rowKey="id" size="middle" columns={columns} dataSource={rows} loading={list.isPending} pagination={false} scroll={{ x: 1400 }}
            onRow={(r) => ({ onClick: () => void navigate(`/workbench/after-sales/${r.id}?side=${side}`), style: { cursor: 'pointer' } })}
            locale={{ emptyText: <Empty description={<>{t('afterSales.empty')}{side === 'buyer' && <div><Typography.Text type="secondary">{t('afterSales.emptyBuyerHint')}</Typography.Text></div>}</>} /> }}
            data-testid="after-sales-table"
          />
          {list.hasNextPage && (
            <div style={{ textAlign: 'center', marginTop: 12 }}>
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('common.loadMore')}</Button>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
