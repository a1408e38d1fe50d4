import {
  ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, FolderOpenOutlined, FolderOutlined, HeartOutlined, MoreOutlined, PlusOutlined, ShopOutlined,
} from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App, Avatar, Button, Card, Col, Dropdown, Empty, Grid, Image, Input, List, Modal, Popconfirm, Radio, Row, Select, Skeleton, Space, Switch, Tabs, Tag, Tooltip, Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Page } from '../../api.js';
import { api, problemDetail } from '../../api.js';
import {
  FAVORITES_KEY, useFavoriteFolders, useFavoriteTags, type Favorite, type FavoriteFolder, type FavoriteProduct, type FavoriteSupplier, type FavoriteType,
} from '../../components/FavoriteButton.js';
import { ProblemAlert } from '../../components/Problem.js';
import { companyDisplayName, formatDate, formatMoney } from '../../format.js';
import '../../i18n/favorites.js';
import { useRegionName } from '../../session.js';
import { formatQuantity, productTitle } from '../catalog/model.js';

const DOWN = '#1A7F37';
const UP = '#CF1322';

type Patch = { folderId?: string; note?: string; tags?: string[]; alerts?: { priceDrop?: boolean; backInStock?: boolean } };

function useFavoriteMutations() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const refresh = () => qc.invalidateQueries({ queryKey: [FAVORITES_KEY] });
  const patch = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Patch }) => api<Favorite>(`/favorites/${id}`, { method: 'PATCH', body }),
    onSuccess: refresh,
    onError: (e) => message.error(problemDetail(e)),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/favorites/${id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      message.success(t('favorites.removed'));
      await refresh();
    },
    onError: (e) => message.error(problemDetail(e)),
  });
  return { patch, remove };
}

// ---------------------------------------------------------------------------------------------------------
// Folders

