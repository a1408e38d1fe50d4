import { ArrowLeftOutlined, FileSearchOutlined, PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Grid, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api, ProblemError } from '../api.js';
import { ProblemResult } from '../components/Problem.js';
import type { PublicRfq } from '../components/PublicRfqCard.js';
import { actsAsSupplier, BuyerMarks, RfqDeadline, rfqDate, targetPrice } from '../components/PublicRfqCard.js';
import { companyDisplayName, formatDateTime } from '../format.js';
import '../i18n/publicRfqs.js';
import type { RfqView } from './workbench/rfqs/model.js';
import { blockedText, specName, specValue } from './workbench/rfqs/model.js';
import { activeCompanyOf, useMe, useRegionName } from '../session.js';
import { formatQuantity, localizedName } from './catalog/model.js';

const STATUS_COLOR: Record<PublicRfq['status'], string> = { open: 'processing', awarded: 'green', closed: 'default', expired: 'warning', cancelled: 'default' };

/** The "quote now" box: what the visitor can do with this RFQ, depending on who they are signed in as. */
function QuoteCta({ rfq }: { rfq: PublicRfq & Partial<Pick<RfqView, 'viewer'>> }) {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const company = activeCompanyOf(me);
  const market = `/workbench/rfq-market/${rfq.id}`;
  const takingQuotes = rfq.status === 'open' && new Date(rfq.quoteDeadline).getTime() > Date.now();
  const box = (title: string, body: string | null, actions: ReactNode, type: 'info' | 'warning' | 'success' = 'info') => (
    <Card size="small" data-testid="rfq-cta" style={{ borderColor: type === 'info' ? '#FFD8BF' : undefined, background: type === 'info' ? '#FFF7F0' : undefined }}>
      <Typography.Text strong style={{ display: 'block', fontSize: 15 }}>{title}</Typography.Text>
      {body && <Typography.Paragraph type="secondary" style={{ margin: '6px 0 12px', fontSize: 13 }}>{body}</Typography.Paragraph>}
      <Space wrap>{actions}</Space>
    </Card>
  );
  if (isPending) return <Card size="small"><Skeleton active paragraph={{ rows: 2 }} /></Card>;
  if (!takingQuotes) return box(t('publicRfqs.cta.endedTitle'), null, null, 'warning');
  if (!me) {
    return box(
      t('publicRfqs.cta.guestTitle'),
      t('publicRfqs.cta.guestBody'),
      <>
        <Link to={`/login?next=${encodeURIComponent(market)}`}>
          <Button type="primary" size="large" icon={<SendOutlined />} data-testid="rfq-cta-signin">{t('publicRfqs.cta.signIn')}</Button>
        </Link>
        <Link to="/register">
          <Button size="large">{t('publicRfqs.cta.register')}</Button>
        </Link>
      </>,
    );
  }
  if (rfq.viewer ? rfq.viewer.isBuyer : rfq.buyer.companyId !== null) {
    return box(
      t('publicRfqs.cta.ownTitle'),
      t('publicRfqs.cta.ownBody'),
      <Link to={`/workbench/rfqs/${rfq.id}`}>
        <Button type="primary">{t('publicRfqs.cta.manage')}</Button>
      </Link>,
      'success',
    );
  }
  if (!company) {
    return box(
      t('publicRfqs.cta.noCompanyTitle'),
      t('publicRfqs.cta.noCompanyBody'),
      <Link to="/companies/new">
        <Button type="primary">{t('publicRfqs.cta.createCompany')}</Button>
      </Link>,
    );
  }
  if (!actsAsSupplier(me)) {
    return box(
      t('publicRfqs.cta.buyerCompanyTitle'),
      t('publicRfqs.cta.buyerCompanyBody'),
      <Link to="/workbench/buyer">
        <Button>{t('common.workbench')}</Button>
      </Link>,
      'warning',
    );
  }
  const blocked = rfq.viewer && !rfq.viewer.canQuote && rfq.viewer.quoteBlockedBy !== 'QUOTE_ALREADY_SUBMITTED' ? rfq.viewer.quoteBlockedBy : null;
  return box(
    t('publicRfqs.cta.supplierTitle', { company: companyDisplayName(company) }),
    blocked ? blockedText(blocked) : null,
    <Link to={market}>
      <Button type="primary" size="large" icon={<SendOutlined />} data-testid="rfq-cta-quote">
        {rfq.myQuote ? t('publicRfqs.viewQuote') : t('publicRfqs.quoteNow')}
      </Button>
    </Link>,
    blocked ? 'warning' : 'info',
  );
}

