import { DeleteOutlined, PictureOutlined, SafetyCertificateOutlined, ShopOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Empty, InputNumber, Popconfirm, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, problemDetail } from '../../api.js';
import { ProblemResult } from '../../components/Problem.js';
import {
  PURCHASE_LIST_KEY, type PurchaseListGroup, type PurchaseListItem, type PurchaseListView,
} from '../../components/trade/purchaseList.js';
import { companyDisplayName, formatMoney } from '../../format.js';
import '../../i18n/purchaseList.js';
import { currentLang } from '../../i18n/index.js';
import { activeCompanyOf, useMe } from '../../session.js';
import { formatQuantity, unitLabel } from '../catalog/model.js';

const ORANGE = '#F25C05';
const BLUE = '#1F6FEB';
const GREEN = '#1A7F37';

function QuantityCell({ item, onCommit, busy }: { item: PurchaseListItem; onCommit: (q: number, onRefused: () => void) => void; busy: boolean }) {
  const [value, setValue] = useState<number | null>(item.quantity);
  useEffect(() => setValue(item.quantity), [item.quantity]);
  const commit = () => {
    // Disabling the box while a change is saved blurs it: that blur must not send the same change again.
    if (busy) return;
    // A refused quantity leaves item.quantity as it was, so the effect above would not put the saved value back.
    if (value !== null && value > 0 && value !== item.quantity) onCommit(value, () => setValue(item.quantity));
    else setValue(item.quantity);
  };
  return (
    <Space.Compact size="small">
      <InputNumber
        min={0.001}
        step={1}
        precision={Number.isInteger(item.quantity) ? undefined : 3}
        value={value}
        disabled={busy}
        onChange={(v) => setValue(typeof v === 'number' ? v : null)}
        onBlur={commit}
        onPressEnter={commit}
        style={{ width: 110 }}
        status={item.problems.includes('above_stock') || item.problems.includes('below_moq') ? 'warning' : undefined}
        data-testid="pl-quantity"
        aria-label="quantity"
      />
      {item.unit && <Space.Addon>{unitLabel(item.unit)}</Space.Addon>}
    </Space.Compact>
  );
}

function ProblemTags({ item }: { item: PurchaseListItem }) {
  const { t } = useTranslation();
  if (item.problems.length === 0) return null;
  return (
    <Space size={4} wrap style={{ marginTop: 4 }}>
      {item.problems.map((p) => (
        <Tag key={p} color={p === 'unavailable' ? 'default' : 'warning'} data-testid={`pl-problem-${p}`}>
          {t(`purchaseList.problems.${p}`, {
            moq: item.moq !== null ? formatQuantity(item.moq, item.unit) : '',
            stock: item.stock !== null ? formatQuantity(item.stock, item.unit) : '',
          })}
        </Tag>
      ))}
    </Space>
  );
}

