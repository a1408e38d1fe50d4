import { BankOutlined, CheckCircleFilled, CrownOutlined, QrcodeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Modal, Radio, Result, Row, Skeleton, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { MeCompany, Page } from '../../api.js';
import { api, ProblemError } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import { formatDate, formatDateTime } from '../../format.js';
import '../../i18n/trustpass.js';
import { activeCompanyOf, useMe } from '../../session.js';
import type { Membership, PaymentIntent, Plan, Purchase, PurchaseResult } from '../trustpassShared.js';
import { localized, MembershipTag, money, newIdempotencyKey, parseInstructions, planBadge, planName, postIdempotent, ProviderTag, PurchaseStatusTag } from '../trustpassShared.js';
import { NoCompany } from './WorkbenchShell.js';

const BLUE = '#1F6FEB';
const ORANGE = '#F25C05';
const DAY = 86_400_000;
const BUYER_ROLES = new Set(['owner', 'admin', 'finance']);

function TransferDetails({ intent }: { intent: PaymentIntent }) {
  const { t } = useTranslation();
  const ins = parseInstructions(intent.instructions);
  if (!ins) return <Typography.Paragraph copyable>{intent.instructions}</Typography.Paragraph>;
  return (
    <Descriptions column={1} bordered size="small" data-testid="transfer-instructions">
      <Descriptions.Item label={t('trustpass.bank')}>{ins.bank}</Descriptions.Item>
      <Descriptions.Item label={t('trustpass.accountName')}>{ins.accountName}</Descriptions.Item>
      <Descriptions.Item label={t('trustpass.accountNo')}>
        <Typography.Text copyable strong style={{ fontFamily: 'monospace' }}>{ins.accountNo}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('trustpass.amount')}>
        <Typography.Text strong style={{ color: ORANGE, fontSize: 16 }}>{money(intent.amount, intent.currency)}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('trustpass.reference')}>
        <Typography.Text copyable strong style={{ fontFamily: 'monospace', fontSize: 16 }} data-testid="transfer-reference">{ins.reference}</Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}

function MembershipCard({ m, onRenew }: { m: Membership; onRenew: () => void }) {
  const { t } = useTranslation();
  const now = Date.now();
  const expires = m.expiresAt ? new Date(m.expiresAt).getTime() : null;
  const daysLeft = expires ? Math.ceil((expires - now) / DAY) : null;
  const dueSoon = m.status === 'active' && daysLeft !== null && daysLeft <= 30;
  const hasPlan = m.status === 'active' || m.status === 'grace';
  return (
    <Card
      data-testid="membership-card"
      title={
        <Space>
          <CrownOutlined style={{ color: ORANGE }} />
          {t('trustpass.title')}
          <MembershipTag status={m.status} />
        </Space>
      }
    >
      {m.status === 'grace' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="trustpass-warning"
          title={t('trustpass.inGrace', { date: formatDate(m.expiresAt), grace: formatDate(m.graceUntil) })}
          action={<Button type="primary" size="small" onClick={onRenew}>{t('trustpass.renew')}</Button>} />
      )}
      {dueSoon && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="trustpass-warning"
          title={t('trustpass.dueSoon', { date: formatDate(m.expiresAt), days: Math.max(daysLeft, 0) })}
          action={<Button type="primary" size="small" onClick={onRenew}>{t('trustpass.renew')}</Button>} />
      )}
      {m.status === 'expired' && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }}
          title={t('trustpass.expired', { date: formatDate(m.expiresAt) })}
          action={<Button type="primary" size="small" onClick={onRenew}>{t('trustpass.renew')}</Button>} />
      )}
      {m.status === 'none' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('trustpass.noneHint')} />}
      <Row gutter={[24, 16]}>
        <Col xs={24} md={10}>
          <Typography.Text type="secondary">{t('trustpass.plan')}</Typography.Text>
          <div style={{ fontSize: 22, fontWeight: 600, margin: '4px 0 8px' }} data-testid="trustpass-plan">
            {m.plan ? planName(m.plan) : t('trustpass.noPlan')}
          </div>
          <Space wrap size={[8, 8]}>
            {m.plan && hasPlan && <Tag color={BLUE} icon={<SafetyCertificateOutlined />}>{planBadge(m.plan)}</Tag>}
            {m.trustpassYears > 0 && <Tag color="blue" data-testid="trustpass-years">{t('trustpass.years', { count: m.trustpassYears })}</Tag>}
          </Space>
        </Col>
        <Col xs={24} md={14}>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={t('trustpass.memberSince')}>{formatDate(m.memberSince)}</Descriptions.Item>
            <Descriptions.Item label={t('trustpass.expiresAt')}>{formatDate(m.expiresAt)}</Descriptions.Item>
            <Descriptions.Item label={t('trustpass.graceUntil')}>{formatDate(m.graceUntil)}</Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>{t('trustpass.limits')}{!hasPlan && ` · ${t('trustpass.freeTier')}`}</Typography.Text>
          <Row gutter={16} style={{ marginTop: 8 }}>
            <Col span={12}>
              <Card size="small" style={{ background: '#fafafa' }}>
                <Statistic title={t('trustpass.publishLimit')} value={m.limits.publishLimit} data-testid="limit-publish" />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" style={{ background: '#fafafa' }}>
                <Statistic title={t('trustpass.rfqQuoteQuota')} value={m.limits.rfqQuoteQuota} suffix={<span style={{ fontSize: 13, color: '#8c8c8c' }}>{t('trustpass.perMonth')}</span>} data-testid="limit-rfq" />
              </Card>
            </Col>
          </Row>
        </Col>
      </Row>
    </Card>
  );
}

