import type { NotificationKind } from '../notifications/index.js';

/** The notices reviews send (texts with {param} placeholders, rendered in the reader's language). */
export const REVIEW_NOTIFICATION_KINDS: NotificationKind[] = [
  {
    key: 'review.received', group: 'trade', mailByDefault: false,
    title: { zh: '订单 {number} 收到买家评价', en: 'Order {number} has a new review' },
    body: { zh: '质量 {quality} 星,物流 {shipping} 星,服务 {service} 星。{excerpt}', en: 'Quality {quality}★, shipping {shipping}★, service {service}★. {excerpt}' },
    label: { zh: '收到评价', en: 'Reviews received' },
  },
  {
    key: 'review.replied', group: 'trade', mailByDefault: false,
    title: { zh: '供应商回复了您对订单 {number} 的评价', en: 'The supplier replied to your review of order {number}' },
    body: { zh: '{excerpt}', en: '{excerpt}' },
    label: { zh: '评价收到回复', en: 'Replies to my reviews' },
  },
];
