import { PictureOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Input, Select, Space, Table, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Company, Page } from '../../api.js';
import { api } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import { companyDisplayName, formatDateTime, formatMoney } from '../../format.js';
import '../../i18n/adminCatalog.js';
import type { CategoryNode, ProductListItem, ProductStatus } from '../catalog/model.js';
import { formatQuantity, localizedName, PRODUCT_STATUSES, productTitle, useCategoryTree, useDebounced } from '../catalog/model.js';
import { TakedownModal } from './TakedownModal.js';
import { usePaged } from './usePaged.js';

/** A row of GET /api/v1/admin/products: the seller's list item plus the company's legal name and English name. */
export interface AdminProductItem extends ProductListItem {
  companyName: string | null;
  companyNameEn: string | null;
}

/** The company as this language names it (English falls back to the legal name); null when the company is gone. */
const productCompany = (p: Pick<AdminProductItem, 'companyName' | 'companyNameEn'>) => (p.companyName ? companyDisplayName({ name: p.companyName, nameEn: p.companyNameEn }) : null);

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}
function treeOptions(nodes: CategoryNode[] | undefined): TreeOption[] {
  return (nodes ?? []).map((n) => ({ value: n.id, title: localizedName(n), children: treeOptions(n.children) }));
}

/** Category id → its path of names, root first, from the cached tree. */
function pathIndex(nodes: CategoryNode[] | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (list: CategoryNode[] | undefined, prefix: string[]) => {
    for (const n of list ?? []) {
      const path = [...prefix, localizedName(n)];
      out.set(n.id, path);
      walk(n.children, path);
    }
  };
  walk(nodes, []);
  return out;
}

export function AdminStatusTag({ item }: { item: Pick<ProductListItem, 'status' | 'takedown'> }) {
  const { t } = useTranslation();
  if (item.takedown) {
    return (
      <Tag color="red" data-testid="admin-product-status" data-status="taken_down">
        {t('adminCatalog.takenDownStatus')}
      </Tag>
    );
  }
  const color: Record<ProductStatus, string> = { draft: 'default', published: 'green', delisted: 'orange' };
  return (
    <Tag color={color[item.status]} data-testid="admin-product-status" data-status={item.status}>
      {t(`catalog.status.${item.status}`)}
    </Tag>
  );
}