function FolderDialogs({ mode, folder, onClose }: { mode: 'create' | 'rename' | 'delete' | null; folder: FavoriteFolder | null; onClose: (createdId?: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [name, setName] = useState(mode === 'rename' ? (folder?.name ?? '') : '');
  const [items, setItems] = useState<'move' | 'delete'>('move');
  const refresh = () => qc.invalidateQueries({ queryKey: [FAVORITES_KEY] });
  const save = useMutation({
    mutationFn: () => (mode === 'rename' && folder
      ? api<FavoriteFolder>(`/favorites/folders/${folder.id}`, { method: 'PATCH', body: { name: name.trim() } })
      : api<FavoriteFolder>('/favorites/folders', { method: 'POST', body: { name: name.trim() } })),
    onSuccess: async (f) => {
      await refresh();
      onClose(mode === 'create' ? f.id : undefined);
    },
  });
  const remove = useMutation({
    mutationFn: () => api(`/favorites/folders/${folder!.id}`, { method: 'DELETE', query: { items } }),
    onSuccess: async () => {
      message.success(t('favorites.folderDeleted'));
      await refresh();
      onClose();
    },
  });
  if (mode === 'delete' && folder) {
    return (
      <Modal open title={t('favorites.deleteFolderTitle', { name: folder.name })} onCancel={() => onClose()} onOk={() => remove.mutate()} okButtonProps={{ danger: true, loading: remove.isPending, 'data-testid': 'folder-delete-ok' }} okText={t('favorites.deleteFolder')}>
        <ProblemAlert error={remove.error} style={{ marginBottom: 12 }} />
        <Radio.Group value={items} onChange={(e) => setItems(e.target.value as 'move' | 'delete')} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          <Radio value="move">{t('favorites.deleteFolderMove')}</Radio>
          <Radio value="delete">{t('favorites.deleteFolderAll')}</Radio>
        </Radio.Group>
      </Modal>
    );
  }
  if (mode === 'create' || mode === 'rename') {
    return (
      <Modal
        open
        title={mode === 'create' ? t('favorites.newFolder') : t('favorites.rename')}
        onCancel={() => onClose()}
        onOk={() => save.mutate()}
        okButtonProps={{ disabled: !name.trim(), loading: save.isPending, 'data-testid': 'folder-save' }}
      >
        <ProblemAlert error={save.error} style={{ marginBottom: 12 }} />
        <Input
          autoFocus
          value={name}
          maxLength={40}
          placeholder={t('favorites.folderNamePlaceholder')}
          aria-label={t('favorites.folderName')}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={() => name.trim() && save.mutate()}
          data-testid="folder-name"
        />
      </Modal>
    );
  }
  return null;
}

function FolderPanel({ folders, type, selected, onSelect }: { folders: FavoriteFolder[]; type: FavoriteType; selected: string | null; onSelect: (id: string | null) => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [dialog, setDialog] = useState<{ mode: 'create' | 'rename' | 'delete'; folder: FavoriteFolder | null } | null>(null);
  const total = folders.reduce((n, f) => n + f.counts[type], 0);
  const dialogs = dialog && (
    <FolderDialogs
      key={`${dialog.mode}-${dialog.folder?.id ?? ''}`}
      mode={dialog.mode}
      folder={dialog.folder}
      onClose={(createdId) => {
        if (dialog.mode === 'delete' && dialog.folder?.id === selected) onSelect(null);
        if (createdId) onSelect(createdId);
        setDialog(null);
      }}
    />
  );
  const actions = (f: FavoriteFolder) => (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'rename', icon: <EditOutlined />, label: t('favorites.rename'), onClick: () => setDialog({ mode: 'rename', folder: f }) },
          ...(f.isDefault ? [] : [{ key: 'delete', icon: <DeleteOutlined />, danger: true, label: t('favorites.deleteFolder'), onClick: () => setDialog({ mode: 'delete', folder: f }) }]),
        ],
      }}
    >
      <Button type="text" size="small" icon={<MoreOutlined />} aria-label={t('favorites.rename')} onClick={(e) => e.stopPropagation()} data-testid={`folder-actions-${f.id}`} />
    </Dropdown>
  );

  if (!screens.md) {
    // Phone: the folders fold into one select beside the actions.
    const current = folders.find((f) => f.id === selected) ?? null;
    return (
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Select
          style={{ flex: 1 }}
          value={selected ?? ''}
          onChange={(v: string) => onSelect(v || null)}
          data-testid="folder-select"
          options={[{ value: '', label: `${t('favorites.allFolders')} (${total})` }, ...folders.map((f) => ({ value: f.id, label: `${f.name} (${f.counts[type]})` }))]}
        />
        {current && (
          <Button icon={<EditOutlined />} aria-label={t('favorites.rename')} onClick={() => setDialog({ mode: 'rename', folder: current })} />
        )}
        {current && !current.isDefault && (
          <Button icon={<DeleteOutlined />} aria-label={t('favorites.deleteFolder')} onClick={() => setDialog({ mode: 'delete', folder: current })} />
        )}
        <Button icon={<PlusOutlined />} aria-label={t('favorites.newFolder')} onClick={() => setDialog({ mode: 'create', folder: null })} data-testid="folder-new" />
        {dialogs}
      </Space.Compact>
    );
  }

  const row = (key: string | null, icon: React.ReactNode, label: string, count: number, extra?: React.ReactNode) => {
    const active = selected === key;
    return (
      <div
        key={key ?? 'all'}
        role="button"
        tabIndex={0}
        onClick={() => onSelect(key)}
        onKeyDown={(e) => e.key === 'Enter' && onSelect(key)}
        data-testid={`folder-${key ?? 'all'}`}
        style={{
          display: 'flex', alignItems: 'center', gap: 8, padding: '6px 8px', borderRadius: 6, cursor: 'pointer',
          background: active ? '#FFF1E8' : undefined, color: active ? '#F25C05' : undefined, fontWeight: active ? 600 : undefined,
        }}
      >
        {icon}
        <Typography.Text ellipsis style={{ flex: 1, color: 'inherit' }}>{label}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{count}</Typography.Text>
        {extra}
      </div>
    );
  };
  return (
    <Card
      size="small"
      title={t('favorites.folders')}
      extra={<Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create', folder: null })} data-testid="folder-new">{t('favorites.newFolder')}</Button>}
      styles={{ body: { padding: 6 } }}
    >
      {row(null, <HeartOutlined />, t('favorites.allFolders'), total)}
      {folders.map((f) => row(f.id, selected === f.id ? <FolderOpenOutlined /> : <FolderOutlined />, f.name, f.counts[type], actions(f)))}
      {dialogs}
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------------------
// Items

function PriceChange({ p }: { p: FavoriteProduct }) {
  const { t } = useTranslation();
  const { then, now, change } = p;
  const color = change.priceDirection === 'down' ? DOWN : change.priceDirection === 'up' ? UP : undefined;
  return (
    <div data-testid="favorite-price">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('favorites.priceThenNow')}</Typography.Text>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 6, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary" delete={change.priceDirection === 'down' || change.priceDirection === 'up'}>
          {then.unitPrice !== null ? formatMoney(then.unitPrice) : '—'}
        </Typography.Text>
        <span aria-hidden>→</span>
        <Typography.Text strong style={{ color, fontSize: 16 }} data-direction={change.priceDirection ?? 'none'}>
          {now.unitPrice !== null ? formatMoney(now.unitPrice) : '—'}
        </Typography.Text>
        {change.price !== null && change.price !== 0 && (
          <Typography.Text style={{ color, fontSize: 12 }}>
            {change.price < 0 ? <ArrowDownOutlined /> : <ArrowUpOutlined />} {formatMoney(Math.abs(change.price))}
          </Typography.Text>
        )}
      </div>
      {(now.quantity ?? then.quantity) !== null && p.unit && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('favorites.priceAt', { quantity: formatQuantity((now.quantity ?? then.quantity)!, p.unit) })}
        </Typography.Text>
      )}
    </div>
  );
}

