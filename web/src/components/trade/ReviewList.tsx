import { MessageOutlined, StarFilled } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Empty, Input, Progress, Rate, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Page } from '../../api.js';
import { api, problemDetail } from '../../api.js';
import { formatDate } from '../../format.js';
import { currentLang } from '../../i18n/index.js';
import '../../i18n/reviews.js';
import { useRegionName } from '../../session.js';
import { ProblemAlert } from '../Problem.js';

/** Mirrors the server's ReviewView (server/src/modules/reviews/schemas.ts). */
export interface ReviewView {
  id: string;
  orderId: string | null;
  supplierCompanyId: string;
  buyer: { province: string; companyType: string; label: string };
  products: Array<{ productId: string; titleZh: string; titleEn: string | null }>;
  scores: { quality: number; shipping: number; service: number };
  overall: number;
  text: string;
  reply: { text: string; at: string } | null;
  createdAt: string;
  canReply: boolean;
}

export interface ReviewSummary {
  count: number;
  averages: { quality: number | null; shipping: number | null; service: number | null; overall: number | null };
  replied: number;
  stars: Record<'1' | '2' | '3' | '4' | '5', number>;
}

export const REVIEW_TEXT_MAX = 1000;
export const REVIEW_REPLY_MAX = 500;
const DIMS = ['quality', 'shipping', 'service'] as const;
const GOLD = '#FAAD14';

type Target = { productId: string; companyId?: undefined } | { companyId: string; productId?: undefined };

const summaryPath = (target: Target) => (target.productId ? `/products/${target.productId}/review-summary` : `/companies/${target.companyId}/review-summary`);

export function useReviewSummary(target: Target) {
  return useQuery({
    queryKey: ['reviews', 'summary', target.productId ?? target.companyId],
    queryFn: () => api<ReviewSummary>(summaryPath(target)),
    staleTime: 60_000,
  });
}

/** "浙江 · 采购商" / "Zhejiang · Buyer": the buyer is never named. */
export function useBuyerLabel() {
  const { t } = useTranslation();
  const region = useRegionName();
  return (b: ReviewView['buyer']) => {
    const name = region(b.province);
    const province = currentLang() === 'zh-CN' ? name.replace(/(壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|省|市)$/, '') : name;
    return `${province || '—'} · ${t(`companyType.${b.companyType}`, { defaultValue: b.companyType })}`;
  };
}

const fmtScore = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(currentLang(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n));

/** Averages and the star distribution above a list of reviews. */
export function ReviewSummaryPanel({ summary }: { summary: ReviewSummary }) {
  const { t } = useTranslation();
  const a = summary.averages;
  return (
    <Row gutter={[24, 12]} align="middle" data-testid="review-summary" data-count={summary.count}>
      <Col xs={24} sm={7} style={{ textAlign: 'center' }}>
        <div style={{ fontSize: 36, fontWeight: 700, color: '#F25C05', lineHeight: 1.1 }} data-testid="review-summary-overall">
          {fmtScore(a.overall)} <span style={{ fontSize: 14, color: '#8c8c8c', fontWeight: 400 }}>{t('reviews.outOf')}</span>
        </div>
        <Rate disabled allowHalf value={a.overall === null ? 0 : Math.round(a.overall * 2) / 2} style={{ fontSize: 16 }} />
        <div style={{ color: '#8c8c8c', fontSize: 12 }}>{t('reviews.count', { count: summary.count })}</div>
      </Col>
      <Col xs={24} sm={9}>
        {DIMS.map((d) => (
          <div key={d} style={{ display: 'flex', alignItems: 'center', gap: 8, lineHeight: '26px' }} data-testid={`review-summary-${d}`}>
            <span style={{ width: 96, color: '#595959', fontSize: 13 }}>{t(`reviews.dims.${d}`)}</span>
            <Rate disabled allowHalf value={a[d] === null ? 0 : Math.round(a[d] * 2) / 2} style={{ fontSize: 13 }} />
            <span style={{ fontWeight: 600 }}>{fmtScore(a[d])}</span>
          </div>
        ))}
      </Col>
      <Col xs={24} sm={8}>
        {(['5', '4', '3', '2', '1'] as const).map((s) => (
          <div key={s} style={{ display: 'flex', alignItems: 'center', gap: 6, fontSize: 12 }}>
            <span style={{ width: 24, color: '#8c8c8c' }}>{s}<StarFilled style={{ color: GOLD, fontSize: 10, marginInlineStart: 2 }} /></span>
            <Progress percent={summary.count ? Math.round((summary.stars[s] / summary.count) * 100) : 0} showInfo={false} size="small" strokeColor={GOLD} style={{ flex: 1, margin: 0 }} />
            <span style={{ width: 28, textAlign: 'right', color: '#8c8c8c' }}>{summary.stars[s]}</span>
          </div>
        ))}
      </Col>
    </Row>
  );
}

