import { CarOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Image, Input, InputNumber, Modal, Select, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { TableColumnsType, UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ProblemError } from '../../api.js';
import { AttachmentPicker, uploadedIds } from '../AttachmentPicker.js';
import { formatDateTime } from '../../format.js';
import { currentLang } from '../../i18n/index.js';
import '../../i18n/shipments.js';
import { lineSkuLabel, lineTitle, qty, type OrderSide, type OrderView } from '../../pages/workbench/orders/model.js';
import { localized } from '../../pages/trustpassShared.js';
import { ProblemAlert } from '../Problem.js';

/** What this component reads of an order (the full OrderView fits). */
export type OrderForShipments = Pick<OrderView, 'id' | 'number' | 'status' | 'lines'>;

type TrackingStatus = 'shipped' | 'picked_up' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception';
type ReportableStatus = Exclude<TrackingStatus, 'shipped'>;
const REPORTABLE: ReportableStatus[] = ['picked_up', 'in_transit', 'out_for_delivery', 'delivered', 'exception'];

interface Carrier { code: string; zh: string; en: string }
interface TrackingEvent { id: string; at: string; source: 'seller' | 'operator' | 'carrier' | 'buyer'; status: TrackingStatus; location: string; description: string }
interface Shipment {
  id: string;
  orderId: string;
  carrier: string;
  carrierName: string;
  waybillNo: string;
  status: 'in_transit' | 'delivered';
  note: string;
  photos: Array<{ id: string; url: string; contentType: string; byteSize: number }>;
  items: Array<{ lineId: string; quantity: number; titleZh: string; titleEn: string | null; skuLabel: string; skuLabelEn?: string | null; unit: string }>;
  shippedAt: string;
  deliveredAt: string | null;
  tracking: TrackingEvent[];
}
interface OrderShipmentsState {
  items: Shipment[];
  remaining: Array<{ lineId: string; quantity: number; shipped: number; remaining: number }>;
  can: { ship: boolean; track: boolean };
}

const KEY = 'order-shipments';
const MILLI = 1000;
const STATUS_COLOR: Record<TrackingStatus, string> = {
  shipped: 'blue', picked_up: 'blue', in_transit: 'blue', out_for_delivery: 'cyan', delivered: 'green', exception: 'red',
};

export function useCarriers() {
  return useQuery({ queryKey: ['carriers'], queryFn: () => api<{ items: Carrier[] }>('/carriers'), staleTime: Infinity });
}

/** The carrier in the reader's language; the stored name (what the seller typed) for "other" or a carrier no longer listed. */
export function carrierLabel(carriers: Carrier[] | undefined, code: string, fallback: string): string {
  const c = carriers?.find((x) => x.code === code);
  if (!c || code === 'other') return fallback;
  return currentLang() === 'en-US' ? c.en : c.zh;
}

/** After a shipment or a tracking entry: this list, and the order screens (their queries start with 'wb'). */
function useRefresh(orderId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: [KEY, orderId] });
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'wb' });
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The seller's ship form

interface ShipFormValues { carrier?: string; carrierName?: string; waybillNo?: string; note?: string }

