import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Form, Grid, Input, Modal, Space, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import { companyDisplayName, formatDateTime } from '../../format.js';
import '../../i18n/settlements.js';
import type { Payout, PayoutStatus } from '../settlementsShared.js';
import { DATE_STYLE, groupAccount, Money, NUM_STYLE, PayoutStatusTag, providerLabel } from '../settlementsShared.js';
import { usePaged } from './usePaged.js';

/** The console's payout: the shared one plus the company's English name (null when it has none). */
type AdminPayout = Payout & { companyNameEn: string | null };
type Action = { payout: AdminPayout; kind: 'confirm' | 'fail' };

const payoutCompany = (p: AdminPayout, fallback: string) => (p.companyName ? companyDisplayName({ name: p.companyName, nameEn: p.companyNameEn }) : fallback);

function ActionModal({ action, onClose }: { action: Action; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ text: string }>();
  const { payout, kind } = action;
  const run = useMutation({
    mutationFn: (text: string) => api<Payout>(`/admin/payouts/${payout.id}/${kind}`, { method: 'POST', body: kind === 'confirm' ? { bankReference: text } : { reason: text } }),
    onSuccess: async () => {
      message.success(t(kind === 'confirm' ? 'settle.admin.confirmed' : 'settle.admin.failedDone'));
      await qc.invalidateQueries({ queryKey: ['admin', 'payouts'] });
      onClose();
    },
  });
  return (
    <Modal open title={t(kind === 'confirm' ? 'settle.admin.confirmTitle' : 'settle.admin.failTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={run.isPending}
      okButtonProps={{ danger: kind === 'fail', id: 'payout-action-ok' }} cancelText={t('settle.cancel')} okText={t(kind === 'confirm' ? 'settle.admin.confirm' : 'settle.admin.fail')}>
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('settle.finance.col.company')}>{payoutCompany(payout, payout.companyId)}</Descriptions.Item>
        <Descriptions.Item label={t('settle.finance.col.amount')}><Money amount={payout.amount} strong /></Descriptions.Item>
        <Descriptions.Item label={t('settle.finance.bankName')}>{payout.bank.name}</Descriptions.Item>
        <Descriptions.Item label={t('settle.finance.accountNo')}><Typography.Text copyable={{ text: payout.bank.accountNo }} style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}>{groupAccount(payout.bank.accountNo)}</Typography.Text></Descriptions.Item>
        <Descriptions.Item label={t('settle.finance.accountName')}>{payout.bank.accountName}</Descriptions.Item>
        <Descriptions.Item label={t('settle.finance.provider')}>{providerLabel(t, payout.provider)}</Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v.text.trim())}>
        <Form.Item name="text" label={t(kind === 'confirm' ? 'settle.admin.bankReference' : 'settle.admin.failReason')} rules={[{ required: true, whitespace: true, min: kind === 'fail' ? 2 : 1, max: kind === 'fail' ? 500 : 100 }]}>
          {kind === 'confirm' ? <Input data-testid="payout-action-text" /> : <Input.TextArea rows={3} data-testid="payout-action-text" />}
        </Form.Item>
      </Form>
      <ProblemAlert error={run.error} />
    </Modal>
  );
}

