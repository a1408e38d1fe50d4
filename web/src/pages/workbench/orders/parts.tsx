import { CheckCircleOutlined, CloseCircleOutlined, ExportOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Radio, Space, Steps, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemDetail } from '../../../api.js';
import '../../../i18n/trustpass.js';
import { formatDate, formatDateTime } from '../../../format.js';
import type { OrderAction, OrderLine, OrderStatus, OrderSummary, OrderView, PayResult, PaymentIntent } from './model.js';
import { bpsText, lineSkuLabel, lineTitle, money, parseInstructions, qty, STATUS_COLOR } from './model.js';

export const NUM = { textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' as const };
export const MONO = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 } as const;

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`orders.statusHint.${status}`)}>
      <Tag color={STATUS_COLOR[status]} data-testid="order-status" data-status={status} style={{ marginInlineEnd: 0 }}>
        {t(`orders.status.${status}`)}
      </Tag>
    </Tooltip>
  );
}

export function TermsTag({ order }: { order: Pick<OrderView, 'paymentTerms' | 'depositBps'> }) {
  const { t } = useTranslation();
  return (
    <Space size={2} wrap>
      <Tag color={order.paymentTerms === 'credit_terms' ? 'purple' : 'green'} style={{ marginInlineEnd: 0 }}>{t(`orders.terms.${order.paymentTerms}`)}</Tag>
      {order.depositBps > 0 && <Tag style={{ marginInlineEnd: 0 }}>{t('orders.detail.deposit')} {bpsText(order.depositBps)}</Tag>}
    </Space>
  );
}

/** The first line's title, "and N more" — for list rows. */
export function LinesSummary({ lines }: { lines: OrderLine[] }) {
  const { t } = useTranslation();
  const first = lines[0];
  if (!first) return <>—</>;
  // A shrinking flex row, so the title ellipsizes inside a narrow column instead of spilling over the next one.
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', minWidth: 0 }}>
      {first.imageUrl ? (
        <img src={first.imageUrl} alt="" width={40} height={40} style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0', flex: 'none' }} />
      ) : (
        <div style={{ width: 40, height: 40, background: '#fafafa', borderRadius: 4, border: '1px solid #f0f0f0', flex: 'none' }} />
      )}
      <div style={{ minWidth: 0, flex: '0 1 220px' }}>
        <Typography.Text ellipsis={{ tooltip: lineTitle(first) }} style={{ display: 'block' }}>{lineTitle(first)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {lineSkuLabel(first) ? `${lineSkuLabel(first)} · ` : ''}{qty(first.quantity, first.unit)}
          {lines.length > 1 && ` ${t('orders.moreLines', { count: lines.length - 1 })}`}
        </Typography.Text>
      </div>
    </div>
  );
}

type StepKey = OrderStatus | 'placed';
/** The normal flow, in order: a status "reaches" a step when it is at or past it. */
const RANK: StepKey[] = ['placed', 'awaiting_approval', 'awaiting_payment', 'deposit_paid', 'paid', 'partly_shipped', 'shipped', 'received', 'completed'];
type StepStatus = 'error' | 'finish' | 'process' | 'wait';

