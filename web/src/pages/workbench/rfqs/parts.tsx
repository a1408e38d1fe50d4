import { ClockCircleOutlined, CrownOutlined, PaperClipOutlined, SafetyCertificateOutlined, SendOutlined, StarOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Col, DatePicker, Descriptions, Drawer, Empty, Form, Input, InputNumber, List, Row, Select, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ProblemError, problemDetail } from '../../../api.js';
import { ProblemAlert } from '../../../components/Problem.js';
import { companyDisplayName, formatDate, formatDateTime } from '../../../format.js';
import { useRegionName } from '../../../session.js';
import { applyFieldErrors } from '../../formErrors.js';
import type { QuoteDetail, QuoteStatus, QuoteTerms, QuoteView, RfqStatus, RfqView, ThreadMessage } from './model.js';
import { categoryName, money, QUOTE_STATUS_COLOR, qty, RFQ_STATUS_COLOR, SHIPPING_TERMS, specName, specValue, timeLeft } from './model.js';

export function RfqStatusTag({ status }: { status: RfqStatus }) {
  const { t } = useTranslation();
  return <Tag color={RFQ_STATUS_COLOR[status]} data-testid="rfq-status" data-status={status}>{t(`rfqs.status.${status}`)}</Tag>;
}

export function QuoteStatusTag({ status }: { status: QuoteStatus }) {
  const { t } = useTranslation();
  return <Tag color={QUOTE_STATUS_COLOR[status]} data-testid="quote-status" data-status={status}>{t(`rfqs.quoteStatus.${status}`)}</Tag>;
}

export function Deadline({ iso, status }: { iso: string; status: RfqStatus }) {
  const { t } = useTranslation();
  const left = status === 'open' ? timeLeft(iso) : null;
  const soon = left !== null && new Date(iso).getTime() - Date.now() < 24 * 3_600_000;
  return (
    <Space size={4} wrap>
      <span>{formatDateTime(iso)}</span>
      {left ? <Tag color={soon ? 'red' : 'default'} icon={<ClockCircleOutlined />}>{t('rfqs.closesIn', { time: left })}</Tag> : status === 'open' ? <Tag>{t('rfqs.closed')}</Tag> : null}
    </Space>
  );
}

export function SupplierMarks({ s }: { s: QuoteView['supplier'] }) {
  const { t } = useTranslation();
  // Nothing to show: no empty line in the phone cards.
  if (!s.verified && !s.grade && !s.trustpassActive) return null;
  return (
    <Space size={2} wrap>
      {s.verified && <Tooltip title={t('rfqs.col.verified')}><Tag color="blue" icon={<SafetyCertificateOutlined />} style={{ marginInlineEnd: 0 }}>{t('rfqs.col.verified')}</Tag></Tooltip>}
      {s.grade && <Tag color="geekblue" icon={<StarOutlined />} style={{ marginInlineEnd: 0 }}>{s.grade}</Tag>}
      {s.trustpassActive && <Tag color="orange" icon={<CrownOutlined />} style={{ marginInlineEnd: 0 }}>{t('rfqs.col.trustpass')} {s.trustpassYears}</Tag>}
    </Space>
  );
}

