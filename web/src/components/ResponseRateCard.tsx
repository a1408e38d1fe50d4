import { ThunderboltOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Card, Empty, List, Progress, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { formatDateTime } from '../format.js';
import { EChart } from './EChart.js';
import { ProblemAlert } from './Problem.js';
import { formatRate, formatResponseTime } from './ResponseRate.js';
import '../i18n/responseMetrics.js';

interface Counts {
  responseRate: number | null;
  answeredWithin24h: number;
  measured: number;
  pending: number;
  medianFirstResponseSeconds: number | null;
}

export interface ResponseMetrics extends Counts {
  companyId: string;
  windowDays: number;
  computedAt: string;
  bySource: { inquiry: Counts; chat: Counts };
}

interface Trend {
  weeks: Array<{ weekStart: string; answeredWithin24h: number; measured: number; responseRate: number | null }>;
}

const GREEN = '#1A7F37';
const BLUE = '#1F6FEB';
const STAT_VALUE = { fontSize: 20 } as const;

/**
 * A company's response metrics for its seller workbench (and its public profile): rate, median first reply,
 * answered / counted / pending, the breakdown by inquiries and chat, and 12 weekly rates. Public data.
 */
export function ResponseRateCard({ companyId }: { companyId: string }) {
  const { t, i18n } = useTranslation();
  const metrics = useQuery({
    queryKey: ['response-metrics', companyId],
    queryFn: () => api<ResponseMetrics>(`/companies/${companyId}/response-metrics`),
  });
  const trend = useQuery({
    queryKey: ['response-metrics', companyId, 'trend'],
    queryFn: () => api<Trend>(`/companies/${companyId}/response-metrics/trend`),
  });
  const option = useMemo(() => {
    const weeks = trend.data?.weeks;
    if (!weeks || weeks.every((w) => w.measured === 0)) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 36, top: 28, bottom: 24 },
      legend: { data: [t('responseRate.card.trendRate'), t('responseRate.card.trendMeasured')], top: 0, textStyle: { fontSize: 11 } },
      xAxis: { type: 'category', data: weeks.map((w) => new Date(w.weekStart).toLocaleDateString(i18n.language, { month: 'numeric', day: 'numeric' })) },
      yAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: t('responseRate.card.trendMeasured'), yAxisIndex: 1, data: weeks.map((w) => w.measured), itemStyle: { color: '#D6E4FF' }, barMaxWidth: 14 },
        { type: 'line', name: t('responseRate.card.trendRate'), data: weeks.map((w) => (w.responseRate === null ? null : Math.round(w.responseRate * 100))), connectNulls: true, smooth: true, itemStyle: { color: BLUE } },
      ],
    };
  }, [trend.data, t, i18n.language]);

  const m = metrics.data;
  const time = (s: number | null) => (s === null ? t('responseRate.card.none') : formatResponseTime(t, s));
  const rate = (r: number | null) => (r === null ? t('responseRate.card.none') : formatRate(r));
  return (
    <Card
      id="response-rate"
      data-testid="response-rate-card"
      title={<><ThunderboltOutlined style={{ color: BLUE }} /> {t('responseRate.card.title')}</>}
    >
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: -8, marginBottom: 8 }}>
        {t('responseRate.card.subtitle')}
        {m && <> · {t('responseRate.card.computedAt', { date: formatDateTime(m.computedAt) })}</>}
      </Typography.Text>
      {metrics.isPending && <Skeleton active />}
      {metrics.error && <ProblemAlert error={metrics.error} />}
      {m && (
        <>
          {/* Laid out for the card's own width, not the screen's: on the dashboard it gets a third of a row. */}
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'center', gap: 16 }}>
            <div style={{ flex: 'none', textAlign: 'center' }}>
              <Progress
                type="dashboard"
                percent={m.responseRate === null ? 0 : Math.round(m.responseRate * 100)}
                strokeColor={m.responseRate !== null && m.responseRate >= 0.9 ? GREEN : BLUE}
                format={() => (m.responseRate === null ? t('responseRate.card.none') : formatRate(m.responseRate))}
                size={96}
              />
              <div><Typography.Text type="secondary">{t('responseRate.card.rate')}</Typography.Text></div>
            </div>
            <div style={{ flex: '1 1 240px', display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(110px, 1fr))', gap: 12 }}>
              <Statistic title={t('responseRate.card.median')} value={time(m.medianFirstResponseSeconds)} styles={{ content: STAT_VALUE }} />
              <Statistic title={t('responseRate.card.answered')} value={m.answeredWithin24h} suffix={`/ ${m.measured}`} styles={{ content: STAT_VALUE }} />
              <Statistic title={t('responseRate.card.measured')} value={m.measured} styles={{ content: STAT_VALUE }} />
              <Statistic title={t('responseRate.card.pending')} value={m.pending} styles={{ content: STAT_VALUE }} />
            </div>
          </div>
          {m.measured === 0 && m.pending === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('responseRate.card.empty')} style={{ marginTop: 16 }} />
          ) : (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>{t('responseRate.card.bySource')}</Typography.Title>
              {/* One line per source instead of a six-column table, which cannot fit a third of a row. */}
              <List
                size="small"
                split
                data-testid="response-rate-sources"
                dataSource={(['inquiry', 'chat'] as const).map((key) => ({ key, ...m.bySource[key] }))}
                renderItem={(s) => (
                  <List.Item style={{ paddingInline: 0 }}>
                    <div style={{ width: '100%' }}>
                      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                        <Typography.Text strong>{t(`responseRate.card.${s.key}`)}</Typography.Text>
                        <Typography.Text strong style={{ color: s.responseRate !== null && s.responseRate >= 0.9 ? GREEN : undefined }}>{rate(s.responseRate)}</Typography.Text>
                      </div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('responseRate.card.sourceLine', { answered: s.answeredWithin24h, measured: s.measured, pending: s.pending, median: time(s.medianFirstResponseSeconds) })}
                      </Typography.Text>
                    </div>
                  </List.Item>
                )}
              />
              {option && (
                <>
                  <Typography.Title level={5} style={{ marginTop: 16 }}>{t('responseRate.card.trend')}</Typography.Title>
                  <EChart option={option} height={200} />
                </>
              )}
            </>
          )}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
            {t('responseRate.card.definition')}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