/** The supplier's one reply to a review. */
export function ReviewReplyForm({ review, onDone }: { review: ReviewView; onDone?: (updated: ReviewView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const send = useMutation({
    mutationFn: () => api<ReviewView>(`/reviews/${review.id}/reply`, { method: 'POST', body: { text } }),
    onSuccess: (updated) => {
      void message.success(t('reviews.replied'));
      void qc.invalidateQueries({ queryKey: ['reviews'] });
      if (updated.orderId) void qc.invalidateQueries({ queryKey: ['order-review', updated.orderId] });
      onDone?.(updated);
    },
  });
  return (
    <div style={{ marginTop: 8 }} data-testid="review-reply-form">
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={REVIEW_REPLY_MAX}
        showCount
        autoSize={{ minRows: 2, maxRows: 6 }}
        placeholder={t('reviews.replyPlaceholder', { max: REVIEW_REPLY_MAX })}
        data-testid="review-reply-text"
      />
      {send.error && <Typography.Text type="danger" style={{ display: 'block', marginTop: 4 }}>{problemDetail(send.error)}</Typography.Text>}
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" size="small" icon={<MessageOutlined />} disabled={!text.trim()} loading={send.isPending} onClick={() => send.mutate()} data-testid="review-reply-submit">
          {t('reviews.replySubmit')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reviews.replyOnce')}</Typography.Text>
      </Space>
    </div>
  );
}

/** One review: masked buyer, date, the three scores, the text, what was bought, the supplier's reply. */
export function ReviewCard({ review, showProducts = false, allowReply = true, divider = true }: { review: ReviewView; showProducts?: boolean; allowReply?: boolean; divider?: boolean }) {
  const { t } = useTranslation();
  const label = useBuyerLabel();
  const [replying, setReplying] = useState(false);
  const en = currentLang() === 'en-US';
  return (
    <div style={divider ? { padding: '12px 0', borderBottom: '1px solid #f0f0f0' } : undefined} data-testid="review-item" data-review-id={review.id}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 12px' }}>
        <Typography.Text strong data-testid="review-buyer">{label(review.buyer)}</Typography.Text>
        <Rate disabled allowHalf value={Math.round(review.overall * 2) / 2} style={{ fontSize: 13 }} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDate(review.createdAt)}</Typography.Text>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 16px', fontSize: 12, color: '#8c8c8c', marginTop: 2 }} data-testid="review-scores">
        {DIMS.map((d) => (
          <span key={d}>
            {t(`reviews.dims.${d}`)} <span style={{ color: '#F25C05', fontWeight: 600 }}>{review.scores[d]}</span>
          </span>
        ))}
      </div>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '6px 0 0' }} type={review.text ? undefined : 'secondary'} data-testid="review-text">
        {review.text || t('reviews.noText')}
      </Typography.Paragraph>
      {showProducts && review.products.length > 0 && (
        <div style={{ fontSize: 12, color: '#8c8c8c', marginTop: 4 }} data-testid="review-products">
          {t('reviews.products')}:{' '}
          {review.products.map((p, i) => (
            <span key={p.productId}>
              {i > 0 && (en ? ', ' : '、')}
              <Link to={`/products/${p.productId}`}>{en && p.titleEn ? p.titleEn : p.titleZh}</Link>
            </span>
          ))}
        </div>
      )}
      {review.reply ? (
        <div style={{ background: '#fafafa', borderRadius: 4, padding: '6px 10px', marginTop: 8 }} data-testid="review-reply">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('reviews.supplierReply')} · {formatDate(review.reply.at)}
          </Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{review.reply.text}</Typography.Paragraph>
        </div>
      ) : review.canReply && allowReply ? (
        replying ? (
          <ReviewReplyForm review={review} onDone={() => setReplying(false)} />
        ) : (
          <Button size="small" type="link" icon={<MessageOutlined />} style={{ paddingInline: 0 }} onClick={() => setReplying(true)} data-testid="review-reply-open">
            {t('reviews.reply')}
          </Button>
        )
      ) : null}
    </div>
  );
}

