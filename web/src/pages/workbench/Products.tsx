import { CloudUploadOutlined, DeleteOutlined, EditOutlined, EyeOutlined, PictureOutlined, PlusOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Input, Popconfirm, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Page } from '../../api.js';
import { api, problemDetail } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import { formatDateTime, formatMoney } from '../../format.js';
import { activeCompanyOf, useMe } from '../../session.js';
import type { ProductListItem, ProductStatus } from '../catalog/model.js';
import { findCategory, formatQuantity, localizedName, PRODUCT_STATUSES, productTitle, useCategoryTree } from '../catalog/model.js';
import { ExportButton, ImportDialog } from './ProductImport.js';
import { NoCompany } from './WorkbenchShell.js';

export type BulkAction = 'publish' | 'delist' | 'delete';
interface BulkResult {
  results: Array<{ id: string; ok: boolean; code?: string; detail?: string }>;
}

const STATUS_COLOR: Record<ProductStatus, string> = { draft: 'default', published: 'green', delisted: 'orange' };

export function StatusTag({ status }: { status: ProductStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="product-status" data-status={status}>
      {t(`catalog.status.${status}`)}
    </Tag>
  );
}

interface ProductSales {
  productId: string;
  recentBuyers: number;
  recentOrders: number;
}

/** The listed products' recent sales (service metrics), 50 per request. */
function useProductSales(ids: string[]): Map<string, ProductSales> {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += 50) chunks.push(ids.slice(i, i + 50));
  const results = useQueries({
    queries: chunks.map((chunk) => ({
      queryKey: ['product-sales', chunk.join(',')],
      queryFn: () => api<{ items: ProductSales[] }>('/product-sales', { query: { productIds: chunk.join(',') } }),
      staleTime: 60_000,
    })),
  });
  return new Map(results.flatMap((r) => r.data?.items ?? []).map((s) => [s.productId, s]));
}

function priceRange(p: ProductListItem): string {
  const prices = p.priceTiers.map((x) => x.unitPrice);
  if (prices.length === 0) return '—';
  const lo = Math.min(...prices);
  const hi = Math.max(...prices);
  return lo === hi ? formatMoney(lo) : `${formatMoney(lo)} – ${formatMoney(hi)}`;
}

