import { defineErrors } from '../../platform/errors.js';

export const OrderErrors = defineErrors({
  ORDER_NOT_FOUND: { kind: 'not_found', en: 'There is no such order, or it is not visible to you.', zh: '该订单不存在,或您无权查看。' },
  ORDER_ACTION_NOT_ALLOWED: { kind: 'conflict', en: 'The order is {status}; "{action}" is not possible now.', zh: '订单当前状态为「{statusZh}」,不能执行「{actionZh}」。' },
  ORDER_NOT_SHIPPABLE: { kind: 'conflict', en: 'The order is {status}; it can only be shipped once paid and before it is fully shipped.', zh: '订单当前状态为「{statusZh}」,只有已付款且未全部发货的订单可以发货。' },
  ORDER_SHIPMENT_INVALID: { kind: 'invalid', en: 'The shipment has {count} problem(s); see the list.', zh: '发货信息有 {count} 处问题,请查看明细。' },
  ORDER_ALREADY_PAID: { kind: 'conflict', en: 'A payment was already received for this order; it can no longer be adjusted.', zh: '该订单已收到付款,不能再修改价格。' },
  ORDER_REFUND_TOO_LARGE: { kind: 'conflict', en: 'At most {refundable} can still be refunded on this order; {amount} was asked.', zh: '该订单最多还可退款 {refundable},申请金额为 {amount}。' },
  ORDER_REFUND_INVALID: { kind: 'invalid', en: 'The refund has {count} problem(s); see the list.', zh: '退款信息有 {count} 处问题,请查看明细。' },
  CHECKOUT_EMPTY: { kind: 'invalid', en: 'There is nothing to order: choose items in the purchase list, or send items.', zh: '没有可下单的商品:请在进货单中勾选商品,或直接提交商品。' },
  CHECKOUT_INVALID: { kind: 'invalid', en: 'The order has {count} problem(s); see the list.', zh: '订单有 {count} 处问题,请查看明细。' },
  CHECKOUT_OWN_PRODUCTS: { kind: 'conflict', en: 'A company cannot order its own products.', zh: '不能购买本企业的商品。' },
  CREDIT_TERMS_UNAVAILABLE: { kind: 'conflict', en: 'Credit terms are not available to your company; pay through escrow instead.', zh: '贵公司暂未开通账期,请使用担保交易付款。' },
  CREDIT_TERMS_OVERDUE: { kind: 'conflict', en: 'Your company has an overdue credit-terms bill; repay it before ordering on terms again.', zh: '贵公司有逾期未还的账期账单,还款后才能继续使用账期下单。' },
  QUOTE_NOT_ORDERABLE: { kind: 'conflict', en: 'Only a quote your company accepted can become an order.', zh: '只有贵公司已接受的报价才能下单。' },
  QUOTE_ALREADY_ORDERED: { kind: 'conflict', en: 'This quote already became order {number}.', zh: '该报价已生成订单 {number}。' },
  ORDER_PAYMENT_PROVIDER_UNAVAILABLE: { kind: 'invalid', en: 'The payment method {provider} is not available.', zh: '支付方式 {provider} 不可用。' },
});
