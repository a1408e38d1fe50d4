import { AppstoreOutlined } from '@ant-design/icons';
import { Breadcrumb, Card, Input, Result, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ProblemError } from '../../api.js';
import { ProblemResult } from '../../components/Problem.js';
import { findCategory, localizedName, useCategory, useCategoryTree } from './model.js';
import { ProductResults } from './ProductResults.js';

/** /c/:categoryId — a category's children, its template's filters with facet counts, and its products. */
export default function CategoryPage() {
  const { t } = useTranslation();
  const { categoryId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const category = useCategory(categoryId);
  const tree = useCategoryTree();
  const node = findCategory(tree.data, categoryId);
  const [q, setQ] = useState(params.get('q') ?? '');
  useEffect(() => setQ(params.get('q') ?? ''), [params]);
  if (category.isPending) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (category.error) {
    return category.error instanceof ProblemError && category.error.status === 404 ? <Result status="404" title={t('catalog.categoryNotFound')} /> : <ProblemResult error={category.error} />;
  }
  const c = category.data;
  const children = node?.children ?? c.children ?? [];
  const name = localizedName(c);
  const header = (
    <Card size="small" data-testid="category-header">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="category-title">
          <AppstoreOutlined style={{ color: '#F25C05', marginInlineEnd: 8 }} />
          {name}
        </Typography.Title>
        <Input.Search
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => {
            const sp = new URLSearchParams(params);
            if (v.trim()) sp.set('q', v.trim());
            else sp.delete('q');
            setParams(sp);
          }}
          placeholder={t('search.inCategory', { name })}
          allowClear
          style={{ maxWidth: 360 }}
          data-testid="category-search"
        />
      </div>
      {children.length > 0 && (
        <div style={{ marginTop: 10 }} data-testid="category-children">
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 8 }}>
            {t('catalog.subcategories')}
          </Typography.Text>
          <Space wrap size={[6, 6]}>
            {children.map((ch) => (
              <Link key={ch.id} to={`/c/${ch.id}`} data-testid="category-child" style={{ display: 'inline-block', padding: '2px 10px', border: '1px solid #f0f0f0', borderRadius: 12, color: '#262626', background: '#fafafa' }}>
                {localizedName(ch)}
              </Link>
            ))}
          </Space>
        </div>
      )}
    </Card>
  );
  return (
    <div data-testid="category-page" data-category-id={c.id}>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/">{t('common.home')}</Link> }, ...c.path.map((p) => ({ title: p.id === c.id ? localizedName(p) : <Link to={`/c/${p.id}`}>{localizedName(p)}</Link> }))]}
      />
      <ProductResults key={c.id} fixedCategory={c.id} template={c.attributes} hideCategoryRow header={header} />
    </div>
  );
}