export default function Products() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const [params, setParams] = useSearchParams();
  const status = PRODUCT_STATUSES.find((s) => s === params.get('status')) ?? null;
  const q = params.get('q') ?? '';
  const [qInput, setQInput] = useState(q);
  const [selected, setSelected] = useState<string[]>([]);
  const [importing, setImporting] = useState(params.get('import') === '1');
  const tree = useCategoryTree();
  const list = useInfiniteQuery({
    queryKey: ['wb', 'products', company?.id, status, q],
    queryFn: ({ pageParam }) => api<Page<ProductListItem>>(`/companies/${company?.id ?? ''}/products`, { query: { status, q, cursor: pageParam, limit: 20 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(company),
  });
  const bulk = useMutation({
    mutationFn: ({ action, ids }: { action: BulkAction; ids: string[] }) => api<BulkResult>('/products/bulk', { method: 'POST', body: { action, ids } }),
    onSuccess: async (res) => {
      const failed = res.results.filter((r) => !r.ok);
      const ok = res.results.length - failed.length;
      if (failed.length === 0) message.success(t('sellerProducts.bulkDone', { ok }));
      else {
        const reasons = [...new Set(failed.map((f) => f.detail ?? f.code ?? ''))].filter(Boolean).join(';');
        message.warning(`${t('sellerProducts.bulkPartial', { ok, failed: failed.length })}${reasons ? ` — ${reasons}` : ''}`, 6);
      }
      setSelected(failed.map((f) => f.id));
      await qc.invalidateQueries({ queryKey: ['wb', 'products'] });
    },
    onError: (e) => message.error(problemDetail(e)),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const sales = useProductSales(items.filter((p) => p.status !== 'draft').map((p) => p.id));
  if (!company) return <NoCompany />;
  const setFilter = (next: { status?: string | null; q?: string }) => {
    const sp = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) sp.set(k, v);
      else sp.delete(k);
    }
    setSelected([]);
    setParams(sp, { replace: true });
  };
  const run = (action: BulkAction, ids: string[]) => bulk.mutate({ action, ids });
  const confirmDelete = (ids: string[]) =>
    modal.confirm({
      title: ids.length === 1 ? t('sellerProducts.confirmDeleteOne') : t('sellerProducts.confirmDelete', { count: ids.length }),
      okButtonProps: { danger: true, 'data-testid': 'confirm-delete' },
      onOk: () => run('delete', ids),
    });

  const columns: TableColumnsType<ProductListItem> = [
    {
      title: t('sellerProducts.product'),
      key: 'product',
      render: (_, p) => {
        const cover = p.thumbnails?.['160'] ?? p.coverUrl;
        return (
          <div style={{ display: 'flex', gap: 10, alignItems: 'flex-start', minWidth: 200, maxWidth: 380, whiteSpace: 'normal' }}>
            <div style={{ flex: '0 0 56px', height: 56, background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4, overflow: 'hidden', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
              {cover ? <img src={cover} alt="" style={{ width: '100%', height: '100%', objectFit: 'cover' }} /> : <PictureOutlined style={{ color: '#bfbfbf', fontSize: 20 }} />}
            </div>
            <div style={{ minWidth: 0 }}>
              <Link to={`/workbench/products/${p.id}/edit`} data-testid="product-row-title">
                {productTitle(p)}
              </Link>
              {p.titleEn && productTitle(p) !== p.titleZh && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {p.titleZh}
                </Typography.Text>
              )}
              {p.takedown && (
                <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="takedown-reason">
                  {t('sellerProducts.takedown', { reason: p.takedown.reason })}
                </Typography.Text>
              )}
            </div>
          </div>
        );
      },
    },
    {
      title: t('sellerProducts.category'),
      key: 'category',
      responsive: ['md'],
      render: (_, p) => {
        const leaf = findCategory(tree.data, p.categoryId);
        return leaf ? localizedName(leaf) : '—';
      },
    },
    {
      title: t('sellerProducts.price'),
      key: 'price',
      render: (_, p) => (
        <>
          <div style={{ whiteSpace: 'nowrap' }}>{priceRange(p)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {t('catalog.moqValue', { qty: formatQuantity(p.moq, p.unit) })}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('sellerProducts.stock'),
      key: 'stock',
      responsive: ['lg'],
      render: (_, p) => (
        <>
          <div style={{ whiteSpace: 'nowrap' }}>{formatQuantity(p.totalStock, p.unit)}</div>
          {p.skuCount > 1 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('sellerProducts.skuCount', { count: p.skuCount })}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: <Tooltip title={t('catalog.recentSalesHint')}>{t('sellerProducts.recentSales')}</Tooltip>,
      key: 'recentSales',
      responsive: ['md'],
      render: (_, p) => {
        const s = sales.get(p.id);
        if (!s || s.recentOrders === 0) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <div data-testid="product-recent-sales-cell">
            <div style={{ whiteSpace: 'nowrap' }}>{t('sellerProducts.recentSalesBuyers', { count: s.recentBuyers })}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {t('catalog.recentOrders', { count: s.recentOrders })}
            </Typography.Text>
          </div>
        );
      },
    },
    { title: t('sellerProducts.status'), key: 'status', render: (_, p) => <StatusTag status={p.status} /> },
    { title: t('sellerProducts.updatedAt'), key: 'updatedAt', responsive: ['xxl'], render: (_, p) => formatDateTime(p.updatedAt) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Space size={0} wrap>
          <Tooltip title={t('sellerProducts.edit')}>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => void navigate(`/workbench/products/${p.id}/edit`)} aria-label={t('sellerProducts.edit')} data-testid="row-edit" />
          </Tooltip>
          <Tooltip title={t('sellerProducts.view')}>
            <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => void navigate(`/products/${p.id}`)} aria-label={t('sellerProducts.view')} data-testid="row-view" />
          </Tooltip>
          {p.status === 'published' ? (
            <Button type="link" size="small" onClick={() => run('delist', [p.id])} data-testid="row-delist">
              {t('sellerProducts.delist')}
            </Button>
          ) : (
            <Button type="link" size="small" onClick={() => run('publish', [p.id])} data-testid="row-publish">
              {t('sellerProducts.publish')}
            </Button>
          )}
          <Popconfirm title={t('sellerProducts.confirmDeleteOne')} onConfirm={() => run('delete', [p.id])} okButtonProps={{ danger: true }}>
            <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('sellerProducts.delete')} data-testid="row-delete" />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('sellerProducts.title')}
      extra={
        <Space wrap>
          <Button icon={<CloudUploadOutlined />} onClick={() => setImporting(true)} data-testid="import-products">
            {t('productImport.import')}
          </Button>
          <ExportButton status={status} />
          <Link to="/workbench/products/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-product">
              {t('sellerProducts.newProduct')}
            </Button>
          </Link>
        </Space>
      }
      data-testid="product-list"
    >
      <Tabs
        activeKey={status ?? 'all'}
        onChange={(k) => setFilter({ status: k === 'all' ? null : k })}
        items={[{ key: 'all', label: t('sellerProducts.all') }, ...PRODUCT_STATUSES.map((s) => ({ key: s, label: <span data-testid={`status-tab-${s}`}>{t(`catalog.status.${s}`)}</span> }))]}
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', marginBottom: 12 }}>
        <Input.Search
          value={qInput}
          onChange={(e) => setQInput(e.target.value)}
          onSearch={(v) => setFilter({ q: v.trim() })}
          placeholder={t('sellerProducts.searchPlaceholder')}
          allowClear
          style={{ maxWidth: 320 }}
          data-testid="product-search"
        />
        <Space wrap data-testid="bulk-actions">
          {selected.length > 0 && <Typography.Text type="secondary">{t('sellerProducts.selected', { count: selected.length })}</Typography.Text>}
          <Button icon={<UploadOutlined />} disabled={selected.length === 0} loading={bulk.isPending && bulk.variables.action === 'publish'} onClick={() => run('publish', selected)} data-testid="bulk-publish">
            {t('sellerProducts.bulkPublish')}
          </Button>
          <Button icon={<StopOutlined />} disabled={selected.length === 0} loading={bulk.isPending && bulk.variables.action === 'delist'} onClick={() => run('delist', selected)} data-testid="bulk-delist">
            {t('sellerProducts.bulkDelist')}
          </Button>
          <Button danger icon={<DeleteOutlined />} disabled={selected.length === 0} onClick={() => confirmDelete(selected)} data-testid="bulk-delete">
            {t('sellerProducts.bulkDelete')}
          </Button>
        </Space>
      </div>
      <ProblemAlert error={list.error} style={{ marginBottom: 12 }} />
      <Table<ProductListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
        onRow={(p) => ({ 'data-testid': 'product-row', 'data-product-id': p.id, 'data-status': p.status }) as React.HTMLAttributes<HTMLElement>}
        locale={{
          emptyText: (
            <Empty description={status || q ? t('sellerProducts.emptyFiltered') : t('sellerProducts.empty')}>
              {!status && !q && (
                <Link to="/workbench/products/new">
                  <Button type="primary">{t('sellerProducts.newProduct')}</Button>
                </Link>
              )}
            </Empty>
          ),
        }}
      />
      <ImportDialog open={importing} onClose={() => setImporting(false)} companyId={company.id} />
      {list.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} data-testid="load-more">
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </Card>
  );
}
