import { ArrowLeftOutlined, MessageOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Popconfirm, Row, Skeleton, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, problemDetail } from '../../../api.js';
import { ProblemResult } from '../../../components/Problem.js';
import { formatDateTime } from '../../../format.js';
import { activeCompanyOf, useMe } from '../../../session.js';
import type { QuoteDetail, QuotesOnRfq, RfqCounts, RfqView } from './model.js';
import { blockedText, money } from './model.js';
import { QuoteForm, QuoteStatusTag, QuoteTermsView, QuoteThreadDrawer, RfqStatusTag, RfqSummary } from './parts.js';
import { QuotaCard } from './RfqMarket.js';

/** The seller's view of one RFQ: the need, its own quote (form, revise, withdraw, history, thread). */
export default function MarketRfq() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const [editing, setEditing] = useState(false);
  const [thread, setThread] = useState(false);
  const rfq = useQuery({ queryKey: ['wb', 'rfq', id, company?.id], queryFn: () => api<RfqView>(`/rfqs/${id}`) });
  const mine = useQuery({
    queryKey: ['wb', 'rfq-quotes', id, company?.id],
    queryFn: () => api<QuotesOnRfq>(`/rfqs/${id}/quotes`),
    enabled: Boolean(company && rfq.data && !rfq.data.viewer.isBuyer),
  });
  const liveId = mine.data?.items.find((q) => q.status !== 'withdrawn')?.id ?? mine.data?.items[0]?.id;
  const quote = useQuery({ queryKey: ['wb', 'quote', liveId], queryFn: () => api<QuoteDetail>(`/quotes/${liveId ?? ''}`), enabled: Boolean(liveId) });
  const counts = useQuery({ queryKey: ['wb', 'rfq-counts', company?.id], queryFn: () => api<RfqCounts>('/rfqs/counts'), enabled: Boolean(company) });
  const withdraw = useMutation({
    mutationFn: (quoteId: string) => api<QuoteDetail>(`/quotes/${quoteId}/withdraw`, { method: 'POST' }),
    onSuccess: async () => {
      message.success(t('rfqs.withdrawn'));
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'wb' });
    },
    onError: (e) => message.error(problemDetail(e)),
  });
  if (rfq.error) return <ProblemResult error={rfq.error} />;
  if (!rfq.data) return <Skeleton active />;
  const r = rfq.data;
  const q = quote.data && quote.data.status !== 'withdrawn' ? quote.data : null;
  const canRevise = q?.status === 'submitted' && r.status === 'open' && new Date(r.quoteDeadline).getTime() > Date.now();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="market-rfq">
      <Space wrap>
        <Link to="/workbench/rfq-market"><Button icon={<ArrowLeftOutlined />}>{t('rfqs.back')}</Button></Link>
        <Typography.Title level={4} style={{ margin: 0 }}>{r.title}</Typography.Title>
        <RfqStatusTag status={r.status} />
      </Space>
      <RfqSummary rfq={r} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card
            title={<Space>{t('rfqs.yourQuote')}{q && <QuoteStatusTag status={q.status} />}{q && <Typography.Text type="secondary">{t('rfqs.revisionN', { n: q.revision })}</Typography.Text>}</Space>}
            extra={q && <Button icon={<MessageOutlined />} onClick={() => setThread(true)} data-testid="open-thread">{t('rfqs.thread')} {q.messageCount > 0 ? `(${q.messageCount})` : ''}</Button>}
            data-testid="your-quote"
          >
            {q && !editing && (
              <>
                <QuoteTermsView q={q} quantity={r.quantity} unit={r.unit} />
                {q.declineReason && <Alert type="warning" showIcon title={t('rfqs.declineReasonShown', { reason: q.declineReason })} style={{ marginTop: 8 }} />}
                {canRevise && (
                  <Space style={{ marginTop: 12 }}>
                    <Button type="primary" onClick={() => setEditing(true)} data-testid="quote-revise">{t('rfqs.revise')}</Button>
                    <Popconfirm title={t('rfqs.withdrawConfirm')} onConfirm={() => withdraw.mutate(q.id)}><Button danger loading={withdraw.isPending} data-testid="quote-withdraw">{t('rfqs.withdraw')}</Button></Popconfirm>
                  </Space>
                )}
              </>
            )}
            {((q && editing) || (!q && r.viewer.canQuote)) && <QuoteForm rfq={r} existing={editing ? q : null} onDone={() => setEditing(false)} />}
            {!q && !r.viewer.canQuote && <Alert type="info" showIcon title={t('rfqs.cannotQuote')} description={blockedText(r.viewer.quoteBlockedBy)} data-testid="quote-blocked" />}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <QuotaCard counts={counts.data} />
            {q && q.revisions.length > 1 && (
              <Card size="small" title={t('rfqs.revisions')}>
                <Timeline items={q.revisions.map((v) => ({ children: <>{t('rfqs.revisionN', { n: v.revision })} · {money(v.unitPrice)} · {t('rfqs.days', { count: v.leadTimeDays })}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(v.createdAt)}</Typography.Text></> }))} />
              </Card>
            )}
          </Space>
        </Col>
      </Row>
      <QuoteThreadDrawer quote={thread ? q : null} title={t('rfqs.thread')} onClose={() => setThread(false)} />
    </Space>
  );
}
