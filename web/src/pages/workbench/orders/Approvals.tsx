import { AuditOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, InputNumber, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, problemDetail } from '../../../api.js';
import { ProblemAlert } from '../../../components/Problem.js';
import { formatDateTime } from '../../../format.js';
import { activeCompanyOf, useMe } from '../../../session.js';
import { NoCompany } from '../WorkbenchShell.js';
import type { ApprovalPolicy, OrderSummary, ServerOrder } from './model.js';
import { money, partyName, withCompanyIds } from './model.js';
import { LinesSummary, MONO, NUM, OrderActions } from './parts.js';

/** /workbench/approvals — orders of purchasers above the company's limit, waiting for an owner or admin; and the limit itself. */
export default function Approvals() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const canApprove = company?.role === 'owner' || company?.role === 'admin';
  const policy = useQuery({
    queryKey: ['wb', 'approval-policy', company?.id],
    queryFn: () => api<ApprovalPolicy>(`/companies/${company?.id}/approval-policy`),
    enabled: Boolean(company),
  });
  const [threshold, setThreshold] = useState<number | null>(null);
  useEffect(() => {
    if (policy.data) setThreshold(policy.data.threshold === null ? null : policy.data.threshold / 100);
  }, [policy.data]);
  const save = useMutation({
    mutationFn: (value: number | null) => api<ApprovalPolicy>(`/companies/${company?.id}/approval-policy`, { method: 'PUT', body: { threshold: value === null ? null : Math.round(value * 100) } }),
    onSuccess: (p) => {
      qc.setQueryData(['wb', 'approval-policy', company?.id], p);
      message.success(t('orders.approvals.saved'));
    },
    onError: (e) => message.error(problemDetail(e)),
  });
  const list = useInfiniteQuery({
    queryKey: ['wb', 'orders', 'approvals', company?.id],
    queryFn: async ({ pageParam }) => {
      const page = await api<{ items: Array<ServerOrder<OrderSummary>>; nextCursor: string | null }>('/orders', {
        query: { companyId: company?.id, side: 'buyer', status: 'awaiting_approval', cursor: pageParam, limit: 20 },
      });
      return { items: page.items.map((o) => withCompanyIds<OrderSummary>(o)), nextCursor: page.nextCursor };
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(company),
    refetchOnWindowFocus: true,
  });
  if (!company) return <NoCompany />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: TableColumnsType<OrderSummary> = [
    {
      title: t('orders.col.number'), width: 190, render: (_, o) => (
        <Space direction="vertical" size={0}>
          <Link to={`/workbench/orders/${o.id}`} style={MONO}>{o.number}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(o.createdAt)}</Typography.Text>
        </Space>
      ),
    },
    { title: t('orders.col.goods'), render: (_, o) => <LinesSummary lines={o.lines} /> },
    { title: t('orders.col.supplier'), width: 200, responsive: ['md'], render: (_, o) => partyName(o.supplier) },
    { title: t('orders.col.total'), width: 140, align: 'right', render: (_, o) => <b style={NUM}>{money(o.total)}</b> },
    { title: t('orders.col.actions'), width: 220, render: (_, o) => <OrderActions order={o} side="buyer" size="small" /> },
  ];
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="approvals">
      <Card size="small" title={<Space><AuditOutlined />{t('orders.approvals.policy')}</Space>}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('orders.approvals.thresholdHint')}</Typography.Paragraph>
        <ProblemAlert error={policy.error} style={{ marginBottom: 8 }} />
        <Space wrap>
          <Typography.Text>{t('orders.approvals.threshold')}</Typography.Text>
          <InputNumber<number>
            value={threshold} onChange={(v) => setThreshold(v)} min={0} precision={2} prefix="¥" style={{ width: 200 }} disabled={!canApprove}
            placeholder={t('orders.approvals.noThreshold')} data-testid="approval-threshold"
          />
          {canApprove && <Button type="primary" loading={save.isPending} onClick={() => save.mutate(threshold)} data-testid="approval-threshold-save">{t('orders.approvals.save')}</Button>}
          {policy.data && (
            <Typography.Text type="secondary">
              {policy.data.threshold === null ? t('orders.approvals.noThreshold') : t('orders.approvals.current', { amount: money(policy.data.threshold) })}
            </Typography.Text>
          )}
        </Space>
      </Card>
      <Card size="small" title={t('orders.approvals.pending')}>
        {!canApprove && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('orders.approvals.notAllowed')} />}
        <ProblemAlert error={list.error} style={{ marginBottom: 12 }} />
        <Table<OrderSummary>
          rowKey="id" size="middle" columns={columns} dataSource={rows} loading={list.isLoading} pagination={false} scroll={{ x: 800 }}
          locale={{ emptyText: <Empty description={t('orders.approvals.empty')} /> }} data-testid="approvals-table"
        />
        {list.hasNextPage && <Button block style={{ marginTop: 12 }} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>{t('orders.loadMore')}</Button>}
      </Card>
    </Space>
  );
}
