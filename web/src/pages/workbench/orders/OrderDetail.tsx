import { ArrowLeftOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSideHint } from '../WorkbenchShell.js';
import { ProblemResult } from '../../../components/Problem.js';
import { OrderAfterSales } from '../../../components/trade/OrderAfterSales.js';
import { OrderInvoices } from '../../../components/trade/OrderInvoices.js';
import { OrderReview } from '../../../components/trade/OrderReview.js';
import { OrderShipments } from '../../../components/trade/OrderShipments.js';
import { formatDateTime } from '../../../format.js';
import { activeCompanyOf, useMe, useRegionName } from '../../../session.js';
import type { OrderSide, OrderView, PaymentIntent } from './model.js';
import { fetchOrder, partyName } from './model.js';
import { Amounts, HistoryTimeline, LinesTable, MONO, OrderActions, OrderFacts, OrderProgress, OrderStatusTag, PaymentsTable } from './parts.js';

const PRE_PAYMENT = new Set<OrderView['status']>(['awaiting_approval', 'awaiting_payment', 'deposit_paid', 'cancelled']);

/** Which side of the order the viewer is on: the server's word, else by the active company. */
export function sideOf(order: OrderView, activeCompanyId: string | null | undefined): OrderSide | 'operator' {
  if (order.viewerSide) return order.viewerSide;
  if (activeCompanyId === order.supplierCompanyId) return 'seller';
  if (activeCompanyId === order.buyerCompanyId) return 'buyer';
  return 'operator';
}

/**
 * The body of an order: header with status and the viewer's actions, progress, lines and amounts, facts, payments,
 * activity, and the trade components (shipments, after-sales, invoices, review). Used by the workbench and the console.
 */
export function OrderBody({ order, side, back }: { order: OrderView; side: OrderSide | 'operator'; back?: React.ReactNode }) {
  const { t } = useTranslation();
  const region = useRegionName();
  const [paying, setPaying] = useState<PaymentIntent | null>(null);
  const waiting = paying !== null && order.payments.some((p) => p.intentId === paying.id && p.status === 'pending');
  const counterpart = side === 'seller' ? order.buyer : order.supplier;
  const moneyIn = order.paidAt !== null || order.escrowPaid > 0 || !PRE_PAYMENT.has(order.status);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="order-detail" data-order-id={order.id} data-status={order.status}>
      <Card size="small" styles={{ body: { padding: '12px 16px' } }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, justifyContent: 'space-between', alignItems: 'center' }}>
          <Space wrap size={12}>
            {back}
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="order-number">{t('orders.detail.title', { number: order.number })}</Typography.Title>
            <OrderStatusTag status={order.status} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`orders.statusHint.${order.status}`)}</Typography.Text>
          </Space>
          {side !== 'operator' ? <OrderActions order={order} side={side} onPaying={setPaying} /> : <Typography.Text type="secondary">{t('orders.detail.operatorView')}</Typography.Text>}
        </div>
        <Space size={[24, 4]} wrap style={{ marginTop: 8, fontSize: 13 }}>
          <span>
            {side === 'seller' ? <UserOutlined /> : <ShopOutlined />} {side === 'seller' ? t('orders.detail.buyer') : t('orders.detail.supplier')}:{' '}
            <Link to={`/companies/${counterpart.id}`}>{partyName(counterpart)}</Link>
          </span>
          {side === 'operator' && (
            <span><UserOutlined /> {t('orders.detail.buyer')}: <Link to={`/companies/${order.buyer.id}`}>{partyName(order.buyer)}</Link></span>
          )}
          <Typography.Text type="secondary">{t('orders.col.createdAt')}: {formatDateTime(order.createdAt)}</Typography.Text>
          <Typography.Text type="secondary" copyable={{ text: order.number }} style={MONO}>{order.number}</Typography.Text>
        </Space>
        {waiting && <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('orders.detail.waitingPayment')} data-testid="order-waiting-payment" />}
      </Card>
      <Card size="small">
        <OrderProgress order={order} />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Card size="small" title={t('orders.detail.lines')} styles={{ body: { padding: 0 } }}>
              <LinesTable order={order} />
              <div style={{ padding: '12px 16px', borderTop: '1px solid #f0f0f0' }}>
                <Amounts order={order} side={side} />
              </div>
            </Card>
            {/* Before payment there is nothing to ship, claim or invoice: those sections appear once money (or credit) is in. */}
            {moneyIn && <OrderShipments order={order} side={side} />}
            {moneyIn && <OrderAfterSales order={order} side={side} />}
            {moneyIn && side !== 'operator' && <OrderInvoices order={order} side={side} />}
            {side !== 'operator' && <OrderReview order={order} side={side} />}
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Card size="small" title={t('orders.detail.parties')}>
              <OrderFacts order={order} regionName={region} />
            </Card>
            <Card size="small" title={t('orders.detail.payments')}>
              <PaymentsTable order={order} />
            </Card>
            <Card size="small" title={t('orders.detail.history')}>
              <HistoryTimeline order={order} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

/** /workbench/orders/:id — the order for its buyer or seller. Refetches when the window regains focus (after paying in the sandbox tab). */
export default function OrderDetail() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const q = useQuery({
    queryKey: ['wb', 'order', id],
    queryFn: () => fetchOrder(id),
    refetchOnWindowFocus: true,
    // While a payment is open, look again every few seconds: the webhook settles it in the background.
    refetchInterval: (query) => (query.state.data?.payments.some((p) => p.status === 'pending') ? 4000 : false),
  });
  const side = q.data ? sideOf(q.data, company?.id) : null;
  useSideHint(side === 'operator' ? null : side);
  if (q.error) return <ProblemResult error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data || !side) return <Skeleton active paragraph={{ rows: 10 }} />;
  const back = (
    <Link to={side === 'seller' ? '/workbench/sales-orders' : '/workbench/orders'} aria-label={t('orders.back')}>
      <ArrowLeftOutlined />
    </Link>
  );
  return <OrderBody order={q.data} side={side} back={back} />;
}
