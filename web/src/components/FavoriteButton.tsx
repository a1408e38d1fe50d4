import { HeartFilled, HeartOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Divider, Input, Popover, Select, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, problemDetail } from '../api.js';
import '../i18n/favorites.js';
import { useMe } from '../session.js';

// ---------------------------------------------------------------------------------------------------------
// The favorites API's shapes and shared queries (the favorites page uses them too)

export type FavoriteType = 'product' | 'supplier';
export interface FavoriteAlerts { priceDrop: boolean; backInStock: boolean }
export interface FavoriteFolder { id: string; name: string; isDefault: boolean; counts: { product: number; supplier: number }; createdAt: string }
export interface FavoriteProduct {
  productId: string; companyId: string; titleZh: string; titleEn: string | null; coverUrl: string | null; thumbnailUrl: string | null; unit: string | null;
  availability: 'available' | 'unavailable' | 'gone';
  then: { unitPrice: number | null; quantity: number | null; stock: number | null };
  now: { unitPrice: number | null; quantity: number | null; moq: number | null; stock: number | null };
  change: { price: number | null; priceDirection: 'down' | 'up' | 'same' | null; stock: number | null; backInStock: boolean };
}
export interface FavoriteSupplier {
  companyId: string;
  then: { name: string; nameEn: string | null };
  now: { legalName: string; nameEn: string | null; logoUrl: string | null; province: string; city: string; mainProducts: string[] } | null;
  availability: 'available' | 'gone';
}
export interface Favorite {
  id: string; type: FavoriteType; folderId: string; note: string; tags: string[]; alerts: FavoriteAlerts; savedAt: string; updatedAt: string;
  product: FavoriteProduct | null; supplier: FavoriteSupplier | null;
}
export interface SavedState { favoriteId: string; folderId: string; alerts: FavoriteAlerts }
interface StatusView {
  products: Array<SavedState & { productId: string }>;
  suppliers: Array<SavedState & { companyId: string }>;
}

export const FAVORITES_KEY = 'favorites';

export function useFavoriteFolders(enabled = true) {
  return useQuery({
    queryKey: [FAVORITES_KEY, 'folders'],
    queryFn: () => api<{ items: FavoriteFolder[] }>('/favorites/folders').then((r) => r.items),
    enabled,
    staleTime: 30_000,
  });
}

export function useFavoriteTags(enabled = true) {
  return useQuery({
    queryKey: [FAVORITES_KEY, 'tags'],
    queryFn: () => api<{ items: Array<{ tag: string; count: number }> }>('/favorites/tags').then((r) => r.items),
    enabled,
    staleTime: 30_000,
  });
}

/**
 * Saved states are asked for in batches: every button rendered in the same tick (a page of search cards) shares one
 * GET /favorites/status request.
 */
interface Waiting { type: FavoriteType; id: string; resolve: (s: SavedState | null) => void; reject: (e: unknown) => void }
let waiting: Waiting[] = [];
let flushTimer: ReturnType<typeof setTimeout> | null = null;

async function flushStatus(): Promise<void> {
  const batch = waiting;
  waiting = [];
  flushTimer = null;
  for (let i = 0; i < batch.length; i += 100) {
    const chunk = batch.slice(i, i + 100);
    const ids = (type: FavoriteType) => [...new Set(chunk.filter((w) => w.type === type).map((w) => w.id))].join(',');
    try {
      const status = await api<StatusView>('/favorites/status', { query: { productIds: ids('product'), companyIds: ids('supplier') } });
      for (const w of chunk) {
        const found = w.type === 'product' ? status.products.find((p) => p.productId === w.id) : status.suppliers.find((s) => s.companyId === w.id);
        w.resolve(found ? { favoriteId: found.favoriteId, folderId: found.folderId, alerts: found.alerts } : null);
      }
    } catch (err) {
      for (const w of chunk) w.reject(err);
    }
  }
}

function savedStateOf(type: FavoriteType, id: string): Promise<SavedState | null> {
  return new Promise((resolve, reject) => {
    waiting.push({ type, id, resolve, reject });
    flushTimer ??= setTimeout(() => void flushStatus(), 0);
  });
}

export function useSavedState(type: FavoriteType, id: string, enabled: boolean) {
  return useQuery({ queryKey: [FAVORITES_KEY, 'status', type, id], queryFn: () => savedStateOf(type, id), enabled, staleTime: 60_000 });
}

// ---------------------------------------------------------------------------------------------------------
// The button

