import { AccountBookOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Grid, Progress, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import { formatDate, formatDateTime, formatMoney } from '../../format.js';
import '../../i18n/settlements.js';
import { activeCompanyOf, useMe } from '../../session.js';
import type { Bill, CompanyCreditLine } from '../settlementsShared.js';
import { BillStatusTag, DATE_STYLE, Money, NUM_STYLE } from '../settlementsShared.js';
import { NoCompany } from './WorkbenchShell.js';

const PAYERS = new Set(['owner', 'admin', 'finance']);
const OPEN: ReadonlySet<Bill['status']> = new Set(['billed', 'overdue']);

/** Buyer credit terms (账期): the line, used and available, every bill with its due date, overdue warning, repay. */
export default function CreditTermsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const companyId = company?.id;
  const q = useQuery({ queryKey: ['wb', 'credit-terms', companyId], queryFn: () => api<CompanyCreditLine>(`/companies/${companyId}/credit-line`), enabled: !!companyId });
  const repay = useMutation({
    mutationFn: (bill: Bill) => api<{ intent: { id: string; payUrl: string | null } }>(`/credit-draws/${bill.id}/repay`, { method: 'POST', body: { provider: 'sandbox' } }),
    onSuccess: ({ intent }) => navigate(`/sandbox/pay/${intent.id}`),
  });
  if (!company || !companyId) return <NoCompany />;
  const data = q.data;
  const line = data?.line;
  const canPay = PAYERS.has(company.role);
  const usedPct = line && line.limit > 0 ? Math.min(100, Math.round((line.used / line.limit) * 100)) : 0;
  const bills = data?.bills ?? [];
  const open = bills.filter((b) => OPEN.has(b.status));
  const toRepay = open.reduce((s, b) => s + b.outstanding, 0);
  const nextDue = open.map((b) => b.dueAt).filter((d): d is string => !!d).sort()[0] ?? null;
  const compact = !screens.sm;
  const dueLater = (b: Bill) => (b.termDays ? t('settle.credit.dueDaysAfterReceipt', { count: b.termDays }) : t('settle.credit.dueAfterReceipt'));

  const repayButton = (b: Bill) => (b.repayable && canPay ? (
    <Button type="primary" size="small" danger={b.status === 'overdue'} loading={repay.isPending && repay.variables?.id === b.id} onClick={() => repay.mutate(b)} data-testid={`repay-${b.id}`}>{t('settle.credit.repay')}</Button>
  ) : null);

  const statusTag = (b: Bill) => (b.status === 'awaiting_completion'
    ? <Tooltip title={t('settle.credit.awaitingHint')}><span><BillStatusTag status={b.status} /></span></Tooltip>
    : <BillStatusTag status={b.status} />);
  const orderCell = (b: Bill) => <Link to={`/workbench/orders/${b.orderId}`} style={NUM_STYLE}>{b.orderNumber ?? b.orderId.slice(0, 8)}</Link>;

  // A phone gets two columns: the order with its state and due date, the amount with the repay button.
  const columns: TableColumnsType<Bill> = compact ? [
    {
      title: t('settle.credit.col.order'), key: 'order', render: (_: unknown, b) => (
        <Space orientation="vertical" size={4}>
          {orderCell(b)}
          <Space size={4} wrap>{statusTag(b)}{b.status === 'overdue' && <Tag color="red">{t('settle.credit.daysOverdue', { count: b.daysOverdue })}</Tag>}</Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{b.dueAt ? t('settle.credit.dueOn', { date: formatDate(b.dueAt) }) : dueLater(b)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('settle.credit.col.outstanding'), dataIndex: 'outstanding', align: 'right', render: (a: number, b) => (
        <Space orientation="vertical" size={4} style={{ alignItems: 'flex-end' }}>
          <Money amount={a} strong />
          {repayButton(b)}
        </Space>
      ),
    },
  ] : [
    {
      title: t('settle.credit.col.order'), key: 'order', render: (_: unknown, b) => (
        <Space orientation="vertical" size={0}>
          {orderCell(b)}
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{formatDate(b.createdAt)}</Typography.Text>
        </Space>
      ),
    },
    { title: t('settle.credit.col.amount'), dataIndex: 'amount', align: 'right', responsive: ['md'], render: (a: number) => <Money amount={a} /> },
    { title: t('settle.credit.col.released'), dataIndex: 'released', align: 'right', responsive: ['lg'], render: (a: number) => (a ? <Money amount={a} /> : '—') },
    { title: t('settle.credit.col.outstanding'), dataIndex: 'outstanding', align: 'right', render: (a: number) => <Money amount={a} strong /> },
    {
      title: t('settle.credit.col.due'), dataIndex: 'dueAt', render: (d: string | null, b) => (
        <Space orientation="vertical" size={2}>
          <span style={{ whiteSpace: 'nowrap' }}>{d ? formatDate(d) : <Typography.Text type="secondary">{dueLater(b)}</Typography.Text>}</span>
          {b.status === 'overdue' && <Tag color="red">{t('settle.credit.daysOverdue', { count: b.daysOverdue })}</Tag>}
        </Space>
      ),
    },
    { title: t('settle.credit.col.status'), dataIndex: 'status', render: (_: Bill['status'], b) => statusTag(b) },
    { title: t('settle.credit.col.repaidAt'), dataIndex: 'repaidAt', responsive: ['lg'], render: (d: string | null) => <span style={DATE_STYLE}>{formatDateTime(d)}</span> },
    { title: '', key: 'act', width: 90, render: (_: unknown, b) => repayButton(b) },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="credit-terms-page">
      <Typography.Title level={4} style={{ margin: 0 }}>{t('settle.credit.title')}</Typography.Title>
      <ProblemAlert error={q.error ?? repay.error} />
      {data && data.overdue.count > 0 && (
        <Alert type="error" showIcon title={t('settle.credit.overdueAlert', { count: data.overdue.count, amount: formatMoney(data.overdue.amount) })} data-testid="overdue-alert" />
      )}
      <Card
        title={<Space><AccountBookOutlined />{t('settle.credit.line')}{line && (line.status === 'active' ? <Tag color="green">{t('settle.admin.active')}</Tag> : <Tag color="orange">{t('settle.admin.frozenTag')}</Tag>)}</Space>}
        loading={q.isPending} data-testid="credit-line"
      >
        {!line ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span style={{ maxWidth: 420, display: 'inline-block' }}>{t('settle.credit.noLine')}</span>}>
            <Link to="/workbench/credit"><Button icon={<SafetyCertificateOutlined />}>{t('settle.credit.viewRating')}</Button></Link>
          </Empty>
        ) : (
          <>
            {line.status === 'frozen' && <Alert type="warning" showIcon title={t('settle.credit.frozen')} style={{ marginBottom: 12 }} />}
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}><Statistic title={t('settle.credit.limit')} value={formatMoney(line.limit)} styles={{ content: NUM_STYLE }} /></Col>
              <Col xs={12} md={6}><Statistic title={t('settle.credit.used')} value={formatMoney(line.used)} styles={{ content: NUM_STYLE }} /></Col>
              <Col xs={12} md={6}><Statistic title={t('settle.credit.available')} value={formatMoney(line.available)} styles={{ content: { ...NUM_STYLE, color: line.status === 'active' ? '#1A7F37' : undefined } }} /></Col>
              <Col xs={12} md={6}>
                <Statistic title={t('settle.credit.toRepay')} value={formatMoney(toRepay)} styles={{ content: { ...NUM_STYLE, color: (data?.overdue.count ?? 0) > 0 ? '#CF1322' : undefined } }} />
                {nextDue && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('settle.credit.nextDue', { date: formatDate(nextDue) })}</Typography.Text>}
              </Col>
            </Row>
            <div style={{ marginTop: 16 }}>
              <Progress percent={usedPct} strokeColor={usedPct > 80 ? '#CF1322' : '#F25C05'} format={(p) => t('settle.credit.usedPct', { pct: p ?? 0 })} />
              <Typography.Paragraph strong style={{ margin: '4px 0 0' }} data-testid="credit-term">
                {line.termDays !== null ? t('settle.credit.term', { count: line.termDays }) : t('settle.credit.termDefault', { count: data.defaultTermDays })}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('settle.credit.howTo')}</Typography.Text>
            </div>
          </>
        )}
      </Card>
      {(line || bills.length > 0 || q.isPending) && <Card title={t('settle.credit.bills')} data-testid="credit-bills">
        <Table<Bill>
          rowKey="id" size="small" loading={q.isPending} dataSource={bills} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settle.credit.noBills')} /> }}
          onRow={(b) => (b.status === 'overdue' ? { style: { background: '#FFF1F0' } } : {})}
        />
      </Card>}
    </Space>
  );
}
