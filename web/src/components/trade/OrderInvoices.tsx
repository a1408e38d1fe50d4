import { FileTextOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Radio, Row, Skeleton, Space, Table, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemDetail, ProblemError } from '../../api.js';
import { uploadedIds, useFileUpload } from '../AttachmentPicker.js';
import { formatDate, formatMoney } from '../../format.js';
import '../../i18n/invoices.js';
import type { OrderSide, OrderView } from '../../pages/workbench/orders/model.js';
import type { InvoiceKind, IssuedInvoice, OrderInvoicesView } from './invoices.js';

type InvoiceOrder = Pick<OrderView, 'id' | 'status' | 'buyerCompanyId' | 'supplierCompanyId' | 'total'>;

interface RecordValues {
  number: string;
  issuedOn: dayjs.Dayjs;
  amount: number;
  kind: InvoiceKind;
  note?: string;
}

const invoicesKey = (orderId: string) => ['order-invoices', orderId];

function RecordForm({ order, view, onDone }: { order: InvoiceOrder; view: OrderInvoicesView; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<RecordValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const upload = useFileUpload({ purpose: 'attachment', companyId: order.supplierCompanyId });
  const fileId = uploadedIds(files)[0];
  const save = useMutation({
    mutationFn: (v: RecordValues) =>
      api<IssuedInvoice>(`/orders/${order.id}/invoices`, {
        method: 'POST',
        body: { number: v.number.trim(), issuedOn: v.issuedOn.format('YYYY-MM-DD'), amount: Math.round(v.amount * 100), kind: v.kind, ...(fileId ? { fileId } : {}), ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
      }),
    onSuccess: async () => {
      message.success(t('invoices.recorded'));
      await qc.invalidateQueries({ queryKey: invoicesKey(order.id) });
      onDone();
    },
    onError: (e) => {
      if (e instanceof ProblemError && e.errors.length) form.setFields(e.errors.map((fe) => ({ name: fe.path.replace(/^body\./, '') as keyof RecordValues, errors: [fe.message] })));
      message.error(problemDetail(e));
    },
  });
  return (
    <Form<RecordValues>
      form={form}
      layout="vertical"
      onFinish={(v) => save.mutate(v)}
      initialValues={{ issuedOn: dayjs(), amount: view.remaining / 100, kind: view.profile?.kind ?? 'ordinary' }}
      data-testid="invoice-record-form"
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="number" label={t('invoices.number')} rules={[{ required: true, whitespace: true, message: t('invoices.required') }]}>
            <Input maxLength={40} data-testid="invoice-number" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="issuedOn" label={t('invoices.issuedOn')} rules={[{ required: true, message: t('invoices.required') }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="amount" label={t('invoices.amount')} extra={t('invoices.remaining', { amount: formatMoney(view.remaining) })}
            // A rule instead of max: InputNumber's max clamps on blur, so an over-large amount would be changed and submitted silently.
            rules={[
              { required: true, message: t('invoices.required') },
              { validator: async (_, v: number | null | undefined) => { if (typeof v === 'number' && Math.round(v * 100) > view.remaining) throw new Error(t('invoices.amountTooMuch', { amount: formatMoney(view.remaining) })); } },
            ]}
          >
            <InputNumber min={0.01} precision={2} prefix="¥" style={{ width: '100%' }} data-testid="invoice-amount" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('invoices.field.kind')}>
            <Radio.Group options={(['ordinary', 'vat_special'] as const).map((k) => ({ value: k, label: t(`invoices.kind.${k}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('invoices.file')} extra={t('invoices.fileHint')}>
        <Upload
          fileList={files}
          maxCount={1}
          accept="image/png,image/jpeg,application/pdf"
          onChange={({ fileList }) => setFiles(fileList)}
          customRequest={upload}
        >
          <Button icon={<PaperClipOutlined />}>{t('invoices.upload')}</Button>
        </Upload>
      </Form.Item>
      <Form.Item name="note" label={t('invoices.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={files.some((f) => f.status === 'uploading')} data-testid="invoice-record-submit">{t('invoices.record')}</Button>
      </div>
    </Form>
  );
}

/**
 * The invoices section of an order (订单发票): the invoice profile the buyer chose, the invoices the seller recorded
 * (number, date, amount, file) and, for the seller once the order is paid, a form to record one.
 */
export function OrderInvoices({ order, side }: { order: InvoiceOrder; side: OrderSide }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  const q = useQuery({ queryKey: invoicesKey(order.id), queryFn: () => api<OrderInvoicesView>(`/orders/${order.id}/invoices`) });
  const view = q.data;
  return (
    <Card
      size="small"
      title={<Space><FileTextOutlined />{t('invoices.section')}</Space>}
      data-testid="order-invoices"
      extra={side === 'seller' && view?.canRecord && view.remaining > 0 && (
        <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="invoice-record">{t('invoices.record')}</Button>
      )}
    >
      {q.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : q.error ? (
        <Alert type="error" showIcon title={problemDetail(q.error)} />
      ) : view ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('invoices.profileChosen')}</Typography.Text>
            {view.profile ? (
              <Descriptions size="small" column={{ xs: 1, sm: 2 }} colon={false} styles={{ label: { color: '#8c8c8c', marginInlineEnd: 8 } }} data-testid="order-invoice-profile">
                <Descriptions.Item label={t('invoices.field.title')}>
                  <Space size={4} wrap>{view.profile.title}<Tag color={view.profile.kind === 'vat_special' ? 'blue' : 'default'}>{t(`invoices.kind.${view.profile.kind}`)}</Tag></Space>
                </Descriptions.Item>
                <Descriptions.Item label={t('invoices.field.taxNo')}><span style={{ fontFamily: 'monospace' }}>{view.profile.taxNo}</span></Descriptions.Item>
                {view.profile.bankName && <Descriptions.Item label={t('invoices.field.bankName')}>{view.profile.bankName}</Descriptions.Item>}
                {view.profile.bankAccount && <Descriptions.Item label={t('invoices.field.bankAccount')}>{view.profile.bankAccount}</Descriptions.Item>}
                {view.profile.address && <Descriptions.Item label={t('invoices.field.address')}>{view.profile.address}</Descriptions.Item>}
                {view.profile.phone && <Descriptions.Item label={t('invoices.field.phone')}>{view.profile.phone}</Descriptions.Item>}
              </Descriptions>
            ) : (
              <div><Typography.Text type="secondary">{t('invoices.noProfile')}</Typography.Text></div>
            )}
          </div>
          <div>
            <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('invoices.issued')}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="order-invoiced">
                {t('invoices.invoiced', { invoiced: formatMoney(view.invoicedTotal), total: formatMoney(view.invoiceable) })}
              </Typography.Text>
            </Space>
            {view.items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={side === 'seller' ? (view.canRecord ? t('invoices.noneSeller') : t('invoices.notYet')) : t('invoices.none')} />
            ) : (
              <Table<IssuedInvoice>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={view.items}
                scroll={{ x: 520 }}
                columns={[
                  { key: 'number', title: t('invoices.number'), render: (_, r) => <span style={{ fontFamily: 'monospace' }}>{r.number}</span> },
                  { key: 'kind', title: t('invoices.field.kind'), render: (_, r) => t(`invoices.kind.${r.kind}`) },
                  { key: 'issuedOn', title: t('invoices.issuedOn'), render: (_, r) => formatDate(r.issuedOn) },
                  { key: 'amount', title: t('invoices.amount'), align: 'right', render: (_, r) => formatMoney(r.amount) },
                  { key: 'file', title: t('invoices.file'), render: (_, r) => (r.fileUrl ? <a href={r.fileUrl} target="_blank" rel="noreferrer">{t('invoices.download')}</a> : '—') },
                ]}
              />
            )}
          </div>
        </Space>
      ) : null}
      <Modal open={recording} onCancel={() => setRecording(false)} footer={null} title={t('invoices.record')} destroyOnHidden width={600}>
        {recording && view && <RecordForm order={order} view={view} onDone={() => setRecording(false)} />}
      </Modal>
    </Card>
  );
}

export default OrderInvoices;
