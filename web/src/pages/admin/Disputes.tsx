import { ArrowLeftOutlined, CarOutlined, MessageOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, ConfigProvider, Descriptions, Empty, Form, Input, InputNumber, List, Radio, Row, Skeleton, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api.js';
import { AfterSaleBody } from '../../components/trade/OrderAfterSales.js';
import { carrierLabel, useCarriers } from '../../components/trade/OrderShipments.js';
import { AS_KEY, type DisputeDecision, type DisputeListItem, type DisputeView } from '../../components/trade/afterSales.js';
import { ProblemAlert, ProblemResult } from '../../components/Problem.js';
import { companyDisplayName, formatDateTime, formatMoney } from '../../format.js';
import '../../i18n/afterSales.js';
import { currentLang } from '../../i18n/index.js';
import '../../i18n/shipments.js';
import { formatQuantity } from '../catalog/model.js';
import { usePaged } from './usePaged.js';

const KEY = [...AS_KEY, 'disputes'];
const title = (l: { titleZh: string; titleEn: string | null }) => (currentLang() === 'en-US' && l.titleEn ? l.titleEn : l.titleZh);
/** Chat message kinds with a label of their own (afterSales.admin.chatKind); plain text needs none. */
const LABELLED_CHAT_KINDS = ['image', 'file', 'product', 'quote'];

/** /admin/disputes (list) and /admin/disputes/:id (the arbitration file and the decision form). */
export default function AdminDisputes() {
  const { id } = useParams();
  return id ? <Arbitration id={id} /> : <DisputeList />;
}

function DisputeList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('status') === 'decided' ? 'decided' : params.get('status') === 'all' ? 'all' : 'open';
  const list = usePaged<DisputeListItem>(KEY, '/disputes', { status: tab === 'all' ? undefined : tab, limit: '30' });
  const columns: TableColumnsType<DisputeListItem> = [
    { title: t('afterSales.col.order'), width: 170, render: (_, d) => <Link to={`/admin/disputes/${d.id}`} style={{ whiteSpace: 'nowrap' }}>{d.orderNumber}</Link> },
    // Buyer over seller in one column: both names stay readable where two narrow columns cut them to a few letters.
    {
      title: `${t('afterSales.col.buyer')} / ${t('afterSales.col.supplier')}`, render: (_, d) => (
        // A width in pixels: in the table's automatic layout a percentage does not hold a long name back, and one long
        // English name would push the last column (the opening time) out of the card.
        <Space orientation="vertical" size={0} style={{ minWidth: 0, maxWidth: 320 }}>
          <Typography.Text ellipsis={{ tooltip: companyDisplayName(d.buyer) }}>{companyDisplayName(d.buyer)}</Typography.Text>
          <Typography.Text type="secondary" ellipsis={{ tooltip: companyDisplayName(d.supplier) }}>{companyDisplayName(d.supplier)}</Typography.Text>
        </Space>
      ),
    },
    { title: t('afterSales.col.kind'), width: 110, render: (_, d) => t(`afterSales.kind.${d.kind}`) },
    { title: t('afterSales.col.amount'), width: 120, align: 'right', render: (_, d) => (d.kind === 'exchange' ? '—' : formatMoney(d.amountRequested)) },
    { title: t('afterSales.admin.openedBy'), width: 100, responsive: ['lg'], render: (_, d) => t(`afterSales.side.${d.openedBySide}`) },
    {
      title: t('afterSales.col.status'), width: 150,
      render: (_, d) => d.status === 'open'
        ? <Tag color="purple">{t('afterSales.admin.tabs.open')}</Tag>
        // The refund under the decision: side by side they are wider than the column in English.
        : <Space orientation="vertical" size={0}><Tag color="green">{t(`afterSales.decision.${d.decision ?? 'seller'}`)}</Tag>{(d.refundAmount ?? 0) > 0 && formatMoney(d.refundAmount ?? 0)}</Space>,
    },
    { title: t('afterSales.admin.openedAt'), width: 170, responsive: ['md'], render: (_, d) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.createdAt)}</span> },
  ];
  return (
    <Card title={t('afterSales.admin.title')}>
      <Tabs
        activeKey={tab} onChange={(k) => setParams(k === 'open' ? {} : { status: k }, { replace: true })}
        items={(['open', 'decided', 'all'] as const).map((k) => ({ key: k, label: t(`afterSales.admin.tabs.${k}`) }))}
      />
      {list.isError ? <ProblemResult error={list.error} onRetry={() => void list.refetch()} /> : (
        <>
          <Table<DisputeListItem>
            rowKey="id" size="middle" columns={columns} dataSource={list.items} loading={list.isPending} pagination={false} scroll={{ x: 900 }}
            onRow={(d) => ({ onClick: () => void navigate(`/admin/disputes/${d.id}`), style: { cursor: 'pointer' } })}
            locale={{ emptyText: <Empty description={t('afterSales.admin.empty')} /> }}
            data-testid="disputes-table"
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

// ---------------------------------------------------------------------------------------------------------------
// The arbitration file

interface Shipment {
  id: string; carrier: string; carrierName: string; waybillNo: string; status: string; shippedAt: string; deliveredAt: string | null;
  items: Array<{ lineId: string; quantity: number; titleZh: string; titleEn: string | null; unit: string }>;
  tracking: Array<{ id: string; at: string; status: string; location: string; description: string }>;
}

function Shipments({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['order-shipments', orderId, 'admin'], queryFn: () => api<{ items: Shipment[] }>(`/orders/${orderId}/shipments`) });
  const carriers = useCarriers();
  return (
    <Card size="small" title={<Space><CarOutlined />{t('afterSales.admin.shipments')}</Space>} data-testid="dispute-shipments">
      {q.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : q.isError ? <ProblemAlert error={q.error} /> : q.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('afterSales.admin.noShipments')} />
      ) : (
        <List
          dataSource={q.data.items}
          renderItem={(s) => (
            <List.Item>
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap>
                  <b>{carrierLabel(carriers.data?.items, s.carrier, s.carrierName)}</b>
                  <Typography.Text copyable>{s.waybillNo}</Typography.Text>
                  <Tag color={s.status === 'delivered' ? 'green' : 'blue'}>{t(`shipments.status.${s.status}`, { defaultValue: s.status })}</Tag>
                  <Typography.Text type="secondary">{formatDateTime(s.shippedAt)}</Typography.Text>
                </Space>
                <Typography.Text type="secondary">{s.items.map((i) => `${title(i)} × ${formatQuantity(i.quantity, i.unit)}`).join(';')}</Typography.Text>
                {s.tracking.length > 0 && (
                  <Timeline
                    style={{ marginTop: 8 }}
                    items={s.tracking.map((e) => ({ content: <span>{formatDateTime(e.at)} · {t(`shipments.tracking.${e.status}`, { defaultValue: e.status })}{e.location ? ` · ${e.location}` : ''}{e.description ? ` · ${e.description}` : ''}</span> }))}
                  />
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function ChatLog({ view }: { view: DisputeView }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={<Space><MessageOutlined />{t('afterSales.admin.chat')}</Space>} data-testid="dispute-chat">
      {view.chat.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('afterSales.admin.noChat')} /> : (
        <div style={{ maxHeight: 420, overflowY: 'auto' }}>
          {view.chat.map((m) => (
            <div key={m.id} style={{ display: 'flex', justifyContent: m.side === 'buyer' ? 'flex-start' : 'flex-end', marginBottom: 8 }}>
              <div style={{ maxWidth: '80%', background: m.side === 'buyer' ? '#f5f5f5' : '#fff4ec', borderRadius: 6, padding: '6px 10px' }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`afterSales.side.${m.side}`)} · {m.senderName} · {formatDateTime(m.createdAt)}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>
                  {m.kind !== 'text' && (
                    <div><Tag bordered={false} style={{ marginInlineEnd: 0 }} data-testid="dispute-chat-kind">{t(`afterSales.admin.chatKind.${LABELLED_CHAT_KINDS.includes(m.kind) ? m.kind : 'other'}`)}</Tag></div>
                  )}
                  {m.text ?? ''}
                  {m.attachment && <div><Typography.Link href={m.attachment.url} target="_blank" rel="noreferrer">📎 {m.attachment.name}</Typography.Link></div>}
                </div>
              </div>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

interface DecideValues { decision: DisputeDecision; refundYuan?: number; note: string }

function DecisionForm({ view }: { view: DisputeView }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<DecideValues>();
  const decision = Form.useWatch('decision', form) ?? 'buyer';
  const refundable = view.afterSale.refundable;
  const decide = useMutation({
    mutationFn: (v: DecideValues) => api<DisputeView>(`/disputes/${view.dispute.id}/decide`, {
      method: 'POST',
      body: { decision: v.decision, note: v.note, ...(v.decision !== 'seller' && v.refundYuan ? { refundAmount: Math.round(v.refundYuan * 100) } : {}) },
    }),
    onSuccess: async (next) => {
      qc.setQueryData([...KEY, 'one', view.dispute.id], next);
      void message.success(t('afterSales.admin.decided'));
      await qc.invalidateQueries({ queryKey: AS_KEY });
    },
  });
  const submit = (v: DecideValues) => modal.confirm({ title: t('afterSales.admin.decide'), content: t('afterSales.admin.confirm'), okText: t('common.confirm'), cancelText: t('common.cancel'), onOk: () => decide.mutateAsync(v) });
  return (
    <Card size="small" title={t('afterSales.admin.decide')} data-testid="dispute-decide">
      <Form<DecideValues> form={form} layout="vertical" initialValues={{ decision: 'buyer' }} onFinish={submit}>
        <Form.Item name="decision" label={t('afterSales.admin.decisionLabel')}>
          <Radio.Group data-testid="dispute-decision" options={(['buyer', 'partial', 'seller'] as const).map((d) => ({ value: d, label: t(`afterSales.decision.${d}`) }))} />
        </Form.Item>
        {decision !== 'seller' && (
          <Form.Item
            name="refundYuan" label={t('afterSales.admin.refundAmount')}
            extra={t('afterSales.admin.refundHint', { requested: formatMoney(view.afterSale.amountRequested), max: formatMoney(refundable) })}
            rules={decision === 'partial' || view.afterSale.kind === 'exchange' ? [{ required: true }] : []}
          >
            <InputNumber prefix="¥" min={0.01} max={refundable / 100} precision={2} style={{ width: 200 }} data-testid="dispute-refund" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('afterSales.admin.note')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="dispute-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={decide.isPending} data-testid="dispute-submit">{t('afterSales.admin.submit')}</Button>
      </Form>
      <ProblemAlert error={decide.error} style={{ marginTop: 12 }} />
    </Card>
  );
}

function Arbitration({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: [...KEY, 'one', id], queryFn: () => api<DisputeView>(`/disputes/${id}`) });
  if (q.isPending) return <Card><Skeleton active /></Card>;
  if (q.isError) return <ProblemResult error={q.error} onRetry={() => void q.refetch()} />;
  const view = q.data;
  const d = view.dispute;
  const o = view.order;
  const withColon = (label: string) => `${label}${t('afterSales.admin.colon')}`;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="arbitration">
      <Card
        title={<Space><Link to="/admin/disputes"><ArrowLeftOutlined /></Link>{t('afterSales.dispute')} · {d.orderNumber}</Space>}
        extra={d.status === 'open' ? <Tag color="purple">{t('afterSales.admin.tabs.open')}</Tag> : <Tag color="green">{t('afterSales.admin.decided')}</Tag>}
      >
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('afterSales.col.buyer')}><Link to={`/companies/${d.buyer.id}`}>{companyDisplayName(d.buyer)}</Link></Descriptions.Item>
          <Descriptions.Item label={t('afterSales.col.supplier')}><Link to={`/companies/${d.supplier.id}`}>{companyDisplayName(d.supplier)}</Link></Descriptions.Item>
          <Descriptions.Item label={t('afterSales.admin.openedBy')}>{t(`afterSales.side.${d.openedBySide}`)} · {formatDateTime(d.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('afterSales.admin.reason')} span={3}>{d.reason}</Descriptions.Item>
          {d.status === 'decided' && (
            <>
              <Descriptions.Item label={t('afterSales.admin.decisionLabel')}>{t(`afterSales.decision.${d.decision ?? 'seller'}`)}</Descriptions.Item>
              <Descriptions.Item label={t('afterSales.admin.refundAmount')}>{formatMoney(d.refundAmount ?? 0)}</Descriptions.Item>
              <Descriptions.Item label={t('afterSales.admin.decidedAt')}>{formatDateTime(d.decidedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('afterSales.admin.note')} span={3}>{d.operatorNote}</Descriptions.Item>
            </>
          )}
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('afterSales.admin.request')}>
              <AfterSaleBody view={view.afterSale} />
            </Card>
            {o && (
              <Card size="small" title={t('afterSales.admin.order')} data-testid="dispute-order">
                {/*
                  antd's own colon sits between margins and reads as a full-width "：" in English: each label carries its
                  language's colon instead, and the gap after it is a space in English and none after the full-width one.
                */}
                <ConfigProvider theme={{ components: { Descriptions: { colonMarginLeft: 0, colonMarginRight: currentLang() === 'en-US' ? 6 : 0 } } }}>
                  <Descriptions size="small" colon={false} column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
                    <Descriptions.Item label={withColon(t('afterSales.col.order'))}>{o.number}</Descriptions.Item>
                    <Descriptions.Item label={withColon(t('afterSales.admin.orderStatus'))}>{t(`orders.status.${o.status}`, { defaultValue: o.status })}</Descriptions.Item>
                    <Descriptions.Item label={withColon(t('afterSales.admin.terms'))}>{t(`afterSales.admin.termsValue.${o.paymentTerms}`)}</Descriptions.Item>
                    <Descriptions.Item label={withColon(t('afterSales.admin.total'))}>{formatMoney(o.total)}</Descriptions.Item>
                    <Descriptions.Item label={withColon(t('afterSales.admin.paid'))}>{formatMoney(o.escrowPaid)}</Descriptions.Item>
                    <Descriptions.Item label={withColon(t('afterSales.admin.refunded'))}>{formatMoney(o.escrowRefunded)}</Descriptions.Item>
                    <Descriptions.Item label={withColon(t('afterSales.admin.received'))}>{formatDateTime(o.receivedAt)}</Descriptions.Item>
                  </Descriptions>
                </ConfigProvider>
                <Table
                  rowKey="id" size="small" pagination={false} dataSource={o.lines}
                  columns={[
                    { title: t('afterSales.col.line'), render: (_, l) => title(l) },
                    { title: t('afterSales.col.quantity'), width: 220, render: (_, l) => `${formatQuantity(l.quantity, l.unit)} (${t('afterSales.admin.shipped')} ${l.shippedQuantity} · ${t('afterSales.admin.returned')} ${l.returnedQuantity})` },
                    { title: t('afterSales.col.unitPrice'), width: 110, render: (_, l) => formatMoney(l.unitPrice) },
                  ]}
                />
              </Card>
            )}
            {o && <Shipments orderId={o.id} />}
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {d.status === 'open' ? <DecisionForm view={view} /> : (
              <Alert type="success" showIcon title={t('afterSales.disputeDecided', { decision: t(`afterSales.decision.${d.decision ?? 'seller'}`), amount: formatMoney(d.refundAmount ?? 0) })} description={d.operatorNote} />
            )}
            <ChatLog view={view} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
