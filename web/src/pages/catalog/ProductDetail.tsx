import { ClockCircleOutlined, EnvironmentOutlined, FireOutlined, ExperimentOutlined, FlagOutlined, PictureOutlined, ShopOutlined, StopOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Empty, InputNumber, Row, Skeleton, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Company } from '../../api.js';
import { api, ProblemError } from '../../api.js';
import { ContactSupplierButton } from '../../components/chat/ContactSupplierButton.js';
import { CompanyCard } from '../../components/CompanyCard.js';
import { ServiceMetrics } from '../../components/ServiceMetrics.js';
import { FavoriteButton } from '../../components/FavoriteButton.js';
import { InquiryButton } from '../../components/InquiryButton.js';
import { AddToPurchaseListButton } from '../../components/trade/AddToPurchaseList.js';
import { ProblemResult } from '../../components/Problem.js';
import { formatMoney } from '../../format.js';
import { currentLang } from '../../i18n/index.js';
import { useMe, useRegionName } from '../../session.js';
import { TakedownModal } from '../admin/TakedownModal.js';
import { ReviewList, ReviewTabLabel } from '../../components/trade/ReviewList.js';
import type { AttributeDefinition, PriceQuote, PriceTier, ProductImage, ProductView, Sku } from './model.js';
import { attributeName, formatQuantity, localizedName, productTitle, perUnitLabel, tierIndexFor, unitLabel, useAttributeText, useCategory, useDebounced } from './model.js';

const ORANGE = '#F25C05';