export interface FavoriteButtonProps {
  type: FavoriteType;
  /** A product id (type product) or a company id (type supplier). */
  id: string;
  size?: 'small' | 'middle' | 'large';
  /** Icon only (for dense cards); the label shows in the tooltip-like aria-label. */
  iconOnly?: boolean;
  block?: boolean;
}

const SAVED_COLOR = '#F25C05';

/**
 * ♡ Save a product or a supplier: shows whether the signed-in user saved it, and opens a small popover to choose the
 * folder, note, tags and (products) alerts. Signed out, it offers to sign in.
 */
export function FavoriteButton({ type, id, size = 'middle', iconOnly = false, block = false }: FavoriteButtonProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const signedIn = Boolean(me);
  const saved = useSavedState(type, id, signedIn);
  const [open, setOpen] = useState(false);
  const isSaved = Boolean(saved.data);
  const label = isSaved ? t('favorites.savedState') : type === 'product' ? t('favorites.saveProduct') : t('favorites.saveSupplier');
  const button = (
    <Button
      size={size}
      block={block}
      icon={isSaved ? <HeartFilled style={{ color: SAVED_COLOR }} /> : <HeartOutlined />}
      aria-label={label}
      aria-pressed={isSaved}
      title={iconOnly ? label : undefined}
      loading={signedIn && saved.isPending}
      data-testid={`favorite-${type}`}
      // Only once known (signed in, status loaded): a click while it loads is ignored by the loading button.
      data-saved={signedIn && !saved.isPending ? String(isSaved) : undefined}
      onClick={(e) => {
        // Inside a card that is a link, the click saves; it does not open the card.
        e.preventDefault();
        e.stopPropagation();
      }}
      style={isSaved ? { borderColor: SAVED_COLOR, color: SAVED_COLOR } : undefined}
    >
      {iconOnly ? null : label}
    </Button>
  );
  return (
    <span style={{ display: block ? 'block' : 'inline-block' }}>
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        placement="bottomRight"
        destroyOnHidden
        title={signedIn ? (isSaved ? t('favorites.editSaved') : label) : t('favorites.signInTitle')}
        content={
          // The popover renders in a portal, but React still bubbles its clicks to the button's ancestors (a card link).
          <div onClick={(e) => e.stopPropagation()}>
            {signedIn ? <FavoriteForm type={type} id={id} saved={saved.data ?? null} onDone={() => setOpen(false)} /> : <SignInPrompt />}
          </div>
        }
      >
        {button}
      </Popover>
    </span>
  );
}

function SignInPrompt() {
  const { t } = useTranslation();
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <div style={{ maxWidth: 260 }} data-testid="favorite-sign-in">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>{t('favorites.signInText')}</Typography.Paragraph>
      <Space>
        <Link to={`/login?next=${next}`}><Button type="primary" size="small">{t('favorites.signIn')}</Button></Link>
        <Link to={`/register?next=${next}`}><Button size="small">{t('favorites.register')}</Button></Link>
      </Space>
    </div>
  );
}

