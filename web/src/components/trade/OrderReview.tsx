import { StarOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Rate, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ProblemError, problemDetail } from '../../api.js';
import '../../i18n/reviews.js';
import { ProblemAlert } from '../Problem.js';
import { REVIEW_TEXT_MAX, ReviewCard, type ReviewView } from './ReviewList.js';

/**
 * What this component reads of an order: a subset of OrderView (web/src/pages/workbench/orders/model.ts), declared
 * here so the component stands on its own; the full OrderView fits.
 */
export interface OrderForReview {
  id: string;
  status: string;
  buyerCompanyId: string;
  supplierCompanyId: string;
}

interface OrderReviewState {
  orderId: string;
  review: ReviewView | null;
  canReview: boolean;
  blockedBy: 'REVIEW_NOT_ALLOWED_YET' | 'REVIEW_ALREADY_EXISTS' | 'FORBIDDEN' | null;
}

const DIMS = ['quality', 'shipping', 'service'] as const;
type Scores = Record<(typeof DIMS)[number], number>;
/** Order states in which a review can exist (closed: refunded in full after receipt) or be written (the server decides). */
const REVIEW_STATES = new Set(['received', 'completed', 'closed']);
const WRITABLE_STATES = new Set(['received', 'completed']);

function ReviewForm({ orderId, onDone }: { orderId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [scores, setScores] = useState<Scores>({ quality: 0, shipping: 0, service: 0 });
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const complete = DIMS.every((d) => scores[d] >= 1);
  const submit = useMutation({
    mutationFn: () => api<ReviewView>('/reviews', { method: 'POST', body: { orderId, ...scores, text } }),
    onSuccess: () => {
      void message.success(t('reviews.form.done'));
      onDone();
    },
  });
  const fieldErrors = submit.error instanceof ProblemError ? submit.error.fieldErrors() : {};
  return (
    <div data-testid="order-review-form">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('reviews.form.intro')}</Typography.Paragraph>
      {DIMS.map((d) => (
        <div key={d} style={{ display: 'flex', alignItems: 'center', gap: 12, minHeight: 32 }}>
          <span style={{ width: 110, color: '#595959' }}>{t(`reviews.dims.${d}`)}</span>
          <Rate
            value={scores[d]}
            onChange={(v) => setScores((s) => ({ ...s, [d]: v }))}
            tooltips={[1, 2, 3, 4, 5].map((n) => t(`reviews.scoreLabel.${n}`))}
            aria-label={t(`reviews.dims.${d}`)}
            data-testid={`order-review-${d}`}
          />
          {scores[d] > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`reviews.scoreLabel.${scores[d]}`)}</Typography.Text>}
        </div>
      ))}
      {tried && !complete && <Typography.Text type="danger" style={{ display: 'block' }}>{t('reviews.form.required')}</Typography.Text>}
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={REVIEW_TEXT_MAX}
        showCount
        autoSize={{ minRows: 3, maxRows: 8 }}
        placeholder={t('reviews.form.textPlaceholder', { max: REVIEW_TEXT_MAX })}
        aria-label={t('reviews.form.text')}
        style={{ marginTop: 8 }}
        status={fieldErrors.text ? 'error' : undefined}
        data-testid="order-review-text"
      />
      {submit.error && <Alert type="error" showIcon title={problemDetail(submit.error)} style={{ marginTop: 12 }} />}
      <Space style={{ marginTop: 16 }} wrap>
        <Button
          type="primary"
          icon={<StarOutlined />}
          loading={submit.isPending}
          onClick={() => {
            setTried(true);
            if (complete) submit.mutate();
          }}
          data-testid="order-review-submit"
        >
          {t('reviews.form.submit')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reviews.form.once')}</Typography.Text>
      </Space>
    </div>
  );
}

/**
 * The order detail's review card. Buyer side: the form (three 1–5 ratings and a text) once the goods are received,
 * then the review as everyone sees it. Seller side: the review and the one-time reply. Nothing before receipt.
 */
export function OrderReview({ order, side }: { order: OrderForReview; side: 'buyer' | 'seller' }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const visible = REVIEW_STATES.has(order.status);
  const state = useQuery({
    queryKey: ['order-review', order.id, order.status],
    queryFn: () => api<OrderReviewState>(`/orders/${order.id}/review`),
    enabled: visible,
  });
  if (!visible) return null;
  // A closed order without a review: nothing to show or write.
  if (state.data && !state.data.review && !WRITABLE_STATES.has(order.status)) return null;
  const title = <><StarOutlined style={{ color: '#FAAD14', marginInlineEnd: 6 }} />{side === 'buyer' && state.data?.canReview ? t('reviews.form.title') : t('reviews.orderCard')}</>;
  let body: React.ReactNode;
  if (state.isPending) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (state.error) body = <ProblemAlert error={state.error} />;
  else if (state.data.review) body = <ReviewCard review={state.data.review} showProducts allowReply={side === 'seller'} divider={false} />;
  else if (side === 'buyer' && state.data.canReview) {
    body = (
      <ReviewForm
        orderId={order.id}
        onDone={() => {
          void qc.invalidateQueries({ queryKey: ['order-review', order.id] });
          void qc.invalidateQueries({ queryKey: ['reviews'] });
        }}
      />
    );
  } else if (side === 'buyer' && state.data.blockedBy) {
    body = <Typography.Text type="secondary" data-testid="order-review-blocked">{t(`reviews.blocked.${state.data.blockedBy}`)}</Typography.Text>;
  } else {
    body = <Typography.Text type="secondary" data-testid="order-review-waiting">{t('reviews.waitingBuyer')}</Typography.Text>;
  }
  return (
    <Card size="small" title={title} data-testid="order-review" data-side={side}>
      {body}
    </Card>
  );
}

export default OrderReview;
