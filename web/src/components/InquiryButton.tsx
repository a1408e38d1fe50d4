import { FileTextOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Skeleton, Space, Typography } from 'antd';
import type { UploadFile } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Company } from '../api.js';
import { api, problemDetail, ProblemError } from '../api.js';
import { companyDisplayName } from '../format.js';
import '../i18n/inquiries.js';
import { productTitle, UNITS, unitLabel, useAttributeText, useCategory, type ProductView } from '../pages/catalog/model.js';
import { AttachmentPicker, uploadedIds } from '../pages/workbench/inquiries/Attachments.js';
import { INQ_KEY, skuText, todayInChina, type InquiryView } from '../pages/workbench/inquiries/model.js';
import { currentLang } from '../i18n/index.js';
import { activeCompanyOf, useMe, useRegions } from '../session.js';

export interface InquiryButtonProps {
  /** Ask about this product (its supplier is addressed, its SKUs offered). */
  productId?: string;
  /** Ask this supplier (a shop or a company card); not needed with productId. */
  companyId?: string;
  /** Preselect a SKU of the product (the variant the buyer was looking at). */
  skuId?: string;
  type?: 'primary' | 'default';
  size?: 'small' | 'middle' | 'large';
  block?: boolean;
  label?: string;
}

interface FormValues {
  lines: Array<{ skuId?: string; quantity?: number }>;
  quantity?: number;
  unit?: string;
  targetPrice?: number;
  deliveryProvince?: string;
  desiredDate?: dayjs.Dayjs;
  message: string;
}

/** The SKU as the product page labels it ("Φ25 mm"), then its code. */
function skuOptionLabel(s: ProductView['skus'][number], text: (key: string, value: string) => string): string {
  return skuText({ skuAttributes: s.attributes, skuCode: s.code ?? null }, text) || s.id.slice(0, 8);
}

