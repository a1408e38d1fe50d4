import { CustomerServiceOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Image, Input, InputNumber, List, Modal, Radio, Select, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { TableColumnsType, UploadFile } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, problemDetail } from '../../api.js';
import { AttachmentPicker, uploadedIds } from '../AttachmentPicker.js';
import { companyDisplayName, formatDate, formatDateTime, formatMoney } from '../../format.js';
import '../../i18n/afterSales.js';
import { ProblemAlert, ProblemResult } from '../Problem.js';
import {
  AFTER_SALE_KINDS, AS_KEY, OPEN_STATUSES, REASONS, STATUS_COLOR, waiting,
  type AfterSaleAction, type AfterSaleKind, type AfterSaleListItem, type AfterSaleStatus, type AfterSaleView, type Evidence,
} from './afterSales.js';
import { currentLang } from '../../i18n/index.js';
import { formatQuantity } from '../../pages/catalog/model.js';
import { lineSkuLabel } from '../../pages/workbench/orders/model.js';

/**
 * After-sales on the order detail page: the order's requests (with the open one's detail and actions) and, for the
 * buyer, the request form. Also exports the request detail used by /workbench/after-sales and the arbitration screen.
 */

/** What this component reads of an order (the full OrderView from pages/workbench/orders/model.ts fits). */
export interface OrderForAfterSales {
  id: string;
  number: string;
  status: string;
  paymentTerms: 'escrow' | 'credit_terms';
  total: number;
  escrowPaid: number;
  escrowRefunded: number;
  termsRefunded?: number;
  buyer: { id: string };
  supplier: { id: string };
  /** skuLabel tells apart two lines of one product; the dispute screen's order summary has none. */
  lines: Array<{ id: string; titleZh: string; titleEn: string | null; skuLabel?: string; skuLabelEn?: string | null; unit: string; quantity: number; unitPrice: number; shippedQuantity: number; returnedQuantity: number }>;
}

const ELIGIBLE = new Set(['paid', 'partly_shipped', 'shipped', 'received']);
const money = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : formatMoney(fen));
const title = (l: { titleZh: string; titleEn: string | null }) => (currentLang() === 'en-US' && l.titleEn ? l.titleEn : l.titleZh);
const round3 = (q: number) => Math.round(q * 1000) / 1000;
const toFen = (yuan: number) => Math.round(yuan * 100);

export function StatusTag({ status }: { status: AfterSaleStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]} data-testid="after-sale-status">{t(`afterSales.status.${status}`)}</Tag>;
}

