import { ArrowLeftOutlined, DollarOutlined, MinusCircleOutlined, PlusOutlined, SendOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Avatar, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Result, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { UploadFile } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { rememberedSide, rememberSide } from '../WorkbenchShell.js';
import { api, problemDetail, ProblemError } from '../../../api.js';
import { InquiryButton } from '../../../components/InquiryButton.js';
import { ProblemResult } from '../../../components/Problem.js';
import { companyDisplayName, formatDate, formatDateTime, formatMoney } from '../../../format.js';
import { useMe, useRegionName } from '../../../session.js';
import { formatQuantity, perUnitLabel, UNITS, unitLabel } from '../../catalog/model.js';
import { AttachmentList, AttachmentPicker, uploadedIds } from './Attachments.js';
import { INQ_KEY, lineTitle, SHIPPING_TERMS, STATUS_COLORS, subjectOf, todayInChina, type InquiryReply, type InquiryView, type Quote, type ShippingTerms, useProductSkuText } from './model.js';

const ORANGE = '#F25C05';

function QuoteCard({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const expired = quote.validUntil < todayInChina();
  return (
    <div style={{ border: `1px solid ${ORANGE}33`, background: '#fff7f0', borderRadius: 6, padding: '10px 12px', marginTop: 6 }} data-testid="quote-card">
      <Space align="baseline" wrap style={{ marginBottom: 6 }}>
        <Tag color="orange" icon={<DollarOutlined />}>{t('inquiries.quoteCard')}</Tag>
        <Typography.Text strong style={{ fontSize: 20, color: ORANGE }}>{formatMoney(quote.unitPrice)}</Typography.Text>
        <Typography.Text type="secondary">/ {perUnitLabel(quote.unit)}</Typography.Text>
      </Space>
      {quote.priceTiers && quote.priceTiers.length > 0 && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginBottom: 6 }}>
          {quote.priceTiers.map((tier) => (
            <div key={tier.minQuantity} style={{ border: '1px solid #f0f0f0', background: '#fff', borderRadius: 4, padding: '2px 8px', fontSize: 12 }}>
              <span style={{ color: '#8c8c8c' }}>{t('inquiries.quote.tierFrom', { quantity: formatQuantity(tier.minQuantity, quote.unit) })}</span>{' '}
              <strong>{formatMoney(tier.unitPrice)}</strong>
            </div>
          ))}
        </div>
      )}
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} colon>
        <Descriptions.Item label={t('inquiries.quote.quantity')}>{formatQuantity(quote.quantity, quote.unit)}</Descriptions.Item>
        <Descriptions.Item label={t('inquiries.quote.leadTime')}>{t('inquiries.quote.leadTimeDays', { count: quote.leadTimeDays })}</Descriptions.Item>
        <Descriptions.Item label={t('inquiries.quote.validUntil')}>
          {formatDate(quote.validUntil)} {expired && <Tag color="default">{t('inquiries.quote.expired')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('inquiries.quote.shipping')}>{t(`inquiries.shipping.${quote.shippingTerms}`)}</Descriptions.Item>
        {quote.note && <Descriptions.Item label={t('inquiries.quote.note')} span={2}>{quote.note}</Descriptions.Item>}
      </Descriptions>
    </div>
  );
}

/** A line's SKU as the product page labels it (its own component: the labels need a per-product query). */
function LineSku({ line }: { line: InquiryView['lines'][number] }) {
  const text = useProductSkuText(line.productId)(line);
  return text ? <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{text}</Typography.Text> : null;
}

