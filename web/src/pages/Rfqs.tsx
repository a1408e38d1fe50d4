import { FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Cascader, Checkbox, Empty, Grid, Input, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Page } from '../api.js';
import { api } from '../api.js';
import { ProblemAlert } from '../components/Problem.js';
import type { PublicRfq } from '../components/PublicRfqCard.js';
import { actsAsSupplier, BuyerMarks, RfqDeadline, rfqDate, targetPrice, useRfqLink } from '../components/PublicRfqCard.js';
import { currentLang } from '../i18n/index.js';
import '../i18n/publicRfqs.js';
import { useMe, useRegionName, useRegions } from '../session.js';
import type { CategoryNode } from './catalog/model.js';
import { formatQuantity, localizedName, useCategoryTree } from './catalog/model.js';

const PAGE_SIZE = 15;

interface Opt { value: string; label: string; children?: Opt[] }
const cascaderOptions = (nodes: CategoryNode[] | undefined): Opt[] =>
  (nodes ?? []).map((n) => ({ value: n.id, label: localizedName(n), ...(n.children?.length ? { children: cascaderOptions(n.children) } : {}) }));

/** The ids from the top of the tree down to `id` (what the cascader shows as its value). */
function pathTo(nodes: CategoryNode[] | undefined, id: string | null): string[] | undefined {
  if (!nodes || !id) return undefined;
  for (const n of nodes) {
    if (n.id === id) return [n.id];
    const below = pathTo(n.children, id);
    if (below) return [n.id, ...below];
  }
  return undefined;
}

/** One RFQ as a row of the public list: a table row on wide screens, a stacked card on phones. */
function RfqRow({ rfq, wide, quoter }: { rfq: PublicRfq; wide: boolean; quoter: boolean }) {
  const { t } = useTranslation();
  const region = useRegionName();
  const link = useRfqLink()(rfq);
  const target = targetPrice(rfq, t('publicRfqs.negotiable'), (price, unit) => t('publicRfqs.targetPer', { price, unit }));
  const quotes = (
    <Typography.Text type={rfq.quoteCount ? undefined : 'secondary'} style={{ fontSize: 13, whiteSpace: 'nowrap' }} data-testid="rfq-quote-count">
      {t('publicRfqs.quotes', { count: rfq.quoteCount })}
    </Typography.Text>
  );
  const action = (
    <Link to={link.to} state={link.state}>
      <Button type="primary" size="small" ghost data-testid="rfq-quote-now">
        {rfq.myQuote ? t('publicRfqs.viewQuote') : quoter ? t('publicRfqs.quoteNow') : t('publicRfqs.view')}
      </Button>
    </Link>
  );
  const title = (
    <Link to={link.to} state={link.state} style={{ fontWeight: 600, fontSize: 15, color: '#262626', wordBreak: 'break-word' }} data-testid="rfq-title">
      {rfq.title}
    </Link>
  );
  const meta = (
    <Space size={[6, 4]} wrap style={{ fontSize: 12 }}>
      <Tag style={{ marginInlineEnd: 0 }}>{localizedName(rfq.category)}</Tag>
      <BuyerMarks buyer={rfq.buyer} size="small" />
      {rfq.minGrade && <Tag color="gold" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '18px', paddingInline: 5 }}>{t('publicRfqs.minGrade', { grade: rfq.minGrade })}</Tag>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('publicRfqs.published', { date: rfqDate(rfq.publishedAt) })}</Typography.Text>
    </Space>
  );
  if (wide) {
    return (
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 140px 150px 170px 150px', gap: 16, alignItems: 'center', padding: '12px 16px', borderBottom: '1px solid #f0f0f0' }} data-testid="rfq-row" data-rfq-id={rfq.id}>
        <div style={{ minWidth: 0, display: 'flex', flexDirection: 'column', gap: 6 }}>
          {title}
          {meta}
        </div>
        <div>
          <div style={{ fontWeight: 600, color: '#F25C05', fontSize: 15 }} data-testid="rfq-quantity">{formatQuantity(rfq.quantity, rfq.unit)}</div>
        </div>
        <div style={{ fontSize: 13 }} data-testid="rfq-target">{target}</div>
        <div style={{ fontSize: 13 }}>
          <div>{region(rfq.deliveryProvince)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{rfqDate(rfq.deliveryDate)}</Typography.Text>
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: 4 }}>
          <RfqDeadline iso={rfq.quoteDeadline} status={rfq.status} style={{ fontSize: 13 }} />
          {quotes}
          {action}
        </div>
      </div>
    );
  }
  return (
    <div style={{ padding: '12px 12px', borderBottom: '1px solid #f0f0f0', display: 'flex', flexDirection: 'column', gap: 6 }} data-testid="rfq-row" data-rfq-id={rfq.id}>
      {title}
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '4px 12px', fontSize: 13 }}>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('publicRfqs.quantity')} </Typography.Text>
          <b style={{ color: '#F25C05' }} data-testid="rfq-quantity">{formatQuantity(rfq.quantity, rfq.unit)}</b>
        </div>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('publicRfqs.target')} </Typography.Text>
          <span data-testid="rfq-target">{target}</span>
        </div>
        <div style={{ gridColumn: '1 / span 2' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('publicRfqs.deliverTo')} </Typography.Text>
          {t('publicRfqs.deliveryLine', { province: region(rfq.deliveryProvince), date: rfqDate(rfq.deliveryDate) })}
        </div>
      </div>
      {meta}
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <Space size={12}>
          <RfqDeadline iso={rfq.quoteDeadline} status={rfq.status} style={{ fontSize: 13 }} />
          {quotes}
        </Space>
        {action}
      </div>
    </div>
  );
}

