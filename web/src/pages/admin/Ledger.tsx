import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import { formatDateTime } from '../../format.js';
import '../../i18n/trustpass.js';
import type { LedgerBalances, LedgerTx } from '../trustpassShared.js';
import { localized, money } from '../trustpassShared.js';
import { usePaged } from './usePaged.js';

type Posting = LedgerTx['postings'][number];
type Balance = LedgerBalances['items'][number];

function Signed({ amount, currency }: { amount: number; currency: string }) {
  return (
    <span style={{ fontFamily: 'monospace', color: amount < 0 ? '#CF1322' : amount > 0 ? '#1A7F37' : undefined, whiteSpace: 'nowrap' }}>
      {amount > 0 ? '+' : ''}
      {money(amount, currency)}
    </span>
  );
}

function Postings({ tx }: { tx: LedgerTx }) {
  const { t } = useTranslation();
  return (
    <Table<Posting>
      rowKey={(p, i) => `${p.account}-${i}`}
      size="small"
      pagination={false}
      dataSource={tx.postings}
      style={{ maxWidth: 720 }}
      data-testid="postings"
      columns={[
        { title: t('adminPay.account'), dataIndex: 'account', render: (a: string) => <code>{a}</code> },
        { title: '', key: 'dir', width: 60, render: (_: unknown, p) => (p.amount >= 0 ? <Tag color="green">{t('adminPay.debit')}</Tag> : <Tag color="red">{t('adminPay.credit')}</Tag>) },
        { title: t('adminPay.postingAmount'), dataIndex: 'amount', align: 'right', render: (a: number, p) => <Signed amount={a} currency={p.currency} /> },
      ]}
    />
  );
}

export default function AdminLedger() {
  const { t } = useTranslation();
  const balances = useQuery({ queryKey: ['admin', 'ledger', 'balances'], queryFn: () => api<LedgerBalances>('/admin/ledger/balances') });
  const page = usePaged<LedgerTx>(['admin', 'ledger', 'tx'], '/admin/ledger', {});
  const unbalanced = balances.data?.unbalancedTransactions ?? [];
  const badge = balances.data ? (
    unbalanced.length === 0 ? (
      <Tag color="#1A7F37" icon={<CheckCircleFilled />} style={{ fontSize: 13, padding: '2px 10px' }} data-testid="books-balance">{t('adminPay.booksBalance')}</Tag>
    ) : (
      <Tag color="#CF1322" icon={<WarningFilled />} style={{ fontSize: 13, padding: '2px 10px' }} data-testid="books-unbalanced">{t('adminPay.booksUnbalanced', { count: unbalanced.length })}</Tag>
    )
  ) : null;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={<Space>{t('adminPay.balances')}{badge}</Space>} data-testid="ledger-balances">
        <ProblemAlert error={balances.error} style={{ marginBottom: 12 }} />
        {unbalanced.length > 0 && (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('adminPay.booksUnbalanced', { count: unbalanced.length })}
            description={<ul style={{ margin: 0, paddingLeft: 18 }}>{unbalanced.map((u) => <li key={`${u.transactionId}-${u.currency}`}><code>{u.transactionId}</code> · {u.currency} · {u.sum}</li>)}</ul>} />
        )}
        <Table<Balance>
          rowKey={(b) => `${b.code}`}
          size="small"
          loading={balances.isPending}
          dataSource={balances.data?.items ?? []}
          pagination={false}
          scroll={{ x: 640 }}
          columns={[
            { title: t('adminPay.account'), dataIndex: 'code', render: (c: string) => <code>{c}</code> },
            { title: t('adminPay.purpose'), dataIndex: 'purpose', render: (p: string) => t(`adminPay.purposes.${p}`, { defaultValue: p }) },
            { title: t('adminPay.currency'), dataIndex: 'currency', width: 90 },
            { title: t('adminPay.balance'), dataIndex: 'balance', align: 'right', render: (v: number, b) => <Signed amount={v} currency={b.currency} /> },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>{t('adminPay.sumHint')}</Typography.Paragraph>
      </Card>
      <Card title={t('adminPay.transactions')} data-testid="ledger-transactions">
        <ProblemAlert error={page.error} style={{ marginBottom: 12 }} />
        <Table<LedgerTx>
          rowKey="id"
          size="small"
          loading={page.isPending}
          dataSource={page.items}
          pagination={false}
          scroll={{ x: 900 }}
          expandable={{ expandedRowRender: (tx) => <Postings tx={tx} />, rowExpandable: (tx) => tx.postings.length > 0 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('adminPay.noTransactions')} /> }}
          columns={[
            { title: t('adminPay.createdAt'), dataIndex: 'created_at', width: 170, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
            { title: t('adminPay.kind'), dataIndex: 'kind', width: 100, render: (k: string) => <Tag>{k}</Tag> },
            { title: t('adminPay.memo'), dataIndex: 'memo', render: (m: string) => localized(m) },
            {
              title: t('adminPay.referenceCol'), key: 'ref',
              render: (_: unknown, tx) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{tx.reference_type} · <span style={{ fontFamily: 'monospace' }} title={tx.reference_id}>{tx.reference_id.slice(0, 8)}…</span></Typography.Text>,
            },
            {
              title: t('adminPay.txAmount'), key: 'amount', align: 'right',
              render: (_: unknown, tx) => {
                const debit = tx.postings.filter((p) => p.amount > 0);
                const cur = debit[0]?.currency ?? tx.postings[0]?.currency ?? 'CNY';
                return <b>{money(debit.reduce((s, p) => s + p.amount, 0), cur)}</b>;
              },
            },
            { title: t('adminPay.postings'), key: 'n', width: 80, align: 'right', render: (_: unknown, tx) => tx.postings.length },
          ]}
        />
        {page.hasNextPage && (
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            <Button loading={page.isFetchingNextPage} onClick={() => void page.fetchNextPage()}>{t('common.loadMore')}</Button>
          </div>
        )}
      </Card>
    </Space>
  );
}