/** Where the order stands in the normal flow (approval and deposit steps only when they apply). */
export function OrderProgress({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const hadApproval = order.approval !== null || order.history.some((h) => h.fromStatus === 'awaiting_approval' || h.toStatus === 'awaiting_approval');
  const staged = order.depositBps > 0 && order.paymentTerms === 'escrow';
  const steps: Array<{ key: StepKey; title: string; at: string | null }> = [
    { key: 'placed', title: t('orders.timeline.place'), at: order.createdAt },
    ...(hadApproval ? [{ key: 'awaiting_payment' as const, title: t('orders.timeline.approve'), at: order.approval?.decision === 'approved' ? order.approval.at : null }] : []),
    ...(staged ? [{ key: 'deposit_paid' as const, title: t('orders.status.deposit_paid'), at: order.payments.find((p) => p.stage === 'deposit' && p.status === 'succeeded')?.settledAt ?? null }] : []),
    { key: 'paid', title: order.paymentTerms === 'credit_terms' ? t('orders.timeline.accept_terms') : t('orders.timeline.payment_completed'), at: order.paidAt },
    { key: 'shipped', title: t('orders.status.shipped'), at: order.shippedAt },
    { key: 'received', title: t('orders.status.received'), at: order.receivedAt },
    { key: 'completed', title: t('orders.status.completed'), at: order.completedAt },
  ];
  const ended = order.status === 'cancelled' || order.status === 'closed';
  // How far the order got: for a cancelled or closed one, the last status it had before.
  const last: StepKey = ended ? ([...order.history].reverse().find((h) => h.toStatus !== 'cancelled' && h.toStatus !== 'closed')?.toStatus ?? 'placed') : order.status;
  const reached = (key: StepKey) => RANK.indexOf(last) >= RANK.indexOf(key);
  let current = steps.findIndex((s) => !reached(s.key));
  if (current === -1) current = steps.length;
  // Titles never break inside a word ("Complete / d" at 1280 px); narrow screens get the vertical layout (responsive).
  const items: Array<{ title: React.ReactNode; content?: string; status: StepStatus }> = steps.map((s, i) => ({
    title: <span style={{ whiteSpace: 'nowrap' }}>{s.title}</span>,
    content: s.at ? formatDateTime(s.at) : s.key === 'shipped' && order.status === 'partly_shipped' ? t('orders.status.partly_shipped') : undefined,
    status: i < current ? 'finish' : i === current ? 'process' : 'wait',
  }));
  if (ended) {
    items.splice(current, items.length - current, { title: t(`orders.status.${order.status}`), content: formatDateTime(order.status === 'closed' ? order.closedAt : order.cancelledAt), status: 'error' });
  }
  return <Steps size="small" items={items} current={Math.min(current, items.length - 1)} data-testid="order-progress" responsive />;
}

/** The order's lines: goods, spec, quantity (shipped / returned), unit price and amount, numbers right-aligned. */
export function LinesTable({ order }: { order: OrderSummary }) {
  const { t } = useTranslation();
  const anyShipped = order.lines.some((l) => l.shippedQuantity > 0);
  const anyReturned = order.lines.some((l) => l.returnedQuantity > 0);
  const columns: TableColumnsType<OrderLine> = [
    {
      title: t('orders.col.goods'), render: (_, l) => (
        <Space size={8} align="start">
          {l.imageUrl ? <img src={l.imageUrl} alt="" width={44} height={44} style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }} /> : null}
          <div>
            {l.productId ? <a href={`/products/${l.productId}`} target="_blank" rel="noreferrer">{lineTitle(l)}</a> : <span>{lineTitle(l)}</span>}
            {lineSkuLabel(l) && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{lineSkuLabel(l)}</Typography.Text></div>}
          </div>
        </Space>
      ),
    },
    { title: t('orders.col.leadTime'), width: 90, responsive: ['lg'], render: (_, l) => t('orders.days', { count: l.leadTimeDays }) },
    { title: t('orders.col.unitPrice'), width: 120, align: 'right', render: (_, l) => <span style={NUM}>{money(l.unitPrice)}</span> },
    { title: t('orders.col.quantity'), width: 120, align: 'right', render: (_, l) => <span style={NUM}>{qty(l.quantity, l.unit)}</span> },
    ...(anyShipped ? [{ title: t('orders.col.shipped'), width: 100, align: 'right' as const, render: (_: unknown, l: OrderLine) => <span style={{ ...NUM, color: l.shippedQuantity >= l.quantity ? '#1A7F37' : undefined }}>{qty(l.shippedQuantity, l.unit)}</span> }] : []),
    ...(anyReturned ? [{ title: t('orders.col.returned'), width: 100, align: 'right' as const, render: (_: unknown, l: OrderLine) => <span style={{ ...NUM, color: '#cf1322' }}>{qty(l.returnedQuantity, l.unit)}</span> }] : []),
    { title: t('orders.col.lineTotal'), width: 130, align: 'right', render: (_, l) => <b style={NUM}>{money(l.lineTotal)}</b> },
  ];
  return <Table<OrderLine> rowKey="id" size="small" columns={columns} dataSource={order.lines} pagination={false} scroll={{ x: 640 }} data-testid="order-lines" />;
}