function StockNow({ p }: { p: FavoriteProduct }) {
  const { t } = useTranslation();
  const unit = p.unit ?? '';
  const delta = p.change.stock;
  return (
    <div data-testid="favorite-stock">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('favorites.stockNow')}</Typography.Text>
      <div>
        <Typography.Text strong>{p.now.stock !== null ? formatQuantity(p.now.stock, unit) : '—'}</Typography.Text>
        {p.change.backInStock && <Tag color="green" style={{ marginLeft: 6 }}>{t('favorites.backInStock')}</Tag>}
      </div>
      {delta !== null && delta !== 0 && (
        <Typography.Text style={{ fontSize: 12, color: delta > 0 ? DOWN : UP }}>
          {t('favorites.stockChange', { change: `${delta > 0 ? '+' : '−'}${formatQuantity(Math.abs(delta), unit)}` })}
        </Typography.Text>
      )}
    </div>
  );
}

function ItemControls({ f, folders }: { f: Favorite; folders: FavoriteFolder[] }) {
  const { t } = useTranslation();
  const { patch, remove } = useFavoriteMutations();
  const tagOptions = useFavoriteTags();
  return (
    <>
      <Typography.Paragraph
        type={f.note ? undefined : 'secondary'}
        style={{ margin: '6px 0', fontSize: 13 }}
        editable={{
          tooltip: t('favorites.note'),
          maxLength: 500,
          text: f.note,
          onChange: (note) => note !== f.note && patch.mutate({ id: f.id, body: { note } }),
        }}
        data-testid="favorite-note-text"
      >
        {f.note || t('favorites.addNote')}
      </Typography.Paragraph>
      <Select
        mode="tags"
        size="small"
        variant="borderless"
        value={f.tags}
        placeholder={`+ ${t('favorites.tags')}`}
        style={{ width: '100%', marginLeft: -7, marginBottom: 4 }}
        options={(tagOptions.data ?? []).map((x) => ({ value: x.tag, label: x.tag }))}
        onChange={(tags: string[]) => patch.mutate({ id: f.id, body: { tags: tags.map((x) => x.trim()).filter(Boolean).slice(0, 10) } })}
        tagRender={({ label, closable, onClose }) => (
          <Tag color="orange" closable={closable} onClose={onClose} style={{ marginInlineEnd: 4 }}>{label}</Tag>
        )}
        suffixIcon={null}
        aria-label={t('favorites.tags')}
        data-testid="favorite-row-tags"
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, rowGap: 8 }}>
        {f.type === 'product' && (
          <Tooltip title={t('favorites.alertsHint')}>
            <Space size={12} wrap>
              <Space size={4}>
                <Switch size="small" checked={f.alerts.priceDrop} onChange={(v) => patch.mutate({ id: f.id, body: { alerts: { priceDrop: v } } })} data-testid="alert-price" />
                <Typography.Text style={{ fontSize: 12 }}>{t('favorites.alertPriceDrop')}</Typography.Text>
              </Space>
              <Space size={4}>
                <Switch size="small" checked={f.alerts.backInStock} onChange={(v) => patch.mutate({ id: f.id, body: { alerts: { backInStock: v } } })} data-testid="alert-stock" />
                <Typography.Text style={{ fontSize: 12 }}>{t('favorites.alertBackInStock')}</Typography.Text>
              </Space>
            </Space>
          </Tooltip>
        )}
        <Space size={4} style={{ marginLeft: 'auto' }}>
          <Select
            size="small"
            value={f.folderId}
            style={{ minWidth: 120 }}
            popupMatchSelectWidth={false}
            prefix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('favorites.moveTo')}</Typography.Text>}
            options={folders.map((x) => ({ value: x.id, label: x.name }))}
            onChange={(folderId: string) => patch.mutate({ id: f.id, body: { folderId } })}
            data-testid="favorite-move"
          />
          <Popconfirm title={t('favorites.removeConfirm')} onConfirm={() => remove.mutate(f.id)}>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} data-testid="favorite-row-remove">{t('favorites.remove')}</Button>
          </Popconfirm>
        </Space>
      </div>
    </>
  );
}

