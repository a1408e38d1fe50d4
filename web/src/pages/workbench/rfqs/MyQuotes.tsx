import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Space, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Page } from '../../../api.js';
import { api } from '../../../api.js';
import { ProblemAlert } from '../../../components/Problem.js';
import { formatDate, formatDateTime } from '../../../format.js';
import { activeCompanyOf, useMe } from '../../../session.js';
import { NoCompany } from '../WorkbenchShell.js';
import type { QuoteStatus, QuoteView } from './model.js';
import { money, qty } from './model.js';
import { QuoteStatusTag, RfqStatusTag } from './parts.js';

const TABS: Array<QuoteStatus | 'all'> = ['all', 'submitted', 'accepted', 'declined', 'not_selected', 'withdrawn'];

/** The seller's quotes across RFQs. */
export default function MyQuotes() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((x) => x === params.get('status')) ?? 'all';
  const list = useInfiniteQuery({
    queryKey: ['wb', 'quotes', 'mine', company?.id, tab],
    queryFn: ({ pageParam }) => api<Page<QuoteView>>('/quotes', { query: { status: tab === 'all' ? null : tab, cursor: pageParam, limit: 20 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(company),
  });
  if (!company) return <NoCompany />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: TableColumnsType<QuoteView> = [
    {
      title: t('rfqs.col.rfq'), render: (_, q) => (
        <Space direction="vertical" size={0}>
          <Link to={`/workbench/rfq-market/${q.rfqId}`}>{q.rfq.title}</Link>
          <Space size={4}><RfqStatusTag status={q.rfq.status} /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{qty(q.rfq.quantity, q.rfq.unit)}</Typography.Text></Space>
        </Space>
      ),
    },
    { title: t('rfqs.col.unitPrice'), width: 120, render: (_, q) => money(q.atQuantity.unitPrice) },
    { title: t('rfqs.col.total'), width: 140, render: (_, q) => <b>{money(q.atQuantity.total)}</b>, responsive: ['sm'] },
    { title: t('rfqs.col.leadTime'), width: 90, render: (_, q) => t('rfqs.days', { count: q.leadTimeDays }), responsive: ['md'] },
    { title: t('rfqs.col.validUntil'), width: 120, render: (_, q) => formatDate(q.validUntil), responsive: ['lg'] },
    { title: t('rfqs.col.submittedAt'), width: 160, render: (_, q) => formatDateTime(q.updatedAt), responsive: ['lg'] },
    {
      title: t('rfqs.col.status'), width: 150, render: (_, q) => (
        <Space direction="vertical" size={0}>
          <QuoteStatusTag status={q.status} />
          {q.declineReason && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{q.declineReason}</Typography.Text>}
        </Space>
      ),
    },
  ];
  return (
    <Card title={t('rfqs.quotesTitle')} data-testid="my-quotes">
      <Tabs activeKey={tab} onChange={(k) => setParams((p) => { if (k === 'all') p.delete('status'); else p.set('status', k); return p; })} items={TABS.map((k) => ({ key: k, label: k === 'all' ? t('rfqs.tabs.all') : t(`rfqs.quoteStatus.${k}`) }))} />
      <ProblemAlert error={list.error} style={{ marginBottom: 12 }} />
      <Table<QuoteView>
        rowKey="id" size="middle" columns={columns} dataSource={rows} loading={list.isLoading} pagination={false}
        locale={{ emptyText: <Empty description={t('rfqs.emptyQuotes')}><Link to="/workbench/rfq-market"><Button type="primary">{t('rfqs.menuMarket')}</Button></Link></Empty> }}
      />
      {list.hasNextPage && <Button block style={{ marginTop: 12 }} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>{t('rfqs.loadMore')}</Button>}
    </Card>
  );
}