/** The public page of one RFQ (/rfqs/:id): what anyone may see of a public RFQ — never the buyer's name — and the way to quote. */
export default function RfqPublic() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const region = useRegionName();
  const { data: me } = useMe();
  // Below lg the side column drops under the need: the quote box then follows the key facts instead.
  const sideBySide = Boolean(Grid.useBreakpoint().lg);
  const fromList = (location.state as { rfq?: PublicRfq } | null)?.rfq;
  const head = fromList?.id === id ? fromList : undefined;
  const detail = useQuery({
    queryKey: ['public-rfq', id, me?.activeCompanyId ?? null],
    queryFn: () => api<RfqView>(`/rfqs/${id}`),
    retry: (n, e) => !(e instanceof ProblemError && e.status < 500) && n < 2,
  });
  const full = detail.data;
  const rfq: PublicRfq | undefined = full ?? head;
  useEffect(() => {
    if (rfq) document.title = `${rfq.title} · ${t('publicRfqs.title')}`;
  }, [rfq, t]);
  if (detail.error && !head) return <ProblemResult error={detail.error} />;
  if (!rfq) return <Skeleton active paragraph={{ rows: 8 }} />;
  const target = targetPrice(rfq, t('publicRfqs.negotiable'), (price, unit) => t('publicRfqs.targetPer', { price, unit }));
  return (
    <div data-testid="rfq-public" data-rfq-id={rfq.id}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/">{t('common.home')}</Link> },
          { title: <Link to="/rfqs">{t('publicRfqs.title')}</Link> },
          { title: <Link to={`/rfqs?categoryId=${rfq.category.id}`}>{localizedName(rfq.category)}</Link> },
        ]}
      />
      {detail.error && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={detail.error instanceof ProblemError && detail.error.status === 404 ? t('publicRfqs.notFound') : t('publicRfqs.summaryOnly')} data-testid="rfq-summary-only" />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small" styles={{ body: { padding: 16 } }}>
            <Space size={8} wrap style={{ marginBottom: 4 }}>
              <Tag color={STATUS_COLOR[rfq.status]} style={{ marginInlineEnd: 0 }} data-testid="rfq-status">{t(`publicRfqs.status.${rfq.status}`)}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('publicRfqs.published', { date: rfqDate(rfq.publishedAt) })}</Typography.Text>
            </Space>
            <Typography.Title level={3} style={{ margin: '4px 0 12px', wordBreak: 'break-word' }} data-testid="rfq-title">
              <FileSearchOutlined style={{ color: '#F25C05', marginInlineEnd: 8 }} />
              {rfq.title}
            </Typography.Title>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, background: '#FFF7F0', borderRadius: 8, padding: '12px 16px', marginBottom: 12 }}>
              <div style={{ minWidth: 120, flex: 1 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('publicRfqs.quantity')}</Typography.Text>
                <div style={{ fontSize: 20, fontWeight: 700, color: '#F25C05' }} data-testid="rfq-quantity">{formatQuantity(rfq.quantity, rfq.unit)}</div>
              </div>
              <div style={{ minWidth: 120, flex: 1 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('publicRfqs.target')}</Typography.Text>
                <div style={{ fontSize: 16, fontWeight: 600 }} data-testid="rfq-target">{target}</div>
              </div>
              <div style={{ minWidth: 120, flex: 1 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('publicRfqs.deadline')}</Typography.Text>
                <div style={{ fontSize: 15 }}><RfqDeadline iso={rfq.quoteDeadline} status={rfq.status} /></div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(rfq.quoteDeadline)}</Typography.Text>
              </div>
            </div>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} colon={false} styles={{ label: { color: '#8c8c8c', minWidth: 84 } }}>
              <Descriptions.Item label={t('publicRfqs.deliverTo')}>{region(rfq.deliveryProvince)}</Descriptions.Item>
              <Descriptions.Item label={t('publicRfqs.deliverBy')}>{rfqDate(rfq.deliveryDate)}</Descriptions.Item>
              <Descriptions.Item label={t('publicRfqs.category')}>{localizedName(rfq.category)}</Descriptions.Item>
              <Descriptions.Item label={t('publicRfqs.quoteCountLabel')}><span data-testid="rfq-quote-count">{t('publicRfqs.quotes', { count: rfq.quoteCount })}</span></Descriptions.Item>
              {rfq.minGrade && <Descriptions.Item label={t('publicRfqs.supplierRequirement')}>{t('publicRfqs.minGrade', { grade: rfq.minGrade })}</Descriptions.Item>}
              {full && full.supplierProvinces.length > 0 && (
                <Descriptions.Item label={t('publicRfqs.preferredRegions')}>{full.supplierProvinces.map(region).join('、')}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          {!sideBySide && <div style={{ marginTop: 16 }}><QuoteCta rfq={full ?? rfq} /></div>}
          {full ? (
            <Card size="small" title={t('publicRfqs.spec')} style={{ marginTop: 16 }} data-testid="rfq-spec">
              {full.specLines.length > 0 ? (
                <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
                  {full.specLines.map((l) => (
                    <Descriptions.Item key={l.key} label={specName(l)}>{specValue(l)}</Descriptions.Item>
                  ))}
                </Descriptions>
              ) : (
                <Typography.Text type="secondary">{t('publicRfqs.noSpec')}</Typography.Text>
              )}
              {full.description && (
                <>
                  <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12 }}>{t('publicRfqs.description')}</Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }} data-testid="rfq-description">{full.description}</Typography.Paragraph>
                </>
              )}
              {full.attachments.length > 0 && (
                <Space wrap style={{ marginTop: 12 }}>
                  <Typography.Text type="secondary">{t('publicRfqs.attachments')}:</Typography.Text>
                  {full.attachments.map((a, i) => (
                    <a key={a.fileId} href={a.url} target="_blank" rel="noreferrer">
                      <PaperClipOutlined /> {t('publicRfqs.attachmentN', { n: i + 1 })}
                    </a>
                  ))}
                </Space>
              )}
            </Card>
          ) : (
            !detail.error && <Card size="small" style={{ marginTop: 16 }}><Skeleton active paragraph={{ rows: 3 }} /></Card>
          )}
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {sideBySide && <QuoteCta rfq={full ?? rfq} />}
            <Card size="small" title={t('publicRfqs.buyer')} data-testid="rfq-buyer">
              <BuyerMarks buyer={rfq.buyer} />
              {!rfq.buyer.grade && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 6 }}>{t('publicRfqs.buyerGrade')}: {t('publicRfqs.unrated')}</Typography.Text>}
              {!rfq.buyer.name && <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>{t('publicRfqs.buyerHidden')}</Typography.Paragraph>}
            </Card>
            <Link to="/rfqs">
              <Button icon={<ArrowLeftOutlined />} block>{t('publicRfqs.back')}</Button>
            </Link>
          </Space>
        </Col>
      </Row>
    </div>
  );
}