/** The need as suppliers and the buyer read it: category, quantity, target, delivery, deadline, spec, attachments. */
export function RfqSummary({ rfq }: { rfq: RfqView }) {
  const { t } = useTranslation();
  const region = useRegionName();
  return (
    <Card size="small" data-testid="rfq-summary">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} colon={false} styles={{ label: { color: '#8c8c8c' } }}>
        <Descriptions.Item label={t('rfqs.col.category')}>{categoryName(rfq.category)}</Descriptions.Item>
        <Descriptions.Item label={t('rfqs.col.quantity')}><b>{qty(rfq.quantity, rfq.unit)}</b></Descriptions.Item>
        <Descriptions.Item label={t('rfqs.col.target')}>{rfq.targetUnitPrice !== null ? money(rfq.targetUnitPrice) : t('rfqs.noTarget')}</Descriptions.Item>
        <Descriptions.Item label={t('rfqs.col.delivery')}>{region(rfq.deliveryProvince)} · {formatDate(rfq.deliveryDate)}</Descriptions.Item>
        <Descriptions.Item label={t('rfqs.col.deadline')}><Deadline iso={rfq.quoteDeadline} status={rfq.status} /></Descriptions.Item>
        <Descriptions.Item label={t('rfqs.col.buyer')}>
          <Space size={4} wrap>
            {rfq.buyer.name ? companyDisplayName({ name: rfq.buyer.name, nameEn: rfq.buyer.nameEn }) : region(rfq.buyer.province)}
            {rfq.buyer.verified && <Tag color="blue" style={{ marginInlineEnd: 0 }}>{t('rfqs.buyerVerified')}</Tag>}
            {rfq.buyer.grade && <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>{rfq.buyer.grade}</Tag>}
            <Tag style={{ marginInlineEnd: 0 }}>{rfq.visibility === 'invited' ? t('rfqs.invitedOnly') : t('rfqs.public')}</Tag>
            {rfq.minGrade && <Tag style={{ marginInlineEnd: 0 }}>≥ {rfq.minGrade}</Tag>}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {rfq.specLines.length > 0 && (
        <Descriptions size="small" title={<Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('rfqs.spec')}</Typography.Text>} column={{ xs: 2, sm: 3, lg: 4 }} bordered style={{ marginTop: 8 }} data-testid="rfq-spec">
          {rfq.specLines.map((l) => <Descriptions.Item key={l.key} label={specName(l)}>{specValue(l)}</Descriptions.Item>)}
        </Descriptions>
      )}
      {rfq.description && <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-wrap' }}><Typography.Text type="secondary">{t('rfqs.description')}:</Typography.Text> {rfq.description}</Typography.Paragraph>}
      {rfq.attachments.length > 0 && (
        <Space style={{ marginTop: 8 }} wrap>
          <Typography.Text type="secondary">{t('rfqs.attachments')}:</Typography.Text>
          {rfq.attachments.map((a, i) => <a key={a.fileId} href={a.url} target="_blank" rel="noreferrer"><PaperClipOutlined /> {i + 1}</a>)}
        </Space>
      )}
    </Card>
  );
}

/** The quote's terms as a compact list (supplier's own view, buyer's drawer). */
export function QuoteTermsView({ q, quantity, unit }: { q: QuoteTerms & { atQuantity?: QuoteView['atQuantity'] }; quantity: number; unit: string }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }} colon={false} styles={{ label: { color: '#8c8c8c' } }}>
      <Descriptions.Item label={t('rfqs.col.unitPrice')}>{money(q.unitPrice)}{q.priceTiers.length > 0 && <> · {q.priceTiers.map((tier) => `≥${tier.minQuantity} ${money(tier.unitPrice)}`).join(' / ')}</>}</Descriptions.Item>
      {q.atQuantity && <Descriptions.Item label={t('rfqs.col.total')}><b>{money(q.atQuantity.total)}</b> ({qty(quantity, unit)} × {money(q.atQuantity.unitPrice)})</Descriptions.Item>}
      <Descriptions.Item label={t('rfqs.col.leadTime')}>{t('rfqs.days', { count: q.leadTimeDays })}</Descriptions.Item>
      <Descriptions.Item label={t('rfqs.col.validUntil')}>{formatDate(q.validUntil)}</Descriptions.Item>
      <Descriptions.Item label={t('rfqs.col.terms')}>{t(`rfqs.shipping.${q.shippingTerms}`, { defaultValue: q.shippingTerms })}</Descriptions.Item>
      <Descriptions.Item label={t('rfqs.sample')}>{q.sample ? (q.sample.unitPrice === 0 ? t('rfqs.sampleFree', { qty: qty(q.sample.maxQuantity, unit) }) : t('rfqs.samplePaid', { price: money(q.sample.unitPrice), qty: qty(q.sample.maxQuantity, unit) })) : t('rfqs.noSample')}</Descriptions.Item>
      {q.notes && <Descriptions.Item label={t('rfqs.notes')} span={2}>{q.notes}</Descriptions.Item>}
    </Descriptions>
  );
}