function Message({ reply, mine, counterpartName }: { reply: InquiryReply; mine: boolean; counterpartName: string }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', flexDirection: mine ? 'row-reverse' : 'row', gap: 8, marginBottom: 14 }} data-testid={`thread-${reply.kind}`} data-side={reply.side}>
      <Avatar style={{ background: reply.side === 'supplier' ? ORANGE : '#1F6FEB', flex: '0 0 auto' }}>{reply.author.name.slice(0, 1)}</Avatar>
      <div style={{ maxWidth: 'min(560px, 82%)', minWidth: 0 }}>
        <div style={{ fontSize: 12, color: '#8c8c8c', textAlign: mine ? 'right' : 'left', marginBottom: 2 }}>
          {reply.author.name} · {mine ? t(`inquiries.side.${reply.side}`) + t('inquiries.you') : counterpartName} · {formatDateTime(reply.createdAt)}
        </div>
        {(reply.body || reply.attachments.length > 0) && (
          <div style={{ background: mine ? '#e8f1ff' : '#f5f5f5', borderRadius: 8, padding: '8px 12px', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {reply.body}
            {reply.attachments.length > 0 && <div style={{ marginTop: reply.body ? 6 : 0 }}><AttachmentList items={reply.attachments} /></div>}
          </div>
        )}
        {reply.quote && <QuoteCard quote={reply.quote} />}
      </div>
    </div>
  );
}

interface QuoteForm {
  unitPrice: number; quantity: number; unit: string; leadTimeDays: number; validUntil: dayjs.Dayjs; shippingTerms: ShippingTerms; note?: string;
  tiers?: Array<{ minQuantity: number; unitPrice: number }>; body?: string;
}

function QuoteModal({ inquiry, open, onClose }: { inquiry: InquiryView; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<QuoteForm>();
  const first = inquiry.lines[0];
  const send = useMutation({
    mutationFn: (v: QuoteForm) =>
      api<InquiryReply>(`/inquiries/${inquiry.id}/replies`, {
        method: 'POST',
        body: {
          body: v.body ?? '',
          quote: {
            unitPrice: Math.round(v.unitPrice * 100), quantity: v.quantity, unit: v.unit, leadTimeDays: v.leadTimeDays,
            validUntil: v.validUntil.format('YYYY-MM-DD'), shippingTerms: v.shippingTerms, note: v.note ?? '',
            ...(v.tiers?.length ? { priceTiers: v.tiers.map((x) => ({ minQuantity: x.minQuantity, unitPrice: Math.round(x.unitPrice * 100) })) } : {}),
          },
        },
      }),
    onSuccess: async () => {
      message.success(t('inquiries.quoteSent'));
      form.resetFields();
      onClose();
      await qc.invalidateQueries({ queryKey: INQ_KEY });
    },
    onError: (e) => {
      if (e instanceof ProblemError && e.errors.length) {
        form.setFields(e.errors.map((fe) => ({ name: fe.path.replace(/^body\.quote\./, '').replace(/^body\./, '').split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never, errors: [fe.message] })));
      }
      message.error(problemDetail(e));
    },
  });
  return (
    <Modal open={open} onCancel={onClose} title={t('inquiries.quoteTitle')} okText={t('inquiries.sendQuote')} onOk={() => form.submit()} confirmLoading={send.isPending} width={620} destroyOnHidden okButtonProps={{ 'data-testid': 'quote-submit' }}>
      <Form<QuoteForm>
        form={form}
        layout="vertical"
        onFinish={(v) => send.mutate(v)}
        initialValues={{
          quantity: inquiry.quantity ?? first?.quantity ?? undefined, unit: inquiry.unit ?? first?.unit ?? 'piece', leadTimeDays: 7, shippingTerms: 'delivered',
          validUntil: dayjs().add(7, 'day'), unitPrice: inquiry.targetUnitPrice !== null ? inquiry.targetUnitPrice / 100 : undefined,
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={8}><Form.Item name="unitPrice" label={t('inquiries.quote.unitPrice')} rules={[{ required: true }]}><InputNumber min={0.01} step={0.01} precision={2} prefix="¥" style={{ width: '100%' }} data-testid="quote-unit-price" /></Form.Item></Col>
          <Col xs={14} sm={8}><Form.Item name="quantity" label={t('inquiries.quote.quantity')} rules={[{ required: true }]}><InputNumber min={0.001} style={{ width: '100%' }} data-testid="quote-quantity" /></Form.Item></Col>
          <Col xs={10} sm={8}><Form.Item name="unit" label={t('inquiries.unit')} rules={[{ required: true }]}><Select options={UNITS.map((u) => ({ value: u, label: unitLabel(u) }))} /></Form.Item></Col>
          <Col xs={12} sm={8}><Form.Item name="leadTimeDays" label={t('inquiries.quote.leadTime')} rules={[{ required: true }]}><InputNumber min={0} max={365} addonAfter={t('inquiries.daysUnit')} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} sm={8}><Form.Item name="validUntil" label={t('inquiries.quote.validUntil')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} /></Form.Item></Col>
          <Col xs={24} sm={8}><Form.Item name="shippingTerms" label={t('inquiries.quote.shipping')} rules={[{ required: true }]}><Select options={SHIPPING_TERMS.map((s) => ({ value: s, label: t(`inquiries.shipping.${s}`) }))} /></Form.Item></Col>
        </Row>
        <Form.List name="tiers">
          {(fields, { add, remove }) => (
            <>
              {fields.length > 0 && <Typography.Text type="secondary">{t('inquiries.quote.tiers')}</Typography.Text>}
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'minQuantity']} rules={[{ required: true }]}><InputNumber min={0.001} placeholder={t('inquiries.tierMin')} /></Form.Item>
                  <Form.Item name={[f.name, 'unitPrice']} rules={[{ required: true }]}><InputNumber min={0.01} precision={2} prefix="¥" placeholder={t('inquiries.quote.unitPrice')} /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              {fields.length < 6 && <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 12 }}>{t('inquiries.addTier')}</Button>}
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={t('inquiries.quote.note')}><Input.TextArea rows={2} maxLength={1000} placeholder={t('inquiries.optionalNote')} /></Form.Item>
        <Form.Item name="body" label={t('inquiries.message')} style={{ marginBottom: 0 }}><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
      </Form>
    </Modal>
  );
}

function ReplyBox({ inquiry }: { inquiry: InquiryView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [quoting, setQuoting] = useState(false);
  const uploading = files.some((f) => f.status === 'uploading');
  const send = useMutation({
    mutationFn: () => api<InquiryReply>(`/inquiries/${inquiry.id}/replies`, { method: 'POST', body: { body, attachmentIds: uploadedIds(files) } }),
    onSuccess: async () => {
      setBody('');
      setFiles([]);
      await qc.invalidateQueries({ queryKey: INQ_KEY });
    },
    onError: (e) => message.error(problemDetail(e)),
  });
  const supplier = inquiry.viewerSide === 'supplier';
  return (
    <div data-testid="reply-box">
      <Input.TextArea
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={3}
        maxLength={4000}
        placeholder={t(supplier ? 'inquiries.replyPlaceholderSupplier' : 'inquiries.replyPlaceholderBuyer')}
        data-testid="reply-text"
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8, marginTop: 8, flexWrap: 'wrap' }}>
        <div style={{ flex: '1 1 200px', minWidth: 0 }}><AttachmentPicker value={files} onChange={setFiles} /></div>
        <Space wrap>
          {inquiry.can.quote && <Button icon={<DollarOutlined />} onClick={() => setQuoting(true)} data-testid="open-quote">{t('inquiries.sendQuote')}</Button>}
          <Button type="primary" icon={<SendOutlined />} loading={send.isPending} disabled={uploading || (!body.trim() && uploadedIds(files).length === 0)} onClick={() => send.mutate()} data-testid="reply-send">
            {t('inquiries.send')}
          </Button>
        </Space>
      </div>
      {inquiry.can.quote && <QuoteModal inquiry={inquiry} open={quoting} onClose={() => setQuoting(false)} />}
    </div>
  );
}