function PlanCard({ plan, selected, current, locked, onSelect }: { plan: Plan; selected: boolean; current: boolean; locked: boolean; onSelect: () => void }) {
  const { t } = useTranslation();
  const card = (
    <Card
      hoverable={!locked}
      onClick={locked ? undefined : onSelect}
      data-testid={`plan-${plan.code}`}
      style={{ height: '100%', borderColor: selected ? ORANGE : undefined, borderWidth: selected ? 2 : 1, opacity: locked ? 0.55 : 1, cursor: locked ? 'not-allowed' : 'pointer' }}
      styles={{ body: { padding: 16 } }}
    >
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Text strong style={{ fontSize: 16 }}>{planName(plan)}</Typography.Text>
        {current && <Tag color="orange">{t('trustpass.current')}</Tag>}
      </Space>
      <div style={{ margin: '10px 0' }}>
        <span style={{ fontSize: 26, fontWeight: 700, color: ORANGE }}>{money(plan.annualPrice, plan.currency)}</span>
        <Typography.Text type="secondary"> {t('trustpass.perYear')}</Typography.Text>
      </div>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <div><CheckCircleFilled style={{ color: '#1A7F37' }} /> {t('trustpass.publishLimit')}: <b>{t('trustpass.publishLimitValue', { count: plan.publishLimit })}</b></div>
        <div><CheckCircleFilled style={{ color: '#1A7F37' }} /> {t('trustpass.rfqQuoteQuota')}: <b>{t('trustpass.rfqQuoteValue', { count: plan.rfqQuoteQuota })}</b></div>
        <div><CheckCircleFilled style={{ color: '#1A7F37' }} /> {t('trustpass.badge')}: <Tag color={BLUE} icon={<SafetyCertificateOutlined />}>{planBadge(plan)}</Tag></div>
      </Space>
      <Button block style={{ marginTop: 12 }} type={selected ? 'primary' : 'default'} disabled={locked}>
        {selected ? t('trustpass.selected') : t('trustpass.select')}
      </Button>
    </Card>
  );
  return locked ? <Tooltip title={t('trustpass.switchLater')}>{card}</Tooltip> : card;
}

