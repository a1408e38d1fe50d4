import { useInfiniteQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Col, Empty, Result, Row, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Company, Page } from '../api.js';
import { api } from '../api.js';
import { CompanyCard } from '../components/CompanyCard.js';
import { ProblemAlert } from '../components/Problem.js';
import { CATEGORIES } from './categories.js';
import type { CategoryKey } from './categories.js';

function SupplierResults({ q }: { q: string }) {
  const { t } = useTranslation();
  const query = useInfiniteQuery({
    queryKey: ['companies', 'search', q],
    queryFn: ({ pageParam }) => api<Page<Company>>('/companies', { query: { q, role: 'supplier', limit: 24, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (query.isPending) return <Skeleton active />;
  if (query.error) return <ProblemAlert error={query.error} />;
  const items = query.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Empty description={t('search.noResults')} />;
  return (
    <>
      <Row gutter={[12, 12]} data-testid="supplier-results">
        {items.map((c) => (
          <Col key={c.id} xs={24} sm={12} lg={8}>
            <CompanyCard company={c} />
          </Col>
        ))}
      </Row>
      {query.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}

export default function Search() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const tab = params.get('tab') ?? 'products';
  const q = params.get('q') ?? '';
  const category = params.get('category');
  const categoryKey: CategoryKey | undefined = CATEGORIES.find((c) => c === category);
  return (
    <Card>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/">{t('common.home')}</Link> },
          { title: t('search.title') },
          ...(categoryKey ? [{ title: t(`home.cat.${categoryKey}`) }] : []),
        ]}
      />
      {categoryKey && <Tag color="orange">{t('search.category', { name: t(`home.cat.${categoryKey}`) })}</Tag>}
      {tab === 'suppliers' ? (
        <>
          <h2 style={{ marginTop: 8 }}>{q ? t('search.suppliersFor', { q }) : t('search.allSuppliers')}</h2>
          <SupplierResults q={q} />
        </>
      ) : (
        <Result
          status="info"
          title={t('search.comingSoonTitle')}
          subTitle={t('search.comingSoonDesc')}
          extra={
            <Link to={`/search?tab=suppliers${q ? `&q=${encodeURIComponent(q)}` : ''}`}>
              <Button type="primary">{t('search.searchSuppliers')}</Button>
            </Link>
          }
        />
      )}
    </Card>
  );
}
