import { DeleteOutlined, EditOutlined, PlusOutlined, StarOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Popconfirm, Radio, Row, Skeleton, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemDetail, ProblemError } from '../../api.js';
import { ProblemResult } from '../../components/Problem.js';
import { INVOICE_PROFILES_KEY, TAX_NO, type InvoiceKind, type InvoiceProfile } from '../../components/trade/invoices.js';
import '../../i18n/invoices.js';
import { activeCompanyOf, useMe } from '../../session.js';

interface FormValues {
  kind: InvoiceKind;
  title: string;
  taxNo: string;
  bankName?: string;
  bankAccount?: string;
  address?: string;
  phone?: string;
  isDefault?: boolean;
}

const FIELDS = ['bankName', 'bankAccount', 'address', 'phone'] as const;

function ProfileForm({ companyId, editing, onDone }: { companyId: string; editing: InvoiceProfile | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form) ?? editing?.kind ?? 'vat_special';
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const body = {
        kind: v.kind, title: v.title, taxNo: v.taxNo.replace(/\s+/g, '').toUpperCase(),
        ...Object.fromEntries(FIELDS.map((k) => [k, v[k]?.trim() ? v[k].trim() : null])),
      };
      return editing
        ? api<InvoiceProfile>(`/invoice-profiles/${editing.id}`, { method: 'PATCH', body: { ...body, ...(v.isDefault && !editing.isDefault ? { isDefault: true } : {}) } })
        : api<InvoiceProfile>('/invoice-profiles', { method: 'POST', body: { companyId, ...body, isDefault: Boolean(v.isDefault) } });
    },
    onSuccess: async () => {
      message.success(t('invoices.saved'));
      await qc.invalidateQueries({ queryKey: [INVOICE_PROFILES_KEY] });
      onDone();
    },
    onError: (e) => {
      if (e instanceof ProblemError && e.errors.length) {
        form.setFields(e.errors.map((fe) => ({ name: fe.path.replace(/^body\./, '') as keyof FormValues, errors: [fe.message] })));
      }
      message.error(problemDetail(e));
    },
  });
  const vat = kind === 'vat_special';
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      onFinish={(v) => save.mutate(v)}
      initialValues={editing ? { ...editing, bankName: editing.bankName ?? undefined, bankAccount: editing.bankAccount ?? undefined, address: editing.address ?? undefined, phone: editing.phone ?? undefined } : { kind: 'vat_special', isDefault: false }}
      data-testid="invoice-profile-form"
    >
      <Form.Item name="kind" label={t('invoices.field.kind')} extra={t(`invoices.kindHint.${kind}`)}>
        <Radio.Group optionType="button" options={(['vat_special', 'ordinary'] as const).map((k) => ({ value: k, label: t(`invoices.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('invoices.field.title')} rules={[{ required: true, whitespace: true, message: t('invoices.required') }]}>
        <Input maxLength={100} placeholder={t('invoices.placeholder.title')} data-testid="invoice-title" />
      </Form.Item>
      <Form.Item
        name="taxNo"
        label={t('invoices.field.taxNo')}
        normalize={(v: string) => v.toUpperCase().replace(/\s+/g, '')}
        rules={[{ required: true, message: t('invoices.required') }, { pattern: TAX_NO, message: t('invoices.taxNoInvalid') }]}
      >
        <Input maxLength={20} placeholder={t('invoices.placeholder.taxNo')} style={{ fontFamily: 'monospace' }} data-testid="invoice-taxno" />
      </Form.Item>
      <Row gutter={12}>
        {FIELDS.map((k) => (
          <Col xs={24} sm={k === 'address' ? 24 : 12} key={k}>
            <Form.Item name={k} label={t(`invoices.field.${k}`)} rules={vat ? [{ required: true, whitespace: true, message: t('invoices.required') }] : []}>
              <Input maxLength={k === 'address' ? 200 : 100} placeholder={t(`invoices.placeholder.${k}`)} data-testid={`invoice-${k}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      {!editing?.isDefault && (
        <Form.Item name="isDefault" label={t('invoices.field.isDefault')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="invoice-save">{t('common.save')}</Button>
      </div>
    </Form>
  );
}

function ProfileCard({ profile, canManage, onEdit }: { profile: InvoiceProfile; canManage: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: [INVOICE_PROFILES_KEY] });
  const makeDefault = useMutation({
    mutationFn: () => api(`/invoice-profiles/${profile.id}`, { method: 'PATCH', body: { isDefault: true } }),
    onSuccess: refresh,
    onError: (e) => message.error(problemDetail(e)),
  });
  const remove = useMutation({
    mutationFn: () => api(`/invoice-profiles/${profile.id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      message.success(t('invoices.removed'));
      await refresh();
    },
    onError: (e) => message.error(problemDetail(e)),
  });
  return (
    <Card
      size="small"
      data-testid="invoice-profile"
      title={
        <Space wrap>
          <Typography.Text strong>{profile.title}</Typography.Text>
          <Tag color={profile.kind === 'vat_special' ? 'blue' : 'default'}>{t(`invoices.kind.${profile.kind}`)}</Tag>
          {profile.isDefault && <Tag color="orange">{t('invoices.default')}</Tag>}
        </Space>
      }
      extra={canManage && (
        <Space size={0}>
          {!profile.isDefault && <Button type="link" size="small" icon={<StarOutlined />} onClick={() => makeDefault.mutate()} loading={makeDefault.isPending}>{t('invoices.makeDefault')}</Button>}
          <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="invoice-edit">{t('invoices.edit')}</Button>
          <Popconfirm title={t('invoices.removeConfirm')} onConfirm={() => remove.mutate()}>
            <Button type="link" size="small" danger icon={<DeleteOutlined />} loading={remove.isPending} aria-label={t('invoices.remove')} />
          </Popconfirm>
        </Space>
      )}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} colon={false} styles={{ label: { color: '#8c8c8c', marginInlineEnd: 8 } }}>
        <Descriptions.Item label={t('invoices.field.taxNo')}><span style={{ fontFamily: 'monospace' }}>{profile.taxNo}</span></Descriptions.Item>
        {FIELDS.map((k) => profile[k] && <Descriptions.Item key={k} label={t(`invoices.field.${k}`)}>{profile[k]}</Descriptions.Item>)}
      </Descriptions>
    </Card>
  );
}

export default function InvoiceProfilesPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const companyId = company?.id;
  const [editing, setEditing] = useState<InvoiceProfile | 'new' | null>(null);
  const profiles = useQuery({
    queryKey: [INVOICE_PROFILES_KEY, companyId],
    queryFn: () => api<{ items: InvoiceProfile[] }>('/invoice-profiles', { query: { companyId } }),
    enabled: Boolean(companyId),
  });
  if (!companyId) return <Alert type="info" showIcon title={t('invoices.noCompany')} />;
  const canManage = company.role === 'owner' || company.role === 'admin' || company.role === 'purchaser';
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="invoice-profiles">
      <Card size="small">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>{t('invoices.title')}</Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('invoices.subtitle')}</Typography.Text>
          </div>
          {canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="invoice-add">{t('invoices.add')}</Button>}
        </div>
        {!canManage && <Alert type="info" showIcon title={t('invoices.forbidden')} style={{ marginTop: 8 }} />}
      </Card>
      {profiles.isPending ? (
        <Card><Skeleton active /></Card>
      ) : profiles.error ? (
        <ProblemResult error={profiles.error} onRetry={() => void profiles.refetch()} />
      ) : profiles.data.items.length === 0 ? (
        <Card><Empty description={t('invoices.empty')} /></Card>
      ) : (
        <Row gutter={[12, 12]}>
          {profiles.data.items.map((p) => (
            <Col xs={24} lg={12} key={p.id}>
              <ProfileCard profile={p} canManage={canManage} onEdit={() => setEditing(p)} />
            </Col>
          ))}
        </Row>
      )}
      <Modal open={editing !== null} onCancel={() => setEditing(null)} footer={null} title={editing === 'new' ? t('invoices.add') : t('invoices.edit')} destroyOnHidden width={640}>
        {editing !== null && <ProfileForm companyId={companyId} editing={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Space>
  );
}
