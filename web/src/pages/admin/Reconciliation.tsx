import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import { formatDateTime, formatMoney } from '../../format.js';
import '../../i18n/settlements.js';
import type { Reconciliation } from '../settlementsShared.js';
import { Money, NUM_STYLE } from '../settlementsShared.js';

function Check({ ok, label, detail }: { ok: boolean; label: string; detail?: React.ReactNode }) {
  return (
    <List.Item data-testid={ok ? 'check-ok' : 'check-fail'}>
      <Space align="start">
        {ok ? <CheckCircleFilled style={{ color: '#1A7F37', fontSize: 18 }} /> : <CloseCircleFilled style={{ color: '#CF1322', fontSize: 18 }} />}
        <div>
          <div style={{ fontWeight: 500 }}>{label}</div>
          {detail && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{detail}</Typography.Text>}
        </div>
      </Space>
    </List.Item>
  );
}

/** "ledger ¥X · orders ¥Y": the two sides a check compares, labelled. */
function Sides({ a, b }: { a: [string, number]; b: [string, number] }) {
  return (
    <Space size={4} wrap separator="·">
      <span>{a[0]} <span style={NUM_STYLE}>{formatMoney(a[1])}</span></span>
      <span>{b[0]} <span style={NUM_STYLE}>{formatMoney(b[1])}</span></span>
    </Space>
  );
}

/** Operators: the ledger's invariants (GET /admin/ledger/reconciliation), checked on demand. */
export default function AdminReconciliation() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['admin', 'reconciliation'], queryFn: () => api<Reconciliation>('/admin/ledger/reconciliation') });
  const r = q.data;
  const figures: Array<[string, number]> = r ? [
    [t('settle.admin.escrowBalance'), r.escrowBalance],
    [t('settle.admin.sellerAvailable'), r.sellerAvailable],
    [t('settle.admin.receivables'), r.receivables],
    [t('settle.admin.platformFees'), r.platformFees],
  ] : [];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={<Space wrap>{t('settle.admin.reconTitle')}{r && (r.ok ? <Tag color="success" data-testid="recon-ok">{t('settle.admin.allGood')}</Tag> : <Tag color="error" data-testid="recon-fail">{t('settle.admin.problems')}</Tag>)}</Space>}
        extra={<Button icon={<ReloadOutlined />} loading={q.isFetching} onClick={() => void q.refetch()} data-testid="recon-recheck">{t('settle.admin.recheck')}</Button>}
        loading={q.isPending}
      >
        <ProblemAlert error={q.error} style={{ marginBottom: 12 }} />
        {r && (
          <>
            <Typography.Text type="secondary">{t('settle.admin.checkedAt', { at: formatDateTime(r.checkedAt) })}</Typography.Text>
            <List style={{ marginTop: 8 }}>
              <Check ok={r.balanced} label={t('settle.admin.checks.balanced')} detail={r.balanced ? null : `${t('settle.admin.unbalanced')}: ${r.unbalancedTransactions.length}`} />
              <Check ok={r.escrowMatchesOrders} label={t('settle.admin.checks.escrow')}
                detail={<Sides a={[t('settle.admin.side.ledger'), r.escrowBalance]} b={[t('settle.admin.side.orders'), r.escrowOutstandingOrders]} />} />
              <Check ok={r.receivablesMatchBills} label={t('settle.admin.checks.receivables')}
                detail={<Sides a={[t('settle.admin.side.ledger'), r.receivables]} b={[t('settle.admin.side.bills'), r.billedOutstanding]} />} />
              <Check ok={r.inFlightMatchesPayouts} label={t('settle.admin.checks.inFlight')}
                detail={<Sides a={[t('settle.admin.side.ledger'), r.payoutsInFlight]} b={[t('settle.admin.side.payouts'), r.payoutsRequested]} />} />
              <Check ok={r.negativeSellerBalances.length === 0} label={t('settle.admin.checks.negative')}
                detail={r.negativeSellerBalances.map((n) => `${n.account} ${formatMoney(n.balance)}`).join('; ') || null} />
            </List>
            {r.unbalancedTransactions.length > 0 && (
              <Alert type="error" showIcon title={t('settle.admin.unbalanced')} description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {r.unbalancedTransactions.map((u) => <li key={u.transactionId}><code>{u.transactionId}</code> <Money amount={u.sum} /> {u.currency}</li>)}
                </ul>
              } />
            )}
          </>
        )}
      </Card>
      {r && (
        <Row gutter={[16, 16]}>
          {figures.map(([label, value]) => (
            <Col xs={12} md={6} key={label} style={{ display: 'flex' }}>
              <Card size="small" style={{ width: '100%' }}><Statistic title={label} value={formatMoney(value)} styles={{ content: { ...NUM_STYLE, fontSize: 20 } }} /></Card>
            </Col>
          ))}
          <Col span={24}>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} styles={{ content: { ...NUM_STYLE, textAlign: 'right' } }}>
              <Descriptions.Item label={t('settle.admin.escrowOrders')}>{formatMoney(r.escrowOutstandingOrders)}</Descriptions.Item>
              <Descriptions.Item label={t('settle.admin.billed')}>{formatMoney(r.billedOutstanding)}</Descriptions.Item>
              <Descriptions.Item label={t('settle.admin.inFlight')}>{formatMoney(r.payoutsInFlight)}</Descriptions.Item>
              <Descriptions.Item label={t('settle.admin.requested')}>{formatMoney(r.payoutsRequested)}</Descriptions.Item>
            </Descriptions>
          </Col>
        </Row>
      )}
    </Space>
  );
}