function BuyCard({ company, m, plans, planId, setPlanId, anchor }: {
  company: MeCompany; m: Membership; plans: Plan[]; planId: string | null; setPlanId: (id: string) => void; anchor: React.RefObject<HTMLDivElement | null>;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [years, setYears] = useState(1);
  const [provider, setProvider] = useState<'sandbox' | 'bank_transfer'>('sandbox');
  const [transfer, setTransfer] = useState<PaymentIntent | null>(null);
  // One key per checkout attempt: a retry of the same choice reuses it, any change starts a new attempt.
  const attempt = useRef<{ sig: string; key: string } | null>(null);
  const canBuy = BUYER_ROLES.has(company.role);
  const running = m.status === 'active';
  const plan = plans.find((p) => p.id === planId) ?? null;
  const renewing = Boolean(m.plan && plan && m.plan.id === plan.id);
  const checkout = useMutation({
    mutationFn: () => {
      const body = { planId, years, provider };
      const sig = JSON.stringify(body);
      if (attempt.current?.sig !== sig) attempt.current = { sig, key: newIdempotencyKey() };
      return postIdempotent<PurchaseResult>(`/companies/${company.id}/trustpass/purchases`, body, attempt.current.key, me?.csrfToken);
    },
    onSuccess: async (res) => {
      attempt.current = null;
      await qc.invalidateQueries({ queryKey: ['wb', 'trustpass', company.id] });
      await qc.invalidateQueries({ queryKey: ['wb', 'payments', company.id] });
      if (res.paymentIntent.payUrl) {
        void navigate(new URL(res.paymentIntent.payUrl, window.location.origin).pathname);
      } else {
        setTransfer(res.paymentIntent);
      }
    },
    onError: (e) => {
      // A network failure may be retried with the same key; a refusal will not change by retrying.
      if (!(e instanceof ProblemError && e.status === 0)) attempt.current = null;
    },
  });
  const verificationNeeded = checkout.error instanceof ProblemError && checkout.error.code === 'VERIFICATION_REQUIRED' ? checkout.error : null;
  return (
    <div ref={anchor}>
      <Card title={t('trustpass.buyTitle')} data-testid="buy-card">
        {!canBuy && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('trustpass.roleOnly', { role: t(`roles.${company.role}`) })} />}
        {running && <Typography.Paragraph type="secondary">{t('trustpass.switchLater')}</Typography.Paragraph>}
        <Row gutter={[16, 16]}>
          {plans.map((p) => (
            <Col key={p.id} xs={24} sm={12} xl={8}>
              <PlanCard plan={p} selected={p.id === planId} current={m.plan?.id === p.id && m.status !== 'none'} locked={running && m.plan !== null && m.plan.id !== p.id} onSelect={() => setPlanId(p.id)} />
            </Col>
          ))}
        </Row>
        {plan && (
          <div style={{ marginTop: 20, padding: 16, background: '#fff7f0', border: '1px solid #ffd8bf', borderRadius: 8 }}>
            <Row gutter={[24, 16]} align="middle">
              <Col xs={24} md={7}>
                <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>{t('trustpass.yearsLabel')}</Typography.Text>
                <Radio.Group value={years} onChange={(e) => setYears(e.target.value as number)} optionType="button" buttonStyle="solid" data-testid="years"
                  options={[1, 2, 3].map((y) => ({ value: y, label: t('trustpass.yearsOption', { count: y }) }))} />
              </Col>
              <Col xs={24} md={10}>
                <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>{t('trustpass.method')}</Typography.Text>
                <Radio.Group value={provider} onChange={(e) => setProvider(e.target.value as 'sandbox' | 'bank_transfer')} data-testid="provider">
                  <Space direction="vertical" size={2}>
                    <Radio value="sandbox"><QrcodeOutlined /> {t('trustpass.methodSandbox')}</Radio>
                    <Radio value="bank_transfer"><BankOutlined /> {t('trustpass.methodBank')}</Radio>
                  </Space>
                </Radio.Group>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
                  {provider === 'sandbox' ? t('trustpass.methodSandboxHint') : t('trustpass.methodBankHint')}
                </Typography.Paragraph>
              </Col>
              <Col xs={24} md={7} style={{ textAlign: 'right' }}>
                <Typography.Text type="secondary">{t('trustpass.total')}</Typography.Text>
                <div style={{ fontSize: 28, fontWeight: 700, color: ORANGE }} data-testid="total">{money(plan.annualPrice * years, plan.currency)}</div>
                <Button type="primary" size="large" disabled={!canBuy} loading={checkout.isPending} onClick={() => checkout.mutate()} data-testid="checkout">
                  {renewing ? t('trustpass.checkoutRenew') : t('trustpass.checkout')}
                </Button>
              </Col>
            </Row>
          </div>
        )}
        {verificationNeeded ? (
          <Alert type="warning" showIcon style={{ marginTop: 16 }} data-testid="problem" title={verificationNeeded.detail}
            action={<Link to="/workbench/verification"><Button size="small" type="primary">{t('trustpass.goVerify')}</Button></Link>} />
        ) : (
          <ProblemAlert error={checkout.error} style={{ marginTop: 16 }} />
        )}
      </Card>
      <Modal open={transfer !== null} onCancel={() => setTransfer(null)} footer={<Button type="primary" onClick={() => setTransfer(null)}>{t('trustpass.done')}</Button>} width={620}>
        {transfer && (
          <Result status="info" icon={<BankOutlined style={{ color: BLUE }} />} title={t('trustpass.bankTitle')} subTitle={t('trustpass.bankSub')} style={{ padding: '16px 0 0' }}
            extra={<div style={{ textAlign: 'left' }}><TransferDetails intent={transfer} /></div>} data-testid="transfer-result" />
        )}
      </Modal>
    </div>
  );
}

