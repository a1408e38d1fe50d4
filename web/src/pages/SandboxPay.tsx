import { BankOutlined, ExperimentOutlined, LockOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Divider, Radio, Result, Skeleton, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api.js';
import { LangSwitch } from '../components/LangSwitch.js';
import { ProblemAlert, ProblemResult } from '../components/Problem.js';
import { formatDate, formatDateTime } from '../format.js';
import '../i18n/trustpass.js';
import type { Membership, PaymentIntent } from './trustpassShared.js';
import { IntentStatusTag, localized, money } from './trustpassShared.js';

const TEAL = '#0E7C86';

/** A fake but deterministic QR-like pattern derived from the payment id (nothing to scan). */
function FakeQr({ seed, size = 168 }: { seed: string; size?: number }) {
  const n = 25;
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  const cells: boolean[] = [];
  for (let i = 0; i < n * n; i++) {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    cells.push((h & 1) === 1);
  }
  const finder = (x: number, y: number) => {
    const corners: [number, number][] = [[0, 0], [n - 7, 0], [0, n - 7]];
    for (const [fx, fy] of corners) {
      if (x >= fx && x < fx + 7 && y >= fy && y < fy + 7) {
        const dx = x - fx;
        const dy = y - fy;
        return dx === 0 || dy === 0 || dx === 6 || dy === 6 || (dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4) ? 1 : 0;
      }
    }
    return -1;
  };
  const c = size / n;
  const rects = [];
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const f = finder(x, y);
      if (f === 1 || (f === -1 && cells[y * n + x])) rects.push(<rect key={`${x}-${y}`} x={x * c} y={y * c} width={c} height={c} />);
    }
  }
  return (
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} role="img" aria-label="sandbox QR" style={{ background: '#fff', padding: 6, border: '1px solid #e5e5e5', borderRadius: 6 }}>
      <g fill="#111">{rects}</g>
    </svg>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div style={{ minHeight: '100vh', background: '#eef2f5' }}>
      <div style={{ background: TEAL, color: '#fff' }}>
        <div style={{ maxWidth: 560, margin: '0 auto', padding: '12px 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
          <Space>
            <LockOutlined />
            <Typography.Text strong style={{ color: '#fff', fontSize: 16 }} data-testid="sandbox-brand">{t('sandboxPay.brand')}</Typography.Text>
          </Space>
          <LangSwitch dark />
        </div>
      </div>
      <div style={{ background: '#FFF3C4', borderBottom: '1px solid #F0D36B' }}>
        <div style={{ maxWidth: 560, margin: '0 auto', padding: '8px 16px', display: 'flex', gap: 8, alignItems: 'flex-start' }}>
          <ExperimentOutlined style={{ color: '#AD6800', marginTop: 4 }} />
          <div>
            <Typography.Text strong style={{ color: '#AD6800' }} data-testid="sandbox-banner">{t('sandboxPay.banner')}</Typography.Text>
            <div style={{ fontSize: 12, color: '#7c5a00' }}>{t('sandboxPay.bannerHint')}</div>
          </div>
        </div>
      </div>
      <div style={{ maxWidth: 560, margin: '0 auto', padding: '20px 12px 40px' }}>{children}</div>
    </div>
  );
}

function Activation({ intent }: { intent: PaymentIntent }) {
  const { t } = useTranslation();
  const membership = useQuery({
    queryKey: ['wb', 'trustpass', intent.companyId],
    queryFn: () => api<Membership>(`/companies/${intent.companyId}/trustpass`),
    refetchInterval: (q) => (q.state.data?.purchases.find((p) => p.paymentIntentId === intent.id)?.status === 'pending' ? 1000 : false),
    enabled: intent.purpose === 'trustpass',
  });
  if (intent.purpose !== 'trustpass') return null;
  const purchase = membership.data?.purchases.find((p) => p.paymentIntentId === intent.id);
  if (!membership.data || !purchase || purchase.status === 'pending') {
    return <Space><Spin size="small" /><Typography.Text type="secondary">{t('sandboxPay.activating')}</Typography.Text></Space>;
  }
  if (purchase.status === 'paid') {
    return <Alert type="success" showIcon data-testid="trustpass-activated" title={t('sandboxPay.activated', { date: formatDate(membership.data.expiresAt) })} />;
  }
  return null;
}

