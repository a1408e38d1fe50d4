import { ThunderboltOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { CSSProperties } from 'react';
import { Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api.js';
import '../i18n/responseMetrics.js';

/** What a trust-mark strip needs: the public batch item of GET /response-metrics. */
export interface ResponseRateValue {
  responseRate: number | null;
  medianFirstResponseSeconds: number | null;
  measured: number;
}

interface BatchItem extends ResponseRateValue {
  companyId: string;
}

type Waiter = { resolve: (v: ResponseRateValue) => void; reject: (e: unknown) => void };
let queued: Map<string, Waiter[]> | null = null;

/** Every strip that mounts in the same tick (a page of search results) is answered by one request per 50 companies. */
async function flush(): Promise<void> {
  const batch = queued;
  queued = null;
  if (!batch) return;
  const ids = [...batch.keys()];
  for (let i = 0; i < ids.length; i += 50) {
    const chunk = ids.slice(i, i + 50);
    try {
      const res = await api<{ items: BatchItem[] }>('/response-metrics', { query: { companyIds: chunk.join(',') } });
      const found = new Map(res.items.map((it) => [it.companyId, it]));
      for (const id of chunk) {
        const it = found.get(id);
        for (const w of batch.get(id) ?? []) w.resolve(it ? { responseRate: it.responseRate, medianFirstResponseSeconds: it.medianFirstResponseSeconds, measured: it.measured } : { responseRate: null, medianFirstResponseSeconds: null, measured: 0 });
      }
    } catch (err) {
      for (const id of chunk) for (const w of batch.get(id) ?? []) w.reject(err);
    }
  }
}

function loadRate(companyId: string): Promise<ResponseRateValue> {
  return new Promise((resolve, reject) => {
    if (!queued) {
      queued = new Map();
      setTimeout(() => void flush(), 0);
    }
    queued.set(companyId, [...(queued.get(companyId) ?? []), { resolve, reject }]);
  });
}

/** The company's rate for a strip, batched with the other strips on the page. */
export function useResponseRate(companyId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['response-rate', companyId],
    queryFn: () => loadRate(companyId!),
    enabled: Boolean(companyId) && enabled,
    staleTime: 60_000,
  });
}

/** 90 → "1 分钟内"/"<1 min"; 5400 → "1.5 小时"/"1.5 h"; 3 days → "3 天"/"3 d". */
export function formatResponseTime(t: TFunction, seconds: number): string {
  if (seconds < 60) return t('responseRate.time.lessThanMinute');
  if (seconds < 3600) return t('responseRate.time.minutes', { n: Math.round(seconds / 60) });
  const hours = seconds / 3600;
  if (hours < 10) return t('responseRate.time.hours', { n: Math.round(hours * 10) / 10 });
  if (hours < 48) return t('responseRate.time.hours', { n: Math.round(hours) });
  return t('responseRate.time.days', { n: Math.round(hours / 24) });
}

export const formatRate = (r: number) => `${Math.round(r * 100)}%`;

const RESPONSE_COLOR = '#1F6FEB';

/**
 * The response-rate trust mark: "响应率 92% · 平均 2 小时" / "Responds 92% · ~2 h", or "not enough data yet" while
 * nothing is measured. The tooltip says what it counts over which window and links to the company's details.
 * Give `value` when the caller already has it; otherwise it is fetched (batched per page).
 */
export function ResponseRate({ companyId, value, size = 'default', style }: { companyId?: string; value?: ResponseRateValue; size?: 'small' | 'default'; style?: CSSProperties }) {
  const { t, i18n } = useTranslation();
  // Chinese sentences run on; English ones are separated by a space.
  const sentences = (...parts: Array<string | null>) => parts.filter(Boolean).join(i18n.language === 'en-US' ? ' ' : '');
  const fetched = useResponseRate(companyId, value === undefined);
  const v = value ?? fetched.data;
  if (!v) return null;
  const tagStyle: CSSProperties = size === 'small' ? { fontSize: 11, lineHeight: '18px', paddingInline: 5, marginInlineEnd: 0, ...style } : { marginInlineEnd: 0, ...style };
  const link = companyId && (
    <> <Link to={`/companies/${companyId}#response-rate`} style={{ color: '#fff', textDecoration: 'underline' }}>{t('responseRate.evidence')}</Link></>
  );
  if (v.responseRate === null) {
    return (
      <Tooltip title={<>{sentences(t('responseRate.noDataTooltip'), t('responseRate.tooltipRule'))}{link}</>}>
        <Tag icon={<ThunderboltOutlined />} style={{ color: 'rgba(0,0,0,0.45)', ...tagStyle }} data-testid="mark-response" data-rate="none">
          {t('responseRate.noData')}
        </Tag>
      </Tooltip>
    );
  }
  const pct = formatRate(v.responseRate);
  const time = v.medianFirstResponseSeconds === null ? null : formatResponseTime(t, v.medianFirstResponseSeconds);
  return (
    <Tooltip
      title={
        <>
          {sentences(t('responseRate.tooltip', { measured: v.measured, pct }), time && t('responseRate.tooltipTime', { time }), t('responseRate.tooltipRule'))}
          {link}
        </>
      }
    >
      <Tag color={RESPONSE_COLOR} icon={<ThunderboltOutlined />} style={tagStyle} data-testid="mark-response" data-rate={v.responseRate}>
        {time ? t('responseRate.markWithTime', { pct, time }) : t('responseRate.mark', { pct })}
      </Tag>
    </Tooltip>
  );
}
