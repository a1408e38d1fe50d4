import { ClockCircleOutlined, EnvironmentOutlined, SafetyCertificateOutlined, StarOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../api.js';
import { formatDate, formatDateTime, formatMoney } from '../format.js';
import '../i18n/publicRfqs.js';
import { currentLang } from '../i18n/index.js';
import { formatQuantity, localizedName, perUnitLabel } from '../pages/catalog/model.js';
import type { RfqItem } from '../pages/workbench/rfqs/model.js';
import { activeCompanyOf, useMe, useRegionName } from '../session.js';

/** What the public RFQ list item carries (GET /api/v1/rfqs?scope=market): never the buyer's name for outsiders. */
export type PublicRfq = RfqItem;

const SUPPLIER_TYPES = new Set(['manufacturer', 'trading_company', 'both']);
const DAY_MS = 24 * 3_600_000;

/** Whether the signed-in user acts for a supplier company now (then an RFQ opens in the workbench's market view). */
export function actsAsSupplier(me: Me | null | undefined): boolean {
  const company = activeCompanyOf(me);
  return Boolean(me?.activeCompanyId && company && SUPPLIER_TYPES.has(company.companyType));
}

/** Where a click on an RFQ leads: the buyer's own RFQ page for its members, the seller's RFQ view for a supplier member, else the public page (with the list item as a head start). */
export function useRfqLink(): (rfq: PublicRfq) => { to: string; state: { rfq: PublicRfq } | undefined } {
  const { data: me } = useMe();
  const supplier = actsAsSupplier(me);
  return (rfq) => {
    // The buyer's own members (the API names the buyer only to them) manage it in their workbench.
    if (me && rfq.buyer.companyId !== null) return { to: `/workbench/rfqs/${rfq.id}`, state: undefined };
    if (supplier) return { to: `/workbench/rfq-market/${rfq.id}`, state: undefined };
    return { to: `/rfqs/${rfq.id}`, state: { rfq } };
  };
}

/** "3 天" / "5 小时" / "25 分钟" until the moment; null when it has passed. */
export function shortTimeLeft(iso: string, now = Date.now()): string | null {
  const ms = new Date(iso).getTime() - now;
  if (ms <= 0) return null;
  const zh = currentLang() !== 'en-US';
  const days = Math.floor(ms / DAY_MS);
  if (days >= 1) {
    const hours = Math.floor((ms % DAY_MS) / 3_600_000);
    if (days >= 3 || hours === 0) return zh ? `${days} 天` : `${days} d`;
    return zh ? `${days} 天 ${hours} 小时` : `${days} d ${hours} h`;
  }
  const hours = Math.floor(ms / 3_600_000);
  if (hours >= 1) return zh ? `${hours} 小时` : `${hours} h`;
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  return zh ? `${minutes} 分钟` : `${minutes} min`;
}

/** The quote deadline as time left: red under 24 hours, grey once passed; the exact time in the tooltip. */
export function RfqDeadline({ iso, status, style }: { iso: string; status: PublicRfq['status']; style?: CSSProperties }) {
  const { t } = useTranslation();
  const left = status === 'open' ? shortTimeLeft(iso) : null;
  const urgent = left !== null && new Date(iso).getTime() - Date.now() < DAY_MS;
  return (
    <Tooltip title={`${t('publicRfqs.deadline')}: ${formatDateTime(iso)}`}>
      <span
        style={{ color: left === null ? '#8c8c8c' : urgent ? '#cf1322' : '#595959', fontWeight: urgent ? 600 : undefined, whiteSpace: 'nowrap', ...style }}
        data-testid="rfq-deadline"
        data-urgent={urgent ? 'true' : 'false'}
      >
        <ClockCircleOutlined style={{ marginInlineEnd: 4 }} />
        {left === null ? t('publicRfqs.ended') : t('publicRfqs.closesIn', { time: left })}
      </span>
    </Tooltip>
  );
}

/** The buyer as the public sees it: province, verified, credit grade — never the name. */
export function BuyerMarks({ buyer, size = 'default' }: { buyer: PublicRfq['buyer']; size?: 'small' | 'default' }) {
  const { t } = useTranslation();
  const region = useRegionName();
  const style: CSSProperties = size === 'small' ? { fontSize: 11, lineHeight: '18px', paddingInline: 5, marginInlineEnd: 0 } : { marginInlineEnd: 0 };
  return (
    <Space size={4} wrap data-testid="buyer-marks">
      <Tooltip title={buyer.name ? undefined : t('publicRfqs.buyerHidden')}>
        <Tag icon={<EnvironmentOutlined />} style={style} data-testid="buyer-province">
          {buyer.name ?? t('publicRfqs.buyerFrom', { province: region(buyer.province) })}
        </Tag>
      </Tooltip>
      {buyer.verified && (
        <Tooltip title={t('publicRfqs.verifiedTip')}>
          <Tag color="#1F6FEB" icon={<SafetyCertificateOutlined />} style={style} data-testid="buyer-verified">
            {t('publicRfqs.verified')}
          </Tag>
        </Tooltip>
      )}
      {buyer.grade && (
        <Tooltip title={t('publicRfqs.gradeTip')}>
          <Tag color="geekblue" icon={<StarOutlined />} style={style} data-testid="buyer-grade">
            {buyer.grade}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/** Target unit price "¥4,200.00 / 吨" ("/ set" in English), or 面议 when the buyer gave none. */
export function targetPrice(rfq: Pick<PublicRfq, 'targetUnitPrice' | 'currency' | 'unit'>, negotiable: string, per: (price: string, unit: string) => string): string {
  if (rfq.targetUnitPrice === null) return negotiable;
  return per(formatMoney(rfq.targetUnitPrice, rfq.currency), perUnitLabel(rfq.unit));
}

/** One RFQ as a compact tile (home page band): title, quantity, delivery, deadline, buyer marks. `evenTitles` keeps two title lines so tiles side by side line up. */
export function PublicRfqTile({ rfq, evenTitles = true }: { rfq: PublicRfq; evenTitles?: boolean }) {
  const { t } = useTranslation();
  const region = useRegionName();
  const link = useRfqLink()(rfq);
  return (
    <div
      style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '10px 12px', height: '100%', display: 'flex', flexDirection: 'column', gap: 4, background: '#fff' }}
      data-testid="home-rfq"
      data-rfq-id={rfq.id}
    >
      <Link
        to={link.to}
        state={link.state}
        title={rfq.title}
        style={{ fontWeight: 600, color: '#262626', lineHeight: '20px', minHeight: evenTitles ? 40 : undefined, overflow: 'hidden', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', wordBreak: 'break-word' }}
        data-testid="rfq-title"
      >
        {rfq.title}
      </Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
        {localizedName(rfq.category)}
      </Typography.Text>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 12px', fontSize: 13 }}>
        <span>
          <Typography.Text type="secondary">{t('publicRfqs.quantity')} </Typography.Text>
          <b style={{ color: '#F25C05' }}>{formatQuantity(rfq.quantity, rfq.unit)}</b>
        </span>
        <span>
          <Typography.Text type="secondary">{t('publicRfqs.deliverTo')} </Typography.Text>
          {region(rfq.deliveryProvince)}
        </span>
      </div>
      <div style={{ marginTop: 'auto', paddingTop: 2 }}>
        <BuyerMarks buyer={rfq.buyer} size="small" />
      </div>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 6, fontSize: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('publicRfqs.quotes', { count: rfq.quoteCount })}
        </Typography.Text>
        <RfqDeadline iso={rfq.quoteDeadline} status={rfq.status} />
      </div>
    </div>
  );
}

/** A short date in the UI language ("2025年7月1日" / "Jul 1, 2025"). */
export const rfqDate = (iso: string) => formatDate(iso);
