import { ArrowLeftOutlined, CheckOutlined, MessageOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import { ShoppingCartOutlined } from '@ant-design/icons';
import '../../../i18n/orders.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Empty, Grid, Input, List, Modal, Popconfirm, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, problemDetail } from '../../../api.js';
import { formatRate } from '../../../components/ResponseRate.js';
import { ProblemResult } from '../../../components/Problem.js';
import { formatDate, formatDateTime } from '../../../format.js';
import { useRegionName } from '../../../session.js';
import type { QuoteView, QuotesOnRfq, RfqView } from './model.js';
import { money, qty, supplierName } from './model.js';
import { QuoteStatusTag, QuoteTermsView, QuoteThreadDrawer, RfqStatusTag, RfqSummary, SupplierMarks } from './parts.js';

const GOOD = { color: '#1A7F37', fontWeight: 600 } as const;

/** The buyer's RFQ: the need, the quote comparison (best price and lead time marked), decisions and per-quote threads. */
export default function RfqDetail() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const region = useRegionName();
  const [thread, setThread] = useState<QuoteView | null>(null);
  const [declining, setDeclining] = useState<QuoteView | null>(null);
  const [reason, setReason] = useState('');
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const rfq = useQuery({ queryKey: ['wb', 'rfq', id], queryFn: () => api<RfqView>(`/rfqs/${id}`) });
  const quotes = useQuery({ queryKey: ['wb', 'rfq-quotes', id], queryFn: () => api<QuotesOnRfq>(`/rfqs/${id}/quotes`), enabled: Boolean(rfq.data?.viewer.isBuyer) });
  const refresh = () => qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'wb' });
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: Record<string, unknown>; ok: string }) => api(path, { method: 'POST', ...(body ? { body } : {}) }),
    onSuccess: async (_d, v) => {
      message.success(v.ok);
      await refresh();
    },
    onError: (e) => message.error(problemDetail(e)),
  });
  if (rfq.error) return <ProblemResult error={rfq.error} />;
  if (!rfq.data) return <Skeleton active />;
  const r = rfq.data;
  const data = quotes.data;
  // Every live quote tied on the shortest lead time is "Fastest" (the server names only one of them).
  const fastestDays = data?.items.find((i) => i.id === data.best.leadTimeQuoteId)?.leadTimeDays;
  const isFastest = (q: QuoteView) => fastestDays !== undefined && (q.status === 'submitted' || q.status === 'accepted') && q.leadTimeDays === fastestDays;
  const manageable = r.viewer.canManage && (r.status === 'open' || r.status === 'awarded');
  const acceptable = r.viewer.canManage && r.status === 'open';
  const accept = (q: QuoteView) =>
    modal.confirm({
      title: t('rfqs.accept'),
      content: t('rfqs.acceptConfirm', { supplier: supplierName(q.supplier) }),
      okText: t('rfqs.accept'),
      onOk: () => act.mutateAsync({ path: `/quotes/${q.id}/accept`, ok: t('rfqs.accepted') }),
    });
  // Widths sum to 985 (+48 for the expand column), so at 1048px of content nothing scrolls under the fixed Actions column.
  const columns: TableColumnsType<QuoteView> = [
    {
      title: t('rfqs.col.supplier'), fixed: 'left', width: 160, render: (_, q) => (
        <Space direction="vertical" size={2}>
          <Space size={4} align="start">
            {q.shortlisted && <Tooltip title={t('rfqs.shortlisted')}><StarFilled style={{ color: '#F25C05' }} /></Tooltip>}
            <Badge dot={q.unread} offset={[4, 2]}><Link to={`/companies/${q.supplier.id}`} target="_blank">{supplierName(q.supplier)}</Link></Badge>
          </Space>
          <Space size={4} wrap><QuoteStatusTag status={q.status} /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{region(q.supplier.province)}</Typography.Text></Space>
          <SupplierMarks s={q.supplier} />
        </Space>
      ),
    },
    {
      title: t('rfqs.col.atQuantity'), width: 110, sorter: (a, b) => a.atQuantity.unitPrice - b.atQuantity.unitPrice, render: (_, q) => (
        <Tooltip title={q.priceTiers.length ? q.priceTiers.map((x) => `≥${x.minQuantity}: ${money(x.unitPrice)}`).join(' / ') : money(q.unitPrice)}>
          <span>{money(q.atQuantity.unitPrice)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('rfqs.col.total'), width: 125, sorter: (a, b) => a.atQuantity.total - b.atQuantity.total, render: (_, q) => (
        <Space size={4} wrap data-testid="quote-total">
          <span style={{ whiteSpace: 'nowrap', ...(data?.best.priceQuoteId === q.id ? GOOD : {}) }}>{money(q.atQuantity.total)}</span>
          {data?.best.priceQuoteId === q.id && <Tag color="green">{t('rfqs.bestPrice')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('rfqs.col.leadTime'), width: 100, sorter: (a, b) => a.leadTimeDays - b.leadTimeDays, render: (_, q) => (
        <Space size={4} wrap>
          <span style={{ whiteSpace: 'nowrap', ...(isFastest(q) ? GOOD : {}) }}>{t('rfqs.days', { count: q.leadTimeDays })}</span>
          {isFastest(q) && <Tag color="green">{t('rfqs.bestLead')}</Tag>}
        </Space>
      ),
    },
    { title: t('rfqs.col.validUntil'), width: 100, render: (_, q) => <span style={new Date(q.validUntil) < new Date() ? { color: '#cf1322' } : undefined}>{formatDate(q.validUntil)}</span> },
    // Long terms ("Delivered (freight included)") wrap inside the column instead of running under the fixed Actions column.
    { title: t('rfqs.col.terms'), width: 105, render: (_, q) => <span style={{ whiteSpace: 'normal', wordBreak: 'break-word' }}>{t(`rfqs.shipping.${q.shippingTerms}`, { defaultValue: q.shippingTerms })}</span> },
    { title: t('rfqs.col.responseRate'), width: 90, render: (_, q) => (q.supplier.responseRate === null ? '—' : formatRate(q.supplier.responseRate)) },
    { title: t('rfqs.col.actions'), fixed: 'right', width: 195, render: (_, q) => actions(q) },
  ];
  /** Stable hooks for tests and assistive tools: which supplier a row is, and whether it is the best price. */
  const rowMarks = (q: QuoteView) => ({ 'data-testid': 'quote-row', 'data-quote-id': q.id, 'data-supplier-id': q.supplier.id, 'data-best-price': String(data?.best.priceQuoteId === q.id), 'data-best-lead': String(isFastest(q)) }) as HTMLAttributes<HTMLElement>;
  function actions(q: QuoteView) {
    return (
        <Space wrap size={4}>
          <Button size="small" icon={<MessageOutlined />} onClick={() => setThread(q)} data-testid="quote-thread-open">{t('rfqs.thread')}{q.messageCount ? ` ${q.messageCount}` : ''}</Button>
          {r.viewer.isBuyer && q.status === 'accepted' && (
            <Link to={`/workbench/checkout?quoteId=${q.id}`} title={t('orders.quoteOrderHint')}>
              <Button size="small" type="primary" icon={<ShoppingCartOutlined />} data-testid="quote-order">{t('orders.quoteOrder')}</Button>
            </Link>
          )}
          {manageable && q.status === 'submitted' && (
            <>
              <Button size="small" icon={q.shortlisted ? <StarFilled /> : <StarOutlined />} onClick={() => act.mutate({ path: `/quotes/${q.id}/shortlist`, body: { shortlisted: !q.shortlisted }, ok: q.shortlisted ? t('rfqs.unshortlist') : t('rfqs.shortlisted') })} data-testid="quote-shortlist">
                {q.shortlisted ? t('rfqs.unshortlist') : t('rfqs.shortlist')}
              </Button>
              {acceptable && <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => accept(q)} data-testid="quote-accept">{t('rfqs.accept')}</Button>}
              <Button size="small" danger onClick={() => { setReason(''); setDeclining(q); }} data-testid="quote-decline">{t('rfqs.decline')}</Button>
            </>
          )}
        </Space>
    );
  }
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="rfq-detail">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Link to="/workbench/rfqs"><Button icon={<ArrowLeftOutlined />}>{t('rfqs.back')}</Button></Link>
          <Typography.Title level={4} style={{ margin: 0 }}>{r.title}</Typography.Title>
          <RfqStatusTag status={r.status} />
        </Space>
        {manageable && (
          <Space>
            {r.status === 'open' && <Popconfirm title={t('rfqs.cancelConfirm')} onConfirm={() => act.mutate({ path: `/rfqs/${r.id}/cancel`, ok: t('rfqs.closedOk') })}><Button>{t('rfqs.cancelRfq')}</Button></Popconfirm>}
            <Popconfirm title={t('rfqs.closeConfirm')} onConfirm={() => act.mutate({ path: `/rfqs/${r.id}/close`, ok: t('rfqs.closedOk') })}><Button danger data-testid="rfq-close">{t('rfqs.closeRfq')}</Button></Popconfirm>
          </Space>
        )}
      </Space>
      <RfqSummary rfq={r} />
      <Card title={t('rfqs.compare')} styles={{ body: { padding: 0 } }}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 16px' }}>
          {t('rfqs.compareHint', { quantity: qty(r.quantity, r.unit) })}{r.matchedCount !== null && <> · {t('rfqs.matched', { count: r.matchedCount })}</>}
        </Typography.Paragraph>
        {narrow ? (
          <List<QuoteView>
            loading={quotes.isLoading}
            dataSource={[...(data?.items ?? [])].sort((a, b) => a.atQuantity.total - b.atQuantity.total)}
            locale={{ emptyText: <Empty description={t('rfqs.emptyQuotesOnRfq')} /> }}
            data-testid="quote-cards"
            renderItem={(q) => (
              <List.Item style={{ display: 'block', paddingInline: 16, background: q.status === 'accepted' ? '#F0FAF2' : undefined }} {...rowMarks(q)}>
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Space size={4} wrap>
                    {q.shortlisted && <StarFilled style={{ color: '#F25C05' }} />}
                    <Badge dot={q.unread} offset={[4, 2]}><Link to={`/companies/${q.supplier.id}`}>{supplierName(q.supplier)}</Link></Badge>
                    <QuoteStatusTag status={q.status} />
                  </Space>
                  <SupplierMarks s={q.supplier} />
                  <Space size={[12, 2]} wrap>
                    <span data-testid="quote-total">{t('rfqs.col.total')}: <span style={data?.best.priceQuoteId === q.id ? GOOD : { fontWeight: 600 }}>{money(q.atQuantity.total)}</span>{data?.best.priceQuoteId === q.id && <Tag color="green" style={{ marginInlineStart: 4 }}>{t('rfqs.bestPrice')}</Tag>}</span>
                    <span>{t('rfqs.col.unitPrice')}: {money(q.atQuantity.unitPrice)}</span>
                    <span>{t('rfqs.col.leadTime')}: <span style={isFastest(q) ? GOOD : undefined}>{t('rfqs.days', { count: q.leadTimeDays })}</span>{isFastest(q) && <Tag color="green" style={{ marginInlineStart: 4 }}>{t('rfqs.bestLead')}</Tag>}</span>
                    <span>{t('rfqs.col.validUntil')}: {formatDate(q.validUntil)}</span>
                    <span>{t(`rfqs.shipping.${q.shippingTerms}`, { defaultValue: q.shippingTerms })}</span>
                    {q.supplier.responseRate !== null && <span>{t('rfqs.col.responseRate')}: {formatRate(q.supplier.responseRate)}</span>}
                  </Space>
                  {q.notes && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{q.notes}</Typography.Text>}
                  {actions(q)}
                </Space>
              </List.Item>
            )}
          />
        ) : (
        <Table<QuoteView>
          rowKey="id" size="middle" columns={columns} dataSource={data?.items ?? []} loading={quotes.isLoading} pagination={false} scroll={{ x: 1033 }}
          rowClassName={(q) => (q.status === 'accepted' ? 'rfq-row-accepted' : '')}
          onRow={rowMarks}
          expandable={{ expandedRowRender: (q) => <div style={{ paddingInline: 16 }}><QuoteTermsView q={q} quantity={r.quantity} unit={r.unit} /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('rfqs.revisionN', { n: q.revision })} · {formatDateTime(q.updatedAt)}</Typography.Text></div> }}
          locale={{ emptyText: <Empty description={t('rfqs.emptyQuotesOnRfq')} /> }}
          data-testid="quote-compare"
        />
        )}
      </Card>
      <style>{'.rfq-row-accepted > td { background: #F0FAF2 !important; }'}</style>
      <QuoteThreadDrawer quote={thread} title={thread ? t('rfqs.threadTitle', { supplier: supplierName(thread.supplier) }) : ''} onClose={() => setThread(null)} />
      <Modal
        open={Boolean(declining)} title={t('rfqs.declineTitle')} okText={t('rfqs.decline')} okButtonProps={{ danger: true, loading: act.isPending, 'data-testid': 'decline-confirm' }} onCancel={() => setDeclining(null)}
        onOk={async () => {
          if (!declining) return;
          await act.mutateAsync({ path: `/quotes/${declining.id}/decline`, body: reason.trim() ? { reason: reason.trim() } : {}, ok: t('rfqs.declined') });
          setDeclining(null);
        }}
      >
        <Typography.Paragraph>{declining && supplierName(declining.supplier)}</Typography.Paragraph>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder={t('rfqs.declineReason')} autoSize={{ minRows: 2 }} data-testid="decline-reason" />
      </Modal>
    </Space>
  );
}