/** The per-quote thread between the buyer and that supplier, in a drawer. */
export function QuoteThreadDrawer({ quote, title, onClose }: { quote: QuoteView | QuoteDetail | null; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const id = quote?.id;
  const thread = useQuery({
    queryKey: ['wb', 'quote-thread', id],
    queryFn: () => api<{ items: ThreadMessage[] }>(`/quotes/${id ?? ''}/messages`).then((r) => r.items),
    enabled: Boolean(id),
    refetchInterval: 15_000,
  });
  const send = useMutation({
    mutationFn: () => api<ThreadMessage>(`/quotes/${id ?? ''}/messages`, { method: 'POST', body: { body: text } }),
    onSuccess: async () => {
      setText('');
      await qc.invalidateQueries({ queryKey: ['wb', 'quote-thread', id] });
    },
  });
  return (
    <Drawer open={Boolean(quote)} onClose={onClose} title={title} size={420} styles={{ body: { display: 'flex', flexDirection: 'column', gap: 12 } }} data-testid="quote-thread">
      <div style={{ flex: 1, overflowY: 'auto' }}>
        {thread.data && thread.data.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rfqs.threadEmpty')} />}
        <List
          split={false}
          dataSource={thread.data ?? []}
          renderItem={(m) => (
            <List.Item style={{ justifyContent: m.mine ? 'flex-end' : 'flex-start', paddingBlock: 4 }}>
              <div style={{ maxWidth: '85%', background: m.mine ? '#FFF1E8' : '#F5F5F5', borderRadius: 8, padding: '6px 10px' }}>
                <div style={{ whiteSpace: 'pre-wrap' }}>{m.body}</div>
                <Typography.Text type="secondary" style={{ fontSize: 11 }}>{t(m.side === 'buyer' ? 'rfqs.col.buyer' : 'rfqs.col.supplier')} · {formatDateTime(m.createdAt)}</Typography.Text>
              </div>
            </List.Item>
          )}
        />
      </div>
      <ProblemAlert error={send.error} />
      <Space.Compact style={{ width: '100%' }}>
        <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} placeholder={t('rfqs.threadPh')} data-testid="thread-input" />
        <Button type="primary" icon={<SendOutlined />} disabled={!text.trim()} loading={send.isPending} onClick={() => send.mutate()} data-testid="thread-send">{t('rfqs.send')}</Button>
      </Space.Compact>
    </Drawer>
  );
}

interface QuoteFormValues {
  unitPrice: number | null;
  priceTiers: Array<{ minQuantity: number | null; unitPrice: number | null }>;
  leadTimeDays: number | null;
  validUntil: Dayjs | null;
  shippingTerms: string;
  sampleOffered: boolean;
  sampleUnitPrice?: number | null;
  sampleMaxQuantity?: number | null;
  notes?: string;
}

const toFen = (yuan: number) => Math.round(yuan * 100);
const isSet = (v: number | null | undefined): v is number => typeof v === 'number';

/** Submit (rfqId) or revise (existing) a quote. Prices typed in 元, sent in 分. */
export function QuoteForm({ rfq, existing, onDone }: { rfq: RfqView; existing: QuoteDetail | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<QuoteFormValues>();
  const sampleOffered = Form.useWatch('sampleOffered', form);
  const initial: QuoteFormValues = existing
    ? {
      unitPrice: existing.unitPrice / 100, priceTiers: existing.priceTiers.map((p) => ({ minQuantity: p.minQuantity, unitPrice: p.unitPrice / 100 })),
      leadTimeDays: existing.leadTimeDays, validUntil: dayjs(existing.validUntil), shippingTerms: existing.shippingTerms, sampleOffered: Boolean(existing.sample),
      sampleUnitPrice: existing.sample ? existing.sample.unitPrice / 100 : null, sampleMaxQuantity: existing.sample?.maxQuantity ?? null, notes: existing.notes,
    }
    : { unitPrice: null, priceTiers: [], leadTimeDays: 7, validUntil: dayjs().add(14, 'day'), shippingTerms: 'delivered', sampleOffered: false, notes: '' };
  const save = useMutation({
    mutationFn: (v: QuoteFormValues) => {
      const body = {
        unitPrice: toFen(v.unitPrice ?? 0),
        // Only wholly empty rows are left out; a half-filled one is stopped by the tier rules below.
        priceTiers: v.priceTiers.filter((p) => isSet(p.minQuantity) && isSet(p.unitPrice)).map((p) => ({ minQuantity: p.minQuantity ?? 0, unitPrice: toFen(p.unitPrice ?? 0) })),
        leadTimeDays: v.leadTimeDays ?? 0,
        validUntil: (v.validUntil ?? dayjs()).format('YYYY-MM-DD'),
        shippingTerms: v.shippingTerms,
        sample: v.sampleOffered ? { unitPrice: toFen(v.sampleUnitPrice ?? 0), maxQuantity: v.sampleMaxQuantity ?? 1 } : null,
        notes: v.notes ?? '',
      };
      return existing ? api<QuoteDetail>(`/quotes/${existing.id}`, { method: 'PATCH', body }) : api<QuoteDetail>(`/rfqs/${rfq.id}/quotes`, { method: 'POST', body });
    },
    onSuccess: async () => {
      message.success(t(existing ? 'rfqs.quoteRevised' : 'rfqs.quoteSubmitted'));
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'wb' });
      onDone();
    },
    onError: (e) => {
      if (!(e instanceof ProblemError)) return;
      // A tier's problem goes on that tier's field (its row shows it under "price tiers"); the rest by top-level name.
      const tier = /^body\.priceTiers\.(\d+)\.(minQuantity|unitPrice)$/;
      form.setFields(e.errors.flatMap((x) => {
        const m = tier.exec(x.path);
        return m ? [{ name: ['priceTiers', Number(m[1]), m[2]!] as never, errors: [x.message] }] : [];
      }));
      applyFieldErrors(form, new ProblemError(e.status, e.code, e.detail, e.errors.filter((x) => !tier.test(x.path))));
    },
  });
  return (
    <Form
      form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} data-testid="quote-form" requiredMark={false}
      // The summary of the server's refusal is about the values sent: an edit makes it stale (field errors stay on their fields).
      onValuesChange={() => { if (save.error) save.reset(); }}
    >
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="unitPrice" label={`${t('rfqs.qUnitPrice')} / ${qty(1, rfq.unit).replace(/^1\s*/, '')}`} rules={[{ required: true, message: t('rfqs.required') }]}>
            <InputNumber min={0.01} step={0.01} precision={2} prefix="¥" style={{ width: '100%' }} data-testid="quote-unit-price" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="leadTimeDays" label={t('rfqs.qLeadTime')} rules={[{ required: true, message: t('rfqs.required') }]}>
            <InputNumber min={0} max={365} style={{ width: '100%' }} data-testid="quote-lead-time" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="validUntil" label={t('rfqs.qValidUntil')} rules={[{ required: true, message: t('rfqs.required') }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="shippingTerms" label={t('rfqs.qShipping')}>
        <Select options={SHIPPING_TERMS.map((s) => ({ value: s, label: t(`rfqs.shipping.${s}`) }))} data-testid="quote-shipping" />
      </Form.Item>
      <Form.Item label={t('rfqs.qTiers')}>
        <Form.List name="priceTiers">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Space.Compact key={f.key} style={{ width: '100%' }}>
                  <Form.Item
                    name={[f.name, 'minQuantity']} noStyle dependencies={[['priceTiers', f.name, 'unitPrice']]}
                    rules={[{ validator: async (_, v: number | null | undefined) => { if (!isSet(v) && isSet(form.getFieldValue(['priceTiers', f.name, 'unitPrice']) as number | null)) throw new Error(t('rfqs.qTierNeedsMin', { n: f.name + 1 })); } }]}
                  ><InputNumber min={0.001} placeholder={t('rfqs.qTierMin')} style={{ width: '45%' }} suffix={qty(1, rfq.unit).replace(/^1\s*/, '')} data-testid="quote-tier-min" /></Form.Item>
                  <Form.Item
                    name={[f.name, 'unitPrice']} noStyle dependencies={[['priceTiers', f.name, 'minQuantity']]}
                    rules={[{ validator: async (_, v: number | null | undefined) => { if (!isSet(v) && isSet(form.getFieldValue(['priceTiers', f.name, 'minQuantity']) as number | null)) throw new Error(t('rfqs.qTierNeedsPrice', { n: f.name + 1 })); } }]}
                  ><InputNumber min={0.01} precision={2} prefix="¥" placeholder={t('rfqs.qTierPrice')} style={{ width: '45%' }} data-testid="quote-tier-price" /></Form.Item>
                  <Button onClick={() => remove(f.name)} style={{ width: '10%' }} aria-label={t('rfqs.qRemoveTier')} data-testid="quote-remove-tier">−</Button>
                </Space.Compact>
              ))}
              {fields.length < 10 && <Button type="dashed" onClick={() => add({ minQuantity: null, unitPrice: null })} block data-testid="quote-add-tier">{t('rfqs.qAddTier')}</Button>}
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="sampleOffered" valuePropName="checked"><Checkbox>{t('rfqs.qSample')}</Checkbox></Form.Item>
      {sampleOffered && (
        <Row gutter={12}>
          <Col span={12}><Form.Item name="sampleUnitPrice" label={t('rfqs.qSamplePrice')}><InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={12}><Form.Item name="sampleMaxQuantity" label={t('rfqs.qSampleQty')}><InputNumber min={0.001} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
      )}
      <Form.Item name="notes" label={t('rfqs.qNotes')}><Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="quote-notes" /></Form.Item>
      {save.error && !(save.error instanceof ProblemError && save.error.errors.length > 0) && <ProblemAlert error={save.error} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="quote-submit">{existing ? t('rfqs.revise') : t('rfqs.quoteNow')}</Button>
      {save.error instanceof ProblemError && save.error.errors.length > 0 && <Typography.Text type="danger" style={{ marginInlineStart: 12 }} data-testid="quote-problem">{problemDetail(save.error)}</Typography.Text>}
    </Form>
  );
}