/** 求购信息: the public RFQ market — open public RFQs for anyone, filtered by keyword, category, delivery province and closing soon. */
export default function Rfqs() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const wide = Boolean(screens.md);
  const tree = useCategoryTree();
  const regions = useRegions();
  const { data: me } = useMe();
  // Visitors and suppliers are invited to quote; a signed-in member of a buyer company just views.
  const quoter = !me || actsAsSupplier(me);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const categoryId = params.get('categoryId');
  const province = params.get('province');
  const soon = params.get('closingSoon') === 'true';
  const [qInput, setQInput] = useState(q);
  // The header search box changes ?q= under us: follow it.
  useEffect(() => setQInput(q), [q]);
  const set = (k: string, v: string | null) =>
    setParams((p) => {
      if (v) p.set(k, v);
      else p.delete(k);
      return p;
    });
  const filtered = Boolean(q || categoryId || province || soon);
  const list = useInfiniteQuery({
    queryKey: ['public-rfqs', q, categoryId, province, soon],
    queryFn: ({ pageParam }) =>
      api<Page<PublicRfq>>('/rfqs', { query: { scope: 'market', q: q || null, categoryId, province, closingSoon: soon ? 'true' : null, cursor: pageParam, limit: PAGE_SIZE } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  useEffect(() => {
    document.title = `${t('publicRfqs.title')} · ${t('common.appName')}`;
  }, [t]);
  return (
    <div data-testid="public-rfqs">
      <div style={{ display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between', gap: 12, flexWrap: 'wrap', marginBottom: 12 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            <FileSearchOutlined style={{ color: '#F25C05', marginInlineEnd: 8 }} />
            {t('publicRfqs.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('publicRfqs.subtitle')}</Typography.Text>
        </div>
        <Link to="/workbench/rfqs/new">
          <Button type="primary" icon={<PlusOutlined />} data-testid="rfq-post">{t('publicRfqs.post')}</Button>
        </Link>
      </div>
      <Card size="small" styles={{ body: { padding: 12 } }} style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          <Input.Search
            value={qInput}
            onChange={(e) => setQInput(e.target.value)}
            onSearch={(v) => set('q', v.trim() || null)}
            allowClear
            placeholder={t('publicRfqs.filters.keyword')}
            style={{ width: wide ? 300 : '100%' }}
            data-testid="rfqs-q"
          />
          <Cascader
            options={cascaderOptions(tree.data)}
            value={pathTo(tree.data, categoryId)}
            changeOnSelect
            allowClear
            placeholder={t('publicRfqs.filters.category')}
            style={{ width: wide ? 220 : 'calc(50% - 4px)' }}
            onChange={(v) => set('categoryId', v?.[v.length - 1] ?? null)}
            data-testid="rfqs-category"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('publicRfqs.filters.province')}
            style={{ width: wide ? 150 : 'calc(50% - 4px)' }}
            value={province ?? undefined}
            onChange={(v: string | undefined) => set('province', v ?? null)}
            options={(regions.data ?? []).map((r) => ({ value: r.code, label: currentLang() === 'en-US' ? r.en : r.zh }))}
            data-testid="rfqs-province"
          />
          <Checkbox checked={soon} onChange={(e) => set('closingSoon', e.target.checked ? 'true' : null)} data-testid="rfqs-soon">
            {t('publicRfqs.filters.soon')}
          </Checkbox>
          {filtered && (
            <Button type="link" size="small" onClick={() => setParams(new URLSearchParams())} data-testid="rfqs-clear">
              {t('publicRfqs.clearFilters')}
            </Button>
          )}
        </div>
      </Card>
      <ProblemAlert error={list.error} style={{ marginBottom: 12 }} />
      <Card size="small" styles={{ body: { padding: 0 } }}>
        {wide && rows.length > 0 && (
          <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 140px 150px 170px 150px', gap: 16, padding: '8px 16px', background: '#fafafa', borderBottom: '1px solid #f0f0f0', color: '#8c8c8c', fontSize: 12 }}>
            <span>{t('publicRfqs.title')}</span>
            <span>{t('publicRfqs.quantity')}</span>
            <span>{t('publicRfqs.target')}</span>
            <span>{t('publicRfqs.deliverTo')} / {t('publicRfqs.deliverBy')}</span>
            <span style={{ textAlign: 'end' }}>{t('publicRfqs.deadline')}</span>
          </div>
        )}
        {list.isPending ? (
          <div style={{ padding: 16 }}>
            <Skeleton active />
          </div>
        ) : rows.length === 0 && !list.error ? (
          <Empty style={{ padding: '32px 12px' }} description={filtered ? t('publicRfqs.emptyFiltered') : <>{t('publicRfqs.empty')}<br />{t('publicRfqs.emptyHint')}</>} data-testid="rfqs-empty">
            {filtered ? (
              <Button onClick={() => setParams(new URLSearchParams())}>{t('publicRfqs.clearFilters')}</Button>
            ) : (
              <Link to="/workbench/rfqs/new">
                <Button type="primary" icon={<PlusOutlined />}>{t('publicRfqs.post')}</Button>
              </Link>
            )}
          </Empty>
        ) : (
          <div data-testid="rfqs-list">
            {rows.map((r) => (
              <RfqRow key={r.id} rfq={r} wide={wide} quoter={quoter} />
            ))}
          </div>
        )}
      </Card>
      {rows.length > 0 && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          {list.hasNextPage ? (
            <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} style={{ minWidth: 200 }} data-testid="rfqs-more">
              {t('publicRfqs.loadMore')}
            </Button>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('publicRfqs.results', { count: rows.length })}</Typography.Text>
          )}
        </div>
      )}
    </div>
  );
}