/** Money of the order, right-aligned: goods, freight, total; paid, refunded, released; what is still due. */
export function Amounts({ order, side }: { order: OrderSummary; side: 'buyer' | 'seller' | 'operator' }) {
  const { t } = useTranslation();
  const rows: Array<{ key: string; label: string; value: number; strong?: boolean; color?: string }> = [
    { key: 'goods', label: t('orders.detail.goodsTotal'), value: order.goodsTotal },
    { key: 'freight', label: t('orders.detail.freight'), value: order.freight },
    { key: 'total', label: t('orders.detail.total'), value: order.total, strong: true, color: '#F25C05' },
  ];
  if (order.paymentTerms === 'escrow') {
    if (order.escrowPaid > 0) rows.push({ key: 'paid', label: t('orders.detail.paid'), value: order.escrowPaid, color: '#1A7F37' });
    const next = order.nextPayment;
    if (next && next.amount > 0 && order.status !== 'cancelled' && order.status !== 'closed') {
      const label = next.stage === 'deposit' ? t('orders.detail.depositDue') : next.stage === 'balance' ? t('orders.detail.balanceDue') : t('orders.detail.due');
      rows.push({ key: 'due', label, value: next.amount, strong: true });
    }
    if (order.escrowRefunded > 0) rows.push({ key: 'refunded', label: t('orders.detail.refunded'), value: order.escrowRefunded, color: '#cf1322' });
  } else if (order.termsRefunded > 0) {
    rows.push({ key: 'termsRefunded', label: t('orders.detail.termsRefunded'), value: order.termsRefunded, color: '#cf1322' });
  }
  if (side !== 'buyer' && (order.escrowReleased > 0 || order.feeAmount > 0)) {
    rows.push({ key: 'fee', label: `${t('orders.detail.fee')} (${bpsText(order.feeBps)})`, value: order.feeAmount });
    if (order.escrowReleased > 0) rows.push({ key: 'released', label: t('orders.detail.released'), value: order.escrowReleased });
  }
  return (
    <div data-testid="order-amounts" style={{ display: 'grid', gridTemplateColumns: '1fr auto', rowGap: 6, columnGap: 24, maxWidth: 360, marginInlineStart: 'auto' }}>
      {rows.map((r) => (
        <div key={r.key} style={{ display: 'contents' }} data-testid={`amount-${r.key}`}>
          <Typography.Text type={r.strong ? undefined : 'secondary'} style={{ textAlign: 'right' }}>{r.label}</Typography.Text>
          <span style={{ ...NUM, fontWeight: r.strong ? 700 : 400, fontSize: r.key === 'total' ? 18 : 14, color: r.color }}>{money(r.value)}</span>
        </div>
      ))}
    </div>
  );
}