function ShipModal({ order, state, open, onClose }: { order: OrderForShipments; state: OrderShipmentsState; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh(order.id);
  const carriers = useCarriers();
  const [form] = Form.useForm<ShipFormValues>();
  const carrier = Form.useWatch('carrier', form);
  const remaining = useMemo(() => new Map(state.remaining.map((r) => [r.lineId, r])), [state.remaining]);
  const [quantities, setQuantities] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(state.remaining.map((r) => [r.lineId, r.remaining > 0 ? r.remaining : null])),
  );
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [localError, setLocalError] = useState<string | null>(null);

  const items = Object.entries(quantities)
    .filter(([, q]) => q !== null && q > 0)
    .map(([lineId, q]) => ({ lineId, quantity: q! }));
  const over = (lineId: string) => {
    const q = quantities[lineId];
    const r = remaining.get(lineId);
    return q !== null && q !== undefined && r !== undefined && Math.round(q * MILLI) > Math.round(r.remaining * MILLI);
  };
  const partial = state.remaining.some((r) => Math.round((quantities[r.lineId] ?? 0) * MILLI) < Math.round(r.remaining * MILLI));
  const uploading = photos.some((f) => f.status === 'uploading');

  const ship = useMutation({
    mutationFn: (v: ShipFormValues) => api<Shipment>(`/orders/${order.id}/ship`, {
      method: 'POST',
      body: {
        carrier: v.carrier,
        ...(v.carrier === 'other' ? { carrierName: v.carrierName } : {}),
        waybillNo: v.waybillNo,
        items,
        photos: uploadedIds(photos),
        note: v.note ?? '',
      },
    }),
    onSuccess: () => {
      void message.success(t('shipments.form.done'));
      refresh();
      onClose();
    },
  });
  const fieldErrors = ship.error instanceof ProblemError ? ship.error.fieldErrors() : {};

  const columns: TableColumnsType<OrderForShipments['lines'][number]> = [
    {
      title: t('shipments.form.line'), key: 'title',
      render: (_, l) => (
        <div>
          <div>{lineTitle(l)}</div>
          {lineSkuLabel(l) && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{lineSkuLabel(l)}</Typography.Text>}
        </div>
      ),
    },
    { title: t('shipments.form.ordered'), key: 'ordered', align: 'right', onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (_, l) => qty(l.quantity, l.unit) },
    { title: t('shipments.form.shipped'), key: 'shipped', align: 'right', onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (_, l) => qty(remaining.get(l.id)?.shipped ?? l.shippedQuantity, l.unit) },
    { title: t('shipments.form.remaining'), key: 'remaining', align: 'right', onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (_, l) => <b>{qty(remaining.get(l.id)?.remaining ?? 0, l.unit)}</b> },
    {
      title: t('shipments.form.quantity'), key: 'quantity', width: 150,
      render: (_, l, i) => {
        const left = remaining.get(l.id)?.remaining ?? 0;
        const err = fieldErrors[`items.${items.findIndex((x) => x.lineId === l.id)}.quantity`];
        return (
          <div>
            <InputNumber
              min={0} step={1} disabled={left <= 0}
              value={quantities[l.id] ?? null}
              onChange={(v) => setQuantities((q) => ({ ...q, [l.id]: v }))}
              status={over(l.id) || err ? 'error' : undefined}
              style={{ width: '100%' }}
              aria-label={`${t('shipments.form.quantity')} ${i + 1}`}
              data-testid={`ship-qty-${i}`}
            />
            {over(l.id) && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('shipments.form.tooMuch')}</Typography.Text>}
          </div>
        );
      },
    },
  ];

  const submit = (v: ShipFormValues) => {
    setLocalError(null);
    if (items.length === 0) return setLocalError(t('shipments.form.nothing'));
    if (state.remaining.some((r) => over(r.lineId))) return setLocalError(t('shipments.form.tooMuch'));
    ship.mutate(v);
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={<Space><CarOutlined />{t('shipments.shipTitle', { number: order.number })}</Space>}
      width={760}
      destroyOnHidden
      okText={t('shipments.form.submit')}
      okButtonProps={{ loading: ship.isPending, disabled: uploading, 'data-testid': 'ship-submit' }}
      onOk={() => form.submit()}
    >
      <Space style={{ marginBottom: 8 }}>
        <Button size="small" onClick={() => setQuantities(Object.fromEntries(state.remaining.map((r) => [r.lineId, r.remaining > 0 ? r.remaining : null])))}>{t('shipments.shipAll')}</Button>
        <Button size="small" onClick={() => setQuantities(Object.fromEntries(state.remaining.map((r) => [r.lineId, null])))}>{t('shipments.shipNone')}</Button>
      </Space>
      <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={order.lines} scroll={{ x: true }} style={{ marginBottom: 16 }} />
      {partial && items.length > 0 && <Alert type="info" showIcon title={t('shipments.form.partial')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Space wrap align="start" size={12} style={{ width: '100%' }}>
          <Form.Item name="carrier" label={t('shipments.carrier')} rules={[{ required: true, message: t('shipments.form.carrierRequired') }]}
            validateStatus={fieldErrors.carrier ? 'error' : undefined} help={fieldErrors.carrier?.join(' ')} style={{ minWidth: 200 }}>
            <Select
              placeholder={t('shipments.form.carrierPh')}
              loading={carriers.isLoading}
              options={(carriers.data?.items ?? []).map((c) => ({ value: c.code, label: currentLang() === 'en-US' ? c.en : c.zh }))}
              data-testid="ship-carrier"
            />
          </Form.Item>
          {carrier === 'other' && (
            <Form.Item name="carrierName" label={t('shipments.carrierName')} rules={[{ required: true, whitespace: true, message: t('shipments.form.carrierNameRequired') }]}
              validateStatus={fieldErrors.carrierName ? 'error' : undefined} help={fieldErrors.carrierName?.join(' ')}>
              <Input maxLength={60} placeholder={t('shipments.form.carrierNamePh')} data-testid="ship-carrier-name" />
            </Form.Item>
          )}
          <Form.Item name="waybillNo" label={t('shipments.waybill')}
            rules={[{ required: true, whitespace: true, message: t('shipments.form.waybillRequired') }, { pattern: /^[A-Za-z0-9-]{4,40}$/, message: t('shipments.form.waybillPh') }]}
            validateStatus={fieldErrors.waybillNo ? 'error' : undefined} help={fieldErrors.waybillNo?.join(' ')} style={{ minWidth: 260 }}>
            <Input maxLength={40} placeholder={t('shipments.form.waybillPh')} data-testid="ship-waybill" />
          </Form.Item>
        </Space>
        <Form.Item label={t('shipments.photos')} extra={t('shipments.form.photosHint')}
          validateStatus={Object.keys(fieldErrors).some((k) => k.startsWith('photos')) ? 'error' : undefined}>
          <AttachmentPicker value={photos} onChange={setPhotos} max={9} accept="image/png,image/jpeg,image/webp" label={t('shipments.form.upload')} testId="ship-photos" />
        </Form.Item>
        <Form.Item name="note" label={t('shipments.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} placeholder={t('shipments.form.notePh')} data-testid="ship-note" />
        </Form.Item>
      </Form>
      {localError && <Alert type="warning" showIcon title={localError} />}
      {ship.error && <ProblemAlert error={ship.error} />}
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Tracking entries (seller, operators)

interface TrackValues { status?: ReportableStatus; location?: string; description?: string; at?: Dayjs | null }

function TrackModal({ shipment, open, onClose }: { shipment: Shipment; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh(shipment.orderId);
  const [form] = Form.useForm<TrackValues>();
  const status = Form.useWatch('status', form);
  const add = useMutation({
    mutationFn: (v: TrackValues) => api<Shipment>(`/shipments/${shipment.id}/tracking`, {
      method: 'POST',
      body: { status: v.status, location: v.location ?? '', description: v.description ?? '', ...(v.at ? { at: v.at.toISOString() } : {}) },
    }),
    onSuccess: () => {
      void message.success(t('shipments.trackForm.done'));
      refresh();
      onClose();
    },
  });
  return (
    <Modal open={open} onCancel={onClose} title={t('shipments.trackForm.title')} destroyOnHidden okText={t('shipments.trackForm.submit')}
      okButtonProps={{ loading: add.isPending, 'data-testid': 'track-submit' }} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)} initialValues={{ status: 'in_transit' }}>
        <Form.Item name="status" label={t('shipments.trackForm.status')} rules={[{ required: true }]}
          extra={status === 'delivered' ? t('shipments.trackForm.deliveredHint') : undefined}>
          <Select options={REPORTABLE.map((s) => ({ value: s, label: t(`shipments.tracking.${s}`) }))} data-testid="track-status" />
        </Form.Item>
        <Form.Item name="location" label={t('shipments.trackForm.location')}>
          <Input maxLength={100} placeholder={t('shipments.trackForm.locationPh')} data-testid="track-location" />
        </Form.Item>
        <Form.Item name="description" label={t('shipments.trackForm.description')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} placeholder={t('shipments.trackForm.descriptionPh')} />
        </Form.Item>
        <Form.Item name="at" label={t('shipments.trackForm.at')} extra={t('shipments.trackForm.atHint')}>
          <DatePicker showTime style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
      </Form>
      {add.error && <ProblemAlert error={add.error} />}
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// One parcel

function ShipmentCard({ shipment, n, canTrack, carriers }: { shipment: Shipment; n: number; canTrack: boolean; carriers: Carrier[] | undefined }) {
  const { t } = useTranslation();
  const [tracking, setTracking] = useState(false);
  const events = [...shipment.tracking].reverse();
  return (
    <Card
      size="small"
      type="inner"
      data-testid="shipment"
      data-status={shipment.status}
      title={
        <Space wrap size={[8, 2]}>
          <span>{t('shipments.shipmentN', { n })}</span>
          <Tag color={shipment.status === 'delivered' ? 'green' : 'blue'} style={{ marginInlineEnd: 0 }}>{t(`shipments.status.${shipment.status}`)}</Tag>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{carrierLabel(carriers, shipment.carrier, shipment.carrierName)}</Typography.Text>
          <Typography.Text copyable={{ tooltips: [t('shipments.copy'), t('shipments.copied')] }} style={{ fontWeight: 'normal', fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }} data-testid="shipment-waybill">
            {shipment.waybillNo}
          </Typography.Text>
        </Space>
      }
      extra={canTrack && <Button size="small" icon={<EnvironmentOutlined />} onClick={() => setTracking(true)} data-testid="track-add">{t('shipments.addTracking')}</Button>}
      style={{ marginBottom: 12 }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24 }}>
        <div style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('shipments.items')}</Typography.Text>
          <ul style={{ margin: '4px 0 8px', paddingInlineStart: 18 }}>
            {shipment.items.map((i) => (
              <li key={i.lineId} data-testid="shipment-item">
                {lineTitle(i)}
                {lineSkuLabel(i) && <Typography.Text type="secondary"> · {lineSkuLabel(i)}</Typography.Text>} <b style={{ whiteSpace: 'nowrap' }}>× {qty(i.quantity, i.unit)}</b>
              </li>
            ))}
          </ul>
          <div style={{ fontSize: 12, color: '#8c8c8c' }}>
            {t('shipments.shippedAt')}: {formatDateTime(shipment.shippedAt)}
            {shipment.deliveredAt && <> · {t('shipments.deliveredAt')}: {formatDateTime(shipment.deliveredAt)}</>}
          </div>
          {shipment.note && <Typography.Paragraph style={{ margin: '6px 0 0' }}><Typography.Text type="secondary">{t('shipments.notePrefix')}</Typography.Text>{shipment.note}</Typography.Paragraph>}
          {shipment.photos.length > 0 && (
            <div style={{ marginTop: 8 }}>
              <Image.PreviewGroup>
                <Space wrap size={6}>
                  {shipment.photos.map((p) => (
                    <Image key={p.id} src={p.url} alt="" width={64} height={64} style={{ objectFit: 'cover', borderRadius: 4 }} />
                  ))}
                </Space>
              </Image.PreviewGroup>
            </div>
          )}
        </div>
        <div style={{ flex: '1 1 300px', minWidth: 0 }}>
          <Timeline
            data-testid="shipment-timeline"
            items={events.map((e, i) => ({
              color: i === 0 ? STATUS_COLOR[e.status] : 'gray',
              content: (
                <div data-testid="tracking-event" data-status={e.status}>
                  <Space size={6} wrap>
                    <b style={{ color: i === 0 ? undefined : '#595959' }}>{t(`shipments.tracking.${e.status}`)}</b>
                    {e.location && <span>{e.location}</span>}
                    <Tag bordered={false} style={{ fontSize: 11, marginInlineEnd: 0 }}>{t(`shipments.source.${e.source}`)}</Tag>
                  </Space>
                  {/* The platform writes the receipt's event in both languages; what people type is shown as typed. */}
                  {e.description && <div style={{ color: '#595959' }}>{e.source === 'buyer' ? localized(e.description) : e.description}</div>}
                  <div style={{ fontSize: 12, color: '#8c8c8c' }}>{formatDateTime(e.at)}</div>
                </div>
              ),
            }))}
          />
        </div>
      </div>
      {tracking && <TrackModal shipment={shipment} open={tracking} onClose={() => setTracking(false)} />}
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * The order's shipments (物流) for its detail page: every parcel with carrier, waybill, items, photos and tracking
 * timeline (newest first); the seller's "ship" form with what is left per line; tracking entries for the seller and
 * operators. The server decides what the viewer may do (`can`); `side` only picks the empty-state text.
 */
export function OrderShipments({ order, side }: { order: OrderForShipments; side: OrderSide | 'operator' }) {
  const { t } = useTranslation();
  const [shipping, setShipping] = useState(false);
  const carriers = useCarriers();
  const q = useQuery({
    queryKey: [KEY, order.id, order.status],
    queryFn: () => api<OrderShipmentsState>(`/orders/${order.id}/shipments`),
  });

  const left = (q.data?.remaining ?? []).filter((r) => r.remaining > 0);
  const lines = new Map(order.lines.map((l) => [l.id, l]));
  const leftText = left
    .map((r) => {
      const l = lines.get(r.lineId);
      return l ? `${lineTitle(l)}${lineSkuLabel(l) ? ` (${lineSkuLabel(l)})` : ''} ${qty(r.remaining, l.unit)}` : null;
    })
    .filter(Boolean)
    .join(currentLang() === 'en-US' ? ', ' : '、');

  return (
    <Card
      title={<Space><CarOutlined />{t('shipments.title')}</Space>}
      extra={q.data?.can.ship && (
        <Button type="primary" icon={<CarOutlined />} onClick={() => setShipping(true)} data-testid="ship-open">{t('shipments.ship')}</Button>
      )}
      data-testid="order-shipments"
    >
      {q.isLoading && <Skeleton active paragraph={{ rows: 3 }} />}
      {q.error && <ProblemAlert error={q.error} />}
      {q.data && (
        <>
          {q.data.items.length > 0 && (side === 'seller' || left.length > 0) && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }} data-testid="shipments-remaining">
              {left.length === 0 ? t('shipments.remainingAll') : t('shipments.remainingSummary', { items: leftText })}
            </Typography.Paragraph>
          )}
          {q.data.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(side === 'seller' ? 'shipments.emptySeller' : side === 'buyer' ? 'shipments.emptyBuyer' : 'shipments.emptyOther')} />
          ) : (
            q.data.items.map((s, i) => <ShipmentCard key={s.id} shipment={s} n={i + 1} canTrack={q.data.can.track} carriers={carriers.data?.items} />)
          )}
          {side === 'buyer' && order.status === 'shipped' && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>{t('shipments.autoConfirm')}</Typography.Paragraph>
          )}
          {shipping && <ShipModal order={order} state={q.data} open={shipping} onClose={() => setShipping(false)} />}
        </>
      )}
    </Card>
  );
}

