import { BankOutlined, ClockCircleOutlined, DownloadOutlined, SendOutlined, WalletOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, Radio, Row, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import { formatDateTime, formatMoney } from '../../format.js';
import '../../i18n/settlements.js';
import { activeCompanyOf, useMe } from '../../session.js';
import { newIdempotencyKey, postIdempotent } from '../trustpassShared.js';
import { usePaged } from '../admin/usePaged.js';
import type { Balances, Payout, Statement } from '../settlementsShared.js';
import { accountTail, DATE_STYLE, downloadFile, maskAccount, Money, NUM_STYLE, PayoutStatusTag, providerLabel, SignedMoney } from '../settlementsShared.js';
import { NoCompany } from './WorkbenchShell.js';

const FINANCE_ROLES = new Set(['owner', 'admin', 'finance']);

interface PayoutForm { amountYuan: number; bankName: string; accountNo: string; accountName: string; provider: 'bank_transfer' | 'sandbox' }

const BALANCE_CARDS = [
  { key: 'available', icon: <WalletOutlined />, color: '#F25C05' },
  { key: 'pending', icon: <ClockCircleOutlined />, color: '#1F6FEB' },
  { key: 'inFlight', icon: <SendOutlined />, color: '#8C8C8C' },
] as const;

function BalanceCards({ balances, loading }: { balances: Balances | undefined; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      {BALANCE_CARDS.map(({ key, icon, color }) => (
        <Col xs={24} md={8} key={key} style={{ display: 'flex' }}>
          <Card size="small" loading={loading} style={{ width: '100%', borderTop: `3px solid ${color}` }} data-testid={`balance-${key}`}>
            <Statistic
              title={<Space size={6}><span style={{ color }}>{icon}</span>{t(`settle.finance.${key}`)}</Space>}
              value={formatMoney(balances?.[key] ?? 0)}
              styles={{ content: { ...NUM_STYLE, color: key === 'available' ? color : undefined, fontWeight: key === 'available' ? 600 : undefined } }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`settle.finance.${key}Hint`)}</Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function PayoutCard({ companyId, companyName, balances }: { companyId: string; companyName: string; balances: Balances | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const [form] = Form.useForm<PayoutForm>();
  // One key per submission attempt; a retry after a network failure reuses it, so nothing is paid out twice.
  const key = useRef(newIdempotencyKey());
  const available = balances?.available ?? 0;
  const submit = useMutation({
    mutationFn: (v: PayoutForm) => postIdempotent<Payout>(`/companies/${companyId}/payouts`, {
      amount: Math.round(v.amountYuan * 100), provider: v.provider, bank: { name: v.bankName, accountNo: v.accountNo, accountName: v.accountName },
    }, key.current, me?.csrfToken),
    onSuccess: async () => {
      key.current = newIdempotencyKey();
      message.success(t('settle.finance.requested'));
      form.resetFields(['amountYuan']);
      await qc.invalidateQueries({ queryKey: ['wb', 'finance', companyId] });
    },
  });
  return (
    <Card title={<Space><BankOutlined />{t('settle.finance.requestPayout')}</Space>} style={{ height: '100%' }} data-testid="payout-card">
      {balances && available <= 0 && <Alert type="info" showIcon title={t('settle.finance.nothingToWithdraw')} style={{ marginBottom: 16 }} data-testid="payout-empty" />}
      <Form<PayoutForm> form={form} layout="vertical" initialValues={{ provider: 'bank_transfer', accountName: companyName }} onFinish={(v) => submit.mutate(v)} disabled={available <= 0} data-testid="payout-form">
        <Form.Item label={t('settle.finance.amount')} required extra={t('settle.finance.maxHint', { amount: formatMoney(available) })}>
          <Space.Compact style={{ width: '100%' }}>
            {/* A rule instead of max: InputNumber's max clamps on blur, so an over-large amount would be changed and submitted silently. */}
            <Form.Item name="amountYuan" noStyle rules={[
              { required: true, message: t('settle.finance.amountRequired') },
              { validator: async (_, v: number | null | undefined) => { if (typeof v === 'number' && Math.round(v * 100) > available) throw new Error(t('settle.finance.amountTooMuch', { amount: formatMoney(available) })); } },
            ]}>
              <InputNumber<number> prefix="¥" min={0.01} precision={2} style={{ width: '100%' }} data-testid="payout-amount"
                formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ','))}
                parser={(v) => Number((v ?? '').replace(/,/g, ''))} />
            </Form.Item>
            <Button onClick={() => form.setFieldValue('amountYuan', available / 100)} data-testid="payout-all">{t('settle.finance.all')}</Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="bankName" label={t('settle.finance.bankName')} rules={[{ required: true, min: 2, max: 100 }]}><Input placeholder={t('settle.finance.bankNamePlaceholder')} data-testid="payout-bank" /></Form.Item>
        <Form.Item name="accountNo" label={t('settle.finance.accountNo')} rules={[{ required: true, pattern: /^[\d\s-]{8,40}$/, message: t('settle.finance.accountNoInvalid') }]}><Input inputMode="numeric" autoComplete="off" data-testid="payout-account" /></Form.Item>
        <Form.Item name="accountName" label={t('settle.finance.accountName')} extra={t('settle.finance.accountNameHint')} rules={[{ required: true, min: 2, max: 100 }]}><Input /></Form.Item>
        <Form.Item name="provider" label={t('settle.finance.provider')}>
          <Radio.Group options={[{ value: 'bank_transfer', label: t('settle.finance.providerBank') }, { value: 'sandbox', label: t('settle.finance.providerSandbox') }]} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
        </Form.Item>
        <ProblemAlert error={submit.error} style={{ marginBottom: 12 }} />
        <Button type="primary" htmlType="submit" loading={submit.isPending} block data-testid="payout-submit">{t('settle.finance.submit')}</Button>
      </Form>
    </Card>
  );
}

function PayoutsCard({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const page = usePaged<Payout>(['wb', 'finance', companyId, 'payouts'], `/companies/${companyId}/payouts`, {});
  const columns: TableColumnsType<Payout> = [
    { title: t('settle.finance.col.createdAt'), dataIndex: 'createdAt', width: 175, render: (v: string) => <span style={DATE_STYLE}>{formatDateTime(v)}</span> },
    { title: t('settle.finance.col.amount'), dataIndex: 'amount', align: 'right', width: 130, render: (a: number) => <Money amount={a} strong /> },
    {
      title: t('settle.finance.col.bank'), key: 'bank', responsive: ['sm'], render: (_: unknown, p) => (
        <Space orientation="vertical" size={0}>
          <span>{p.bank.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, ...NUM_STYLE }}>{maskAccount(p.bank.accountNo)} · {providerLabel(t, p.provider)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('settle.finance.col.status'), dataIndex: 'status', width: 150, render: (s: Payout['status'], p) => (
        <Space orientation="vertical" size={2}>
          <PayoutStatusTag status={s} />
          {p.bankReference && <Tooltip title={t('settle.finance.col.reference')}><Typography.Text type="secondary" copyable style={{ fontSize: 12, ...DATE_STYLE, wordBreak: 'break-all' }}>{p.bankReference}</Typography.Text></Tooltip>}
          {p.failureReason && <Typography.Text type="danger" style={{ fontSize: 12 }}>{p.failureReason}</Typography.Text>}
          {p.settledAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(p.settledAt)}</Typography.Text>}
        </Space>
      ),
    },
  ];
  return (
    <Card title={t('settle.finance.payouts')} style={{ height: '100%' }} data-testid="payouts">
      <ProblemAlert error={page.error} style={{ marginBottom: 12 }} />
      <Table<Payout>
        rowKey="id" size="small" loading={page.isPending} dataSource={page.items} pagination={false} columns={columns}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settle.finance.noPayouts')} /> }}
      />
      {page.hasNextPage && <div style={{ textAlign: 'center', marginTop: 12 }}><Button onClick={() => void page.fetchNextPage()} loading={page.isFetchingNextPage}>{t('settle.loadMore')}</Button></div>}
    </Card>
  );
}

type Entry = Statement['entries'][number];

function EntryDescription({ e }: { e: Entry }) {
  const { t } = useTranslation();
  if (e.orderId) return <Link to={`/workbench/orders/${e.orderId}?side=seller`} style={{ ...NUM_STYLE, fontSize: 12 }}>{e.orderNumber ?? e.orderId.slice(0, 8)}</Link>;
  const tail = e.kind === 'payout' || e.kind === 'payout_reversal' ? accountTail(e.memo) : null;
  return <Typography.Text type="secondary" style={{ fontSize: 12 }}>{tail ? t('settle.finance.toAccount', { tail }) : e.memo || '—'}</Typography.Text>;
}

function StatementCard({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(29, 'day'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const q = useQuery({ queryKey: ['wb', 'finance', companyId, 'statement', from, to], queryFn: () => api<Statement>(`/companies/${companyId}/statement`, { query: { from, to } }) });
  const download = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => downloadFile(`/companies/${companyId}/statement?format=${format}&from=${from}&to=${to}`),
    onError: (e) => message.error(e.message),
  });
  const s = q.data;
  const today = dayjs();
  const columns: TableColumnsType<Entry> = [
    { title: t('settle.finance.col.at'), dataIndex: 'at', width: 175, render: (v: string) => <span style={DATE_STYLE}>{formatDateTime(v)}</span> },
    {
      title: t('settle.finance.col.memo'), key: 'memo', render: (_: unknown, e) => (
        <Space orientation="vertical" size={0}>
          <span>{t(`settle.finance.kind.${e.kind}`)}</span>
          <EntryDescription e={e} />
        </Space>
      ),
    },
    { title: t('settle.finance.col.amount'), dataIndex: 'amount', align: 'right', width: 140, render: (a: number) => <SignedMoney amount={a} /> },
    { title: t('settle.finance.col.balance'), dataIndex: 'balance', align: 'right', width: 140, responsive: ['sm'], render: (b: number) => <Money amount={b} /> },
  ];
  return (
    <Card title={t('settle.finance.statement')} data-testid="statement">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -4 }}>{t('settle.finance.statementHint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          value={range} allowClear={false} aria-label={t('settle.finance.period')} data-testid="statement-range"
          disabledDate={(d) => d.isAfter(today, 'day')}
          presets={[
            { label: t('settle.finance.preset.last30'), value: [today.subtract(29, 'day'), today] },
            { label: t('settle.finance.preset.thisMonth'), value: [today.startOf('month'), today] },
            { label: t('settle.finance.preset.lastMonth'), value: [today.subtract(1, 'month').startOf('month'), today.subtract(1, 'month').endOf('month')] },
            { label: t('settle.finance.preset.last90'), value: [today.subtract(89, 'day'), today] },
          ]}
          onChange={(v) => { if (v?.[0] && v[1]) setRange([v[0], v[1]]); }}
        />
        <Button icon={<DownloadOutlined />} onClick={() => download.mutate('xlsx')} loading={download.isPending && download.variables === 'xlsx'} data-testid="statement-xlsx">{t('settle.finance.downloadXlsx')}</Button>
        <Button icon={<DownloadOutlined />} onClick={() => download.mutate('csv')} loading={download.isPending && download.variables === 'csv'} data-testid="statement-csv">{t('settle.finance.downloadCsv')}</Button>
      </Space>
      <ProblemAlert error={q.error} style={{ marginBottom: 12 }} />
      {s && (
        <Row gutter={[16, 12]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}><Statistic title={t('settle.finance.opening')} value={formatMoney(s.opening)} styles={{ content: { ...NUM_STYLE, fontSize: 20 } }} /></Col>
          <Col xs={12} md={6}><Statistic title={t('settle.finance.credits')} value={`+${formatMoney(s.credits)}`} styles={{ content: { ...NUM_STYLE, fontSize: 20, color: '#1A7F37' } }} /></Col>
          <Col xs={12} md={6}><Statistic title={t('settle.finance.debits')} value={formatMoney(-s.debits)} styles={{ content: { ...NUM_STYLE, fontSize: 20, color: '#CF1322' } }} /></Col>
          <Col xs={12} md={6}><Statistic title={t('settle.finance.closing')} value={formatMoney(s.closing)} styles={{ content: { ...NUM_STYLE, fontSize: 20, fontWeight: 600 } }} /></Col>
        </Row>
      )}
      <Table<Entry>
        rowKey={(e) => `${e.reference}-${e.kind}-${e.at}-${e.balance}`} size="small" loading={q.isPending} dataSource={s?.entries ?? []} columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settle.finance.noEntries')} /> }}
      />
    </Card>
  );
}

/** Seller finance: balances (available / pending in escrow / in flight), payout requests, payouts, statements. */
export default function FinancePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const companyId = company?.id;
  const allowed = company ? FINANCE_ROLES.has(company.role) : false;
  const balances = useQuery({ queryKey: ['wb', 'finance', companyId, 'balances'], queryFn: () => api<Balances>(`/companies/${companyId}/balances`), enabled: !!companyId && allowed });
  if (!company || !companyId) return <NoCompany />;
  if (!allowed) return <Alert type="info" showIcon title={t('settle.finance.noAccess')} />;
  const b = balances.data;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="finance-page">
      <Typography.Title level={4} style={{ margin: 0 }}>{t('settle.finance.title')}</Typography.Title>
      <ProblemAlert error={balances.error} />
      <BalanceCards balances={b} loading={balances.isPending} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}><PayoutCard companyId={companyId} companyName={company.name} balances={b} /></Col>
        <Col xs={24} lg={15}><PayoutsCard companyId={companyId} /></Col>
      </Row>
      <StatementCard companyId={companyId} />
    </Space>
  );
}
