import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, Modal, Select, Table, Tabs, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Company } from '../../api.js';
import { api, ProblemError } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import { companyDisplayName, formatDateTime } from '../../format.js';
import '../../i18n/trustpass.js';
import { useMe } from '../../session.js';
import type { IntentStatus, PaymentIntent } from '../trustpassShared.js';
import { IntentStatusTag, localized, money, newIdempotencyKey, parseInstructions, postIdempotent, ProviderTag } from '../trustpassShared.js';
import { usePaged } from './usePaged.js';

const STATUSES: IntentStatus[] = ['requires_payment', 'succeeded', 'failed', 'canceled'];

function CompanyName({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['company', id], queryFn: () => api<Company>(`/companies/${id}`), staleTime: 300_000 });
  return (
    <Link to={`/companies/${id}`} title={id}>
      {q.data ? companyDisplayName(q.data) : `${id.slice(0, 8)}…`}
    </Link>
  );
}

interface ConfirmForm {
  bankReference: string;
  amountYuan: number;
}

function ConfirmModal({ intent, onClose }: { intent: PaymentIntent; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const [form] = Form.useForm<ConfirmForm>();
  // One key per confirmation attempt (this modal opening); a retry after a network failure reuses it.
  const key = useRef(newIdempotencyKey());
  const ref = parseInstructions(intent.instructions)?.reference ?? '';
  const confirm = useMutation({
    mutationFn: (v: ConfirmForm) =>
      postIdempotent<PaymentIntent>(`/admin/payments/${intent.id}/confirm-transfer`, { bankReference: v.bankReference.trim(), amount: Math.round(v.amountYuan * 100) }, key.current, me?.csrfToken),
    onSuccess: async () => {
      message.success(t('adminPay.confirmed'));
      await qc.invalidateQueries({ queryKey: ['admin', 'payments'] });
      await qc.invalidateQueries({ queryKey: ['admin', 'ledger'] });
      onClose();
    },
    onError: (e) => {
      if (!(e instanceof ProblemError && e.status === 0)) key.current = newIdempotencyKey();
    },
  });
  return (
    <Modal open title={t('adminPay.confirmTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('adminPay.confirmReceipt')} cancelText={t('common.cancel')} confirmLoading={confirm.isPending} width={560}>
      <Alert type="warning" showIcon title={t('adminPay.confirmHint')} style={{ marginBottom: 16 }} />
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('adminPay.company')}><CompanyName id={intent.companyId} /></Descriptions.Item>
        <Descriptions.Item label={t('adminPay.description')}>{localized(intent.description)}</Descriptions.Item>
        <Descriptions.Item label={t('adminPay.reference')}><Typography.Text copyable style={{ fontFamily: 'monospace' }}>{ref || '—'}</Typography.Text></Descriptions.Item>
        <Descriptions.Item label={t('adminPay.amount')}><b>{money(intent.amount, intent.currency)}</b></Descriptions.Item>
      </Descriptions>
      <Form<ConfirmForm> form={form} layout="vertical" initialValues={{ bankReference: ref, amountYuan: intent.amount / 100 }} onFinish={(v) => confirm.mutate(v)} data-testid="confirm-form">
        <Form.Item name="bankReference" label={t('adminPay.bankReference')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="confirm-reference" />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('adminPay.receivedAmount')} extra={t('adminPay.due', { amount: money(intent.amount, intent.currency) })} rules={[{ required: true }]}>
          <InputNumber prefix="¥" min={0.01} precision={2} style={{ width: 200 }} data-testid="confirm-amount" />
        </Form.Item>
      </Form>
      <ProblemAlert error={confirm.error} />
    </Modal>
  );
}

export default function AdminPayments() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>('');
  const [provider, setProvider] = useState<string>('');
  const [confirming, setConfirming] = useState<PaymentIntent | null>(null);
  const page = usePaged<PaymentIntent>(['admin', 'payments'], '/admin/payments', { status: status || undefined, provider: provider || undefined });
  return (
    <Card title={t('adminPay.payments')}>
      {/* The tabs take the row's free width (a Space item would size them to all their labels, past a phone's edge). */}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 8, alignItems: 'center', justifyContent: 'space-between' }}>
        <Tabs
          activeKey={status || 'all'}
          onChange={(k) => setStatus(k === 'all' ? '' : k)}
          items={[{ key: 'all', label: t('adminPay.allStatuses') }, ...STATUSES.map((s) => ({ key: s, label: t(`paymentStatus.${s}`) }))]}
          style={{ marginBottom: 0, flex: '1 1 320px', minWidth: 0 }}
          data-testid="payments-status"
        />
        <Select
          value={provider}
          onChange={setProvider}
          style={{ width: 200 }}
          aria-label={t('adminPay.provider')}
          data-testid="payments-provider"
          options={[
            { value: '', label: t('adminPay.allProviders') },
            { value: 'sandbox', label: t('trustpass.provider.sandbox') },
            { value: 'bank_transfer', label: t('trustpass.provider.bank_transfer') },
          ]}
        />
      </div>
      <ProblemAlert error={page.error} style={{ marginBottom: 12 }} />
      <Table<PaymentIntent>
        rowKey="id"
        size="small"
        loading={page.isPending}
        dataSource={page.items}
        pagination={false}
        scroll={{ x: 1480 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('adminPay.noPayments')} /> }}
        columns={[
          { title: t('adminPay.createdAt'), dataIndex: 'createdAt', width: 165, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
          { title: t('adminPay.company'), dataIndex: 'companyId', width: 230, ellipsis: true, render: (id: string) => <CompanyName id={id} /> },
          { title: t('adminPay.amount'), dataIndex: 'amount', width: 120, align: 'right', render: (a: number, i) => <b>{money(a, i.currency)}</b> },
          { title: t('adminPay.status'), dataIndex: 'status', width: 130, render: (s: IntentStatus) => <IntentStatusTag status={s} /> },
          { title: t('adminPay.provider'), dataIndex: 'provider', width: 140, render: (p: string) => <ProviderTag provider={p} /> },
          {
            title: t('adminPay.reference'), key: 'ref', width: 140,
            render: (_: unknown, i) => <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{parseInstructions(i.instructions)?.reference ?? '—'}</Typography.Text>,
          },
          { title: t('adminPay.description'), dataIndex: 'description', width: 260, ellipsis: true, render: (d: string) => localized(d) },
          { title: t('adminPay.settledAt'), dataIndex: 'settledAt', width: 165, render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
          {
            title: t('common.actions'), key: 'actions', fixed: 'right', width: 130,
            render: (_: unknown, i) =>
              i.provider === 'bank_transfer' && i.status === 'requires_payment' ? (
                <Button size="small" type="primary" ghost onClick={() => setConfirming(i)} data-testid="confirm-receipt">{t('adminPay.confirmReceipt')}</Button>
              ) : null,
          },
        ]}
      />
      {page.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button loading={page.isFetchingNextPage} onClick={() => void page.fetchNextPage()}>{t('common.loadMore')}</Button>
        </div>
      )}
      {confirming && <ConfirmModal key={confirming.id} intent={confirming} onClose={() => setConfirming(null)} />}
    </Card>
  );
}