function Gallery({ images, title }: { images: ProductImage[]; title: string }) {
  const { t } = useTranslation();
  const [active, setActive] = useState(0);
  const current = images[active] ?? images[0];
  return (
    <div data-testid="gallery">
      <div style={{ aspectRatio: '1 / 1', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, overflow: 'hidden', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        {current ? (
          <img src={current.thumbnails['800'] ?? current.url} alt={title} style={{ width: '100%', height: '100%', objectFit: 'contain' }} data-testid="gallery-main" />
        ) : (
          <Space orientation="vertical" align="center" style={{ color: '#bfbfbf' }}>
            <PictureOutlined style={{ fontSize: 48 }} />
            {t('catalog.noImage')}
          </Space>
        )}
      </div>
      {images.length > 1 && (
        <div style={{ display: 'flex', gap: 8, marginTop: 8, overflowX: 'auto', paddingBottom: 4 }}>
          {images.map((img, i) => (
            <button
              key={img.fileId}
              type="button"
              onClick={() => setActive(i)}
              onMouseEnter={() => setActive(i)}
              aria-label={`${i + 1}`}
              data-testid="gallery-thumb"
              style={{ flex: '0 0 64px', height: 64, padding: 0, cursor: 'pointer', background: '#fff', border: `2px solid ${i === active ? ORANGE : '#f0f0f0'}`, borderRadius: 4, overflow: 'hidden' }}
            >
              <img src={img.thumbnails['160'] ?? img.url} alt="" style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** One column per quantity range, 1688-style; the range covering the entered quantity is highlighted. */
function TierTable({ tiers, unit, activeIndex }: { tiers: PriceTier[]; unit: string; activeIndex: number }) {
  const { t } = useTranslation();
  return (
    <div style={{ background: '#FFF7F0', borderRadius: 6, padding: '10px 12px' }} data-testid="tier-table">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('product.tiers')}</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(92px, 1fr))', gap: 6, marginTop: 6 }}>
        {tiers.map((tier, i) => {
          const next = tiers[i + 1];
          const active = i === activeIndex;
          return (
            <div
              key={tier.minQuantity}
              data-testid="tier-row"
              data-active={active ? 'true' : 'false'}
              data-min={tier.minQuantity}
              style={{ padding: '6px 8px', borderRadius: 4, border: `1px solid ${active ? ORANGE : 'transparent'}`, background: active ? '#fff' : 'transparent' }}
            >
              <div style={{ color: ORANGE, fontSize: 18, fontWeight: active ? 700 : 500, lineHeight: 1.3, whiteSpace: 'nowrap' }}>{formatMoney(tier.unitPrice)}</div>
              <div style={{ fontSize: 12, color: '#595959' }}>
                {next
                  ? t('catalog.tierRange', { from: tier.minQuantity, to: formatQuantity(next.minQuantity - (Number.isInteger(next.minQuantity) ? 1 : 0), unit) })
                  : t('catalog.tierFrom', { from: formatQuantity(tier.minQuantity, unit) })}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function skuLabel(sku: Sku, text: (key: string, value: string) => string): string {
  const parts = Object.entries(sku.attributes).map(([k, v]) => text(k, v));
  return parts.length ? parts.join(' / ') : (sku.code ?? '—');
}

function SkuPicker({ product, selected, onSelect, quantity, text }: { product: ProductView; selected: string | null; onSelect: (id: string) => void; quantity: number; text: (key: string, value: string) => string }) {
  const { t } = useTranslation();
  return (
    <div data-testid="sku-picker">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('product.sku')}</Typography.Text>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 4, maxHeight: 260, overflowY: 'auto' }}>
        {product.skus.map((sku) => {
          const tiers = sku.priceTiers?.length ? sku.priceTiers : product.priceTiers;
          const tier = tiers[Math.max(0, tierIndexFor(tiers, quantity))];
          const isSel = sku.id === selected;
          const out = sku.stock <= 0;
          return (
            <button
              key={sku.id}
              type="button"
              onClick={() => onSelect(sku.id)}
              data-testid="sku-option"
              data-sku-id={sku.id}
              data-selected={isSel ? 'true' : 'false'}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 12,
                padding: '6px 10px',
                textAlign: 'left',
                cursor: 'pointer',
                background: isSel ? '#FFF1E8' : '#fff',
                border: `1px solid ${isSel ? ORANGE : '#f0f0f0'}`,
                borderRadius: 4,
                opacity: out ? 0.6 : 1,
                font: 'inherit',
              }}
            >
              <span style={{ flex: 1, minWidth: 0, fontWeight: isSel ? 600 : 400 }}>{skuLabel(sku, text)}</span>
              <span style={{ color: ORANGE, whiteSpace: 'nowrap' }}>{tier ? formatMoney(tier.unitPrice) : ''}</span>
              <span style={{ fontSize: 12, color: out ? '#cf1322' : '#8c8c8c', whiteSpace: 'nowrap', minWidth: 80, textAlign: 'right' }} data-testid="sku-stock">
                {out ? t('product.outOfStock') : t('product.skuStock', { stock: formatQuantity(sku.stock, product.unit) })}
              </span>
            </button>
          );
        })}
      </div>
    </div>
  );
}

/** "Buy now": straight to checkout with the chosen SKU and quantity (at least the MOQ); sign-in first when needed. */
function OrderNowButton({ product, skuId, quantity }: { product: ProductView; skuId: string | null; quantity: number | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const ready = skuId !== null && quantity !== null && quantity >= product.moq;
  const target = ready ? `/workbench/checkout?product=${product.id}&items=${encodeURIComponent(`${skuId}:${quantity}`)}` : '';
  return (
    <Button type="primary" icon={<ThunderboltOutlined />} disabled={!ready || product.status !== 'published'} data-testid="order-now"
      onClick={() => void navigate(me ? target : `/login?next=${encodeURIComponent(target)}`)}>
      {t('product.orderNow')}
    </Button>
  );
}

function PricePanel({ product, attributes, onSelection }: { product: ProductView; attributes: AttributeDefinition[] | undefined; onSelection?: (s: { skuId: string | null; quantity: number | null }) => void }) {
  const { t } = useTranslation();
  const text = useAttributeText(attributes);
  const hasVariants = product.skus.length > 1 || product.skus.some((s) => Object.keys(s.attributes).length > 0);
  const [skuId, setSkuId] = useState<string | null>(() => (product.skus.find((s) => s.stock > 0) ?? product.skus[0])?.id ?? null);
  const [quantity, setQuantity] = useState<number | null>(product.moq);
  const sku = product.skus.find((s) => s.id === skuId) ?? null;
  useEffect(() => onSelection?.({ skuId, quantity }), [onSelection, skuId, quantity]);
  const tiers = sku?.priceTiers?.length ? sku.priceTiers : product.priceTiers;
  const activeIndex = quantity === null ? -1 : tierIndexFor(tiers, quantity);
  const debounced = useDebounced(quantity);
  const quote = useQuery({
    queryKey: ['price', product.id, skuId, debounced],
    queryFn: () => api<PriceQuote>(`/products/${product.id}/price`, { query: { sku: skuId ?? undefined, quantity: debounced ?? undefined } }),
    enabled: debounced !== null && debounced > 0,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const fresh = quote.data && !quote.isPlaceholderData;
  const problem = quote.error instanceof ProblemError ? quote.error.detail : quote.error ? String(quote.error) : null;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <TierTable tiers={tiers} unit={product.unit} activeIndex={activeIndex} />
      {hasVariants && <SkuPicker product={product} selected={skuId} onSelect={setSkuId} quantity={quantity ?? product.moq} text={text} />}
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('product.quantity')}</Typography.Text>
        <Space.Compact>
          <InputNumber
            min={0}
            value={quantity}
            onChange={(v) => setQuantity(typeof v === 'number' ? v : null)}
            style={{ width: 140 }}
            data-testid="quantity-input"
            aria-label={t('product.quantity')}
          />
          <Space.Addon>{unitLabel(product.unit)}</Space.Addon>
        </Space.Compact>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('catalog.moqValue', { qty: formatQuantity(product.moq, product.unit) })}
        </Typography.Text>
      </div>
      <div style={{ minHeight: 44 }} aria-live="polite">
        {quantity === null || quantity <= 0 ? (
          <Typography.Text type="secondary">{t('product.problemQuantity')}</Typography.Text>
        ) : problem && !quote.isFetching ? (
          <Alert type="warning" showIcon title={problem} data-testid="price-problem" />
        ) : quote.data ? (
          <Space size={24} wrap style={{ opacity: fresh ? 1 : 0.5 }} data-testid="price-quote" data-fresh={fresh ? 'true' : 'false'} data-quantity={quote.data.quantity} data-sku-id={quote.data.skuId}>
            <span>
              <Typography.Text type="secondary">{t('product.unitPrice')} </Typography.Text>
              <Typography.Text strong data-testid="price-unit">{formatMoney(quote.data.unitPrice, quote.data.currency)}</Typography.Text>
            </span>
            <span>
              <Typography.Text type="secondary">{t('product.total')} </Typography.Text>
              <Typography.Text strong style={{ color: ORANGE, fontSize: 22 }} data-testid="price-total">
                {formatMoney(quote.data.total, quote.data.currency)}
              </Typography.Text>
            </span>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('product.quoting')}</Typography.Text>
        )}
      </div>
    </Space>
  );
}

/** The product's recent sales (service metrics): shown once a company has paid for it in the last 90 days. */
function RecentSales({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const sales = useQuery({
    queryKey: ['product-sales', productId],
    queryFn: () => api<{ recentBuyers: number; recentOrders: number }>(`/products/${productId}/sales`),
    staleTime: 60_000,
  });
  if (!sales.data || sales.data.recentBuyers === 0) return null;
  return (
    <Tooltip title={t('catalog.recentSalesHint')}>
      <Typography.Text style={{ display: 'inline-block', fontSize: 13, color: '#595959', marginBottom: 8 }} data-testid="product-recent-sales">
        <FireOutlined style={{ color: '#F25C05', marginRight: 4 }} />
        {t('catalog.recentBuyers', { count: sales.data.recentBuyers })} · {t('catalog.recentOrders', { count: sales.data.recentOrders })}
      </Typography.Text>
    </Tooltip>
  );
}

function Facts({ product }: { product: ProductView }) {
  const { t } = useTranslation();
  const region = useRegionName();
  const icon = { marginInlineEnd: 4 };
  return (
    // No colon: antd's full-width "：" looks wrong in English, and the grey label reads as one in both languages.
    <Descriptions size="small" colon={false} column={{ xs: 1, sm: 2 }} styles={{ label: { color: '#8c8c8c', marginInlineEnd: 8 } }} data-testid="product-facts">
      <Descriptions.Item label={t('catalog.moq')}>{formatQuantity(product.moq, product.unit)}</Descriptions.Item>
      <Descriptions.Item label={t('catalog.unit')}>{t(`catalog.unitNames.${product.unit}`, { defaultValue: unitLabel(product.unit) })}</Descriptions.Item>
      <Descriptions.Item label={<><ClockCircleOutlined style={icon} />{t('catalog.leadTime')}</>}>
        <span data-testid="product-lead-time">{t('catalog.leadTimeDays', { count: product.leadTimeDays })}</span>
      </Descriptions.Item>
      <Descriptions.Item label={<><ExperimentOutlined style={icon} />{t('catalog.sample')}</>}>
        <span data-testid="product-sample">
          {product.sample
            ? t('catalog.sampleOffer', { price: formatMoney(product.sample.unitPrice), unit: perUnitLabel(product.unit), max: formatQuantity(product.sample.maxQuantity, product.unit) })
            : t('catalog.noSample')}
        </span>
      </Descriptions.Item>
      {product.origin && <Descriptions.Item label={<><FlagOutlined style={icon} />{t('catalog.origin')}</>}>{product.origin}</Descriptions.Item>}
      <Descriptions.Item label={<><EnvironmentOutlined style={icon} />{t('catalog.dispatch')}</>}>{region(product.dispatchProvince)}</Descriptions.Item>
    </Descriptions>
  );
}

function SupplierPanel({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const company = useQuery({ queryKey: ['company', companyId], queryFn: () => api<Company>(`/companies/${companyId}`), staleTime: 60_000 });
  return (
    <Card size="small" title={t('product.supplierCard')} data-testid="supplier-card">
      {company.isPending ? (
        <Skeleton active avatar />
      ) : company.error ? (
        <Typography.Text type="secondary">—</Typography.Text>
      ) : (
        <>
          <CompanyCard company={company.data} shopLink={false} />
          <ServiceMetrics companyId={companyId} size="small" style={{ marginTop: 8 }} />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 8 }} data-testid="supplier-since">
            {t('product.memberSince', { year: new Date(company.data.createdAt).getFullYear() })}
          </Typography.Text>
          <div style={{ marginTop: 8 }}>
            <FavoriteButton type="supplier" id={companyId} size="small" block />
          </div>
          <Row gutter={8} style={{ marginTop: 8 }}>
            <Col span={12}>
              <Link to={`/shop/${companyId}`}>
                <Button block type="primary" ghost icon={<ShopOutlined />} data-testid="supplier-shop">
                  {t('product.enterShop')}
                </Button>
              </Link>
            </Col>
            <Col span={12}>
              <Link to={`/companies/${companyId}`}>
                <Button block data-testid="supplier-profile">{t('product.viewSupplier')}</Button>
              </Link>
            </Col>
          </Row>
        </>
      )}
    </Card>
  );
}

function AttributesTable({ product, attributes }: { product: ProductView; attributes: AttributeDefinition[] | undefined }) {
  const { t } = useTranslation();
  const text = useAttributeText(attributes);
  const rows = useMemo(() => {
    const defs = attributes ?? [];
    const out: Array<{ key: string; label: string; value: string }> = [];
    for (const def of defs) {
      if (def.definesSku) {
        const values = [...new Set(product.skus.map((s) => s.attributes[def.key]).filter((v): v is string => typeof v === 'string'))];
        if (values.length) out.push({ key: def.key, label: attributeName(def), value: values.map((v) => text(def.key, v)).join(currentLang() === 'en-US' ? ', ' : '、') });
      } else {
        const v = product.attributes[def.key];
        if (v !== undefined && v !== null && v !== '') out.push({ key: def.key, label: attributeName(def), value: text(def.key, v) });
      }
    }
    // Values the template no longer names (it changed since) are still facts about the product.
    for (const [k, v] of Object.entries(product.attributes)) {
      if (!defs.some((d) => d.key === k)) out.push({ key: k, label: k, value: text(k, v) });
    }
    return out;
  }, [attributes, product, text]);
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="attributes-table">
      {rows.map((r) => (
        <Descriptions.Item key={r.key} label={r.label}>
          {r.value}
        </Descriptions.Item>
      ))}
      <Descriptions.Item label={t('catalog.unit')}>{unitLabel(product.unit)}</Descriptions.Item>
    </Descriptions>
  );
}

export default function ProductDetail() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const product = useQuery({ queryKey: ['product', id], queryFn: () => api<ProductView>(`/products/${id}`) });
  const { data: me } = useMe();
  const [takingDown, setTakingDown] = useState(false);
  const [selection, setSelection] = useState<{ skuId: string | null; quantity: number | null }>({ skuId: null, quantity: null });
  const category = useCategory(product.data?.categoryId);
  const title = product.data ? productTitle(product.data) : '';
  useEffect(() => {
    if (title) document.title = `${title} · ${i18n.language === 'en-US' ? 'Tongshang' : '通商'}`;
  }, [title, i18n.language]);
  if (product.isPending) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  if (product.error) return <ProblemResult error={product.error} onRetry={() => void product.refetch()} />;
  const p = product.data;
  const en = i18n.language === 'en-US';
  const secondary = en ? (p.titleEn ? p.titleZh : null) : p.titleEn;
  const description = en && p.descriptionEn ? p.descriptionEn : p.descriptionZh;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="product-detail" data-product-id={p.id}>
      <Breadcrumb
        data-testid="product-breadcrumb"
        items={[
          { title: <Link to="/">{t('common.home')}</Link> },
          ...p.categoryPath.map((c) => ({ title: <Link to={`/c/${c.id}`}>{localizedName(c)}</Link> })),
        ]}
      />
      {p.status !== 'published' && (
        <Alert
          type={p.takedown ? 'error' : 'info'}
          showIcon
          title={p.takedown ? t('product.takenDown', { reason: p.takedown.reason }) : t('product.notPublished')}
          action={<Tag>{t(`catalog.status.${p.status}`)}</Tag>}
        />
      )}
      {me?.user.isOperator && p.status === 'published' && (
        <Alert
          type="warning"
          title={t('adminCatalog.operatorBar')}
          action={
            <Button danger size="small" icon={<StopOutlined />} onClick={() => setTakingDown(true)} data-testid="product-takedown">
              {t('adminCatalog.takeDown')}
            </Button>
          }
          data-testid="operator-bar"
        />
      )}
      <TakedownModal product={{ id: p.id, title }} open={takingDown} onClose={() => setTakingDown(false)} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={18} style={{ minWidth: 0 }}>
          <Card styles={{ body: { padding: 16 } }}>
            <Row gutter={[24, 16]}>
              <Col xs={24} md={10}>
                <Gallery images={p.images} title={title} />
              </Col>
              <Col xs={24} md={14}>
                <Typography.Title level={3} style={{ marginTop: 0, marginBottom: secondary ? 0 : 12, fontSize: 22 }} data-testid="product-title">
                  {title}
                </Typography.Title>
                {secondary && (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
                    {secondary}
                  </Typography.Paragraph>
                )}
                {p.status === 'published' && <RecentSales productId={p.id} />}
                <PricePanel key={p.id} product={p} attributes={category.data?.attributes} onSelection={setSelection} />
                <div style={{ marginTop: 12 }}>
                  <Facts product={p} />
                </div>
                <Space wrap style={{ marginTop: 12 }}>
                  {!me?.companies.some((c) => c.id === p.companyId) && <OrderNowButton product={p} skuId={selection.skuId} quantity={selection.quantity} />}
                  <AddToPurchaseListButton product={p} skuId={selection.skuId} quantity={selection.quantity} />
                  {/* A supplier's own members neither ask nor bookmark their own listing. */}
                  {!me?.companies.some((c) => c.id === p.companyId) && (
                    <>
                      <InquiryButton productId={p.id} />
                      <ContactSupplierButton supplierCompanyId={p.companyId} productId={p.id} />
                      <FavoriteButton type="product" id={p.id} />
                    </>
                  )}
                </Space>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 6 }} data-testid="order-note">
                  {t('product.orderNote')}
                </Typography.Text>
              </Col>
            </Row>
          </Card>
          <Card styles={{ body: { paddingTop: 4 } }} style={{ marginTop: 12 }}>
            <Tabs
              items={[
                { key: 'attributes', label: t('product.attributes'), children: <AttributesTable product={p} attributes={category.data?.attributes} /> },
                {
                  key: 'description',
                  label: t('product.description'),
                  children: description ? (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="product-description">
                      {description}
                    </Typography.Paragraph>
                  ) : (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('product.noDescription')} />
                  ),
                },
                { key: 'reviews', label: <ReviewTabLabel productId={p.id} />, children: <ReviewList productId={p.id} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={6}>
          <SupplierPanel companyId={p.companyId} />
        </Col>
      </Row>
    </Space>
  );
}