function InquiryForm({ productId, companyId, skuId, onDone }: { productId?: string; companyId?: string; skuId?: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const regions = useRegions();
  const [form] = Form.useForm<FormValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const product = useQuery({ queryKey: ['products', 'detail', productId], queryFn: () => api<ProductView>(`/products/${productId ?? ''}`), enabled: Boolean(productId) });
  const attrText = useAttributeText(useCategory(product.data?.categoryId).data?.attributes);
  const supplierId = companyId ?? product.data?.companyId;
  const supplier = useQuery({ queryKey: ['companies', supplierId], queryFn: () => api<Company>(`/companies/${supplierId ?? ''}`), enabled: Boolean(supplierId) });
  const own = Boolean(supplierId && me?.companies.some((c) => c.id === supplierId));
  const send = useMutation({
    mutationFn: (v: FormValues) =>
      api<InquiryView>('/inquiries', {
        method: 'POST',
        body: {
          ...(supplierId ? { supplierCompanyId: supplierId } : {}),
          lines: productId ? v.lines.map((l) => ({ productId, ...(l.skuId ? { skuId: l.skuId } : {}), ...(l.quantity ? { quantity: l.quantity } : {}) })) : [],
          ...(v.quantity ? { quantity: v.quantity, unit: v.unit } : {}),
          ...(v.targetPrice ? { targetUnitPrice: Math.round(v.targetPrice * 100) } : {}),
          ...(v.deliveryProvince ? { deliveryProvince: v.deliveryProvince } : {}),
          ...(v.desiredDate ? { desiredDate: v.desiredDate.format('YYYY-MM-DD') } : {}),
          message: v.message,
          attachmentIds: uploadedIds(files),
        },
      }),
    onSuccess: async (inq) => {
      message.success(t('inquiries.sentToast'));
      await qc.invalidateQueries({ queryKey: INQ_KEY });
      onDone();
      void navigate(`/workbench/inquiries/${inq.id}`);
    },
    onError: (e) => {
      if (e instanceof ProblemError && e.errors.length) {
        form.setFields(e.errors.map((fe) => ({
          name: fe.path.replace(/^body\./, '').replace(/^targetUnitPrice$/, 'targetPrice').split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never,
          errors: [fe.message],
        })));
      }
      message.error(problemDetail(e));
    },
  });

  if ((productId && product.isPending) || (supplierId && supplier.isPending)) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (product.isError) return <Alert type="error" message={problemDetail(product.error)} />;
  const p = product.data;
  const unit = p?.unit ?? 'piece';
  const title = p ? productTitle(p) : '';
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      disabled={own}
      onFinish={(v) => send.mutate(v)}
      initialValues={{
        lines: p ? [{ skuId: skuId ?? (p.skus.length === 1 ? p.skus[0]!.id : undefined), quantity: p.moq }] : [],
        unit,
        message: p ? t('inquiries.messageTemplate', { title }) : t('inquiries.messageTemplateShop'),
      }}
      data-testid="inquiry-form"
    >
      {supplier.data && (
        <Typography.Paragraph style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('inquiries.dialogTo')}: </Typography.Text>
          <Typography.Text strong>{companyDisplayName(supplier.data)}</Typography.Text>
        </Typography.Paragraph>
      )}
      {own && <Alert type="warning" showIcon message={t('inquiries.ownCompany')} style={{ marginBottom: 12 }} />}
      {p && (
        <>
          <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>{title}</Typography.Text>
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8} align="middle" wrap={false}>
                    <Col flex="auto" style={{ minWidth: 0 }}>
                      <Form.Item name={[f.name, 'skuId']} label={f.name === 0 ? t('inquiries.lineSku') : undefined} style={{ marginBottom: 8 }}>
                        <Select allowClear placeholder={t('inquiries.lineSkuAny')} options={p.skus.map((s) => ({ value: s.id, label: skuOptionLabel(s, attrText) }))} data-testid="inquiry-sku" />
                      </Form.Item>
                    </Col>
                    <Col flex="150px">
                      <Form.Item name={[f.name, 'quantity']} label={f.name === 0 ? t('inquiries.lineQuantity') : undefined} style={{ marginBottom: 8 }}>
                        <InputNumber min={0.001} style={{ width: '100%' }} addonAfter={unitLabel(unit)} data-testid="inquiry-line-quantity" />
                      </Form.Item>
                    </Col>
                    <Col flex="24px">{fields.length > 1 && <MinusCircleOutlined aria-label={t('inquiries.removeLine')} onClick={() => remove(f.name)} style={{ marginTop: f.name === 0 ? 22 : 0 }} />}</Col>
                  </Row>
                ))}
                {p.skus.length > 1 && fields.length < Math.min(20, p.skus.length) && (
                  <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ quantity: p.moq })} style={{ marginBottom: 12 }}>{t('inquiries.addSku')}</Button>
                )}
              </>
            )}
          </Form.List>
        </>
      )}
      <Row gutter={12}>
        {!p && (
          <>
            <Col xs={14} sm={8}><Form.Item name="quantity" label={t('inquiries.totalQuantity')}><InputNumber min={0.001} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={10} sm={4}><Form.Item name="unit" label={t('inquiries.unit')}><Select options={UNITS.map((u) => ({ value: u, label: unitLabel(u) }))} /></Form.Item></Col>
          </>
        )}
        <Col xs={12} sm={p ? 8 : 6}><Form.Item name="targetPrice" label={t('inquiries.targetPrice')}><InputNumber min={0.01} precision={2} prefix="¥" style={{ width: '100%' }} data-testid="inquiry-target" /></Form.Item></Col>
        <Col xs={12} sm={p ? 8 : 6}>
          <Form.Item name="deliveryProvince" label={t('inquiries.deliveryProvince')}>
            <Select allowClear showSearch optionFilterProp="label" options={(regions.data ?? []).map((r) => ({ value: r.code, label: currentLang() === 'en-US' ? r.en : r.zh }))} data-testid="inquiry-province" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="desiredDate" label={t('inquiries.desiredDate')}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < todayInChina()} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="message" label={t('inquiries.message')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={4} maxLength={4000} showCount placeholder={t('inquiries.messagePlaceholder')} data-testid="inquiry-message-input" />
      </Form.Item>
      <Form.Item help={t('inquiries.attachHint')}>
        <AttachmentPicker value={files} onChange={setFiles} disabled={own} />
      </Form.Item>
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
        <Button onClick={onDone} disabled={false}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={send.isPending} disabled={own || files.some((f) => f.status === 'uploading')} data-testid="inquiry-submit">
          {t('inquiries.submit')}
        </Button>
      </div>
    </Form>
  );
}

/**
 * 询价 Inquire: opens the inquiry dialog for a product (with its SKUs) or a supplier. Signed out, it asks to sign in;
 * without a company, to create one; after sending it opens the inquiry's thread.
 */
export function InquiryButton({ productId, companyId, skuId, type = 'default', size = 'middle', block = false, label }: InquiryButtonProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const next = encodeURIComponent(location.pathname + location.search);
  const company = activeCompanyOf(me);
  let content: React.ReactNode;
  if (!me) {
    content = (
      <div data-testid="inquiry-signin">
        <Typography.Paragraph>{t('inquiries.signInText')}</Typography.Paragraph>
        <Space>
          <Link to={`/login?next=${next}`}><Button type="primary">{t('inquiries.signIn')}</Button></Link>
          <Link to={`/register?next=${next}`}><Button>{t('inquiries.register')}</Button></Link>
        </Space>
      </div>
    );
  } else if (!company) {
    content = (
      <div>
        <Typography.Paragraph>{t('inquiries.needCompany')}</Typography.Paragraph>
        <Link to="/companies/new"><Button type="primary">{t('inquiries.createCompany')}</Button></Link>
      </div>
    );
  } else {
    content = <InquiryForm productId={productId} companyId={companyId} skuId={skuId} onDone={() => setOpen(false)} />;
  }
  return (
    <>
      <Button type={type} size={size} block={block} icon={<FileTextOutlined />} onClick={() => setOpen(true)} data-testid="inquire">
        {label ?? t('inquiries.button')}
      </Button>
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        title={me ? t('inquiries.dialogTitle') : t('inquiries.signInTitle')}
        width={me && company ? 640 : 420}
        destroyOnHidden
      >
        {content}
      </Modal>
    </>
  );
}

export default InquiryButton;
