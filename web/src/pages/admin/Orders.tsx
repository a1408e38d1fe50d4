import { useQuery } from '@tanstack/react-query';
import { FilterOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Empty, Input, Select, Skeleton, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProblemAlert, ProblemResult } from '../../components/Problem.js';
import { formatDate, formatDateTime } from '../../format.js';
import '../../i18n/orders.js';
import type { OrderStatus, OrderSummary, ServerOrder } from '../workbench/orders/model.js';
import { fetchOrder, money, ORDER_STATUSES, partyName, withCompanyIds } from '../workbench/orders/model.js';
import { OrderBody } from '../workbench/orders/OrderDetail.js';
import { LinesSummary, MONO, NUM, OrderStatusTag, TermsTag } from '../workbench/orders/parts.js';
import { usePaged } from './usePaged.js';

function OrderDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const q = useQuery({ queryKey: ['admin', 'order', id], queryFn: () => fetchOrder(id), refetchOnWindowFocus: true });
  return (
    <Drawer open width="min(1200px, 96vw)" onClose={onClose} destroyOnHidden styles={{ body: { background: '#f5f5f5', padding: 12 } }} data-testid="admin-order-drawer">
      {q.error ? <ProblemResult error={q.error} /> : q.data ? <OrderBody order={q.data} side="operator" /> : <Skeleton active paragraph={{ rows: 10 }} />}
    </Drawer>
  );
}

/** /admin/orders — every order with status and party filters, and its detail (read-only, with shipments and after-sales) in a drawer. */
export default function AdminOrders() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = ORDER_STATUSES.find((s) => s === params.get('status'));
  const q = params.get('q') ?? '';
  const buyerCompanyId = params.get('buyerCompanyId') ?? '';
  const supplierCompanyId = params.get('supplierCompanyId') ?? '';
  const [qInput, setQInput] = useState(q);
  const open = params.get('order');
  const set = (k: string, v: string | null | undefined) => setParams((p) => { if (v) p.set(k, v); else p.delete(k); return p; });
  const list = usePaged<ServerOrder<OrderSummary>>(['admin', 'orders'], '/admin/orders', {
    status, q: q || undefined, buyerCompanyId: buyerCompanyId || undefined, supplierCompanyId: supplierCompanyId || undefined, limit: '30',
  });
  const rows = list.items.map((o) => withCompanyIds<OrderSummary>(o));
  const columns: TableColumnsType<OrderSummary> = [
    {
      title: t('orders.col.number'), width: 190, render: (_, o) => (
        <Space direction="vertical" size={0}>
          <a onClick={() => set('order', o.id)} style={{ ...MONO, whiteSpace: 'nowrap' }} data-testid="admin-order-link">{o.number}</a>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(o.createdAt)}</Typography.Text>
        </Space>
      ),
    },
    { title: t('orders.col.goods'), render: (_, o) => <LinesSummary lines={o.lines} /> },
    {
      title: t('orders.col.buyer'), width: 180, render: (_, o) => (
        <Space size={4} align="start">
          <Link to={`/companies/${o.buyer.id}`}>{partyName(o.buyer)}</Link>
          <Tooltip title={t('orders.adminFilters.only')}><FilterOutlined style={{ color: '#8c8c8c', cursor: 'pointer', marginTop: 4 }} onClick={() => set('buyerCompanyId', o.buyer.id)} /></Tooltip>
        </Space>
      ),
    },
    {
      title: t('orders.col.supplier'), width: 180, render: (_, o) => (
        <Space size={4} align="start">
          <Link to={`/companies/${o.supplier.id}`}>{partyName(o.supplier)}</Link>
          <Tooltip title={t('orders.adminFilters.only')}><FilterOutlined style={{ color: '#8c8c8c', cursor: 'pointer', marginTop: 4 }} onClick={() => set('supplierCompanyId', o.supplier.id)} /></Tooltip>
        </Space>
      ),
    },
    {
      title: t('orders.col.total'), width: 150, align: 'right', render: (_, o) => (
        <Space direction="vertical" size={2} style={{ alignItems: 'flex-end' }}>
          <b style={NUM}>{money(o.total)}</b>
          <TermsTag order={o} />
        </Space>
      ),
    },
    {
      title: t('orders.detail.paid'), width: 130, align: 'right', responsive: ['xl'], render: (_, o) => (
        <Space direction="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <span style={NUM}>{money(o.escrowPaid)}</span>
          {o.escrowRefunded > 0 && <Typography.Text type="danger" style={{ ...NUM, fontSize: 12 }}>−{money(o.escrowRefunded)}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('orders.col.status'), width: 110, render: (_, o) => <OrderStatusTag status={o.status} /> },
    { title: t('orders.col.shipBy'), width: 120, responsive: ['lg'], render: (_, o) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(o.shipBy)}</span> },
  ];
  return (
    <Card title={t('orders.adminTitle')} data-testid="admin-orders">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<OrderStatus | ''>
          value={status ?? ''} onChange={(v) => set('status', v)} style={{ width: 160 }} data-testid="admin-orders-status"
          options={[{ value: '', label: t('orders.tabs.all') }, ...ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.status.${s}`) }))]}
        />
        <Input.Search value={qInput} onChange={(e) => setQInput(e.target.value)} allowClear placeholder={t('orders.searchNumber')} style={{ width: 260 }} onSearch={(v) => set('q', v.trim())} />
        {buyerCompanyId && <Button size="small" onClick={() => set('buyerCompanyId', null)}>{t('orders.col.buyer')}: {buyerCompanyId.slice(0, 8)}… ✕</Button>}
        {supplierCompanyId && <Button size="small" onClick={() => set('supplierCompanyId', null)}>{t('orders.col.supplier')}: {supplierCompanyId.slice(0, 8)}… ✕</Button>}
      </Space>
      <ProblemAlert error={list.error} style={{ marginBottom: 12 }} />
      <Table<OrderSummary>
        rowKey="id" size="middle" columns={columns} dataSource={rows} loading={list.isLoading} pagination={false} scroll={{ x: 1100 }}
        onRow={(o) => ({ onDoubleClick: () => set('order', o.id) })}
        locale={{ emptyText: <Empty description={t('orders.adminEmpty')} /> }}
      />
      {list.hasNextPage && <Button block style={{ marginTop: 12 }} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>{t('orders.loadMore')}</Button>}
      {open && <OrderDrawer id={open} onClose={() => set('order', null)} />}
    </Card>
  );
}
