import { EditOutlined, EnvironmentOutlined, IdcardOutlined, MailOutlined, PhoneOutlined, PictureOutlined, SafetyCertificateOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, Grid, Image, Input, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Page } from '../../api.js';
import { api } from '../../api.js';
import { CompanyLogo } from '../../components/CompanyCard.js';
import { ProblemResult } from '../../components/Problem.js';
import { TrustMarks } from '../../components/TrustMarks.js';
import { ServiceMetrics } from '../../components/ServiceMetrics.js';
import { ContactSupplierButton } from '../../components/chat/ContactSupplierButton.js';
import { FavoriteButton } from '../../components/FavoriteButton.js';
import { InquiryButton } from '../../components/InquiryButton.js';
import { ReviewList, ReviewStars } from '../../components/trade/ReviewList.js';
import { companyDisplayName, companySecondaryName, formatDate, formatMoney } from '../../format.js';
import { currentLang } from '../../i18n/index.js';
import '../../i18n/storefront.js';
import { useMe } from '../../session.js';
import { formatQuantity, localizedName, productTitle, useDebounced } from '../catalog/model.js';
import type { ProductSummary, PublicSection, ShopCategory, ShopView } from './model.js';

const PRODUCTS_ANCHOR = 'shop-products';

function scrollToId(id: string) {
  document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

/** A product card inside the seller's own shop: no supplier line, the price range and MOQ. */
export function ShopProductCard({ product }: { product: ProductSummary }) {
  const { t } = useTranslation();
  const title = productTitle(product);
  const prices = product.priceTiers.map((x) => x.unitPrice);
  const lo = prices.length ? Math.min(...prices) : null;
  const hi = prices.length ? Math.max(...prices) : null;
  const cover = product.thumbnails?.['400'] ?? product.coverUrl;
  return (
    <Link to={`/products/${product.id}`} style={{ display: 'block', height: '100%' }} data-testid="shop-product-card" data-product-id={product.id}>
      <Card
        hoverable
        size="small"
        style={{ height: '100%' }}
        styles={{ body: { padding: 10 } }}
        cover={
          <div style={{ aspectRatio: '1 / 1', background: '#fafafa', display: 'flex', alignItems: 'center', justifyContent: 'center', overflow: 'hidden' }}>
            {cover ? <img src={cover} alt="" loading="lazy" style={{ width: '100%', height: '100%', objectFit: 'cover' }} /> : <PictureOutlined style={{ fontSize: 36, color: '#d9d9d9' }} />}
          </div>
        }
      >
        <div style={{ fontSize: 13, lineHeight: '19px', height: 38, overflow: 'hidden', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', color: '#262626' }} title={title}>
          {title}
        </div>
        <div style={{ marginTop: 6, color: '#F25C05', fontSize: 16, fontWeight: 600 }}>
          {lo === null ? '—' : lo === hi ? formatMoney(lo) : t('shop.priceFrom', { price: formatMoney(lo) })}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          {t('shop.moq', { qty: formatQuantity(product.moq, product.unit) })}
        </Typography.Text>
        {(product.recentBuyers ?? 0) > 0 && (
          <Typography.Text style={{ fontSize: 12, display: 'block', color: '#595959' }} data-testid="shop-product-recent-buyers">
            {t('catalog.recentBuyers', { count: product.recentBuyers })}
          </Typography.Text>
        )}
      </Card>
    </Link>
  );
}

function ProductGrid({ products }: { products: ProductSummary[] }) {
  return (
    <Row gutter={[12, 12]}>
      {products.map((p) => (
        <Col key={p.id} xs={12} sm={8} md={6} lg={4}>
          <ShopProductCard product={p} />
        </Col>
      ))}
    </Row>
  );
}

function ShopHeader({ shop }: { shop: ShopView }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { data: me } = useMe();
  const c = shop.company;
  const secondary = companySecondaryName(c);
  const role = me?.companies.find((m) => m.id === c.id)?.role;
  const canEdit = role === 'owner' || role === 'admin';
  const color = shop.themeColor;
  return (
    <div data-testid="shop-header" style={{ background: `linear-gradient(90deg, ${color} 0%, ${color}cc 100%)`, borderRadius: 8, padding: screens.md ? '20px 24px' : '14px 12px' }}>
      <Row gutter={[16, 12]} align="middle" wrap>
        <Col flex="none">
          <div style={{ background: '#fff', borderRadius: 8, padding: 4 }}>
            <CompanyLogo company={c} size={screens.md ? 72 : 56} />
          </div>
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <Typography.Title level={1} style={{ color: '#fff', margin: 0, fontSize: screens.md ? 24 : 19, lineHeight: 1.3 }} data-testid="shop-name">
            {companyDisplayName(c)}
          </Typography.Title>
          {secondary && <div style={{ color: 'rgba(255,255,255,0.85)', fontSize: 12 }}>{secondary}</div>}
          <div style={{ marginTop: 8, background: 'rgba(255,255,255,0.92)', borderRadius: 6, padding: '4px 6px', display: 'inline-block', maxWidth: '100%' }}>
            {/* Verified, grade, TrustPass years, response rate, type and region. */}
            <TrustMarks company={{ id: c.id, companyType: c.companyType, province: c.province, city: c.city }} size="small" />
          </div>
          <div>
            <ServiceMetrics companyId={c.id} size="small" style={{ marginTop: 6, background: 'rgba(255,255,255,0.92)', borderRadius: 6, padding: '4px 6px', maxWidth: '100%' }} />
          </div>
          {c.mainProducts.length > 0 && (
            <div style={{ color: '#fff', marginTop: 8, fontSize: 13 }} data-testid="shop-main-products">
              {t('shop.labelled', { label: t('shop.mainProducts'), value: c.mainProducts.join(' · ') })}
            </div>
          )}
          <div style={{ color: 'rgba(255,255,255,0.85)', marginTop: 4, fontSize: 12 }} data-testid="shop-stats">
            {t('shop.productCount', { count: shop.productCount })}
          </div>
          <div style={{ marginTop: 4 }}>
            <ReviewStars companyId={c.id} onColor onClick={() => scrollToId('shop-reviews')} />
          </div>
        </Col>
        <Col flex="none">
          <Space wrap>
            {/* White on the shop colour: a primary (orange) button would vanish into the header. */}
            {!canEdit && <ContactSupplierButton supplierCompanyId={c.id} />}
            {!canEdit && <InquiryButton companyId={c.id} />}
            {!canEdit && <FavoriteButton type="supplier" id={c.id} />}
            <Link to={`/companies/${c.id}`}>
              <Button icon={<IdcardOutlined />} data-testid="shop-company-profile">{t('shop.moreAboutCompany')}</Button>
            </Link>
            {canEdit && (
              <Link to="/workbench/storefront">
                <Button icon={<EditOutlined />} data-testid="shop-edit">{t('shop.editShop')}</Button>
              </Link>
            )}
          </Space>
        </Col>
      </Row>
    </div>
  );
}

function ShopNav({ shop }: { shop: ShopView }) {
  const { t } = useTranslation();
  const profile = shop.sections.find((s) => s.type === 'company_profile');
  const contact = shop.sections.find((s) => s.type === 'contact_card');
  const items: Array<{ key: string; label: string; target: string }> = [
    { key: 'home', label: t('shop.navHome'), target: 'shop-top' },
    { key: 'products', label: t('shop.navProducts'), target: PRODUCTS_ANCHOR },
    ...(profile ? [{ key: 'profile', label: t('shop.navProfile'), target: `section-${profile.id}` }] : []),
    ...(contact ? [{ key: 'contact', label: t('shop.navContact'), target: `section-${contact.id}` }] : []),
  ];
  return (
    <div data-testid="shop-nav" style={{ display: 'flex', gap: 4, overflowX: 'auto', background: '#fff', borderRadius: 8, padding: '4px 8px', margin: '12px 0', border: '1px solid #f0f0f0' }}>
      {items.map((i) => (
        <Button key={i.key} type="text" onClick={() => scrollToId(i.target)} data-testid={`shop-nav-${i.key}`} style={{ flex: 'none' }}>
          {i.label}
        </Button>
      ))}
    </div>
  );
}

function SectionCard({ id, title, children, testId }: { id: string; title?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Card id={`section-${id}`} title={title} size="small" style={{ marginBottom: 12, scrollMarginTop: 12 }} data-testid={testId}>
      {children}
    </Card>
  );
}

function SectionView({ section, themeColor, onCategory }: { section: PublicSection; themeColor: string; onCategory: (id: string) => void }) {
  const { t } = useTranslation();
  const en = currentLang() === 'en-US';
  switch (section.type) {
    case 'banner': {
      const headline = en ? section.data.headlineEn || section.data.headlineZh : section.data.headlineZh || section.data.headlineEn;
      return (
        <div
          id={`section-${section.id}`}
          data-testid="shop-section-banner"
          style={{
            position: 'relative', borderRadius: 8, overflow: 'hidden', marginBottom: 12, height: section.data.imageUrl ? 'clamp(120px, 25vw, 300px)' : undefined, minHeight: 120,
            background: section.data.imageUrl ? `#eee url(${section.data.imageUrl}) center / cover no-repeat` : `linear-gradient(120deg, ${themeColor} 0%, ${themeColor}99 100%)`,
            display: 'flex', alignItems: 'flex-end',
          }}
        >
          {headline && (
            <div style={{ width: '100%', padding: '14px 18px', background: section.data.imageUrl ? 'linear-gradient(0deg, rgba(0,0,0,0.55) 0%, rgba(0,0,0,0) 100%)' : 'transparent' }}>
              <Typography.Title level={2} style={{ color: '#fff', margin: 0, fontSize: 22, textShadow: '0 1px 3px rgba(0,0,0,0.35)' }}>{headline}</Typography.Title>
            </div>
          )}
        </div>
      );
    }
    case 'featured_products':
      return (
        <SectionCard id={section.id} testId="shop-section-featured" title={section.data.auto ? t('shop.featuredAuto') : t('shop.featured')}>
          <ProductGrid products={section.data.products} />
        </SectionCard>
      );
    case 'shop_categories':
      return (
        <SectionCard id={section.id} testId="shop-section-categories" title={t('shop.categories')}>
          <Space size={[8, 8]} wrap>
            {section.data.categories.map((c) => (
              <Tag key={c.categoryId} style={{ cursor: 'pointer', padding: '4px 10px', fontSize: 13 }} onClick={() => onCategory(c.categoryId)} data-testid="shop-category-chip">
                {localizedName(c)} <Typography.Text type="secondary" style={{ fontSize: 12 }}>({c.count})</Typography.Text>
              </Tag>
            ))}
          </Space>
        </SectionCard>
      );
    case 'company_profile': {
      const text = en ? section.data.textEn || section.data.textZh : section.data.textZh || section.data.textEn;
      return (
        <SectionCard id={section.id} testId="shop-section-profile" title={t('shop.companyProfile')}>
          {text && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: section.data.photos.length ? 12 : 0 }}>{text}</Typography.Paragraph>}
          {section.data.photos.length > 0 && (
            <Image.PreviewGroup>
              <Row gutter={[8, 8]}>
                {section.data.photos.map((p) => (
                  <Col key={p.fileId} xs={12} sm={8} md={6}>
                    <Image src={p.thumbnails['400'] ?? p.url} preview={{ src: p.url }} alt="" width="100%" style={{ aspectRatio: '4 / 3', objectFit: 'cover', borderRadius: 6 }} />
                  </Col>
                ))}
              </Row>
            </Image.PreviewGroup>
          )}
        </SectionCard>
      );
    }
    case 'certificates':
      return (
        <SectionCard id={section.id} testId="shop-section-certificates" title={<Space><SafetyCertificateOutlined style={{ color: '#1A7F37' }} />{t('shop.certificates')}</Space>}>
          <Row gutter={[12, 12]}>
            {section.data.items.map((c, i) => (
              <Col key={`${c.name}-${i}`} xs={12} sm={12} md={8} lg={6}>
                <Card size="small" style={{ height: '100%' }} data-testid="shop-certificate">
                  {c.imageUrl && <Image src={c.thumbnailUrl ?? c.imageUrl} preview={{ src: c.imageUrl }} alt="" width="100%" style={{ aspectRatio: '4 / 3', objectFit: 'contain', background: '#fafafa', marginBottom: 8 }} />}
                  <Typography.Text strong style={{ display: 'block' }}>{c.name}</Typography.Text>
                  {c.issuer && <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{t('shop.labelled', { label: t('shop.issuer'), value: c.issuer })}</Typography.Text>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('shop.labelled', { label: t('shop.validUntil'), value: c.validUntil ? formatDate(c.validUntil) : t('shop.noExpiry') })}
                  </Typography.Text>
                  {c.expired && <Tag color="default" style={{ marginInlineStart: 6 }}>{t('shop.expired')}</Tag>}
                </Card>
              </Col>
            ))}
          </Row>
        </SectionCard>
      );
    case 'contact_card':
      return (
        <SectionCard id={section.id} testId="shop-section-contact" title={t('shop.contact')}>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            {section.data.contactName && <Descriptions.Item label={<><UserOutlined /> {t('shop.contactName')}</>}>{section.data.contactName}</Descriptions.Item>}
            {section.data.phone && <Descriptions.Item label={<><PhoneOutlined /> {t('shop.phone')}</>}><a href={`tel:${section.data.phone.replace(/[^0-9+]/g, '')}`}>{section.data.phone}</a></Descriptions.Item>}
            {section.data.email && <Descriptions.Item label={<><MailOutlined /> {t('shop.email')}</>}><a href={`mailto:${section.data.email}`}>{section.data.email}</a></Descriptions.Item>}
            {section.data.address && <Descriptions.Item label={<><EnvironmentOutlined /> {t('shop.address')}</>}>{section.data.address}</Descriptions.Item>}
          </Descriptions>
        </SectionCard>
      );
  }
}

function ShopSearch({ shop, categoryId, setCategoryId }: { shop: ShopView; categoryId: string | undefined; setCategoryId: (id: string | undefined) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim(), 300);
  const results = useInfiniteQuery({
    queryKey: ['shop-products', shop.slug, debounced, categoryId ?? ''],
    queryFn: ({ pageParam }) => api<Page<ProductSummary>>(`/shops/${encodeURIComponent(shop.slug)}/products`, { query: { q: debounced, categoryId, cursor: pageParam, limit: 24 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(debounced || categoryId);
  return (
    <Card id={PRODUCTS_ANCHOR} size="small" title={t('shop.navProducts')} style={{ marginBottom: 12, scrollMarginTop: 12 }} data-testid="shop-search">
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={14}>
          <Input allowClear prefix={<SearchOutlined />} placeholder={t('shop.searchPlaceholder')} value={q} onChange={(e) => setQ(e.target.value)} data-testid="shop-search-input" aria-label={t('shop.searchInShop')} />
        </Col>
        <Col xs={24} md={10}>
          <Select<string>
            allowClear
            style={{ width: '100%' }}
            placeholder={t('shop.allCategories')}
            value={categoryId}
            onChange={(v) => setCategoryId(v)}
            data-testid="shop-search-category"
            options={shop.shopCategories.map((c: ShopCategory) => ({ value: c.categoryId, label: `${localizedName(c)} (${c.count})` }))}
          />
        </Col>
      </Row>
      {results.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('shop.noMatches') : t('shop.noProducts')} data-testid="shop-search-empty" />
      ) : (
        <>
          <div data-testid="shop-search-results">
            <ProductGrid products={items} />
          </div>
          {results.hasNextPage && (
            <div style={{ textAlign: 'center', marginTop: 12 }}>
              <Button onClick={() => void results.fetchNextPage()} loading={results.isFetchingNextPage} data-testid="shop-search-more">{t('shop.loadMore')}</Button>
            </div>
          )}
        </>
      )}
    </Card>
  );
}

export default function ShopPage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [categoryId, setCategoryId] = useState<string | undefined>(undefined);
  const q = useQuery({ queryKey: ['shop', slug], queryFn: () => api<ShopView>(`/shops/${encodeURIComponent(slug)}`) });
  const shop = q.data;

  // Reached by company id (links from company cards): show the canonical address, with the shop already in the cache
  // under it (otherwise the page would flash back to a skeleton and fetch it again).
  useEffect(() => {
    if (!shop || shop.slug === slug) return;
    qc.setQueryData(['shop', shop.slug], shop);
    void navigate(`/shop/${shop.slug}`, { replace: true });
  }, [shop, slug, navigate, qc]);
  useEffect(() => {
    if (shop) document.title = `${companyDisplayName(shop.company)} · ${t('common.appName')}`;
  }, [shop, t, i18n.language]);

  if (q.isPending) return <Skeleton active avatar paragraph={{ rows: 10 }} />;
  if (q.error || !shop) return <ProblemResult error={q.error} onRetry={() => void q.refetch()} />;
  const pickCategory = (id: string) => {
    setCategoryId(id);
    scrollToId(PRODUCTS_ANCHOR);
  };
  const contentSections = shop.sections;
  return (
    <div id="shop-top" data-testid="shop-page" data-slug={shop.slug}>
      <ShopHeader shop={shop} />
      <ShopNav shop={shop} />
      {contentSections.length === 0 && <Typography.Paragraph type="secondary">{t('shop.emptyShop')}</Typography.Paragraph>}
      {contentSections.map((s) => (
        <SectionView key={s.id} section={s} themeColor={shop.themeColor} onCategory={pickCategory} />
      ))}
      <ShopSearch shop={shop} categoryId={categoryId} setCategoryId={setCategoryId} />
      <Card id="shop-reviews" size="small" title={t('reviews.title')} style={{ marginBottom: 12, scrollMarginTop: 12 }} data-testid="shop-reviews">
        <ReviewList companyId={shop.company.id} />
      </Card>
    </div>
  );
}