function HistoryCard({ company, m, plans }: { company: MeCompany; m: Membership; plans: Plan[] }) {
  const { t } = useTranslation();
  const [receipt, setReceipt] = useState<{ p: Purchase; intent: PaymentIntent | undefined } | null>(null);
  const [transfer, setTransfer] = useState<PaymentIntent | null>(null);
  const payments = useQuery({
    queryKey: ['wb', 'payments', company.id],
    queryFn: () => api<Page<PaymentIntent>>(`/companies/${company.id}/payments`, { query: { limit: 100 } }),
  });
  const byId = new Map((payments.data?.items ?? []).map((i) => [i.id, i]));
  const planByCode = new Map(plans.map((p) => [p.code, p]));
  const planLabel = (code: string) => {
    const p = planByCode.get(code) ?? (m.plan?.code === code ? m.plan : undefined);
    return p ? planName(p) : code;
  };
  return (
    <Card title={t('trustpass.history')} data-testid="history-card">
      <Table<Purchase>
        rowKey="id"
        size="small"
        dataSource={m.purchases}
        pagination={m.purchases.length > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trustpass.noHistory')} /> }}
        columns={[
          { title: t('trustpass.createdAt'), dataIndex: 'createdAt', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
          { title: t('trustpass.plan'), dataIndex: 'planCode', render: (c: string) => planLabel(c) },
          { title: t('trustpass.yearsCol'), dataIndex: 'years', width: 80, render: (y: number) => t('trustpass.yearsOption', { count: y }) },
          { title: t('trustpass.amount'), dataIndex: 'amount', align: 'right', render: (a: number, p) => <b>{money(a, p.currency)}</b> },
          { title: t('trustpass.method'), key: 'provider', render: (_: unknown, p) => { const i = byId.get(p.paymentIntentId); return i ? <ProviderTag provider={i.provider} /> : '—'; } },
          { title: t('adminPay.status'), dataIndex: 'status', render: (s: Purchase['status']) => <PurchaseStatusTag status={s} /> },
          { title: t('trustpass.paidAt'), dataIndex: 'paidAt', render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
          {
            title: t('common.actions'), key: 'actions',
            render: (_: unknown, p) => {
              const i = byId.get(p.paymentIntentId);
              return (
                <Space size={4}>
                  <Button type="link" size="small" onClick={() => setReceipt({ p, intent: i })} data-testid="receipt">{t('trustpass.receipt')}</Button>
                  {p.status === 'pending' && i?.status === 'requires_payment' && i.provider === 'sandbox' && (
                    <Link to={`/sandbox/pay/${i.id}`}><Button type="link" size="small">{t('trustpass.payNow')}</Button></Link>
                  )}
                  {p.status === 'pending' && i?.status === 'requires_payment' && i.provider === 'bank_transfer' && (
                    <Button type="link" size="small" onClick={() => setTransfer(i)}>{t('trustpass.showTransfer')}</Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      <Modal open={receipt !== null} title={t('trustpass.receiptTitle')} onCancel={() => setReceipt(null)} footer={null} width={560}>
        {receipt && (
          <Descriptions column={1} bordered size="small" data-testid="receipt-modal">
            <Descriptions.Item label={t('trustpass.purchaseId')}><Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>{receipt.p.id}</Typography.Text></Descriptions.Item>
            <Descriptions.Item label={t('sandboxPay.payee')}>{t('sandboxPay.payeeName')}</Descriptions.Item>
            <Descriptions.Item label={t('trustpass.plan')}>{planLabel(receipt.p.planCode)} · {t('trustpass.yearsOption', { count: receipt.p.years })}</Descriptions.Item>
            <Descriptions.Item label={t('trustpass.amount')}><b style={{ color: ORANGE }}>{money(receipt.p.amount, receipt.p.currency)}</b></Descriptions.Item>
            <Descriptions.Item label={t('adminPay.status')}><PurchaseStatusTag status={receipt.p.status} /></Descriptions.Item>
            <Descriptions.Item label={t('trustpass.method')}>{receipt.intent ? <ProviderTag provider={receipt.intent.provider} /> : '—'}</Descriptions.Item>
            {receipt.intent && <Descriptions.Item label={t('adminPay.description')}>{localized(receipt.intent.description)}</Descriptions.Item>}
            <Descriptions.Item label={t('trustpass.paymentId')}><Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{receipt.p.paymentIntentId}</Typography.Text></Descriptions.Item>
            <Descriptions.Item label={t('trustpass.createdAt')}>{formatDateTime(receipt.p.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('trustpass.paidAt')}>{formatDateTime(receipt.p.paidAt)}</Descriptions.Item>
          </Descriptions>
        )}
      </Modal>
      <Modal open={transfer !== null} title={t('trustpass.instructions')} onCancel={() => setTransfer(null)} footer={null} width={600}>
        {transfer && (
          <>
            <Typography.Paragraph type="secondary">{t('trustpass.bankSub')}</Typography.Paragraph>
            <TransferDetails intent={transfer} />
          </>
        )}
      </Modal>
    </Card>
  );
}

function TrustPassBody({ company }: { company: MeCompany }) {
  const { t, i18n } = useTranslation();
  const anchor = useRef<HTMLDivElement | null>(null);
  const membership = useQuery({ queryKey: ['wb', 'trustpass', company.id], queryFn: () => api<Membership>(`/companies/${company.id}/trustpass`) });
  const plans = useQuery({ queryKey: ['wb', 'trustpass-plans', i18n.language], queryFn: () => api<{ items: Plan[] }>('/trustpass/plans') });
  const [chosen, setChosen] = useState<string | null>(null);
  if (membership.isPending || plans.isPending) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (membership.error || plans.error) return <ProblemAlert error={membership.error ?? plans.error} />;
  const m = membership.data;
  const onSale = plans.data.items.filter((p) => p.active);
  // Default choice: the current plan (renewal), else the first on sale.
  const planId = chosen ?? (m.plan && onSale.some((p) => p.id === m.plan?.id) ? m.plan.id : onSale[0]?.id ?? null);
  const renew = () => {
    if (m.plan && onSale.some((p) => p.id === m.plan?.id)) setChosen(m.plan.id);
    anchor.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('trustpass.menu')}</Typography.Title>
        <Typography.Text type="secondary">{t('trustpass.intro')}</Typography.Text>
      </div>
      <MembershipCard m={m} onRenew={renew} />
      <BuyCard company={company} m={m} plans={onSale} planId={planId} setPlanId={setChosen} anchor={anchor} />
      <HistoryCard company={company} m={m} plans={plans.data.items} />
    </Space>
  );
}

export default function TrustPassPage() {
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  if (!company) return <NoCompany />;
  return <TrustPassBody key={company.id} company={company} />;
}