/** Operators: payouts to confirm after sending the bank transfer (or mark failed, returning the money). */
export default function AdminPayouts() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<PayoutStatus | ''>('requested');
  const [action, setAction] = useState<Action | null>(null);
  const page = usePaged<AdminPayout>(['admin', 'payouts'], '/admin/payouts', { status: status || undefined });
  const total = page.items.reduce((s, p) => s + p.amount, 0);
  const compact = !Grid.useBreakpoint().sm;
  const actions = (p: AdminPayout) => (p.status === 'requested' ? (
    <Space orientation="vertical" size={4}>
      <Button type="primary" size="small" block onClick={() => setAction({ payout: p, kind: 'confirm' })} data-testid={`payout-confirm-${p.id}`}>{t('settle.admin.confirm')}</Button>
      <Button size="small" danger block onClick={() => setAction({ payout: p, kind: 'fail' })}>{t('settle.admin.fail')}</Button>
    </Space>
  ) : null);
  const company = (p: AdminPayout) => <Link to={`/companies/${p.companyId}`}>{payoutCompany(p, p.companyId.slice(0, 8))}</Link>;
  // A phone gets two columns: who, how and when with the state; the amount with the actions.
  const columns: TableColumnsType<AdminPayout> = compact ? [
    {
      title: t('settle.finance.col.company'), key: 'company', render: (_: unknown, p) => (
        <Space orientation="vertical" size={2}>
          {company(p)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{providerLabel(t, p.provider)} · <span style={DATE_STYLE}>{formatDateTime(p.createdAt)}</span></Typography.Text>
          <PayoutStatusTag status={p.status} />
        </Space>
      ),
    },
    {
      title: t('settle.finance.col.amount'), dataIndex: 'amount', align: 'right', width: 130, render: (a: number, p) => (
        <Space orientation="vertical" size={6} style={{ alignItems: 'flex-end' }}>
          <Money amount={a} strong />
          {actions(p)}
        </Space>
      ),
    },
  ] : [
    {
      title: t('settle.finance.col.createdAt'), dataIndex: 'createdAt', width: 150, responsive: ['md'],
      render: (v: string) => <span style={DATE_STYLE}>{formatDateTime(v)}</span>,
    },
    {
      title: t('settle.finance.col.company'), key: 'company', render: (_: unknown, p) => (
        <Space orientation="vertical" size={0}>
          {company(p)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{providerLabel(t, p.provider)}</Typography.Text>
        </Space>
      ),
    },
    { title: t('settle.finance.col.amount'), dataIndex: 'amount', align: 'right', width: 140, render: (a: number) => <Money amount={a} strong /> },
    {
      title: t('settle.finance.col.bank'), key: 'bank', responsive: ['lg'], render: (_: unknown, p) => (
        <Space orientation="vertical" size={0}>
          <span>{p.bank.name}</span>
          <Typography.Text copyable={{ text: p.bank.accountNo }} style={{ ...NUM_STYLE, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 }}>{groupAccount(p.bank.accountNo)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.bank.accountName}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('settle.finance.col.status'), dataIndex: 'status', width: 160, render: (s: PayoutStatus, p) => (
        <Space orientation="vertical" size={2}>
          <PayoutStatusTag status={s} />
          {p.bankReference && <Typography.Text type="secondary" style={{ fontSize: 12, ...DATE_STYLE, wordBreak: 'break-all' }}>{p.bankReference}</Typography.Text>}
          {p.failureReason && <Typography.Text type="danger" style={{ fontSize: 12 }}>{p.failureReason}</Typography.Text>}
          {p.settledAt && <Typography.Text type="secondary" style={{ fontSize: 12, ...DATE_STYLE }}>{formatDateTime(p.settledAt)}</Typography.Text>}
        </Space>
      ),
    },
    { title: '', key: 'act', width: 130, render: (_: unknown, p) => actions(p) },
  ];
  return (
    <Card title={t('settle.admin.payoutsTitle')}>
      <Tabs activeKey={status || 'all'} onChange={(k) => setStatus(k === 'all' ? '' : (k as PayoutStatus))}
        items={[{ key: 'requested', label: t('settle.finance.status.requested') }, { key: 'paid', label: t('settle.finance.status.paid') }, { key: 'failed', label: t('settle.finance.status.failed') }, { key: 'all', label: t('settle.finance.all') }]} />
      <ProblemAlert error={page.error} style={{ marginBottom: 12 }} />
      {page.items.length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="payouts-summary">
          {t(page.hasNextPage ? 'settle.admin.summaryMore' : 'settle.admin.summary', { count: page.items.length })} <Money amount={total} strong style={{ color: 'rgba(0,0,0,0.88)' }} />
        </Typography.Paragraph>
      )}
      <Table<AdminPayout>
        rowKey="id" size="small" loading={page.isPending} dataSource={page.items} pagination={false} columns={columns}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(status === 'requested' ? 'settle.admin.noPayouts' : 'settle.admin.noPayoutsHere')} /> }}
      />
      {page.hasNextPage && <div style={{ textAlign: 'center', marginTop: 12 }}><Button onClick={() => void page.fetchNextPage()} loading={page.isFetchingNextPage}>{t('settle.loadMore')}</Button></div>}
      {action && <ActionModal action={action} onClose={() => setAction(null)} />}
    </Card>
  );
}