function AssignControl({ inquiry, meId }: { inquiry: InquiryView; meId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const assign = useMutation({
    mutationFn: (userId: string | null) => api<InquiryView>(`/inquiries/${inquiry.id}/assign`, { method: 'POST', body: { userId } }),
    onSuccess: async (v) => {
      qc.setQueryData([...INQ_KEY, 'detail', inquiry.id], v);
      message.success(v.assignee ? t('inquiries.assigned', { name: v.assignee.name }) : t('inquiries.unassign'));
      await qc.invalidateQueries({ queryKey: INQ_KEY });
    },
    onError: (e) => message.error(problemDetail(e)),
  });
  return (
    <Space wrap size={6}>
      <Select
        size="small"
        style={{ minWidth: 160 }}
        value={inquiry.assignee?.id ?? null}
        placeholder={t('inquiries.unassigned')}
        allowClear
        loading={assign.isPending}
        onChange={(v: string | null | undefined) => assign.mutate(v ?? null)}
        data-testid="assign-select"
        aria-label={t('inquiries.assignTo')}
        options={inquiry.assignees.map((m) => ({ value: m.id, label: `${m.name} · ${t(`inquiries.roles.${m.role}`, { defaultValue: m.role })}` }))}
      />
      {inquiry.assignee?.id !== meId && inquiry.assignees.some((m) => m.id === meId) && (
        <Button size="small" icon={<UserAddOutlined />} onClick={() => assign.mutate(meId)} data-testid="take-it">{t('inquiries.takeIt')}</Button>
      )}
    </Space>
  );
}

export default function InquiryThread() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const regionName = useRegionName();
  const [reason, setReason] = useState('');
  const q = useQuery({
    queryKey: [...INQ_KEY, 'detail', id],
    queryFn: () => api<InquiryView>(`/inquiries/${id}`),
    retry: (n, e) => !(e instanceof ProblemError && e.status === 404) && n < 2,
  });
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  // Opened from a notification or a link: show the workbench side the viewer acts on here.
  const viewerSide = q.data?.viewerSide;
  useEffect(() => {
    if (!viewerSide) return;
    const side = viewerSide === 'supplier' ? 'seller' : 'buyer';
    if (rememberedSide() === side) return;
    rememberSide(side);
    void navigate(location.pathname + location.search, { replace: true, state: { side } });
  }, [viewerSide, location.pathname, location.search, navigate]);
  const act = useMutation({
    mutationFn: (action: 'close' | 'reopen') => api<InquiryView>(`/inquiries/${id}/${action}`, { method: 'POST', ...(action === 'close' ? { body: reason ? { reason } : {} } : {}) }),
    onSuccess: async (v, action) => {
      qc.setQueryData([...INQ_KEY, 'detail', id], v);
      message.success(t(action === 'close' ? 'inquiries.closed' : 'inquiries.reopened'));
      await qc.invalidateQueries({ queryKey: INQ_KEY });
    },
    onError: (e) => message.error(problemDetail(e)),
  });

  if (q.isPending) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (q.isError) {
    if (q.error instanceof ProblemError && q.error.status === 404) {
      return <Result status="404" subTitle={t('inquiries.notFound')} extra={<Link to="/workbench/inquiries/sent"><Button>{t('inquiries.back')}</Button></Link>} />;
    }
    return <ProblemResult error={q.error} onRetry={() => void q.refetch()} />;
  }
  const inq = q.data;
  const supplierSide = inq.viewerSide === 'supplier';
  const backTo = supplierSide ? '/workbench/inquiries/received' : '/workbench/inquiries/sent';
  const counterpart = companyDisplayName(supplierSide ? inq.buyer : inq.supplier);
  const confirmClose = () => {
    setReason('');
    modal.confirm({
      title: t('inquiries.closeConfirm'),
      content: <Input.TextArea rows={2} maxLength={500} placeholder={t('inquiries.closeReason')} onChange={(e) => setReason(e.target.value)} data-testid="close-reason" />,
      okButtonProps: { 'data-testid': 'close-confirm' },
      onOk: () => act.mutateAsync('close'),
    });
  };

  const lineColumns = [
    {
      title: t('inquiries.header.products'), key: 'p',
      render: (_: unknown, l: InquiryView['lines'][number]) => (
        <Space>
          {l.coverUrl && <img src={l.coverUrl} alt="" style={{ width: 36, height: 36, objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }} />}
          <div style={{ whiteSpace: 'normal', minWidth: 160 }}>
            <Link to={`/products/${l.productId}`}>{lineTitle(l)}</Link>
            <LineSku line={l} />
          </div>
        </Space>
      ),
    },
    { title: t('inquiries.lineQuantity'), key: 'q', render: (_: unknown, l: InquiryView['lines'][number]) => (l.quantity !== null ? formatQuantity(l.quantity, l.unit) : '—') },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        data-testid="inquiry-header"
        title={
          <div style={{ padding: '10px 0', whiteSpace: 'normal' }}>
            <Link to={backTo} style={{ fontSize: 13, fontWeight: 'normal' }}><ArrowLeftOutlined /> {t('inquiries.back')}</Link>
            <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap', marginTop: 4 }}>
              <Typography.Title level={4} style={{ margin: 0 }}>{subjectOf(inq)}</Typography.Title>
              <Tag color={STATUS_COLORS[inq.status]} data-testid="inquiry-status">{t(`inquiries.status.${inq.status}`)}</Tag>
            </div>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {supplierSide ? t('inquiries.colCounterpartBuyer') : t('inquiries.colCounterpartSupplier')}: {counterpart}
            </Typography.Text>
          </div>
        }
        extra={
          <Space wrap>
            {!supplierSide && <InquiryButton productId={inq.lines[0]?.productId} companyId={inq.supplier.id} label={t('inquiries.askAgain')} />}
            {inq.can.close && <Button onClick={confirmClose} loading={act.isPending} data-testid="close-inquiry">{t('inquiries.close')}</Button>}
            {inq.can.reopen && <Button onClick={() => act.mutate('reopen')} loading={act.isPending} data-testid="reopen-inquiry">{t('inquiries.reopen')}</Button>}
          </Space>
        }
      >
        {inq.lines.length > 0 && (
          <Table size="small" rowKey={(l) => `${l.productId}-${l.skuId ?? ''}-${l.quantity ?? ''}`} columns={lineColumns} dataSource={inq.lines} pagination={false} style={{ marginBottom: 12 }} scroll={{ x: 'max-content' }} />
        )}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('inquiries.header.quantity')}>{inq.quantity !== null && inq.unit ? formatQuantity(inq.quantity, inq.unit) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('inquiries.header.target')}>{inq.targetUnitPrice !== null ? `${formatMoney(inq.targetUnitPrice)}${inq.unit ? ` / ${perUnitLabel(inq.unit)}` : ''}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('inquiries.header.region')}>{inq.deliveryProvince ? regionName(inq.deliveryProvince) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('inquiries.header.desiredDate')}>{inq.desiredDate ? formatDate(inq.desiredDate) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('inquiries.header.sentBy')}>{inq.buyerUser.name} · {companyDisplayName(inq.buyer)}</Descriptions.Item>
          <Descriptions.Item label={t('inquiries.header.sentAt')}>{formatDateTime(inq.createdAt)}</Descriptions.Item>
          {supplierSide && (
            <Descriptions.Item label={t('inquiries.header.assignee')}>
              {me.data ? <AssignControl inquiry={inq} meId={me.data.user.id} /> : inq.assignee?.name ?? t('inquiries.unassigned')}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('inquiries.header.firstResponse')}>{inq.firstResponseAt ? formatDateTime(inq.firstResponseAt) : '—'}</Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>{t('inquiries.header.message')}</Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: '8px 12px', borderRadius: 6, marginTop: 4 }} data-testid="inquiry-message">{inq.message}</Typography.Paragraph>
        {inq.attachments.length > 0 && (
          <div><Typography.Text type="secondary">{t('inquiries.header.attachments')}: </Typography.Text><AttachmentList items={inq.attachments} /></div>
        )}
        {inq.status === 'closed' && inq.closedBySide && inq.closedAt && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            message={t('inquiries.header.closedBy', { side: t(`inquiries.side.${inq.closedBySide}`), date: formatDateTime(inq.closedAt) })}
            description={inq.closeReason ? t('inquiries.header.closedReason', { reason: inq.closeReason }) : undefined}
          />
        )}
      </Card>

      <Card title={t('inquiries.thread')} data-testid="inquiry-thread">
        {inq.replies.length === 0 ? (
          <Typography.Text type="secondary">{t('inquiries.threadEmpty')}</Typography.Text>
        ) : (
          inq.replies.map((r) => <Message key={r.id} reply={r} mine={r.side === inq.viewerSide} counterpartName={counterpart} />)
        )}
        <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12, marginTop: 8 }}>
          {inq.can.reply ? <ReplyBox inquiry={inq} /> : <Alert type="warning" showIcon message={t('inquiries.closedNotice')} />}
        </div>
      </Card>
    </Space>
  );
}