/**
 * The reviews section of a product page (productId) or a shop page (companyId): summary, then reviews newest first,
 * "load more" by cursor. Members of the supplier with the right role can reply in place.
 */
export function ReviewList(props: Target & { pageSize?: number }) {
  const { t } = useTranslation();
  const target: Target = props.productId ? { productId: props.productId } : { companyId: props.companyId! };
  const summary = useReviewSummary(target);
  const list = useInfiniteQuery({
    queryKey: ['reviews', 'list', target.productId ?? target.companyId],
    queryFn: ({ pageParam }) => api<Page<ReviewView>>('/reviews', { query: { productId: target.productId, companyId: target.companyId, cursor: pageParam, limit: props.pageSize ?? 10 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div data-testid="review-list">
      {summary.data && summary.data.count > 0 && (
        <div style={{ paddingBottom: 12, borderBottom: '1px solid #f0f0f0' }}>
          <ReviewSummaryPanel summary={summary.data} />
        </div>
      )}
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : list.error ? (
        <ProblemAlert error={list.error} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={target.companyId ? t('reviews.noneShop') : t('reviews.none')} data-testid="review-list-empty" />
      ) : (
        <>
          {items.map((r) => <ReviewCard key={r.id} review={r} showProducts={Boolean(target.companyId)} />)}
          {list.hasNextPage && (
            <div style={{ textAlign: 'center', marginTop: 12 }}>
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="review-list-more">{t('reviews.loadMore')}</Button>
            </div>
          )}
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>{t('reviews.privacy')}</Typography.Paragraph>
    </div>
  );
}

/**
 * Summary stars for a shop header or a supplier card: "★★★★☆ 4.6 · 23 reviews" (nothing but a hint without reviews).
 * onColor: on the shop's coloured band (white text).
 */
export function ReviewStars({ companyId, onColor = false, onClick }: { companyId: string; onColor?: boolean; onClick?: () => void }) {
  const { t } = useTranslation();
  const summary = useReviewSummary({ companyId });
  if (!summary.data) return null;
  const s = summary.data;
  const color = onColor ? '#fff' : '#595959';
  const body = s.count === 0 ? (
    <span style={{ color, opacity: 0.85, fontSize: 12 }}>{t('reviews.noReviewsYet')}</span>
  ) : (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 6, rowGap: 2, color, fontSize: 12, textAlign: 'start' }}>
      <Rate disabled allowHalf value={Math.round((s.averages.overall ?? 0) * 2) / 2} style={{ fontSize: 12, color: GOLD, flex: 'none', whiteSpace: 'nowrap' }} />
      <span style={{ fontWeight: 600, fontSize: 13 }}>{fmtScore(s.averages.overall)}</span>
      <span style={{ textDecoration: onClick ? 'underline' : undefined, whiteSpace: 'nowrap' }}>{t('reviews.count', { count: s.count })}</span>
      <span style={{ opacity: 0.85 }}>
        {DIMS.map((d) => `${t(`reviews.dims.${d}`)} ${fmtScore(s.averages[d])}`).join(' · ')}
      </span>
    </span>
  );
  return onClick ? (
    <button type="button" onClick={onClick} style={{ background: 'none', border: 'none', padding: 0, cursor: 'pointer', font: 'inherit' }} data-testid="review-stars" data-count={s.count}>
      {body}
    </button>
  ) : (
    <span data-testid="review-stars" data-count={s.count}>{body}</span>
  );
}

/** A tab label with the count: "交易评价 (12)". */
export function ReviewTabLabel({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const summary = useReviewSummary({ productId });
  return <span data-testid="review-tab">{summary.data?.count ? t('reviews.tabCount', { count: summary.data.count }) : t('reviews.tab')}</span>;
}
