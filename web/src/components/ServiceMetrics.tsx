import { CarOutlined, RetweetOutlined, StarFilled, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { CSSProperties, ReactNode } from 'react';
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import '../i18n/serviceMetrics.js';

/** GET /companies/{id}/service-metrics (docs/service-metrics.md): what the marks and their tooltips show. */
export interface ServiceMetricsView {
  companyId: string;
  windowDays: number;
  onTimeRate: number | null;
  shipments: { measured: number; onTime: number; pending: number };
  paidOrders: number;
  disputeRate: number | null;
  refundRate: number | null;
  repeatBuyerRate: number | null;
  buyers: number;
  reviews: { count: number; quality: number | null; shipping: number | null; service: number | null; average: number | null };
}

/** The company's service metrics (the detail view: the counts the tooltips quote). */
export function useServiceMetrics(companyId: string | undefined) {
  return useQuery({
    queryKey: ['service-metrics', companyId],
    queryFn: () => api<ServiceMetricsView>(`/companies/${companyId}/service-metrics`),
    enabled: Boolean(companyId),
    staleTime: 60_000,
  });
}

/** 0.92 → "92%"; small shares keep a decimal: 0.012 → "1.2%". */
export const formatShare = (r: number) => (r > 0 && r < 0.1 ? `${Math.round(r * 1000) / 10}%` : `${Math.round(r * 100)}%`);

const GUARANTEE = '#1A7F37';

/**
 * The service-metric marks: on-time shipping (按时发货), repeat buyers (回头率), disputes (纠纷率) and the review
 * average, each with a tooltip that says what it counts over which window. A metric with nothing to measure yet is
 * left out; with nothing at all, one muted "not enough data yet" mark.
 */
export function ServiceMetrics({ companyId, size = 'default', style }: { companyId: string; size?: 'small' | 'default'; style?: CSSProperties }) {
  const { t, i18n } = useTranslation();
  const q = useServiceMetrics(companyId);
  const m = q.data;
  if (!m) return null;
  const sentences = (...parts: string[]) => parts.join(i18n.language === 'en-US' ? ' ' : '');
  const tagStyle: CSSProperties = size === 'small' ? { fontSize: 11, lineHeight: '18px', paddingInline: 5, marginInlineEnd: 0 } : { marginInlineEnd: 0 };
  const marks: ReactNode[] = [];
  if (m.onTimeRate !== null) {
    const pct = formatShare(m.onTimeRate);
    marks.push(
      <Tooltip key="on-time" title={sentences(t('serviceMetrics.onTimeTooltip', { measured: m.shipments.measured, pct }), t('serviceMetrics.rule'))}>
        <Tag color={GUARANTEE} icon={<CarOutlined />} style={tagStyle} data-testid="mark-on-time" data-rate={m.onTimeRate}>{t('serviceMetrics.onTime', { pct })}</Tag>
      </Tooltip>,
    );
  }
  if (m.repeatBuyerRate !== null) {
    const pct = formatShare(m.repeatBuyerRate);
    marks.push(
      <Tooltip key="repeat" title={sentences(t('serviceMetrics.repeatTooltip', { buyers: m.buyers, pct }), t('serviceMetrics.rule'))}>
        <Tag color="blue" icon={<RetweetOutlined />} style={tagStyle} data-testid="mark-repeat" data-rate={m.repeatBuyerRate}>{t('serviceMetrics.repeat', { pct })}</Tag>
      </Tooltip>,
    );
  }
  if (m.disputeRate !== null) {
    const pct = formatShare(m.disputeRate);
    marks.push(
      <Tooltip key="disputes" title={sentences(t('serviceMetrics.disputesTooltip', { orders: m.paidOrders, pct }), t('serviceMetrics.rule'))}>
        <Tag color={m.disputeRate >= 0.05 ? 'warning' : undefined} icon={<WarningOutlined />} style={tagStyle} data-testid="mark-disputes" data-rate={m.disputeRate}>
          {t('serviceMetrics.disputes', { pct })}
        </Tag>
      </Tooltip>,
    );
  }
  if (m.reviews.average !== null) {
    const score = m.reviews.average.toFixed(1);
    marks.push(
      <Tooltip key="rating" title={sentences(t('serviceMetrics.ratingTooltip', { count: m.reviews.count, quality: m.reviews.quality, shipping: m.reviews.shipping, service: m.reviews.service }), t('serviceMetrics.rule'))}>
        <Tag color="gold" icon={<StarFilled />} style={tagStyle} data-testid="mark-rating" data-score={score}>{t('serviceMetrics.rating', { score })}</Tag>
      </Tooltip>,
    );
  }
  return (
    <Space size={4} wrap style={style} data-testid="service-metrics">
      {marks.length > 0 ? marks : (
        <Tooltip title={sentences(t('serviceMetrics.noDataTooltip'), t('serviceMetrics.rule'))}>
          <Tag icon={<CarOutlined />} style={{ color: 'rgba(0,0,0,0.45)', ...tagStyle }} data-testid="mark-service-none">{t('serviceMetrics.noData')}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
