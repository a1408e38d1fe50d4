import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Breadcrumb, Button, Card, Col, Empty, Grid, Row, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { api } from '../api.js';
import { CompanyLogo } from '../components/CompanyCard.js';
import { ProblemAlert } from '../components/Problem.js';
import { TrustMarks } from '../components/TrustMarks.js';
import { companyDisplayName, companySecondaryName } from '../format.js';
import type { SupplierHit } from './catalog/model.js';
import { localizedName, useCategory } from './catalog/model.js';
import { highlight } from './catalog/ProductCard.js';
import { ProductResults, useBatchTrustMarks } from './catalog/ProductResults.js';

function SupplierCard({ s, q, showMarks }: { s: SupplierHit; q: string; showMarks: boolean }) {
  const { t } = useTranslation();
  const names = { legalName: s.name, nameEn: s.nameEn };
  const secondary = companySecondaryName(names);
  return (
    <Link to={`/companies/${s.id}`} style={{ display: 'block', height: '100%' }} data-testid="supplier-card" data-company-id={s.id}>
      <Card hoverable size="small" style={{ height: '100%' }}>
        <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
          <CompanyLogo company={{ legalName: s.name, logoUrl: s.logoUrl }} />
          <div style={{ minWidth: 0, flex: 1 }}>
            <Typography.Text strong style={{ display: 'block' }}>
              {highlight(companyDisplayName(names), q)}
            </Typography.Text>
            {secondary && (
              <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                {secondary}
              </Typography.Text>
            )}
            <div style={{ marginTop: 6, minHeight: 20 }}>{showMarks && <TrustMarks company={s} size="small" />}</div>
            {s.mainProducts.length > 0 && (
              <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12, marginTop: 6 }}>
                {highlight(t('home.mainProducts', { list: s.mainProducts.join(' · ') }), q)}
              </Typography.Text>
            )}
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('search.supplierFacts', { count: s.productCount })}
              </Typography.Text>
            </div>
          </div>
        </div>
      </Card>
    </Link>
  );
}

function SupplierResults({ q, province }: { q: string; province: string | null }) {
  const { t } = useTranslation();
  const query = useInfiniteQuery({
    queryKey: ['search', 'suppliers', q, province],
    queryFn: ({ pageParam }) => api<{ items: SupplierHit[]; nextCursor: string | null }>('/search/suppliers', { query: { q: q || undefined, province, limit: 24, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const marksReady = useBatchTrustMarks(useMemo(() => items.map((s) => s.id), [items]));
  if (query.isPending) return <Skeleton active />;
  if (query.error) return <ProblemAlert error={query.error} />;
  if (items.length === 0) return <Empty description={t('search.noResults')} />;
  return (
    <>
      <Row gutter={[12, 12]} data-testid="supplier-results">
        {items.map((c) => (
          <Col key={c.id} xs={24} sm={12} lg={8}>
            <SupplierCard s={c} q={q} showMarks={marksReady} />
          </Col>
        ))}
      </Row>
      {query.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} data-testid="load-more">
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}

export default function Search() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  // `tab` is the older name of `type`; links from before keep working.
  const rawType = params.get('type') ?? params.get('tab');
  const type = rawType === 'suppliers' || rawType === 'rfqs' ? rawType : 'products';
  const q = params.get('q') ?? '';
  const categoryId = params.get('category');
  const category = useCategory(categoryId);
  const switchType = (next: string) => {
    const sp = new URLSearchParams();
    if (q) sp.set('q', q);
    sp.set('type', next);
    setParams(sp);
  };
  const heading = type === 'rfqs' ? t('header.rfqs') : type === 'suppliers' ? (q ? t('search.suppliersFor', { q }) : t('search.allSuppliers')) : q ? t('search.productsFor', { q }) : t('search.allProducts');
  return (
    <div data-testid="search-page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/">{t('common.home')}</Link> },
          ...(type === 'products' && category.data ? category.data.path.map((c) => ({ title: <Link to={`/c/${c.id}`}>{localizedName(c)}</Link> })) : []),
          { title: q ? `“${q}”` : t('search.title') },
        ]}
      />
      <Card size="small" styles={{ body: { paddingBlock: 0 } }} style={{ marginBottom: 12 }}>
        <Tabs
          activeKey={type}
          onChange={switchType}
          items={[
            { key: 'products', label: <span data-testid="type-products">{t('header.products')}</span> },
            { key: 'suppliers', label: <span data-testid="type-suppliers">{t('header.suppliers')}</span> },
            { key: 'rfqs', label: <span data-testid="type-rfqs">{t('header.rfqs')}</span> },
          ]}
          tabBarExtraContent={
            screens.md ? (
              <Typography.Text strong style={{ fontSize: 15 }} ellipsis>
                {heading}
              </Typography.Text>
            ) : undefined
          }
        />
      </Card>
      {type === 'rfqs' ? (
        // Buying requests have their own page with their own filters.
        <Navigate to={`/rfqs${q ? `?q=${encodeURIComponent(q)}` : ''}`} replace />
      ) : type === 'suppliers' ? (
        <SupplierResults q={q} province={params.get('province')} />
      ) : (
        <ProductResults
          header={
            category.data ? (
              <div>
                <Tag
                  color="orange"
                  closable
                  onClose={() => {
                    const sp = new URLSearchParams(params);
                    sp.delete('category');
                    for (const k of [...sp.keys()]) if (k.startsWith('a.')) sp.delete(k);
                    setParams(sp);
                  }}
                  data-testid="category-filter"
                >
                  {t('search.category', { name: localizedName(category.data) })}
                </Tag>
              </div>
            ) : undefined
          }
          template={category.data?.attributes}
        />
      )}
    </div>
  );
}
