import { CrownOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, Cascader, Checkbox, Col, Empty, Input, List, Progress, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Page } from '../../../api.js';
import { api } from '../../../api.js';
import { ProblemAlert } from '../../../components/Problem.js';
import { formatDate } from '../../../format.js';
import { currentLang } from '../../../i18n/index.js';
import { activeCompanyOf, useMe, useRegionName, useRegions } from '../../../session.js';
import type { CategoryNode } from '../../catalog/model.js';
import { useCategoryTree } from '../../catalog/model.js';
import type { RfqCounts, RfqItem } from './model.js';
import { categoryName, money, qty } from './model.js';
import { Deadline, QuoteStatusTag } from './parts.js';

interface Opt { value: string; label: string; children?: Opt[] }
const options = (nodes: CategoryNode[] | undefined): Opt[] =>
  (nodes ?? []).map((n) => ({ value: n.id, label: currentLang() === 'en-US' ? n.nameEn : n.nameZh, ...(n.children?.length ? { children: options(n.children) } : {}) }));

export function QuotaCard({ counts }: { counts: RfqCounts | undefined }) {
  const { t } = useTranslation();
  const quota = counts?.quota;
  if (!quota) return null;
  return (
    <Card size="small" data-testid="quote-quota">
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('rfqs.quota')}</Typography.Text>
        <Progress percent={quota.limit ? Math.round((quota.used / quota.limit) * 100) : 100} showInfo={false} strokeColor={quota.left === 0 ? '#cf1322' : '#F25C05'} size="small" />
        <Typography.Text>{t('rfqs.quotaLeft', { left: quota.left, limit: quota.limit, resetsOn: formatDate(quota.resetsOn) })}</Typography.Text>
        {quota.left <= 1 && <Link to="/workbench/trustpass"><CrownOutlined /> {t('rfqs.quotaUpgrade')}</Link>}
      </Space>
    </Card>
  );
}

/** The seller's RFQ market: public RFQs taking quotes, filtered; "matching me" and "closing soon" toggles; the quota left. */
export default function RfqMarket() {
  const { t } = useTranslation();
  const region = useRegionName();
  const regions = useRegions();
  const tree = useCategoryTree();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const categoryId = params.get('categoryId');
  const province = params.get('province');
  const matching = params.get('matching') === 'true';
  const soon = params.get('closingSoon') === 'true';
  const [qInput, setQInput] = useState(q);
  const set = (k: string, v: string | null) => setParams((p) => { if (v) p.set(k, v); else p.delete(k); return p; });
  const counts = useQuery({ queryKey: ['wb', 'rfq-counts', company?.id], queryFn: () => api<RfqCounts>('/rfqs/counts'), enabled: Boolean(company) });
  const list = useInfiniteQuery({
    queryKey: ['wb', 'rfqs', 'market', company?.id, q, categoryId, province, matching, soon],
    queryFn: ({ pageParam }) => api<Page<RfqItem>>('/rfqs', { query: { scope: 'market', q: q || null, categoryId, province, matching: matching ? 'true' : null, closingSoon: soon ? 'true' : null, cursor: pageParam, limit: 20 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Row gutter={[16, 16]} data-testid="rfq-market">
      <Col xs={24} lg={18}>
        <Card title={t('rfqs.marketTitle')}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Input.Search value={qInput} onChange={(e) => setQInput(e.target.value)} allowClear placeholder={t('rfqs.filters.keyword')} style={{ width: 240 }} onSearch={(v) => set('q', v || null)} data-testid="market-q" />
            <Cascader options={options(tree.data)} changeOnSelect placeholder={t('rfqs.filters.category')} style={{ width: 200 }} onChange={(v) => set('categoryId', (v?.[v.length - 1]) ?? null)} />
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('rfqs.filters.province')} style={{ width: 140 }} value={province ?? undefined} onChange={(v: string | undefined) => set('province', v ?? null)}
              options={(regions.data ?? []).map((r) => ({ value: r.code, label: currentLang() === 'en-US' ? r.en : r.zh }))} />
            {company && <Checkbox checked={matching} onChange={(e) => set('matching', e.target.checked ? 'true' : null)} data-testid="market-matching">{t('rfqs.filters.matching')}</Checkbox>}
            <Checkbox checked={soon} onChange={(e) => set('closingSoon', e.target.checked ? 'true' : null)}>{t('rfqs.filters.soon')}</Checkbox>
          </Space>
          <ProblemAlert error={list.error} style={{ marginBottom: 12 }} />
          <List<RfqItem>
            loading={list.isLoading}
            dataSource={rows}
            locale={{ emptyText: <Empty description={t('rfqs.emptyMarket')} /> }}
            renderItem={(r) => (
              <List.Item data-testid="market-item" extra={<Link to={`/workbench/rfq-market/${r.id}`}><Button type={r.myQuote ? 'default' : 'primary'}>{r.myQuote ? t('rfqs.viewRfq') : t('rfqs.quoteNow')}</Button></Link>}>
                <List.Item.Meta
                  title={<Space wrap size={6}><Link to={`/workbench/rfq-market/${r.id}`}>{r.title}</Link>{r.matchesMe && <Tag color="orange">{t('rfqs.matchesMe')}</Tag>}{r.myQuote && <QuoteStatusTag status={r.myQuote.status} />}</Space>}
                  description={
                    <Space direction="vertical" size={2}>
                      <Space wrap size={[12, 0]}>
                        <span>{categoryName(r.category)}</span>
                        <b>{qty(r.quantity, r.unit)}</b>
                        <span>{t('rfqs.col.target')}: {r.targetUnitPrice !== null ? money(r.targetUnitPrice) : t('rfqs.noTarget')}</span>
                        <span>{t('rfqs.col.delivery')}: {region(r.deliveryProvince)}</span>
                        <span>{t('rfqs.quoteCount', { count: r.quoteCount })}</span>
                      </Space>
                      <Space wrap size={4}>
                        <Deadline iso={r.quoteDeadline} status={r.status} />
                        <Tag>{t('rfqs.buyerProvince', { province: region(r.buyer.province) })}</Tag>
                        {r.buyer.verified && <Tag color="blue">{t('rfqs.buyerVerified')}</Tag>}
                        {r.buyer.grade && <Tag color="geekblue">{r.buyer.grade}</Tag>}
                      </Space>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
          {list.hasNextPage && <Button block style={{ marginTop: 12 }} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>{t('rfqs.loadMore')}</Button>}
        </Card>
      </Col>
      <Col xs={24} lg={6}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <QuotaCard counts={counts.data} />
          {company && <Card size="small"><Link to="/workbench/quotes">{t('rfqs.menuQuotes')}</Link> · {counts.data?.myLiveQuotes ?? 0}</Card>}
        </Space>
      </Col>
    </Row>
  );
}
