import { ArrowLeftOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Cascader, Col, DatePicker, Divider, Form, Input, InputNumber, Radio, Row, Select, Space, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Company, Page } from '../../../api.js';
import { api, ProblemError } from '../../../api.js';
import { ProblemAlert } from '../../../components/Problem.js';
import { companyDisplayName } from '../../../format.js';
import { currentLang } from '../../../i18n/index.js';
import { activeCompanyOf, useMe, useRegions } from '../../../session.js';
import type { AttributeDefinition, CategoryNode } from '../../catalog/model.js';
import { attributeName, findCategory, optionLabel, UNITS, unitLabel, useCategory, useCategoryTree } from '../../catalog/model.js';
import { applyFieldErrors } from '../../formErrors.js';
import { NoCompany } from '../WorkbenchShell.js';
import type { RfqView, SpecValue } from './model.js';
import { GRADES } from './model.js';

interface FormValues {
  title: string;
  categoryPath: string[];
  description?: string;
  specification: Record<string, SpecValue | string[] | [number | null, number | null] | null | undefined>;
  quantity: number | null;
  unit: string;
  targetYuan?: number | null;
  deliveryProvince?: string;
  deliveryDate?: Dayjs;
  quoteDeadline?: Dayjs;
  visibility: 'public' | 'invited';
  invitedCompanyIds: string[];
  supplierProvinces: string[];
  minGrade?: string | null;
}

interface Opt { value: string; label: string; children?: Opt[] }
const options = (nodes: CategoryNode[] | undefined): Opt[] =>
  (nodes ?? []).map((n) => ({ value: n.id, label: currentLang() === 'en-US' ? n.nameEn : n.nameZh, ...(n.children?.length ? { children: options(n.children) } : {}) }));

/** One attribute of the category template as a need: every one optional; enums take several options. */
function SpecField({ def }: { def: AttributeDefinition }) {
  const { t } = useTranslation();
  const name = ['specification', def.key];
  const label = attributeName(def);
  switch (def.type) {
    case 'enum':
      return (
        <Form.Item name={name} label={label}>
          <Select mode="multiple" allowClear maxTagCount="responsive" options={(def.options ?? []).map((o) => ({ value: o.value, label: optionLabel(o) }))} data-testid={`spec-${def.key}`} />
        </Form.Item>
      );
    case 'number':
      return <Form.Item name={name} label={label}><InputNumber style={{ width: '100%' }} suffix={def.unit} data-testid={`spec-${def.key}`} /></Form.Item>;
    case 'range':
      return (
        <Form.Item label={label}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name={[...name, 0]} noStyle><InputNumber style={{ width: '50%' }} placeholder={t('rfqs.rangeMin')} /></Form.Item>
            <Form.Item name={[...name, 1]} noStyle><InputNumber style={{ width: '50%' }} placeholder={t('rfqs.rangeMax')} suffix={def.unit} /></Form.Item>
          </Space.Compact>
        </Form.Item>
      );
    case 'text':
      return <Form.Item name={name} label={label}><Input maxLength={200} data-testid={`spec-${def.key}`} /></Form.Item>;
    case 'boolean':
      return (
        <Form.Item name={name} label={label}>
          <Select allowClear options={[{ value: 'true', label: t('rfqs.yes') }, { value: 'false', label: t('rfqs.no') }]} />
        </Form.Item>
      );
  }
}

/** The values the buyer filled in, in the API's shape (blank ones left out). */
function specBody(template: AttributeDefinition[], raw: FormValues['specification']): Record<string, SpecValue> {
  const out: Record<string, SpecValue> = {};
  for (const def of template) {
    const v = raw[def.key];
    if (v === undefined || v === null || v === '') continue;
    if (def.type === 'enum' && Array.isArray(v)) {
      if (v.length === 1) out[def.key] = String(v[0]);
      else if (v.length > 1) out[def.key] = v.map(String);
    } else if (def.type === 'range' && Array.isArray(v)) {
      const [a, b] = v as [number | null, number | null];
      if (a !== null && a !== undefined && b !== null && b !== undefined) out[def.key] = [a, b];
    } else if (def.type === 'boolean') {
      out[def.key] = v === 'true';
    } else {
      out[def.key] = v as SpecValue;
    }
  }
  return out;
}