function ProductRow({ f, folders }: { f: Favorite & { product: FavoriteProduct }; folders: FavoriteFolder[] }) {
  const { t } = useTranslation();
  const p = f.product;
  const title = productTitle(p);
  const size = Grid.useBreakpoint().sm ? 80 : 56;
  const status = p.availability === 'available' ? null : <Tag color={p.availability === 'gone' ? 'default' : 'orange'}>{t(p.availability === 'gone' ? 'favorites.gone' : 'favorites.unavailable')}</Tag>;
  return (
    <List.Item style={{ display: 'block', padding: '12px 4px' }} data-testid="favorite-row" data-availability={p.availability}>
      <div style={{ display: 'flex', gap: 12 }}>
        <div style={{ flex: '0 0 auto', width: size, height: size, borderRadius: 6, overflow: 'hidden', background: '#f5f5f5', opacity: p.availability === 'available' ? 1 : 0.5 }}>
          {p.thumbnailUrl ? (
            <Image src={p.thumbnailUrl} alt={title} width={size} height={size} style={{ objectFit: 'cover' }} preview={false} />
          ) : (
            <div style={{ width: size, height: size, display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#bbb' }}><HeartOutlined /></div>
          )}
        </div>
        <div style={{ flex: 1, minWidth: 0 }}>
          <div style={{ display: 'flex', gap: 6, alignItems: 'flex-start' }}>
            {p.availability === 'gone' ? (
              <Typography.Text strong ellipsis style={{ flex: 1 }}>{title}</Typography.Text>
            ) : (
              <Link to={`/products/${p.productId}`} style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong ellipsis style={{ color: 'inherit', maxWidth: '100%' }}>{title}</Typography.Text>
              </Link>
            )}
            {status}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('favorites.savedOn', { date: formatDate(f.savedAt) })}</Typography.Text>
          <Row gutter={[16, 8]} style={{ marginTop: 6 }}>
            <Col xs={14} sm={12}><PriceChange p={p} /></Col>
            <Col xs={10} sm={12}><StockNow p={p} /></Col>
          </Row>
          <ItemControls f={f} folders={folders} />
        </div>
      </div>
    </List.Item>
  );
}

function SupplierRow({ f, folders }: { f: Favorite & { supplier: FavoriteSupplier }; folders: FavoriteFolder[] }) {
  const { t } = useTranslation();
  const region = useRegionName();
  const s = f.supplier;
  const name = s.now ? companyDisplayName({ legalName: s.now.legalName, nameEn: s.now.nameEn }) : companyDisplayName({ legalName: s.then.name, nameEn: s.then.nameEn });
  return (
    <List.Item style={{ display: 'block', padding: '12px 4px' }} data-testid="favorite-row" data-availability={s.availability}>
      <div style={{ display: 'flex', gap: 12 }}>
        <Avatar shape="square" size={56} src={s.now?.logoUrl ?? undefined} style={{ background: '#FFF1E8', color: '#F25C05', flex: '0 0 auto' }}>
          {name.slice(0, 1)}
        </Avatar>
        <div style={{ flex: 1, minWidth: 0 }}>
          <div style={{ display: 'flex', gap: 6, alignItems: 'flex-start', flexWrap: 'wrap' }}>
            {s.now ? (
              <Link to={`/companies/${s.companyId}`} style={{ minWidth: 0, maxWidth: '100%' }}>
                <Typography.Text strong ellipsis style={{ color: 'inherit', maxWidth: '100%' }}>{name}</Typography.Text>
              </Link>
            ) : (
              <>
                <Typography.Text strong>{name}</Typography.Text>
                <Tag>{t('favorites.supplierGone')}</Tag>
              </>
            )}
          </div>
          {s.now && (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {region(s.now.province)} · {s.now.city}
              {s.now.mainProducts.length > 0 && ` · ${t('favorites.mainProducts')}: ${s.now.mainProducts.slice(0, 4).join('、')}`}
            </Typography.Text>
          )}
          <Space size={8} style={{ marginTop: 4 }} wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('favorites.savedOn', { date: formatDate(f.savedAt) })}</Typography.Text>
            {s.now && (
              <Link to={`/shop/${s.companyId}`}>
                <Button size="small" type="link" icon={<ShopOutlined />} style={{ paddingInline: 0 }}>{t('favorites.enterShop')}</Button>
              </Link>
            )}
          </Space>
          <ItemControls f={f} folders={folders} />
        </div>
      </div>
    </List.Item>
  );
}

