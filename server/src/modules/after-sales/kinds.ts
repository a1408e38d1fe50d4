import type { NotificationGroup, NotificationKind } from '../notifications/index.js';

/** Trade notices are listed under the trade group. */
const GROUP: NotificationGroup = 'trade';

/**
 * The notices this module sends (texts with {param} placeholders, rendered in the reader's language). Every step
 * tells the other party; params: order (number), amount (yuan: grouped, two decimals, no symbol), reason / note (free text).
 */
export const AFTER_SALE_NOTIFICATION_KINDS: NotificationKind[] = [
  {
    key: 'after_sale.requested', group: GROUP, mailByDefault: true,
    title: { zh: '订单 {order} 有新的售后申请', en: 'New after-sales request on order {order}' },
    body: { zh: '{kindZh},金额 ¥{amount}。原因:{reasonZh}', en: '{kindEn}, ¥{amount}. Reason: {reasonEn}' },
    label: { zh: '收到售后申请', en: 'After-sales requests received' },
  },
  {
    key: 'after_sale.accepted', group: GROUP, mailByDefault: true,
    title: { zh: '卖家已同意订单 {order} 的售后申请', en: 'The seller accepted your after-sales request on order {order}' },
    body: { zh: '{nextZh}', en: '{nextEn}' },
    label: { zh: '售后申请被同意', en: 'After-sales request accepted' },
  },
  {
    key: 'after_sale.rejected', group: GROUP, mailByDefault: true,
    title: { zh: '卖家拒绝了订单 {order} 的售后申请', en: 'The seller rejected your after-sales request on order {order}' },
    body: { zh: '原因:{reason}。如不认可,可申请平台介入。', en: 'Reason: {reason}. If you disagree, ask the platform to step in.' },
    label: { zh: '售后申请被拒绝', en: 'After-sales request rejected' },
  },
  {
    key: 'after_sale.proposed', group: GROUP, mailByDefault: true,
    title: { zh: '卖家对订单 {order} 提议部分退款 ¥{amount}', en: 'The seller offers a partial refund of ¥{amount} on order {order}' },
    body: { zh: '{reason}', en: '{reason}' },
    label: { zh: '卖家提议部分退款', en: 'Partial refund offers' },
  },
  {
    key: 'after_sale.proposal_accepted', group: GROUP, mailByDefault: false,
    title: { zh: '买家接受了订单 {order} 的部分退款 ¥{amount}', en: 'The buyer accepted the partial refund of ¥{amount} on order {order}' },
    label: { zh: '部分退款被接受', en: 'Partial refund accepted' },
  },
  {
    key: 'after_sale.return_shipped', group: GROUP, mailByDefault: true,
    title: { zh: '买家已寄回订单 {order} 的商品', en: 'The buyer sent back the goods of order {order}' },
    body: { zh: '{carrier} 运单号 {waybillNo}。收到后请确认。', en: '{carrier}, waybill {waybillNo}. Confirm when they arrive.' },
    label: { zh: '买家寄回退货', en: 'Returns sent back' },
  },
  {
    key: 'after_sale.refunded', group: GROUP, mailByDefault: true,
    title: { zh: '订单 {order} 已退款 ¥{amount}', en: 'Order {order}: ¥{amount} refunded' },
    label: { zh: '售后退款完成', en: 'After-sales refunds' },
  },
  {
    key: 'after_sale.exchanged', group: GROUP, mailByDefault: true,
    title: { zh: '订单 {order} 的换货已发出', en: 'The replacement for order {order} is on its way' },
    body: { zh: '{carrier} 运单号 {waybillNo}', en: '{carrier}, waybill {waybillNo}' },
    label: { zh: '换货已发出', en: 'Exchanges sent' },
  },
  {
    key: 'after_sale.withdrawn', group: GROUP, mailByDefault: false,
    title: { zh: '买家撤销了订单 {order} 的售后申请', en: 'The buyer withdrew the after-sales request on order {order}' },
    label: { zh: '售后申请被撤销', en: 'After-sales request withdrawn' },
  },
  {
    key: 'after_sale.closed', group: GROUP, mailByDefault: false,
    title: { zh: '订单 {order} 的售后申请已关闭', en: 'The after-sales request on order {order} was closed' },
    body: { zh: '{whyZh}', en: '{whyEn}' },
    label: { zh: '售后申请关闭', en: 'After-sales request closed' },
  },
  {
    key: 'dispute.opened', group: GROUP, mailByDefault: true,
    title: { zh: '订单 {order} 的售后已转为纠纷,平台介入处理', en: 'The after-sales request on order {order} is now a dispute; the platform will decide' },
    body: { zh: '{whyZh}', en: '{whyEn}' },
    label: { zh: '纠纷(平台介入)', en: 'Disputes opened' },
  },
  {
    key: 'dispute.decided', group: GROUP, mailByDefault: true,
    title: { zh: '平台已裁决订单 {order} 的纠纷', en: 'The platform decided the dispute on order {order}' },
    body: { zh: '{decisionZh}退款 ¥{amount}。{note}', en: '{decisionEn} Refund: ¥{amount}. {note}' },
    label: { zh: '纠纷裁决', en: 'Dispute decisions' },
  },
];

export const KIND_NAMES = {
  refund_only: { zh: '仅退款', en: 'Refund only' },
  return_refund: { zh: '退货退款', en: 'Return and refund' },
  exchange: { zh: '换货', en: 'Exchange' },
} as const;

export const REASON_NAMES: Record<string, { zh: string; en: string }> = {
  damaged: { zh: '商品破损', en: 'Damaged goods' },
  wrong_item: { zh: '发错货', en: 'Wrong item' },
  quality: { zh: '质量问题', en: 'Quality problem' },
  short_shipment: { zh: '少发/漏发', en: 'Short shipment' },
  not_as_described: { zh: '与描述不符', en: 'Not as described' },
  not_received: { zh: '未收到货', en: 'Not received' },
  no_longer_needed: { zh: '不需要了', en: 'No longer needed' },
  other: { zh: '其他', en: 'Other' },
};