/** Post an RFQ: the need, a specification driven by the category template, delivery and deadline, who may quote. */
export default function RfqNew() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const regions = useRegions();
  const tree = useCategoryTree();
  const [form] = Form.useForm<FormValues>();
  const path = Form.useWatch('categoryPath', form);
  const visibility = Form.useWatch('visibility', form);
  const leafId = path?.[path.length - 1] ?? null;
  const leaf = findCategory(tree.data, leafId);
  const isLeaf = Boolean(leaf && (leaf.children?.length ?? 0) === 0);
  const category = useCategory(isLeaf ? leafId : null);
  const [supplierQuery, setSupplierQuery] = useState('');
  const suppliers = useQuery({
    queryKey: ['wb', 'supplier-search', supplierQuery],
    queryFn: () => api<Page<Company>>('/companies', { query: { role: 'supplier', q: supplierQuery || null, limit: 20 } }),
    enabled: visibility === 'invited',
  });
  const [attachments, setAttachments] = useState<Array<{ uid: string; name: string; fileId: string }>>([]);
  const post = useMutation({
    mutationFn: (v: FormValues) =>
      api<RfqView>('/rfqs', {
        method: 'POST',
        body: {
          title: v.title, description: v.description ?? '', categoryId: leafId, specification: specBody(category.data?.attributes ?? [], v.specification ?? {}),
          quantity: v.quantity, unit: v.unit, targetUnitPrice: v.targetYuan ? Math.round(v.targetYuan * 100) : null,
          deliveryProvince: v.deliveryProvince, deliveryDate: v.deliveryDate?.format('YYYY-MM-DD'), quoteDeadline: v.quoteDeadline?.toISOString(),
          attachmentFileIds: attachments.map((a) => a.fileId), visibility: v.visibility, invitedCompanyIds: v.invitedCompanyIds ?? [],
          supplierProvinces: v.supplierProvinces ?? [], minGrade: v.minGrade ?? null,
        },
      }),
    onSuccess: async (rfq) => {
      message.success(t('rfqs.posted'));
      await navigate(`/workbench/rfqs/${rfq.id}`);
    },
    onError: (e) => {
      if (!(e instanceof ProblemError)) return;
      const spec = e.errors.filter((x) => x.path.startsWith('body.specification.'));
      applyFieldErrors(form, e);
      form.setFields(spec.map((x) => ({ name: ['specification', x.path.slice('body.specification.'.length)], errors: [x.message] })));
      const byName: Record<string, string> = { categoryId: 'categoryPath', targetUnitPrice: 'targetYuan' };
      form.setFields(e.errors.filter((x) => byName[x.path.replace(/^body\./, '').split('.')[0] ?? '']).map((x) => ({ name: byName[x.path.replace(/^body\./, '').split('.')[0] ?? ''] as never, errors: [x.message] })));
    },
  });
  if (!company) return <NoCompany />;
  const provinceOptions = (regions.data ?? []).map((r) => ({ value: r.code, label: currentLang() === 'en-US' ? r.en : r.zh }));
  return (
    <Card title={<Space><Link to="/workbench/rfqs"><Button type="text" icon={<ArrowLeftOutlined />} /></Link>{t('rfqs.formTitle')}</Space>} data-testid="rfq-new">
      <Form<FormValues>
        form={form} layout="vertical" requiredMark={false} style={{ maxWidth: 880 }} onFinish={(v) => post.mutate(v)} scrollToFirstError
        // Posting publishes at once: Enter in a one-line field (a typed date, the quantity) must not post a half-filled RFQ.
        onKeyDown={(e) => { if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault(); }}
        // The server's refusal is about the values sent: an edit makes its summary stale (field errors stay on their fields).
        onValuesChange={() => { if (post.error) post.reset(); }}
        initialValues={{ unit: 'ton', visibility: 'public', invitedCompanyIds: [], supplierProvinces: [], specification: {}, quoteDeadline: dayjs().add(3, 'day').hour(18).minute(0).second(0), deliveryDate: dayjs().add(20, 'day') }}
      >
        <Typography.Title level={5}>{t('rfqs.sectionNeed')}</Typography.Title>
        <Form.Item name="title" label={t('rfqs.fTitle')} rules={[{ required: true, min: 4, message: t('rfqs.required') }]}>
          <Input maxLength={120} placeholder={t('rfqs.fTitlePh')} data-testid="rfq-title" />
        </Form.Item>
        <Form.Item name="categoryPath" label={t('rfqs.fCategory')} rules={[{ required: true, message: t('rfqs.required') }]} validateStatus={leafId && !isLeaf ? 'warning' : undefined} help={leafId && !isLeaf ? t('rfqs.chooseLeaf') : undefined}>
          <Cascader options={options(tree.data)} showSearch placeholder={t('rfqs.fCategory')} data-testid="rfq-category" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12} sm={8}><Form.Item name="quantity" label={t('rfqs.fQuantity')} rules={[{ required: true, message: t('rfqs.required') }]}><InputNumber min={0.001} style={{ width: '100%' }} data-testid="rfq-quantity" /></Form.Item></Col>
          <Col xs={12} sm={8}><Form.Item name="unit" label={t('rfqs.fUnit')}><Select options={UNITS.map((u) => ({ value: u, label: unitLabel(u) }))} /></Form.Item></Col>
          <Col xs={24} sm={8}><Form.Item name="targetYuan" label={t('rfqs.fTarget')}><InputNumber min={0.01} precision={2} prefix="¥" style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Form.Item name="description" label={t('rfqs.fDescription')}><Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="rfq-description" /></Form.Item>

        {isLeaf && (category.data?.attributes.length ?? 0) > 0 && (
          <>
            <Divider />
            <Typography.Title level={5}>{t('rfqs.sectionSpec')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('rfqs.sectionSpecHint')}</Typography.Paragraph>
            <Row gutter={12} data-testid="rfq-spec-fields">
              {category.data?.attributes.map((def) => <Col key={def.key} xs={24} sm={12} md={8}><SpecField def={def} /></Col>)}
            </Row>
          </>
        )}

        <Divider />
        <Typography.Title level={5}>{t('rfqs.sectionDelivery')}</Typography.Title>
        <Row gutter={12}>
          <Col xs={24} sm={8}><Form.Item name="deliveryProvince" label={t('rfqs.fProvince')} rules={[{ required: true, message: t('rfqs.required') }]}><Select showSearch={{ optionFilterProp: 'label' }} options={provinceOptions} data-testid="rfq-province" /></Form.Item></Col>
          <Col xs={12} sm={8}><Form.Item name="deliveryDate" label={t('rfqs.fDeliveryDate')} rules={[{ required: true, message: t('rfqs.required') }]}><DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="rfq-delivery-date" /></Form.Item></Col>
          <Col xs={12} sm={8}><Form.Item name="quoteDeadline" label={t('rfqs.fDeadline')} rules={[{ required: true, message: t('rfqs.required') }]}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="rfq-deadline" /></Form.Item></Col>
        </Row>
        <Form.Item label={t('rfqs.fAttachments')}>
          <Upload
            multiple maxCount={10} fileList={attachments.map((a) => ({ uid: a.uid, name: a.name, status: 'done' as const }))}
            onRemove={(f) => setAttachments((list) => list.filter((a) => a.uid !== f.uid))}
            customRequest={async (opts) => {
              const file = opts.file as File;
              const body = new FormData();
              body.append('file', file);
              try {
                const res = await api<{ id: string }>('/files', { method: 'POST', query: { purpose: 'attachment', companyId: company.id }, form: body });
                setAttachments((list) => [...list, { uid: `${Date.now()}-${file.name}`, name: file.name, fileId: res.id }]);
                opts.onSuccess?.(res);
              } catch (err) {
                opts.onError?.(err as Error);
              }
            }}
          >
            <Button icon={<UploadOutlined />}>{t('rfqs.upload')}</Button>
          </Upload>
        </Form.Item>

        <Divider />
        <Typography.Title level={5} data-testid="rfq-section-suppliers">{t('rfqs.sectionSuppliers')}</Typography.Title>
        <Form.Item name="visibility" label={t('rfqs.fVisibility')}>
          <Radio.Group options={[{ value: 'public', label: t('rfqs.fPublic') }, { value: 'invited', label: t('rfqs.fInvited') }]} />
        </Form.Item>
        {visibility === 'invited' && (
          <Form.Item name="invitedCompanyIds" label={t('rfqs.fInvitedIds')} rules={[{ required: true, message: t('rfqs.required') }]}>
            <Select mode="multiple" showSearch={{ filterOption: false, onSearch: setSupplierQuery }} placeholder={t('rfqs.fInvitedPh')} loading={suppliers.isFetching}
              options={(suppliers.data?.items ?? []).filter((c) => c.id !== company.id).map((c) => ({ value: c.id, label: companyDisplayName(c) }))} />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col xs={24} sm={16}><Form.Item name="supplierProvinces" label={t('rfqs.fPreferred')}><Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={provinceOptions} maxCount={10} /></Form.Item></Col>
          <Col xs={24} sm={8}><Form.Item name="minGrade" label={t('rfqs.fMinGrade')}><Select allowClear options={GRADES.map((g) => ({ value: g, label: `≥ ${g}` }))} /></Form.Item></Col>
        </Row>
        {post.error && <ProblemAlert error={post.error} style={{ marginBottom: 12 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={post.isPending} data-testid="rfq-submit">{t('rfqs.submit')}</Button>
          <Link to="/workbench/rfqs"><Button>{t('rfqs.back')}</Button></Link>
        </Space>
      </Form>
    </Card>
  );
}