export default function SandboxPay() {
  const { t } = useTranslation();
  const { intentId = '' } = useParams();
  const qc = useQueryClient();
  const [method, setMethod] = useState<'qr' | 'bank'>('qr');
  const [decided, setDecided] = useState(false);
  const intent = useQuery({
    queryKey: ['payment', intentId],
    queryFn: () => api<PaymentIntent>(`/payments/${intentId}`),
    // After approve/decline the outcome arrives by webhook: poll every second until it settles.
    refetchInterval: (q) => (decided && q.state.data?.status === 'requires_payment' ? 1000 : false),
  });
  const decide = useMutation({
    mutationFn: (approve: boolean) => api<PaymentIntent>(`/sandbox/payments/${intentId}/${approve ? 'approve' : 'decline'}`, { method: 'POST' }),
    onSuccess: (i) => {
      setDecided(true);
      qc.setQueryData(['payment', intentId], i);
      void qc.invalidateQueries({ queryKey: ['wb'] });
    },
  });

  if (intent.isPending) return <Shell><Card><Skeleton active paragraph={{ rows: 6 }} /></Card></Shell>;
  if (intent.error) return <Shell><ProblemResult error={intent.error} onRetry={() => void intent.refetch()} /></Shell>;
  const i = intent.data;
  // Back to what was paid for: the order (an order payment's reference is the order id), the credit bills, or TrustPass.
  const back = i.purpose === 'order' ? (
    <Link to={`/workbench/orders/${i.referenceId}`}>
      <Button type="primary" data-testid="back-to-order">{t('sandboxPay.backToOrder')}</Button>
    </Link>
  ) : i.purpose === 'credit_repayment' ? (
    <Link to="/workbench/credit-terms">
      <Button type="primary" data-testid="back-to-credit-terms">{t('sandboxPay.backToCreditTerms')}</Button>
    </Link>
  ) : (
    <Link to="/workbench/trustpass">
      <Button type="primary" data-testid="back-to-trustpass">{t('sandboxPay.back')}</Button>
    </Link>
  );
  const summary = (
    <Descriptions column={1} size="small" bordered data-testid="sandbox-summary">
      <Descriptions.Item label={t('sandboxPay.payee')}>{t('sandboxPay.payeeName')}</Descriptions.Item>
      <Descriptions.Item label={t('sandboxPay.description')}>{localized(i.description)}</Descriptions.Item>
      <Descriptions.Item label={t('sandboxPay.orderNo')}><Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{i.id}</Typography.Text></Descriptions.Item>
      <Descriptions.Item label={t('sandboxPay.amount')}><b>{money(i.amount, i.currency)}</b></Descriptions.Item>
      {/* settledAt is when the payment ended either way: name it by the outcome, never "paid" for a declined one. */}
      {i.settledAt && (i.status === 'succeeded' || i.status === 'failed' || i.status === 'canceled') && (
        <Descriptions.Item label={t(i.status === 'succeeded' ? 'sandboxPay.paidAt' : i.status === 'failed' ? 'sandboxPay.declinedAt' : 'sandboxPay.canceledAt')}>{formatDateTime(i.settledAt)}</Descriptions.Item>
      )}
      <Descriptions.Item label={t('adminPay.status')}><IntentStatusTag status={i.status} /></Descriptions.Item>
    </Descriptions>
  );

  if (i.status === 'succeeded') {
    return (
      <Shell>
        <Card>
          <Result status="success" title={t('sandboxPay.succeeded')} subTitle={<span style={{ fontSize: 24, fontWeight: 700, color: '#1A7F37' }}>{money(i.amount, i.currency)}</span>}
            extra={back} data-testid="sandbox-succeeded" style={{ paddingBottom: 8 }} />
          <div style={{ display: 'flex', justifyContent: 'center', marginBottom: 16 }}><Activation intent={i} /></div>
          <Typography.Title level={5}>{t('sandboxPay.receipt')}</Typography.Title>
          {summary}
        </Card>
      </Shell>
    );
  }
  if (i.status === 'failed' || i.status === 'canceled') {
    return (
      <Shell>
        <Card>
          <Result status="error" title={i.status === 'failed' ? t('sandboxPay.failed') : t('sandboxPay.canceled')} subTitle={t('sandboxPay.failedSub')} extra={back} data-testid="sandbox-failed" />
          {summary}
        </Card>
      </Shell>
    );
  }
  if (decided) {
    return (
      <Shell>
        <Card>
          <Result icon={<Spin size="large" />} title={t('sandboxPay.waiting')} subTitle={t('sandboxPay.waitingHint')} data-testid="sandbox-waiting" />
          {summary}
        </Card>
      </Shell>
    );
  }
  return (
    <Shell>
      <Card styles={{ body: { padding: 0 } }}>
        <div style={{ padding: '20px 24px', textAlign: 'center', borderBottom: '1px dashed #d9d9d9' }}>
          <Typography.Text type="secondary">{t('sandboxPay.payee')}: {t('sandboxPay.payeeName')}</Typography.Text>
          <div style={{ fontSize: 36, fontWeight: 700, margin: '6px 0', color: '#141414' }} data-testid="sandbox-amount">{money(i.amount, i.currency)}</div>
          <Typography.Text>{localized(i.description)}</Typography.Text>
          <div><Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>{t('sandboxPay.orderNo')}: {i.id}</Typography.Text></div>
        </div>
        <div style={{ padding: 24 }}>
          {i.provider !== 'sandbox' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('sandboxPay.notSandbox')} />}
          <Radio.Group value={method} onChange={(e) => setMethod(e.target.value as 'qr' | 'bank')} optionType="button" style={{ display: 'flex', marginBottom: 16 }}>
            <Radio.Button value="qr" style={{ flex: 1, textAlign: 'center' }}><QrcodeOutlined /> {t('sandboxPay.scan')}</Radio.Button>
            <Radio.Button value="bank" style={{ flex: 1, textAlign: 'center' }}><BankOutlined /> {t('sandboxPay.bank')}</Radio.Button>
          </Radio.Group>
          {method === 'qr' ? (
            <div style={{ textAlign: 'center' }}>
              <FakeQr seed={i.id} />
              <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('sandboxPay.scanHint')}</Typography.Text></div>
            </div>
          ) : (
            <div style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: 16, background: 'linear-gradient(135deg, #f5f9fa, #e3eef0)' }}>
              <Space><BankOutlined style={{ fontSize: 24, color: TEAL }} /><Typography.Text strong>{t('sandboxPay.bankCard')}</Typography.Text></Space>
              <div style={{ fontFamily: 'monospace', letterSpacing: 2, marginTop: 8, color: '#595959' }}>6222 •••• •••• 8888</div>
            </div>
          )}
          <Divider style={{ margin: '20px 0' }} />
          <ProblemAlert error={decide.error} style={{ marginBottom: 12 }} />
          <Space style={{ width: '100%' }} direction="vertical" size={8}>
            <Button type="primary" size="large" block style={{ background: TEAL }} loading={decide.isPending && decide.variables} disabled={decide.isPending || i.provider !== 'sandbox'}
              onClick={() => decide.mutate(true)} data-testid="sandbox-approve">
              {t('sandboxPay.pay')} {money(i.amount, i.currency)}
            </Button>
            <Button size="large" block danger loading={decide.isPending && !decide.variables} disabled={decide.isPending || i.provider !== 'sandbox'}
              onClick={() => decide.mutate(false)} data-testid="sandbox-decline">
              {t('sandboxPay.decline')}
            </Button>
          </Space>
        </div>
      </Card>
    </Shell>
  );
}