function EmptyState({ type, filtered, onClear }: { type: FavoriteType; filtered: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  if (filtered) {
    return (
      <Empty description={t('favorites.emptyFiltered')} data-testid="favorites-empty">
        <Button onClick={onClear}>{t('favorites.clearFilters')}</Button>
      </Empty>
    );
  }
  return (
    <Empty
      image={<HeartOutlined style={{ fontSize: 48, color: '#F25C05' }} />}
      styles={{ image: { height: 56 } }}
      description={
        <>
          <Typography.Title level={5} style={{ marginBottom: 4 }}>{t(type === 'product' ? 'favorites.emptyProducts' : 'favorites.emptySuppliers')}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ maxWidth: 420, margin: '0 auto' }}>
            {t(type === 'product' ? 'favorites.emptyProductsHint' : 'favorites.emptySuppliersHint')}
          </Typography.Paragraph>
        </>
      }
      data-testid="favorites-empty"
    >
      <Link to={type === 'product' ? '/search' : '/search?tab=suppliers'}>
        <Button type="primary">{t(type === 'product' ? 'favorites.browseProducts' : 'favorites.browseSuppliers')}</Button>
      </Link>
    </Empty>
  );
}

export default function Favorites() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const type: FavoriteType = params.get('type') === 'supplier' ? 'supplier' : 'product';
  const folder = params.get('folder');
  const tag = params.get('tag');
  const q = params.get('q') ?? '';
  const [qInput, setQInput] = useState(q);
  const folders = useFavoriteFolders();
  const tags = useFavoriteTags();
  const set = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };
  const list = useInfiniteQuery({
    queryKey: [FAVORITES_KEY, 'list', type, folder, tag, q],
    queryFn: ({ pageParam }) => api<Page<Favorite>>('/favorites', { query: { type, folder, tag, q, cursor: pageParam, limit: 20 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // An empty folder on its own is not a filter result: it gets the same "how to save" hint.
  const filtered = Boolean(tag || q);

  return (
    <div data-testid="favorites-page">
      <div style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('favorites.title')}</Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('favorites.personalHint')}</Typography.Text>
      </div>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={7} lg={6}>
          {folders.data ? (
            <FolderPanel folders={folders.data} type={type} selected={folder} onSelect={(id) => set({ folder: id })} />
          ) : folders.error ? (
            <ProblemAlert error={folders.error} />
          ) : (
            <Card size="small"><Skeleton active paragraph={{ rows: 4 }} /></Card>
          )}
        </Col>
        <Col xs={24} md={17} lg={18} style={{ minWidth: 0 }}>
          <Card size="small" styles={{ body: { paddingTop: 0 } }}>
            <Tabs
              activeKey={type}
              onChange={(k) => set({ type: k === 'supplier' ? 'supplier' : null })}
              items={[
                { key: 'product', label: t('favorites.tabProducts') },
                { key: 'supplier', label: t('favorites.tabSuppliers') },
              ]}
              tabBarExtraContent={null}
              style={{ marginBottom: 0 }}
            />
            <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 8 }}>
              <Input.Search
                allowClear
                value={qInput}
                onChange={(e) => setQInput(e.target.value)}
                onSearch={(v) => set({ q: v.trim() || null })}
                placeholder={t('favorites.search')}
                style={{ flex: '1 1 220px', maxWidth: 360 }}
                data-testid="favorites-search"
              />
              <Select
                allowClear
                value={tag ?? undefined}
                onChange={(v: string | undefined) => set({ tag: v ?? null })}
                placeholder={t('favorites.tagFilter')}
                style={{ flex: '0 1 180px', minWidth: 140 }}
                options={(tags.data ?? []).map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` }))}
                data-testid="favorites-tag-filter"
              />
            </div>
            <ProblemAlert error={list.error} />
            {list.isPending ? (
              <Skeleton active avatar paragraph={{ rows: 4 }} />
            ) : items.length === 0 ? (
              <div style={{ padding: '32px 0' }}>
                <EmptyState type={type} filtered={filtered} onClear={() => { setQInput(''); set({ folder: null, tag: null, q: null }); }} />
              </div>
            ) : (
              <>
                <List
                  dataSource={items}
                  rowKey="id"
                  renderItem={(f) =>
                    f.product ? (
                      <ProductRow f={{ ...f, product: f.product }} folders={folders.data ?? []} />
                    ) : f.supplier ? (
                      <SupplierRow f={{ ...f, supplier: f.supplier }} folders={folders.data ?? []} />
                    ) : null
                  }
                />
                {list.hasNextPage && (
                  <div style={{ textAlign: 'center', marginTop: 8 }}>
                    <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('favorites.loadMore')}</Button>
                  </div>
                )}
              </>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