export function refundableOf(o: OrderForAfterSales): number {
  return o.paymentTerms === 'escrow' ? o.escrowPaid - o.escrowRefunded : o.total - (o.termsRefunded ?? 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Evidence upload

function EvidenceList({ items }: { items: Evidence[] }) {
  const { t } = useTranslation();
  if (!items.length) return <Typography.Text type="secondary">{t('afterSales.noEvidence')}</Typography.Text>;
  return (
    <Space wrap>
      <Image.PreviewGroup>
        {items.filter((e) => e.contentType.startsWith('image/')).map((e) => (
          <Image key={e.id} src={e.url} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} />
        ))}
      </Image.PreviewGroup>
      {items.filter((e) => !e.contentType.startsWith('image/')).map((e) => (
        <a key={e.id} href={e.url} target="_blank" rel="noreferrer"><FilePdfOutlined /> PDF</a>
      ))}
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The buyer's request form

interface RequestValues {
  kind: AfterSaleKind;
  reason: (typeof REASONS)[number];
  amountYuan?: number;
  description?: string;
  quantities: Record<string, number | null>;
}

function RequestModal({ order, open, onClose }: { order: OrderForAfterSales; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<RequestValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const shippedAny = order.lines.some((l) => l.shippedQuantity > 0);
  const refundable = refundableOf(order);
  const kind = Form.useWatch('kind', form) ?? 'refund_only';
  const quantities = Form.useWatch('quantities', form);
  const maxOf = (l: OrderForAfterSales['lines'][number]) => round3(kind === 'refund_only' ? l.quantity - l.returnedQuantity : l.shippedQuantity - l.returnedQuantity);
  const linesValue = order.lines.reduce((s, l) => s + Math.round((quantities?.[l.id] ?? 0) * l.unitPrice), 0);
  const create = useMutation({
    mutationFn: (v: RequestValues) => {
      const lines = shippedAny ? order.lines.filter((l) => (v.quantities?.[l.id] ?? 0) > 0).map((l) => ({ lineId: l.id, quantity: v.quantities[l.id]! })) : [];
      return api<AfterSaleView>('/after-sales', {
        method: 'POST',
        body: {
          orderId: order.id, kind: v.kind, reason: v.reason, description: v.description ?? '', lines, evidenceIds: uploadedIds(files),
          ...(v.kind !== 'exchange' && shippedAny && v.amountYuan ? { amount: toFen(v.amountYuan) } : {}),
        },
      });
    },
    onSuccess: async () => {
      void message.success(t('afterSales.done'));
      await qc.invalidateQueries({ queryKey: AS_KEY });
      // The order pages keep their queries under 'wb' (workbench): a refund changes the order's amounts and status.
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'orders' || q.queryKey[0] === 'wb' });
      form.resetFields();
      setFiles([]);
      onClose();
    },
  });
  const columns: TableColumnsType<OrderForAfterSales['lines'][number]> = [
    {
      title: t('afterSales.col.line'),
      render: (_, l) => (
        <div>
          <div>{title(l)}</div>
          {lineSkuLabel(l) && <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="after-sale-line-sku">{lineSkuLabel(l)}</Typography.Text>}
        </div>
      ),
    },
    { title: t('afterSales.col.unitPrice'), width: 110, render: (_, l) => money(l.unitPrice) },
    { title: t('afterSales.col.returnable'), width: 110, render: (_, l) => formatQuantity(maxOf(l), l.unit) },
    {
      title: t('afterSales.col.quantity'), width: 140,
      render: (_, l) => (
        // No max on the box: it would lower a typed quantity silently on blur; the rule says what is allowed instead.
        <Form.Item
          name={['quantities', l.id]}
          style={{ marginBottom: 0 }}
          rules={[{ validator: (_, v: number | null | undefined) => (v != null && v > maxOf(l) ? Promise.reject(new Error(t('afterSales.quantityTooMuch', { max: formatQuantity(maxOf(l), l.unit) }))) : Promise.resolve()) }]}
        >
          <InputNumber min={0} precision={3} style={{ width: 120 }} disabled={maxOf(l) <= 0} data-testid={`after-sale-qty-${l.id}`} />
        </Form.Item>
      ),
    },
  ];
  return (
    <Modal
      open={open} width={760} destroyOnHidden title={t('afterSales.requestTitle', { number: order.number })}
      okText={t('afterSales.submit')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'after-sale-submit' }}
    >
      <Form<RequestValues> form={form} layout="vertical" initialValues={{ kind: 'refund_only', reason: shippedAny ? 'damaged' : 'no_longer_needed', quantities: {} }} onFinish={(v) => create.mutate(v)} data-testid="after-sale-form">
        {!shippedAny && <Alert type="info" showIcon title={t('afterSales.beforeShipmentHint')} style={{ marginBottom: 12 }} />}
        <Form.Item name="kind" label={t('afterSales.field.kind')} extra={t(`afterSales.kindHint.${kind}`)}>
          <Radio.Group optionType="button" data-testid="after-sale-kind"
            options={AFTER_SALE_KINDS.map((k) => ({ value: k, label: t(`afterSales.kind.${k}`), disabled: !shippedAny && k !== 'refund_only' }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('afterSales.field.reason')} rules={[{ required: true }]}>
          <Select options={REASONS.map((r) => ({ value: r, label: t(`afterSales.reason.${r}`) }))} style={{ maxWidth: 280 }} data-testid="after-sale-reason" />
        </Form.Item>
        {shippedAny && (
          <Form.Item label={t('afterSales.field.lines')} required={kind !== 'refund_only'}>
            <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={order.lines} />
          </Form.Item>
        )}
        {kind !== 'exchange' && (
          shippedAny ? (
            <Form.Item
              name="amountYuan" label={t('afterSales.field.amount')}
              extra={[t('afterSales.amountHint', { max: money(refundable) }), linesValue > 0 ? t('afterSales.linesValue', { amount: money(Math.min(linesValue, refundable)) }) : null].filter(Boolean).join(' · ')}
              rules={[{ validator: async (_, v: number | undefined) => { if (v !== undefined && v !== null && toFen(v) > refundable) throw new Error(t('afterSales.amountTooMuch', { max: money(refundable) })); } }]}
            >
              <InputNumber prefix="¥" min={0.01} precision={2} style={{ width: 200 }} placeholder={linesValue > 0 ? (Math.min(linesValue, refundable) / 100).toFixed(2) : undefined} data-testid="after-sale-amount" />
            </Form.Item>
          ) : (
            <Form.Item label={t('afterSales.field.amount')}><b>{money(refundable)}</b></Form.Item>
          )
        )}
        <Form.Item name="description" label={t('afterSales.field.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="after-sale-description" />
        </Form.Item>
        <Form.Item label={t('afterSales.field.evidence')}>
          <AttachmentPicker value={files} onChange={setFiles} max={10} accept="image/png,image/jpeg,image/webp,application/pdf" label={t('afterSales.field.upload')} testId="after-sale-evidence-upload" />
        </Form.Item>
      </Form>
      <ProblemAlert error={create.error} />
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Actions

type FormAction = Extract<AfterSaleAction, 'reject' | 'propose' | 'ship-return' | 'confirm-return' | 'escalate'>;
interface ActionValues { reason?: string; amountYuan?: number; note?: string; carrier?: string; waybillNo?: string; replacementCarrier?: string; replacementWaybillNo?: string }

function useAct(id: string) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: ({ action, body }: { action: AfterSaleAction; body: Record<string, unknown> }) => api<AfterSaleView>(`/after-sales/${id}/${action}`, { method: 'POST', body }),
    onSuccess: async (view) => {
      qc.setQueryData([...AS_KEY, 'one', id], view);
      void message.success(t('afterSales.done'));
      await qc.invalidateQueries({ queryKey: AS_KEY });
      // The order pages keep their queries under 'wb' (workbench): a refund changes the order's amounts and status.
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'orders' || q.queryKey[0] === 'wb' });
      await qc.invalidateQueries({ queryKey: ['order-shipments'] });
    },
    onError: (e) => void message.error(problemDetail(e)),
  });
}

function ActionModal({ view, action, onClose }: { view: AfterSaleView; action: FormAction; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const act = useAct(view.id);
  const submit = (v: ActionValues) => {
    const body: Record<string, unknown> = (() => {
      switch (action) {
        case 'reject':
        case 'escalate':
          return { reason: v.reason ?? '', evidenceIds: uploadedIds(files) };
        case 'propose':
          return { amount: toFen(v.amountYuan ?? 0), note: v.note ?? '' };
        case 'ship-return':
          return { carrier: v.carrier ?? '', waybillNo: v.waybillNo ?? '', note: v.note ?? '' };
        case 'confirm-return':
          return { note: v.note ?? '', ...(view.kind === 'exchange' ? { replacement: { carrier: v.replacementCarrier ?? '', waybillNo: v.replacementWaybillNo ?? '' } } : {}) };
      }
    })();
    act.mutate({ action, body }, { onSuccess: onClose });
  };
  const maxPropose = view.kind === 'exchange' ? view.refundable : Math.min(view.amountRequested - 1, view.refundable);
  return (
    <Modal open destroyOnHidden title={t(`afterSales.action.${action}`)} onCancel={onClose} onOk={() => form.submit()} okText={t('common.confirm')} cancelText={t('common.cancel')} confirmLoading={act.isPending}>
      <Form<ActionValues> form={form} layout="vertical" onFinish={submit} data-testid={`after-sale-${action}-form`}>
        {(action === 'reject' || action === 'escalate') && (
          <>
            <Form.Item name="reason" label={t(action === 'reject' ? 'afterSales.field.rejectReason' : 'afterSales.field.escalateReason')} rules={[{ required: true, whitespace: true, max: 1000 }]}>
              <Input.TextArea rows={3} maxLength={1000} data-testid="after-sale-action-reason" />
            </Form.Item>
            <Form.Item label={t('afterSales.field.evidence')}><AttachmentPicker value={files} onChange={setFiles} max={10} accept="image/png,image/jpeg,image/webp,application/pdf" label={t('afterSales.field.upload')} testId="after-sale-evidence-upload" /></Form.Item>
          </>
        )}
        {action === 'propose' && (
          <Form.Item
            name="amountYuan" label={t('afterSales.field.proposeAmount')} extra={t('afterSales.amountHint', { max: money(maxPropose) })}
            // A rule instead of max: InputNumber's max clamps on blur, so an over-large amount would be changed and submitted silently.
            rules={[{ required: true }, { validator: async (_, v: number | null | undefined) => { if (typeof v === 'number' && toFen(v) > maxPropose) throw new Error(t('afterSales.amountTooMuch', { max: money(maxPropose) })); } }]}
          >
            <InputNumber prefix="¥" min={0.01} precision={2} style={{ width: 200 }} data-testid="after-sale-propose-amount" />
          </Form.Item>
        )}
        {action === 'ship-return' && (
          <>
            <Form.Item name="carrier" label={t('afterSales.field.carrier')} rules={[{ required: true, whitespace: true, max: 40 }]}><Input data-testid="after-sale-carrier" /></Form.Item>
            <Form.Item name="waybillNo" label={t('afterSales.field.waybillNo')} rules={[{ required: true, whitespace: true, max: 40 }]}><Input data-testid="after-sale-waybill" /></Form.Item>
          </>
        )}
        {action === 'confirm-return' && view.kind === 'exchange' && (
          <>
            <Typography.Text strong>{t('afterSales.field.replacement')}</Typography.Text>
            <Form.Item name="replacementCarrier" label={t('afterSales.field.carrier')} rules={[{ required: true, whitespace: true, max: 40 }]}><Input /></Form.Item>
            <Form.Item name="replacementWaybillNo" label={t('afterSales.field.waybillNo')} rules={[{ required: true, whitespace: true, max: 40 }]}><Input /></Form.Item>
          </>
        )}
        {action === 'confirm-return' && view.kind === 'return_refund' && (
          <Alert type="info" showIcon title={t('afterSales.confirmReturnRefund', { amount: money(Math.min(view.amountRequested, view.refundable)) })} style={{ marginBottom: 12 }} />
        )}
        {action !== 'reject' && action !== 'escalate' && (
          <Form.Item name="note" label={t('afterSales.field.note')} rules={[{ max: 1000 }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        )}
      </Form>
      <ProblemAlert error={act.error} />
    </Modal>
  );
}

function ActionButtons({ view }: { view: AfterSaleView }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const act = useAct(view.id);
  const [formAction, setFormAction] = useState<FormAction | null>(null);
  if (!view.actions.length) return null;
  const confirmThen = (action: AfterSaleAction, content: string) =>
    modal.confirm({ title: t(`afterSales.action.${action}`), content, okText: t('common.confirm'), cancelText: t('common.cancel'), onOk: () => act.mutateAsync({ action, body: { note: '' } }) });
  const onClick = (action: AfterSaleAction) => {
    switch (action) {
      case 'accept':
        return confirmThen(action, view.kind === 'refund_only' ? t('afterSales.confirmAccept', { amount: money(Math.min(view.amountRequested, view.refundable)) }) : t('afterSales.confirmAcceptReturn'));
      case 'accept-proposal':
        return confirmThen(action, t('afterSales.confirmAcceptProposal', { amount: money(view.amountProposed) }));
      case 'withdraw':
        return confirmThen(action, t('afterSales.confirmWithdraw'));
      case 'reject':
      case 'propose':
      case 'ship-return':
      case 'confirm-return':
      case 'escalate':
        return setFormAction(action);
    }
  };
  const primary: AfterSaleAction[] = ['accept', 'accept-proposal', 'ship-return', 'confirm-return'];
  return (
    <Space wrap>
      {view.actions.map((a) => (
        <Button key={a} type={primary.includes(a) ? 'primary' : 'default'} danger={a === 'reject'} loading={act.isPending && act.variables?.action === a} onClick={() => onClick(a)} data-testid={`after-sale-action-${a}`}>
          {t(`afterSales.action.${a}`)}
        </Button>
      ))}
      {formAction && <ActionModal view={view} action={formAction} onClose={() => setFormAction(null)} />}
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// One request in full

export function useAfterSale(id: string | undefined) {
  return useQuery({ queryKey: [...AS_KEY, 'one', id], queryFn: () => api<AfterSaleView>(`/after-sales/${id}`), enabled: Boolean(id) });
}

export function AfterSaleBody({ view }: { view: AfterSaleView }) {
  const { t } = useTranslation();
  const wait = waiting(view.status);
  const lineColumns: TableColumnsType<AfterSaleView['lines'][number]> = [
    { title: t('afterSales.col.line'), render: (_, l) => (lineSkuLabel(l) ? <>{title(l)} <Typography.Text type="secondary">· {lineSkuLabel(l)}</Typography.Text></> : title(l)) },
    { title: t('afterSales.col.quantity'), width: 120, render: (_, l) => formatQuantity(l.quantity, l.unit) },
    { title: t('afterSales.col.unitPrice'), width: 120, render: (_, l) => money(l.unitPrice) },
  ];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="after-sale-detail">
      {wait && view.dueAt && (
        <Alert
          type={view.viewerSide === wait.who ? 'warning' : 'info'} showIcon
          title={t('afterSales.dueHint', { who: t(`afterSales.waitingFor.${wait.who}`), date: formatDateTime(view.dueAt), then: t(`afterSales.dueThen.${wait.then}`) })}
        />
      )}
      {view.dispute && !(view.viewerSide === 'operator' && view.dispute.status === 'open') && (
        <Alert
          type={view.dispute.status === 'open' ? 'info' : 'success'} showIcon
          title={view.dispute.status === 'open'
            ? t('afterSales.disputeOpen')
            : t('afterSales.disputeDecided', { decision: t(`afterSales.decision.${view.dispute.decision ?? 'seller'}`), amount: money(view.dispute.refundAmount) })}
          description={view.dispute.operatorNote ?? undefined}
        />
      )}
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('afterSales.col.order')}><Link to={view.viewerSide === 'operator' ? `/admin/orders/${view.orderId}` : `/workbench/orders/${view.orderId}`}>{view.orderNumber}</Link></Descriptions.Item>
        <Descriptions.Item label={t('afterSales.col.status')}><StatusTag status={view.status} /></Descriptions.Item>
        <Descriptions.Item label={t('afterSales.col.kind')}>{t(`afterSales.kind.${view.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('afterSales.col.reason')}>{t(`afterSales.reason.${view.reason}`, { defaultValue: view.reason })}</Descriptions.Item>
        <Descriptions.Item label={t('afterSales.col.buyer')}>{companyDisplayName(view.buyer)}</Descriptions.Item>
        <Descriptions.Item label={t('afterSales.col.supplier')}>{companyDisplayName(view.supplier)}</Descriptions.Item>
        {view.kind !== 'exchange' && <Descriptions.Item label={t('afterSales.requested')}><b>{money(view.amountRequested)}</b></Descriptions.Item>}
        {view.amountProposed !== null && <Descriptions.Item label={t('afterSales.proposed')}>{money(view.amountProposed)}</Descriptions.Item>}
        <Descriptions.Item label={t('afterSales.col.refunded')}>{money(view.amountRefunded)}</Descriptions.Item>
        {OPEN_STATUSES.includes(view.status) && <Descriptions.Item label={t('afterSales.refundable')}>{money(view.refundable)}</Descriptions.Item>}
        <Descriptions.Item label={t('afterSales.col.createdAt')}>{formatDateTime(view.createdAt)}</Descriptions.Item>
        {view.sellerReason ? <Descriptions.Item label={t('afterSales.sellerReason')} span={2}>{view.sellerReason}</Descriptions.Item> : null}
        {view.returnShipment && (
          <Descriptions.Item label={t('afterSales.returnShipment')} span={2}>
            {view.returnShipment.carrier} · <Typography.Text copyable>{view.returnShipment.waybillNo}</Typography.Text> · {formatDateTime(view.returnShipment.shippedAt)}
          </Descriptions.Item>
        )}
        {view.replacement && (
          <Descriptions.Item label={t('afterSales.replacementShipment')} span={2}>
            {view.replacement.carrier} · <Typography.Text copyable>{view.replacement.waybillNo}</Typography.Text>
          </Descriptions.Item>
        )}
        {view.description ? <Descriptions.Item label={t('afterSales.field.description')} span={2}>{view.description}</Descriptions.Item> : null}
        <Descriptions.Item label={t('afterSales.evidence')} span={2}><EvidenceList items={view.evidence} /></Descriptions.Item>
      </Descriptions>
      {view.lines.length > 0 && <Table rowKey="lineId" size="small" pagination={false} columns={lineColumns} dataSource={view.lines} />}
      <ActionButtons view={view} />
      <Card size="small" title={t('afterSales.thread')}>
        <Timeline
          data-testid="after-sale-thread"
          items={view.steps.map((s) => ({
            color: s.side === 'operator' ? 'purple' : s.side === 'system' ? 'gray' : s.side === 'buyer' ? 'blue' : 'orange',
            content: (
              <div>
                <Space wrap size={4}>
                  <Tag>{t(`afterSales.side.${s.side}`)}</Tag>
                  <b>{t(`afterSales.action.${s.action}`, { defaultValue: s.action })}</b>
                  {s.actorName ? <Typography.Text type="secondary">{s.actorName}</Typography.Text> : null}
                  <Typography.Text type="secondary">{formatDateTime(s.at)}</Typography.Text>
                  {s.amount !== null && s.amount > 0 && <Tag color="green">{money(s.amount)}</Tag>}
                  <StatusTag status={s.toStatus as AfterSaleStatus} />
                </Space>
                {s.note ? <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{s.note}</div> : null}
                {s.evidence.length > 0 && <div style={{ marginTop: 4 }}><EvidenceList items={s.evidence} /></div>}
              </div>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}

export function AfterSaleDetail({ id }: { id: string }) {
  const q = useAfterSale(id);
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <ProblemResult error={q.error} onRetry={() => void q.refetch()} />;
  return <AfterSaleBody view={q.data} />;
}

// ---------------------------------------------------------------------------------------------------------------
// On the order detail page

export function OrderAfterSales({ order, side }: { order: OrderForAfterSales; side: 'buyer' | 'seller' | 'operator' }) {
  const { t } = useTranslation();
  const [requesting, setRequesting] = useState(false);
  const companyId = side === 'seller' ? order.supplier.id : order.buyer.id;
  const list = useQuery({
    queryKey: [...AS_KEY, 'order', order.id, side],
    queryFn: () => api<{ items: AfterSaleListItem[] }>('/after-sales', { query: { companyId, side: side === 'seller' ? 'seller' : 'buyer', orderId: order.id, limit: 50 } }),
  });
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const open = items.find((i) => OPEN_STATUSES.includes(i.status));
  const canRequest = side === 'buyer' && ELIGIBLE.has(order.status) && !open;
  return (
    <Card
      size="small" data-testid="order-after-sales"
      title={<Space><CustomerServiceOutlined />{t('afterSales.title')}</Space>}
      extra={canRequest && <Button type="primary" ghost size="small" onClick={() => setRequesting(true)} data-testid="after-sale-request">{t('afterSales.request')}</Button>}
    >
      {list.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : list.isError ? <ProblemAlert error={list.error} /> : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {open && <AfterSaleDetail id={open.id} />}
          {items.filter((i) => i !== open).length > 0 && (
            <List
              size="small"
              dataSource={items.filter((i) => i !== open)}
              renderItem={(i) => (
                <List.Item extra={<Link to={side === 'operator' ? `/workbench/after-sales/${i.id}` : `/workbench/after-sales/${i.id}?side=${side}`}>{t('afterSales.view')}</Link>}>
                  <Space wrap>
                    <StatusTag status={i.status} />
                    <span>{t(`afterSales.kind.${i.kind}`)}</span>
                    {i.amountRefunded > 0 && <Tag color="green">{money(i.amountRefunded)}</Tag>}
                    <Typography.Text type="secondary">{formatDate(i.createdAt)}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )}
          {!items.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('afterSales.none')} />}
        </Space>
      )}
      {side === 'buyer' && <RequestModal order={order} open={requesting} onClose={() => setRequesting(false)} />}
    </Card>
  );
}

export default OrderAfterSales;