function CompanyFilter({ value, label, onChange }: { value: string | null; label: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q, 300);
  const companies = useQuery({
    queryKey: ['admin', 'companies', 'picker', debounced],
    queryFn: () => api<Page<Company>>('/admin/companies', { query: { q: debounced || undefined, limit: 20 } }),
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      placeholder={t('adminCatalog.allCompanies')}
      notFoundContent={companies.isFetching ? undefined : t('common.none')}
      loading={companies.isFetching}
      style={{ width: 260 }}
      onChange={(v: string | undefined) => onChange(v ?? null)}
      options={[
        // The chosen company stays labelled even when the current search does not list it (chosen from a row).
        ...(value && label && !companies.data?.items.some((c) => c.id === value) ? [{ value, label }] : []),
        ...(companies.data?.items ?? []).map((c) => ({ value: c.id, label: companyDisplayName(c) })),
      ]}
      data-testid="admin-products-company"
    />
  );
}

export default function AdminProducts() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = PRODUCT_STATUSES.find((s) => s === params.get('status')) ?? null;
  const q = params.get('q') ?? '';
  const categoryId = params.get('categoryId');
  const companyId = params.get('companyId');
  const [qInput, setQInput] = useState(q);
  const [target, setTarget] = useState<{ id: string; title: string } | null>(null);
  const tree = useCategoryTree();
  const paths = useMemo(() => pathIndex(tree.data), [tree.data]);
  const options = useMemo(() => treeOptions(tree.data), [tree.data]);
  const page = usePaged<AdminProductItem>(['admin', 'products'], '/admin/products', {
    q: q || undefined,
    status: status ?? undefined,
    categoryId: categoryId ?? undefined,
    companyId: companyId ?? undefined,
    limit: '20',
  });
  const filteredCompany = page.items.find((p) => p.companyId === companyId);
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<AdminProductItem> = [
    {
      title: t('adminCatalog.product'),
      key: 'product',
      width: 320,
      render: (_, p) => (
        <Space align="start">
          <div style={{ width: 48, height: 48, flex: '0 0 48px', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4, display: 'flex', alignItems: 'center', justifyContent: 'center', overflow: 'hidden' }}>
            {p.thumbnails ? <img src={p.thumbnails['160']} alt="" style={{ width: '100%', height: '100%', objectFit: 'cover' }} /> : <PictureOutlined style={{ color: '#bfbfbf' }} />}
          </div>
          <div style={{ minWidth: 0 }}>
            <Link to={`/products/${p.id}`} data-testid="admin-product-title">{productTitle(p)}</Link>
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>{paths.get(p.categoryId)?.join(' / ') ?? '—'}</div>
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>{t('adminCatalog.updatedAtValue', { at: formatDateTime(p.updatedAt) })}</div>
          </div>
        </Space>
      ),
    },
    {
      title: t('adminCatalog.company'),
      key: 'company',
      width: 170,
      render: (_, p) => (
        <Tooltip title={t('adminCatalog.filterByCompany')}>
          <Typography.Link onClick={() => setParam('companyId', p.companyId)} data-testid="admin-product-company">
            {productCompany(p) ?? p.companyId}
          </Typography.Link>
        </Tooltip>
      ),
    },
    {
      title: t('adminCatalog.price'),
      key: 'price',
      width: 110,
      render: (_, p) => {
        const lowest = p.priceTiers.length ? Math.min(...p.priceTiers.map((x) => x.unitPrice)) : null;
        return (
          <>
            <div style={{ color: '#F25C05' }}>{lowest === null ? '—' : formatMoney(lowest)}</div>
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>≥ {formatQuantity(p.moq, p.unit)}</div>
          </>
        );
      },
    },
    {
      title: t('adminCatalog.status'),
      key: 'status',
      width: 240,
      render: (_, p) => (
        <div data-testid="admin-product-state">
          <AdminStatusTag item={p} />
          {p.takedown && (
            <>
              <div style={{ fontSize: 12, marginTop: 4 }} data-testid="admin-takedown-reason">
                {t('adminCatalog.reasonLabel', { reason: p.takedown.reason })}
              </div>
              <div style={{ fontSize: 12, color: '#8c8c8c' }} data-testid="admin-takedown-at">
                {t('adminCatalog.takenDownAt', { at: formatDateTime(p.takedown.at) })}
              </div>
            </>
          )}
        </div>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, p) =>
        p.status === 'published' ? (
          <Button danger size="small" icon={<StopOutlined />} onClick={() => setTarget({ id: p.id, title: productTitle(p) })} data-testid="admin-takedown">
            {t('adminCatalog.takeDown')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card title={t('adminCatalog.products')} data-testid="admin-products">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          value={qInput}
          onChange={(e) => setQInput(e.target.value)}
          onSearch={(v) => setParam('q', v.trim() || null)}
          placeholder={t('adminCatalog.searchProducts')}
          style={{ width: 280 }}
          data-testid="admin-products-search"
        />
        <Select
          allowClear
          value={status}
          placeholder={t('adminCatalog.allStatuses')}
          style={{ width: 150 }}
          onChange={(v: ProductStatus | undefined) => setParam('status', v ?? null)}
          options={PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`catalog.status.${s}`) }))}
          data-testid="admin-products-status"
        />
        <TreeSelect
          allowClear
          showSearch={{ treeNodeFilterProp: 'title' }}
          value={categoryId ?? undefined}
          placeholder={t('adminCatalog.allCategories')}
          style={{ width: 240 }}
          treeData={options}
          onChange={(v: string | undefined) => setParam('categoryId', v ?? null)}
          data-testid="admin-products-category"
        />
        <CompanyFilter value={companyId} label={filteredCompany ? productCompany(filteredCompany) : null} onChange={(id) => setParam('companyId', id)} />
      </Space>
      <ProblemAlert error={page.error} style={{ marginBottom: 12 }} />
      <Table<AdminProductItem>
        rowKey="id"
        size="small"
        loading={page.isPending}
        dataSource={page.items}
        columns={columns}
        pagination={false}
        scroll={{ x: 940 }}
        onRow={(p) => ({ 'data-testid': 'admin-product-row', 'data-product-id': p.id }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('adminCatalog.noProducts')} /> }}
      />
      {page.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button loading={page.isFetchingNextPage} onClick={() => void page.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
      <TakedownModal product={target} open={target !== null} onClose={() => setTarget(null)} />
    </Card>
  );
}