function FavoriteForm({ type, id, saved, onDone }: { type: FavoriteType; id: string; saved: SavedState | null; onDone: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const folders = useFavoriteFolders();
  const tagOptions = useFavoriteTags();
  const existing = useQuery({
    queryKey: [FAVORITES_KEY, 'item', saved?.favoriteId],
    queryFn: () => api<Favorite>(`/favorites/${saved!.favoriteId}`),
    enabled: Boolean(saved),
  });
  if (!folders.data || (saved && !existing.data)) {
    return <div style={{ width: 280 }}><Skeleton active paragraph={{ rows: 3 }} title={false} /></div>;
  }
  const defaultFolder = folders.data.find((f) => f.isDefault)!;
  return (
    <FavoriteFormFields
      type={type}
      id={id}
      folders={folders.data}
      tagOptions={tagOptions.data?.map((x) => x.tag) ?? []}
      initial={existing.data ?? null}
      defaultFolderId={defaultFolder.id}
      onSaved={async (msg) => {
        message.success(msg);
        await qc.invalidateQueries({ queryKey: [FAVORITES_KEY] });
        onDone();
      }}
      onError={(e) => message.error(problemDetail(e))}
    />
  );
}

function FavoriteFormFields(props: {
  type: FavoriteType; id: string; folders: FavoriteFolder[]; tagOptions: string[]; initial: Favorite | null; defaultFolderId: string;
  onSaved: (msg: string) => Promise<void>; onError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { type, id, initial } = props;
  const [folderId, setFolderId] = useState(initial?.folderId ?? props.defaultFolderId);
  const [note, setNote] = useState(initial?.note ?? '');
  const [tags, setTags] = useState<string[]>(initial?.tags ?? []);
  const [alerts, setAlerts] = useState<FavoriteAlerts>(initial?.alerts ?? { priceDrop: type === 'product', backInStock: false });
  const [newFolder, setNewFolder] = useState('');
  const createFolder = useMutation({
    mutationFn: (name: string) => api<FavoriteFolder>('/favorites/folders', { method: 'POST', body: { name } }),
    onSuccess: async (f) => {
      setFolderId(f.id);
      setNewFolder('');
      await qc.invalidateQueries({ queryKey: [FAVORITES_KEY, 'folders'] });
    },
    onError: props.onError,
  });
  const save = useMutation({
    mutationFn: () => api<Favorite>('/favorites', {
      method: 'POST',
      body: { type, ...(type === 'product' ? { productId: id } : { companyId: id }), folderId, note, tags, ...(type === 'product' ? { alerts } : {}) },
    }),
    onSuccess: () => props.onSaved(initial ? t('favorites.updated') : t('favorites.saved')),
    onError: props.onError,
  });
  const remove = useMutation({
    mutationFn: () => api(`/favorites/${initial!.id}`, { method: 'DELETE' }),
    onSuccess: () => props.onSaved(t('favorites.removed')),
    onError: props.onError,
  });
  return (
    <div style={{ width: 290, maxWidth: 'calc(100vw - 48px)' }} data-testid="favorite-form">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('favorites.folder')}</Typography.Text>
      <Select
        style={{ width: '100%', marginBottom: 8 }}
        value={folderId}
        onChange={setFolderId}
        data-testid="favorite-folder"
        options={props.folders.map((f) => ({ value: f.id, label: f.name }))}
        popupRender={(menu) => (
          <>
            {menu}
            <Divider style={{ margin: '6px 0' }} />
            <Space.Compact style={{ width: '100%', padding: '0 6px 4px' }}>
              <Input
                size="small"
                placeholder={t('favorites.newFolder')}
                value={newFolder}
                maxLength={40}
                onChange={(e) => setNewFolder(e.target.value)}
                onKeyDown={(e) => e.stopPropagation()}
              />
              <Button size="small" icon={<PlusOutlined />} loading={createFolder.isPending} disabled={!newFolder.trim()} onClick={() => createFolder.mutate(newFolder.trim())} />
            </Space.Compact>
          </>
        )}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('favorites.note')}</Typography.Text>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={500}
        autoSize={{ minRows: 2, maxRows: 4 }}
        placeholder={t('favorites.notePlaceholder')}
        style={{ marginBottom: 8 }}
        data-testid="favorite-note"
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('favorites.tags')}</Typography.Text>
      <Select
        mode="tags"
        style={{ width: '100%', marginBottom: 8 }}
        value={tags}
        onChange={(v: string[]) => setTags(v.map((x) => x.trim()).filter(Boolean).slice(0, 10))}
        tokenSeparators={[',', ',']}
        placeholder={t('favorites.tagsPlaceholder')}
        options={props.tagOptions.map((x) => ({ value: x, label: x }))}
        maxTagTextLength={20}
        data-testid="favorite-tags"
      />
      {type === 'product' && (
        <div style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{t('favorites.alerts')}</Typography.Text>
          <Checkbox checked={alerts.priceDrop} onChange={(e) => setAlerts({ ...alerts, priceDrop: e.target.checked })} data-testid="favorite-alert-price">
            {t('favorites.alertPriceDrop')}
          </Checkbox>
          <Checkbox checked={alerts.backInStock} onChange={(e) => setAlerts({ ...alerts, backInStock: e.target.checked })} data-testid="favorite-alert-stock">
            {t('favorites.alertBackInStock')}
          </Checkbox>
        </div>
      )}
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        {initial ? (
          <Button danger type="text" size="small" loading={remove.isPending} onClick={() => remove.mutate()} data-testid="favorite-remove">
            {t('favorites.remove')}
          </Button>
        ) : <span />}
        <Button type="primary" size="small" loading={save.isPending} onClick={() => save.mutate()} data-testid="favorite-save">
          {t('favorites.confirmSave')}
        </Button>
      </Space>
    </div>
  );
}