function PriceCell({ item }: { item: PurchaseListItem }) {
  const { t } = useTranslation();
  if (item.unitPrice === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const diff = item.addedPrice !== null ? item.unitPrice - item.addedPrice : 0;
  return (
    <div>
      <Typography.Text strong style={{ color: ORANGE }}>{formatMoney(item.unitPrice)}</Typography.Text>
      {item.priceChanged && item.addedPrice !== null && (
        <div style={{ fontSize: 12, color: diff < 0 ? GREEN : '#cf1322' }} data-testid="pl-price-changed">
          {diff < 0 ? t('purchaseList.priceDown', { diff: formatMoney(-diff) }) : t('purchaseList.priceUp', { diff: formatMoney(diff) })}
        </div>
      )}
      {item.productQuantity !== item.quantity && (
        <div style={{ fontSize: 12, color: '#8c8c8c' }}>{t('purchaseList.productTotal', { qty: formatQuantity(item.productQuantity, item.unit) })}</div>
      )}
    </div>
  );
}

function GroupCard({ group, busy, onPatch, onRemove, onSelectSupplier }: {
  group: PurchaseListGroup;
  busy: boolean;
  onPatch: (id: string, body: { quantity?: number; selected?: boolean }, onRefused?: () => void) => void;
  onRemove: (id: string) => void;
  onSelectSupplier: (supplierId: string, selected: boolean) => void;
}) {
  const { t } = useTranslation();
  const all = group.items.length > 0 && group.selectedCount === group.items.length;
  const columns: TableColumnsType<PurchaseListItem> = [
    {
      key: 'select', width: 40,
      render: (_, item) => <Checkbox checked={item.selected} disabled={busy} onChange={(e) => onPatch(item.id, { selected: e.target.checked })} data-testid="pl-select" aria-label="select" />,
    },
    {
      key: 'product', title: t('purchaseList.col.product'),
      render: (_, item) => (
        <div style={{ display: 'flex', gap: 10, minWidth: 220 }}>
          <div style={{ flex: '0 0 56px', height: 56, background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4, overflow: 'hidden', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
            {item.image ? <img src={item.image} alt="" style={{ width: '100%', height: '100%', objectFit: 'cover' }} /> : <PictureOutlined style={{ color: '#bfbfbf' }} />}
          </div>
          <div style={{ minWidth: 0 }}>
            {item.problems.includes('unavailable') ? (
              <Typography.Text type="secondary" delete>{item.title}</Typography.Text>
            ) : (
              <Link to={`/products/${item.productId}`}>{item.title}</Link>
            )}
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>
              {[currentLang() === 'en-US' ? item.skuLabelEn : item.skuLabel, item.leadTimeDays !== null ? t('purchaseList.leadTime', { count: item.leadTimeDays }) : null].filter(Boolean).join(' · ')}
            </div>
            <ProblemTags item={item} />
          </div>
        </div>
      ),
    },
    { key: 'price', title: t('purchaseList.col.price'), width: 150, render: (_, item) => <PriceCell item={item} /> },
    {
      key: 'quantity', title: t('purchaseList.col.quantity'), width: 170,
      render: (_, item) => (
        <div>
          <QuantityCell item={item} busy={busy} onCommit={(quantity, onRefused) => onPatch(item.id, { quantity }, onRefused)} />
          {item.stock !== null && <div style={{ fontSize: 12, color: '#8c8c8c', marginTop: 2 }}>{t('purchaseList.stockLeft', { qty: formatQuantity(item.stock, item.unit) })}</div>}
        </div>
      ),
    },
    {
      key: 'total', title: t('purchaseList.col.total'), width: 130, align: 'right',
      render: (_, item) => {
        if (item.lineTotal === null) return '—';
        // A line with a problem cannot be ordered, so the server leaves it out of the totals: say so rather than show a sum that disagrees.
        if (item.problems.length > 0) {
          return (
            <div data-testid="pl-line-not-counted">
              <Typography.Text type="secondary" delete data-testid="pl-line-total">{formatMoney(item.lineTotal)}</Typography.Text>
              <div style={{ fontSize: 12, color: '#8c8c8c' }}>{t('purchaseList.notCounted')}</div>
            </div>
          );
        }
        return <Typography.Text strong data-testid="pl-line-total">{formatMoney(item.lineTotal)}</Typography.Text>;
      },
    },
    {
      key: 'actions', width: 60, align: 'center',
      render: (_, item) => (
        <Popconfirm title={t('purchaseList.removeConfirm')} onConfirm={() => onRemove(item.id)}>
          <Tooltip title={t('purchaseList.remove')}>
            <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('purchaseList.remove')} data-testid="pl-remove" />
          </Tooltip>
        </Popconfirm>
      ),
    },
  ];
  return (
    <Card
      size="small"
      data-testid="pl-group"
      data-supplier-id={group.supplier.id}
      title={
        <Space wrap size={8}>
          <Checkbox checked={all} indeterminate={!all && group.selectedCount > 0} disabled={busy} onChange={(e) => onSelectSupplier(group.supplier.id, e.target.checked)} aria-label={t('purchaseList.selectSupplier')} />
          <ShopOutlined />
          <Link to={`/companies/${group.supplier.id}`} style={{ fontWeight: 600 }}>{companyDisplayName(group.supplier)}</Link>
          {group.supplier.verified && <Tag color={BLUE} icon={<SafetyCertificateOutlined />} style={{ marginInlineEnd: 0 }}>{t('purchaseList.verified')}</Tag>}
          {group.supplier.grade && <Tag color="gold" style={{ marginInlineEnd: 0 }}>{t('purchaseList.grade', { grade: group.supplier.grade })}</Tag>}
        </Space>
      }
      extra={
        <span>
          <Typography.Text type="secondary">{t('purchaseList.supplierTotal')} </Typography.Text>
          <Typography.Text strong style={{ color: ORANGE }} data-testid="pl-subtotal">{formatMoney(group.subtotal)}</Typography.Text>
        </span>
      }
      styles={{ body: { padding: 0 } }}
    >
      <Table<PurchaseListItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={group.items}
        pagination={false}
        scroll={{ x: 720 }}
        rowClassName={(item) => (item.problems.includes('unavailable') ? 'pl-row-unavailable' : '')}
      />
    </Card>
  );
}

export default function PurchaseListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const companyId = company?.id;
  const key = [PURCHASE_LIST_KEY, companyId];
  const list = useQuery({
    queryKey: key,
    queryFn: () => api<PurchaseListView>('/purchase-list', { query: { companyId } }),
    enabled: Boolean(companyId),
  });
  const settle = (view: PurchaseListView) => {
    qc.setQueryData(key, view);
    void qc.invalidateQueries({ queryKey: [PURCHASE_LIST_KEY, 'count'] });
  };
  const patch = useMutation({
    mutationFn: ({ id, body }: { id: string; body: { quantity?: number; selected?: boolean } }) => api<PurchaseListView>(`/purchase-list/items/${id}`, { method: 'PATCH', body }),
    onSuccess: settle,
    onError: (e) => {
      message.error(problemDetail(e));
      void list.refetch();
    },
  });
  const remove = useMutation({
    mutationFn: (ids: string[]) => api<PurchaseListView>('/purchase-list/remove', { method: 'POST', body: { companyId, itemIds: ids } }),
    onSuccess: settle,
    onError: (e) => message.error(problemDetail(e)),
  });
  const select = useMutation({
    mutationFn: (body: { selected: boolean; supplierCompanyId?: string }) => api<PurchaseListView>('/purchase-list/selection', { method: 'POST', body: { companyId, ...body } }),
    onSuccess: settle,
    onError: (e) => message.error(problemDetail(e)),
  });
  const busy = patch.isPending || remove.isPending || select.isPending;

  if (!companyId) return <Alert type="info" showIcon title={t('purchaseList.needCompany')} />;
  if (list.isPending) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (list.error) return <ProblemResult error={list.error} onRetry={() => void list.refetch()} />;
  const view = list.data;
  const unavailable = view.groups.flatMap((g) => g.items).filter((i) => i.problems.includes('unavailable')).map((i) => i.id);
  const selected = view.groups.flatMap((g) => g.items).filter((i) => i.selected);
  // Lines with a problem are not orderable: they are neither in the total nor in the count next to it.
  const selectedBlocked = selected.filter((i) => i.problems.length > 0).length;
  const selectedOrderable = selected.length - selectedBlocked;
  const allSelected = view.count > 0 && view.selectedCount === view.count;
  const blockedReason = view.selectedCount === 0 ? t('purchaseList.nothingSelected') : selectedBlocked > 0 ? t('purchaseList.checkoutBlockedCount', { count: selectedBlocked }) : null;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="purchase-list">
      <Card size="small">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              <ShoppingCartOutlined style={{ color: ORANGE, marginInlineEnd: 8 }} />
              {t('purchaseList.title')}
              <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400, marginInlineStart: 8 }}>({view.count}/{view.maxItems})</Typography.Text>
            </Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('purchaseList.subtitle')} {t('purchaseList.personalHint')}</Typography.Text>
          </div>
          {view.count > 0 && (
            <Space wrap>
              <Checkbox checked={allSelected} indeterminate={!allSelected && view.selectedCount > 0} disabled={busy} onChange={(e) => select.mutate({ selected: e.target.checked })} data-testid="pl-select-all">
                {t('purchaseList.selectAll')}
              </Checkbox>
              {unavailable.length > 0 && (
                <Button size="small" onClick={() => remove.mutate(unavailable)} disabled={busy} data-testid="pl-remove-unavailable">{t('purchaseList.removeUnavailable')}</Button>
              )}
            </Space>
          )}
        </div>
      </Card>
      {view.count === 0 ? (
        <Card>
          <Empty description={t('purchaseList.empty')}>
            <Link to="/"><Button type="primary">{t('purchaseList.browse')}</Button></Link>
          </Empty>
        </Card>
      ) : (
        <>
          {view.groups.map((g) => (
            <GroupCard
              key={g.supplier.id}
              group={g}
              busy={busy}
              onPatch={(id, body, onRefused) => patch.mutate({ id, body }, { onError: onRefused })}
              onRemove={(id) => remove.mutate([id])}
              onSelectSupplier={(supplierCompanyId, selected) => select.mutate({ selected, supplierCompanyId })}
            />
          ))}
          <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 2, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }} data-testid="pl-footer">
            <div style={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', flexWrap: 'wrap', gap: 16 }}>
              <Typography.Text type="secondary" data-testid="pl-selected-count">{t('purchaseList.selectedCount', { count: selectedOrderable })}</Typography.Text>
              <span>
                <Typography.Text>{t('purchaseList.total')}: </Typography.Text>
                <Typography.Text strong style={{ color: ORANGE, fontSize: 22 }} data-testid="pl-total">{formatMoney(view.total)}</Typography.Text>
              </span>
              <Button type="primary" size="large" disabled={Boolean(blockedReason) || busy} onClick={() => void navigate('/workbench/checkout')} data-testid="pl-checkout">
                {t('purchaseList.checkout')}
              </Button>
            </div>
            {/* Shown as text, not a tooltip on the disabled button: phones cannot hover. */}
            {blockedReason && (
              <Typography.Text type={selectedBlocked > 0 ? 'danger' : 'secondary'} style={{ display: 'block', textAlign: 'right', marginTop: 6, fontSize: 13 }} data-testid="pl-blocked-reason">
                {blockedReason}
              </Typography.Text>
            )}
          </Card>
        </>
      )}
    </Space>
  );
}