/** The order's activity, newest first. */
export function HistoryTimeline({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const items = [...(order.history ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  if (!items.length) return <Typography.Text type="secondary">{t('orders.detail.none')}</Typography.Text>;
  return (
    <Timeline
      data-testid="order-history"
      items={items.map((h) => {
        const reason = typeof h.detail.reason === 'string' ? h.detail.reason : null;
        const amount = typeof h.detail.amount === 'number' ? h.detail.amount : null;
        const bad = h.toStatus === 'cancelled' || h.toStatus === 'closed' || h.action === 'rejected' || h.action === 'reject';
        return {
          color: bad ? 'red' : h.toStatus === 'completed' ? 'green' : 'blue',
          content: (
            <div>
              <Space size={6} wrap>
                <b>{t(`orders.timeline.${h.action}`, { defaultValue: h.toStatus && h.toStatus !== h.fromStatus ? t(`orders.status.${h.toStatus}`) : h.action })}</b>
                {amount !== null && <span style={NUM}>{money(amount)}</span>}
              </Space>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(h.at)}{h.actorUserId ? '' : ` · ${t('orders.bySystem')}`}
                </Typography.Text>
              </div>
              {reason && <Typography.Text style={{ fontSize: 12 }}>{/^(after_sale|dispute)\.[a-z_]+$/.test(reason) ? t(`orders.refundReason.${reason.replace('.', '_')}`, { defaultValue: reason }) : reason}</Typography.Text>}
            </div>
          ),
        };
      })}
    />
  );
}

/** Staged-payment and payment records. */
export function PaymentsTable({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const rows = order.payments ?? [];
  if (!rows.length) return <Typography.Text type="secondary">{t('orders.detail.none')}</Typography.Text>;
  return (
    <Table
      rowKey="id" size="small" pagination={false} dataSource={rows} data-testid="order-payments"
      columns={[
        { title: t('orders.col.stage'), render: (_, p) => t(`orders.stage.${p.stage}`) },
        { title: t('orders.col.amount'), align: 'right', render: (_, p) => <span style={NUM}>{money(p.amount)}</span> },
        { title: t('orders.col.status'), render: (_, p) => <Tag color={p.status === 'succeeded' ? 'success' : p.status === 'pending' ? 'processing' : 'default'}>{t(`orders.paymentStatus.${p.status}`)}</Tag> },
        { title: t('orders.col.paidAt'), render: (_, p) => formatDateTime(p.settledAt) },
      ]}
    />
  );
}

/** Facts of the order: parties, address, terms, dates, notes. */
export function OrderFacts({ order, regionName }: { order: OrderView; regionName: (code: string) => string }) {
  const { t } = useTranslation();
  const a = order.address;
  return (
    <Descriptions size="small" column={1} bordered data-testid="order-facts" styles={{ label: { width: 110 } }}>
      <Descriptions.Item label={t('orders.detail.address')}>
        <div>{a.name} · {a.phone}</div>
        <div>{regionName(a.province)} {a.city} {a.line}</div>
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.detail.terms')}><TermsTag order={order} /></Descriptions.Item>
      <Descriptions.Item label={t('orders.detail.shipBy')}>{formatDate(order.shipBy)}</Descriptions.Item>
      {order.paymentTerms === 'credit_terms' && (
        <Descriptions.Item label={t('orders.detail.creditDue')}>
          {order.creditDueAt ? formatDate(order.creditDueAt) : order.creditTermDays ? t('orders.detail.creditDueAfterReceipt', { count: order.creditTermDays }) : formatDate(null)}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('orders.detail.source')}>{t(`orders.source.${order.source}`)}</Descriptions.Item>
      {order.note !== '' && <Descriptions.Item label={t('orders.detail.note')}>{order.note}</Descriptions.Item>}
      {order.buyerNote !== '' && <Descriptions.Item label={t('orders.detail.buyerNote')}>{order.buyerNote}</Descriptions.Item>}
      {order.approval && (
        <Descriptions.Item label={t('orders.detail.approval')}>
          <Tag color={order.approval.decision === 'approved' ? 'green' : 'red'}>{t(order.approval.decision === 'approved' ? 'orders.timeline.approved' : 'orders.timeline.rejected')}</Tag>
          {formatDateTime(order.approval.at)}{order.approval.reason ? ` · ${order.approval.reason}` : ''}
        </Descriptions.Item>
      )}
      {order.cancelReason !== null && order.cancelReason !== '' && <Descriptions.Item label={t('orders.detail.cancelReason')}><Typography.Text type="danger">{order.cancelReason}</Typography.Text></Descriptions.Item>}
    </Descriptions>
  );
}

/** The pay button's words: accept on terms, pay the deposit, the balance, or in full. */
export function payLabelOf(order: Pick<OrderSummary, 'paymentTerms' | 'nextPayment'>, t: (k: string) => string): string {
  if (order.paymentTerms === 'credit_terms') return t('orders.action.acceptTerms');
  switch (order.nextPayment?.stage) {
    case 'deposit':
      return t('orders.action.payDeposit');
    case 'balance':
      return t('orders.action.payBalance');
    case 'full':
    case undefined:
      return t('orders.action.pay');
  }
}

type Modal_ = null | 'reject' | 'cancel' | 'adjust' | 'pay';

/**
 * The buttons for the actions the server lists in `order.actions`, with their confirmations and forms.
 * 'ship' belongs to the shipments component and is left out here.
 */
export function OrderActions({ order, side, onPaying, size = 'middle' }: { order: OrderSummary; side: 'buyer' | 'seller'; onPaying?: (intent: PaymentIntent) => void; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState<Modal_>(null);
  const [reason, setReason] = useState('');
  const [provider, setProvider] = useState<'sandbox' | 'bank_transfer'>('sandbox');
  const [bankIntent, setBankIntent] = useState<PaymentIntent | null>(null);
  const [adjustForm] = Form.useForm<{ prices: Record<string, number>; freight: number; depositPct: number }>();
  const refresh = () => qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'wb' });
  const act = useMutation({
    mutationFn: ({ action, body }: { action: string; body?: Record<string, unknown>; ok?: string }) =>
      api<OrderView | PayResult>(`/orders/${order.id}/${action}`, { method: 'POST', body: body ?? {} }),
    onSuccess: async (_d, v) => {
      if (v.ok) message.success(v.ok);
      setOpen(null);
      await refresh();
    },
    onError: (e) => message.error(problemDetail(e)),
  });
  const has = (a: OrderAction) => order.actions.includes(a);
  const payLabel = payLabelOf(order, t);
  const payAmount = order.nextPayment?.amount ?? 0;

  const startPay = async () => {
    if (order.paymentTerms === 'credit_terms') {
      modal.confirm({
        title: t('orders.action.acceptTerms'),
        content: t('orders.confirm.acceptTerms', { amount: money(order.total) }),
        onOk: () => act.mutateAsync({ action: 'pay', ok: t('orders.done.acceptTerms') }),
      });
      return;
    }
    setBankIntent(null);
    setOpen('pay');
  };
  const confirmPay = async () => {
    // Open the window inside the click so pop-up blockers let it through; point it at the pay page once the intent exists.
    const win = provider === 'sandbox' ? window.open('', '_blank') : null;
    try {
      const res = (await act.mutateAsync({ action: 'pay', body: { provider } })) as PayResult;
      const intent = res.intent;
      if (!intent) {
        win?.close();
        return;
      }
      onPaying?.(intent);
      if (intent.provider === 'bank_transfer') {
        win?.close();
        setBankIntent(intent);
        setOpen('pay');
        return;
      }
      const url = intent.payUrl ? new URL(intent.payUrl, window.location.origin).pathname : `/sandbox/pay/${intent.id}`;
      if (win) win.location.href = url;
      else window.open(url, '_blank');
      message.info(t('orders.detail.payHint'));
    } catch {
      win?.close();
    }
  };
  const openAdjust = () => {
    adjustForm.setFieldsValue({
      prices: Object.fromEntries(order.lines.map((l) => [l.id, l.unitPrice / 100])),
      freight: order.freight / 100,
      depositPct: order.depositBps / 100,
    });
    setOpen('adjust');
  };
  const adjustValues = Form.useWatch([], adjustForm) as { prices?: Record<string, number | null>; freight?: number | null } | undefined;
  const adjustedTotal = order.lines.reduce((s, l) => s + Math.round((adjustValues?.prices?.[l.id] ?? l.unitPrice / 100) * 100 * l.quantity), 0) + Math.round((adjustValues?.freight ?? order.freight / 100) * 100);

  const buttons = [];
  if (side === 'buyer' && has('approve')) {
    buttons.push(
      <Popconfirm key="approve" title={t('orders.confirm.approve')} onConfirm={() => act.mutate({ action: 'approve', ok: t('orders.done.approve') })}>
        <Button size={size} type="primary" icon={<CheckCircleOutlined />} loading={act.isPending && act.variables?.action === 'approve'} data-testid="order-approve">{t('orders.action.approve')}</Button>
      </Popconfirm>,
    );
  }
  if (side === 'buyer' && has('reject')) {
    buttons.push(<Button key="reject" size={size} danger icon={<CloseCircleOutlined />} onClick={() => { setReason(''); setOpen('reject'); }} data-testid="order-reject">{t('orders.action.reject')}</Button>);
  }
  if (side === 'buyer' && has('pay')) {
    buttons.push(
      <Button key="pay" size={size} type="primary" onClick={() => void startPay()} loading={act.isPending && act.variables?.action === 'pay'} data-testid="order-pay">
        {payLabel}{order.paymentTerms === 'escrow' && payAmount > 0 && size !== 'small' ? ` ${money(payAmount)}` : ''}
      </Button>,
    );
  }
  if (side === 'buyer' && has('confirm-receipt')) {
    buttons.push(
      <Button
        key="confirm" size={size} type="primary" data-testid="order-confirm-receipt" loading={act.isPending && act.variables?.action === 'confirm-receipt'}
        onClick={() => modal.confirm({
          title: t('orders.action.confirm-receipt'),
          content: order.status === 'partly_shipped' ? t('orders.confirm.confirmPartial') : t('orders.confirm.confirmReceipt'),
          onOk: () => act.mutateAsync({ action: 'confirm-receipt', ok: t('orders.done.confirm-receipt') }),
        })}
      >
        {t('orders.action.confirm-receipt')}
      </Button>,
    );
  }
  if (side === 'seller' && has('adjust')) {
    buttons.push(<Button key="adjust" size={size} onClick={openAdjust} data-testid="order-adjust">{t('orders.action.adjust')}</Button>);
  }
  if (has('cancel')) {
    buttons.push(<Button key="cancel" size={size} danger={size !== 'small'} type={size === 'small' ? 'link' : 'default'} onClick={() => { setReason(''); setOpen('cancel'); }} data-testid="order-cancel">{t('orders.action.cancel')}</Button>);
  }
  const ins = parseInstructions(bankIntent?.instructions ?? null);
  return (
    <>
      <Space wrap size={8} data-testid="order-actions">{buttons}</Space>
      <Modal
        open={open === 'reject' || open === 'cancel'}
        title={open === 'reject' ? t('orders.rejectTitle') : t('orders.cancelTitle')}
        okText={open === 'reject' ? t('orders.action.reject') : t('orders.action.cancel')}
        okButtonProps={{ danger: true, loading: act.isPending, disabled: !reason.trim(), 'data-testid': 'order-reason-ok' }}
        onCancel={() => setOpen(null)}
        onOk={() => act.mutate({ action: open === 'reject' ? 'reject' : 'cancel', body: { reason: reason.trim() }, ok: open === 'reject' ? t('orders.done.reject') : t('orders.done.cancel') })}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{order.number}</Typography.Paragraph>
        {open === 'cancel' && order.escrowPaid > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('orders.cancelRefundHint')} />}
        <Input.TextArea
          value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} showCount autoSize={{ minRows: 3 }}
          placeholder={open === 'reject' ? t('orders.rejectReason') : t('orders.cancelReason')} data-testid="order-reason"
        />
      </Modal>
      <Modal
        open={open === 'pay'}
        title={`${payLabel} · ${order.number}`}
        okText={bankIntent ? t('common.confirm') : `${payLabel} ${money(payAmount)}`}
        okButtonProps={{ loading: act.isPending, 'data-testid': 'order-pay-ok' }}
        cancelButtonProps={bankIntent ? { style: { display: 'none' } } : undefined}
        onCancel={() => setOpen(null)}
        onOk={() => (bankIntent ? setOpen(null) : void confirmPay())}
        destroyOnHidden
      >
        {bankIntent ? (
          ins ? (
            <Descriptions size="small" column={1} bordered data-testid="bank-instructions">
              <Descriptions.Item label={t('trustpass.bank')}>{ins.bank}</Descriptions.Item>
              <Descriptions.Item label={t('trustpass.accountName')}>{ins.accountName}</Descriptions.Item>
              <Descriptions.Item label={t('trustpass.accountNo')}><Typography.Text copyable strong style={MONO}>{ins.accountNo}</Typography.Text></Descriptions.Item>
              <Descriptions.Item label={t('trustpass.amount')}><b style={{ color: '#F25C05' }}>{money(bankIntent.amount)}</b></Descriptions.Item>
              <Descriptions.Item label={t('trustpass.reference')}><Typography.Text copyable strong style={{ ...MONO, fontSize: 15 }}>{ins.reference}</Typography.Text></Descriptions.Item>
            </Descriptions>
          ) : (
            <Typography.Paragraph copyable>{bankIntent.instructions}</Typography.Paragraph>
          )
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <div style={{ textAlign: 'center', padding: '8px 0' }}>
              <div style={{ fontSize: 28, fontWeight: 700, color: '#F25C05', ...NUM, textAlign: 'center' }}>{money(payAmount)}</div>
              {order.depositBps > 0 && <Typography.Text type="secondary">{t('orders.detail.deposit')} {bpsText(order.depositBps)} · {t('orders.detail.total')} {money(order.total)}</Typography.Text>}
            </div>
            <Radio.Group value={provider} onChange={(e) => setProvider(e.target.value as 'sandbox' | 'bank_transfer')} data-testid="order-pay-provider">
              <Space direction="vertical">
                <Radio value="sandbox">{t('trustpass.provider.sandbox')} <ExportOutlined style={{ color: '#8c8c8c' }} /></Radio>
                <Radio value="bank_transfer">{t('trustpass.provider.bank_transfer')}</Radio>
              </Space>
            </Radio.Group>
          </Space>
        )}
      </Modal>
      <Modal
        open={open === 'adjust'} title={t('orders.adjustTitle')} width={640} okText={t('orders.action.adjust')}
        okButtonProps={{ loading: act.isPending, 'data-testid': 'order-adjust-ok' }}
        onCancel={() => setOpen(null)}
        onOk={() => {
          void adjustForm.validateFields().then((v) => {
            const lines = order.lines
              .map((l) => ({ lineId: l.id, unitPrice: Math.round((v.prices[l.id] ?? l.unitPrice / 100) * 100) }))
              .filter((x, i) => x.unitPrice !== order.lines[i]?.unitPrice);
            act.mutate({ action: 'adjust', body: { lines, freight: Math.round(v.freight * 100), depositBps: Math.round(v.depositPct * 100) }, ok: t('orders.done.adjust') });
          });
        }}
      >
        <Alert type="info" showIcon title={t('orders.adjustHint')} style={{ marginBottom: 12 }} />
        <Form form={adjustForm} layout="vertical" size="small">
          <Table<OrderLine>
            rowKey="id" size="small" pagination={false} dataSource={order.lines}
            columns={[
              { title: t('orders.col.goods'), render: (_, l) => <span>{lineTitle(l)}{lineSkuLabel(l) ? ` · ${lineSkuLabel(l)}` : ''}</span> },
              { title: t('orders.col.quantity'), align: 'right', width: 110, render: (_, l) => qty(l.quantity, l.unit) },
              {
                title: t('orders.col.unitPrice'), width: 150, render: (_, l) => (
                  <Form.Item name={['prices', l.id]} noStyle rules={[{ required: true }]}>
                    <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} data-testid="adjust-price" />
                  </Form.Item>
                ),
              },
            ]}
          />
          <Space size={16} style={{ marginTop: 12 }} wrap>
            <Form.Item name="freight" label={t('orders.adjustFreight')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={2} prefix="¥" style={{ width: 160 }} data-testid="adjust-freight" />
            </Form.Item>
            <Form.Item name="depositPct" label={t('orders.adjustDeposit')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 160 }} />
            </Form.Item>
            <div>
              <div><Typography.Text type="secondary">{t('orders.newTotal')}</Typography.Text></div>
              <b style={{ ...NUM, fontSize: 18, color: '#F25C05' }} data-testid="adjust-total">{money(adjustedTotal)}</b>
            </div>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
