import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Empty, Input, Space, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Page } from '../../../api.js';
import { api } from '../../../api.js';
import { ProblemAlert } from '../../../components/Problem.js';
import { activeCompanyOf, useMe, useRegionName } from '../../../session.js';
import { NoCompany } from '../WorkbenchShell.js';
import type { RfqItem, RfqStatus } from './model.js';
import { categoryName, money, qty } from './model.js';
import { Deadline, RfqStatusTag } from './parts.js';

const TABS: Array<RfqStatus | 'all'> = ['all', 'open', 'awarded', 'closed', 'expired'];

/** The buyer's RFQs: status tabs, search, quotes received (unread highlighted). */
export default function MyRfqs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const region = useRegionName();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((x) => x === params.get('status')) ?? 'all';
  const q = params.get('q') ?? '';
  const [qInput, setQInput] = useState(q);
  const list = useInfiniteQuery({
    queryKey: ['wb', 'rfqs', 'mine', company?.id, tab, q],
    queryFn: ({ pageParam }) => api<Page<RfqItem>>('/rfqs', { query: { scope: 'mine', status: tab === 'all' ? null : tab, q: q || null, cursor: pageParam, limit: 20 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(company),
  });
  if (!company) return <NoCompany />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: TableColumnsType<RfqItem> = [
    {
      title: t('rfqs.col.title'), dataIndex: 'title', render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Link to={`/workbench/rfqs/${r.id}`} data-testid="rfq-link">{r.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{categoryName(r.category)}</Typography.Text>
        </Space>
      ),
    },
    { title: t('rfqs.col.quantity'), width: 110, render: (_, r) => qty(r.quantity, r.unit), responsive: ['sm'] },
    { title: t('rfqs.col.target'), width: 110, render: (_, r) => (r.targetUnitPrice !== null ? money(r.targetUnitPrice) : t('rfqs.noTarget')), responsive: ['lg'] },
    { title: t('rfqs.col.delivery'), width: 100, render: (_, r) => region(r.deliveryProvince), responsive: ['lg'] },
    { title: t('rfqs.col.deadline'), width: 230, render: (_, r) => <Deadline iso={r.quoteDeadline} status={r.status} />, responsive: ['md'] },
    {
      title: t('rfqs.col.quotes'), width: 100, render: (_, r) => (
        <Badge count={r.unreadQuotes ?? 0} size="small" offset={[8, 0]} title={t('rfqs.unread', { count: r.unreadQuotes ?? 0 })}>
          <span data-testid="rfq-quote-count">{r.quoteCount}</span>
        </Badge>
      ),
    },
    { title: t('rfqs.col.status'), width: 110, render: (_, r) => <RfqStatusTag status={r.status} /> },
  ];
  return (
    <Card
      title={t('rfqs.mineTitle')}
      extra={<Link to="/workbench/rfqs/new"><Button type="primary" icon={<PlusOutlined />} data-testid="rfq-post">{t('rfqs.post')}</Button></Link>}
      data-testid="my-rfqs"
    >
      <Tabs activeKey={tab} onChange={(k) => setParams((p) => { if (k === 'all') p.delete('status'); else p.set('status', k); return p; })} items={TABS.map((k) => ({ key: k, label: t(`rfqs.tabs.${k}`) }))} />
      <Input.Search
        value={qInput} onChange={(e) => setQInput(e.target.value)} allowClear placeholder={t('rfqs.filters.keyword')} style={{ maxWidth: 360, marginBottom: 12 }}
        onSearch={(v) => setParams((p) => { if (v) p.set('q', v); else p.delete('q'); return p; })}
      />
      <ProblemAlert error={list.error} style={{ marginBottom: 12 }} />
      <Table<RfqItem>
        rowKey="id" size="middle" columns={columns} dataSource={rows} loading={list.isLoading} pagination={false}
        onRow={(r) => ({ onDoubleClick: () => void navigate(`/workbench/rfqs/${r.id}`) })}
        locale={{ emptyText: <Empty description={t('rfqs.emptyMine')}><Link to="/workbench/rfqs/new"><Button type="primary">{t('rfqs.post')}</Button></Link></Empty> }}
      />
      {list.hasNextPage && <Button block style={{ marginTop: 12 }} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>{t('rfqs.loadMore')}</Button>}
    </Card>
  );
}
