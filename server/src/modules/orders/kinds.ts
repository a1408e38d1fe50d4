import type { NotificationKind } from '../notifications/index.js';

/** The notices this module sends (texts with {param} placeholders, rendered in the reader's language). */
export const ORDER_NOTIFICATION_KINDS: NotificationKind[] = [
  {
    key: 'order.approval_requested', group: 'trade', mailByDefault: true,
    title: { zh: '订单待审批:{number}', en: 'Order awaiting your approval: {number}' },
    body: { zh: '{placer} 向 {supplier} 下单,金额 {total},超过审批额度。', en: '{placer} ordered from {supplierEn} for {total}, above the approval limit.' },
    label: { zh: '订单待审批', en: 'Orders awaiting approval' },
  },
  {
    key: 'order.approved', group: 'trade', mailByDefault: false,
    title: { zh: '订单已通过审批:{number}', en: 'Order approved: {number}' },
    body: { zh: '可以付款了。', en: 'It can be paid now.' },
    label: { zh: '订单审批通过', en: 'Order approved' },
  },
  {
    key: 'order.rejected', group: 'trade', mailByDefault: true,
    title: { zh: '订单未通过审批:{number}', en: 'Order rejected: {number}' },
    body: { zh: '原因:{reason}', en: 'Reason: {reason}' },
    label: { zh: '订单审批未通过', en: 'Order rejected' },
  },
  {
    key: 'order.adjusted', group: 'trade', mailByDefault: true,
    title: { zh: '卖家修改了订单价格:{number}', en: 'The seller changed the price of order {number}' },
    body: { zh: '订单金额 {before} → {after}。', en: 'Order total {before} → {after}.' },
    label: { zh: '订单改价', en: 'Order price changed' },
  },
  {
    // An adjustment that leaves the total as it was changes how it is paid: saying "price changed" would mislead.
    key: 'order.terms_adjusted', group: 'trade', mailByDefault: true,
    title: { zh: '卖家修改了订单付款方式:{number}', en: 'The seller changed how order {number} is paid' },
    body: { zh: '{termsZh}', en: '{termsEn}' },
    label: { zh: '订单付款方式变更', en: 'Order payment terms changed' },
  },
  {
    key: 'order.deposit_paid', group: 'trade', mailByDefault: true,
    title: { zh: '买家已付定金:{number}', en: 'Deposit paid on order {number}' },
    body: { zh: '定金 {amount},请按约定安排生产。', en: 'Deposit {amount}; production can start.' },
    label: { zh: '买家付定金', en: 'Deposit paid' },
  },
  {
    key: 'order.paid', group: 'trade', mailByDefault: true,
    title: { zh: '新的待发货订单:{number}', en: 'New order to ship: {number}' },
    body: { zh: '订单金额 {total}({termsZh}),请在 {shipBy} 前发货。', en: 'Order total {total} ({termsEn}); ship by {shipBy}.' },
    label: { zh: '订单已付款待发货', en: 'Orders paid and ready to ship' },
  },
  {
    key: 'order.shipped', group: 'trade', mailByDefault: false,
    title: { zh: '订单已发货:{number}', en: 'Order shipped: {number}' },
    body: { zh: '{progressZh}', en: '{progressEn}' },
    label: { zh: '订单发货', en: 'Order shipped' },
  },
  {
    key: 'order.received', group: 'trade', mailByDefault: false,
    title: { zh: '买家已确认收货:{number}', en: 'Receipt confirmed: {number}' },
    label: { zh: '买家确认收货', en: 'Receipt confirmed' },
  },
  {
    key: 'order.completed', group: 'trade', mailByDefault: false,
    title: { zh: '订单已完成,货款已结算:{number}', en: 'Order completed and settled: {number}' },
    body: { zh: '结算 {released}(平台服务费 {fee})。', en: 'Released {released} (platform fee {fee}).' },
    label: { zh: '订单完成结算', en: 'Order completed' },
  },
  {
    key: 'order.cancelled', group: 'trade', mailByDefault: true,
    title: { zh: '订单已取消:{number}', en: 'Order cancelled: {number}' },
    body: { zh: '原因:{reason}', en: 'Reason: {reason}' },
    label: { zh: '订单取消', en: 'Order cancelled' },
  },
  {
    key: 'order.refunded', group: 'trade', mailByDefault: true,
    title: { zh: '订单退款:{number}', en: 'Refund on order {number}' },
    body: { zh: '退款 {amount}。', en: 'Refunded {amount}.' },
    label: { zh: '订单退款', en: 'Order refunds' },
  },
];
