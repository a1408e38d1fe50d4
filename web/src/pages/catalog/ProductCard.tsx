import { BulbOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Popover, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FavoriteButton } from '../../components/FavoriteButton.js';
import { TrustMarks } from '../../components/TrustMarks.js';
import { companyDisplayName, formatMoney } from '../../format.js';
import type { ExplainFactors, ProductHit } from './model.js';
import { formatQuantity, productTitle } from './model.js';

const ORANGE = '#F25C05';

/** Marks the query's terms in a title (case-insensitive substrings: 钢板 inside 热轧钢板, steel inside Steel). */
export function highlight(text: string, q: string): ReactNode {
  const terms = q
    .split(/[\s,，]+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .sort((a, b) => b.length - a.length);
  if (terms.length === 0) return text;
  const escaped = terms.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`, 'giu'));
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <mark key={i} style={{ background: 'transparent', color: ORANGE, padding: 0 }}>
        {part}
      </mark>
    ) : (
      part
    ),
  );
}

function fmtFactor(v: number | string | boolean | null, yesNo?: (v: boolean) => string): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(3);
  if (v === null) return '—';
  if (typeof v === 'boolean' && yesNo) return yesNo(v);
  return String(v);
}

export function ExplainPopover({ explain }: { explain: ExplainFactors }) {
  const { t, i18n } = useTranslation();
  const content = (
    <div style={{ maxWidth: 380 }} data-testid="explain">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('search.whyHint')}
      </Typography.Paragraph>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('search.score')}>
          <strong>{fmtFactor(explain.score)}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('search.textScore')}>{fmtFactor(explain.relevance)}</Descriptions.Item>
        <Descriptions.Item label={t('search.supplierFactor')}>{fmtFactor(explain.supplierFactor)}</Descriptions.Item>
        <Descriptions.Item label={t('search.productFactor')}>{fmtFactor(explain.productFactor)}</Descriptions.Item>
        {explain.factors.map((f) => (
          <Descriptions.Item
            key={f.name}
            label={
              <span title={f.name} style={{ fontSize: 12 }}>
                {i18n.exists(`search.factors.${f.name}`) ? t(`search.factors.${f.name}`) : <span style={{ fontFamily: 'monospace' }}>{f.name}</span>}
              </span>
            }
          >
            <span style={{ whiteSpace: 'nowrap' }}>
              {fmtFactor(f.value, (b) => t(b ? 'common.yes' : 'common.no'))} <span style={{ color: '#8c8c8c' }}>× {fmtFactor(f.factor)}</span>
            </span>
          </Descriptions.Item>
        ))}
      </Descriptions>
    </div>
  );
  return (
    <Popover title={t('search.whyTitle')} content={content} trigger="click">
      <Button
        size="small"
        type="text"
        icon={<BulbOutlined />}
        onClick={(e) => {
          // The card is a link; opening the explanation must not navigate.
          e.preventDefault();
          e.stopPropagation();
        }}
        data-testid="explain-button"
        style={{ fontSize: 12, color: '#1F6FEB', paddingInline: 4 }}
      >
        {t('search.why')}
      </Button>
    </Popover>
  );
}

export function ProductCard({ hit, q, quantity, showMarks }: { hit: ProductHit; q: string; quantity: number | null; showMarks: boolean }) {
  const { t } = useTranslation();
  const title = productTitle(hit);
  const unitPrice = hit.unitPrice;
  const prices = hit.priceTiers.map((x) => x.unitPrice);
  const lo = prices.length ? Math.min(...prices) : null;
  const hi = prices.length ? Math.max(...prices) : null;
  const cover = hit.coverUrl;
  return (
    <Link to={`/products/${hit.id}`} style={{ display: 'block', height: '100%' }} data-testid="result-card" data-product-id={hit.id}>
      <Card hoverable size="small" style={{ height: '100%' }} styles={{ body: { padding: 10 } }} cover={
        <div style={{ aspectRatio: '1 / 1', background: '#fafafa', display: 'flex', alignItems: 'center', justifyContent: 'center', overflow: 'hidden' }}>
          {cover ? <img src={cover} alt="" loading="lazy" style={{ width: '100%', height: '100%', objectFit: 'cover' }} /> : <PictureOutlined style={{ fontSize: 40, color: '#d9d9d9' }} />}
        </div>
      }>
        <div style={{ fontSize: 13, lineHeight: '19px', height: 38, overflow: 'hidden', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', color: '#262626' }} title={title} data-testid="result-title">
          {highlight(title, q)}
        </div>
        <div style={{ marginTop: 6, display: 'flex', alignItems: 'baseline', gap: 6, flexWrap: 'wrap' }}>
          <span style={{ color: ORANGE, fontSize: 18, fontWeight: 600 }} data-testid="result-price">
            {formatMoney(unitPrice, hit.currency)}
          </span>
          {lo !== null && hi !== null && lo !== hi && (
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {formatMoney(lo)}–{formatMoney(hi)}
            </Typography.Text>
          )}
          <span style={{ marginLeft: 'auto' }}>
            <FavoriteButton type="product" id={hit.id} size="small" iconOnly />
          </span>
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} data-testid="result-moq">
          {quantity ? t('catalog.priceAt', { qty: formatQuantity(quantity, hit.unit) }) : t('catalog.moqValue', { qty: formatQuantity(hit.moq, hit.unit) })}
        </Typography.Text>
        {quantity !== null && (
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {t('catalog.moqValue', { qty: formatQuantity(hit.moq, hit.unit) })}
          </Typography.Text>
        )}
        {hit.recentBuyers > 0 && (
          <Typography.Text style={{ fontSize: 12, display: 'block', color: '#595959' }} data-testid="result-recent-buyers">
            {t('catalog.recentBuyers', { count: hit.recentBuyers })}
          </Typography.Text>
        )}
        <div style={{ borderTop: '1px dashed #f0f0f0', marginTop: 6, paddingTop: 6 }}>
          <Typography.Text ellipsis style={{ fontSize: 12, display: 'block' }} data-testid="result-supplier">
            {companyDisplayName({ legalName: hit.supplier.name, nameEn: hit.supplier.nameEn })}
          </Typography.Text>
          <div style={{ marginTop: 4, minHeight: 20 }}>{showMarks && <TrustMarks company={hit.supplier} size="small" />}</div>
        </div>
        {hit.explain && (
          <div style={{ textAlign: 'right', marginTop: 4 }}>
            <ExplainPopover explain={hit.explain} />
          </div>
        )}
      </Card>
    </Link>
  );
}
