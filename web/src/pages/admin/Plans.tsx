import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, InputNumber, Modal, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ProblemError } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import '../../i18n/trustpass.js';
import type { Plan } from '../trustpassShared.js';
import { money } from '../trustpassShared.js';

interface PlanForm {
  code: string;
  nameZh: string;
  nameEn: string;
  annualPriceYuan: number;
  publishLimit: number;
  rfqQuoteQuota: number;
  badge: string;
  active: boolean;
}

const KEY = ['admin', 'trustpass-plans'];

function PlanModal({ plan, open, onClose }: { plan: Plan | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<PlanForm>();
  const save = useMutation({
    mutationFn: (v: PlanForm) => {
      const body = {
        code: v.code.trim(), nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim(), annualPrice: Math.round(v.annualPriceYuan * 100),
        publishLimit: v.publishLimit, rfqQuoteQuota: v.rfqQuoteQuota, badge: v.badge.trim(), active: v.active,
      };
      return plan ? api<Plan>(`/admin/trustpass/plans/${plan.id}`, { method: 'PATCH', body }) : api<Plan>('/admin/trustpass/plans', { method: 'POST', body });
    },
    onSuccess: async () => {
      message.success(t('adminPay.saved'));
      await qc.invalidateQueries({ queryKey: KEY });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ProblemError) {
        const fe = e.fieldErrors();
        const fields = Object.entries(fe).map(([name, errors]) => ({ name: (name === 'annualPrice' ? 'annualPriceYuan' : name) as keyof PlanForm, errors }));
        if (fields.length) form.setFields(fields);
      }
    },
  });
  const initial: PlanForm = plan
    ? { code: plan.code, nameZh: plan.nameZh, nameEn: plan.nameEn, annualPriceYuan: plan.annualPrice / 100, publishLimit: plan.publishLimit, rfqQuoteQuota: plan.rfqQuoteQuota, badge: plan.badge, active: plan.active }
    : { code: '', nameZh: '', nameEn: '', annualPriceYuan: 0, publishLimit: 100, rfqQuoteQuota: 10, badge: '诚信通', active: true };
  return (
    <Modal
      open={open}
      title={plan ? t('adminPay.editPlan') : t('adminPay.newPlan')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={560}
    >
      <Form<PlanForm> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} preserve={false} data-testid="plan-form">
        <Form.Item name="code" label={t('adminPay.code')} tooltip={t('adminPay.codeHint')} rules={[{ required: true }, { pattern: /^[a-z][a-z0-9_-]{1,30}$/, message: t('adminPay.codeHint') }]}>
          <Input maxLength={31} placeholder="standard" data-testid="plan-code" />
        </Form.Item>
        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item name="nameZh" label={t('adminPay.nameZh')} rules={[{ required: true, max: 50 }]} style={{ flex: 1 }}>
            <Input data-testid="plan-nameZh" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('adminPay.nameEn')} rules={[{ required: true, max: 80 }]} style={{ flex: 1 }}>
            <Input data-testid="plan-nameEn" />
          </Form.Item>
        </Space.Compact>
        <Space wrap size={12} style={{ width: '100%' }}>
          <Form.Item name="annualPriceYuan" label={t('adminPay.annualPrice')} rules={[{ required: true }, { type: 'number', min: 0.01, max: 1_000_000 }]}>
            <InputNumber prefix="¥" min={0} precision={2} step={100} style={{ width: 160 }} data-testid="plan-price" />
          </Form.Item>
          <Form.Item name="publishLimit" label={t('adminPay.publishLimit')} rules={[{ required: true }]}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="rfqQuoteQuota" label={t('adminPay.rfqQuoteQuota')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100_000} precision={0} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Space wrap size={24}>
          <Form.Item name="badge" label={t('adminPay.badge')} rules={[{ required: true, max: 30 }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="active" label={t('adminPay.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Form>
      <ProblemAlert error={save.error} />
    </Modal>
  );
}

export default function AdminPlans() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<{ plan: Plan | null } | null>(null);
  const plans = useQuery({ queryKey: KEY, queryFn: () => api<{ items: Plan[] }>('/admin/trustpass/plans') });
  const toggle = useMutation({
    mutationFn: (p: Plan) => api<Plan>(`/admin/trustpass/plans/${p.id}`, { method: 'PATCH', body: { active: !p.active } }),
    onSuccess: async () => {
      message.success(t('adminPay.saved'));
      await qc.invalidateQueries({ queryKey: KEY });
    },
  });
  return (
    <Card
      title={t('adminPay.plans')}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ plan: null })} data-testid="plan-new">{t('adminPay.newPlan')}</Button>}
    >
      <ProblemAlert error={plans.error ?? toggle.error} style={{ marginBottom: 12 }} />
      <Table<Plan>
        rowKey="id"
        size="small"
        loading={plans.isPending}
        dataSource={plans.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('adminPay.noPlans')} /> }}
        columns={[
          { title: t('adminPay.code'), dataIndex: 'code', render: (c: string) => <code>{c}</code> },
          {
            title: `${t('adminPay.nameZh')} / ${t('adminPay.nameEn')}`, key: 'name',
            render: (_: unknown, p) => <><div>{p.nameZh}</div><div style={{ fontSize: 12, color: '#8c8c8c' }}>{p.nameEn}</div></>,
          },
          { title: t('adminPay.price'), dataIndex: 'annualPrice', align: 'right', render: (v: number, p) => <b>{money(v, p.currency)}</b> },
          { title: t('adminPay.publishLimit'), dataIndex: 'publishLimit', align: 'right' },
          { title: t('adminPay.rfqQuoteQuota'), dataIndex: 'rfqQuoteQuota', align: 'right' },
          { title: t('adminPay.badge'), dataIndex: 'badge', render: (b: string) => <Tag color="#1F6FEB" icon={<SafetyCertificateOutlined />}>{b}</Tag> },
          { title: t('adminPay.status'), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="success">{t('adminPay.activeOn')}</Tag> : <Tag>{t('adminPay.activeOff')}</Tag>) },
          {
            title: t('common.actions'), key: 'actions', fixed: 'right', width: 170,
            render: (_: unknown, p) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setEditing({ plan: p })} data-testid={`plan-edit-${p.code}`}>{t('adminPay.edit')}</Button>
                <Button size="small" type="link" danger={p.active} loading={toggle.isPending && toggle.variables.id === p.id} onClick={() => toggle.mutate(p)} data-testid={`plan-toggle-${p.code}`}>
                  {p.active ? t('adminPay.deactivate') : t('adminPay.activate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && <PlanModal key={editing.plan?.id ?? 'new'} plan={editing.plan} open onClose={() => setEditing(null)} />}
    </Card>
  );
}
