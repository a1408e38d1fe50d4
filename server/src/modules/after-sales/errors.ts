import { defineErrors } from '../../platform/errors.js';

export const AfterSaleErrors = defineErrors({
  AFTER_SALE_NOT_FOUND: { kind: 'not_found', en: 'There is no such after-sales request, or it is not visible to you.', zh: '该售后申请不存在,或您无权查看。' },
  AFTER_SALE_ORDER_NOT_FOUND: { kind: 'not_found', en: 'There is no such order, or your company is not its buyer.', zh: '该订单不存在,或贵公司不是其买方。' },
  AFTER_SALE_ORDER_NOT_ELIGIBLE: { kind: 'conflict', en: 'After-sales requests are possible only on paid orders up to receipt; this order is {status}.', zh: '仅已付款至已收货的订单可以申请售后;该订单当前状态为「{statusZh}」。' },
  AFTER_SALE_WINDOW_CLOSED: { kind: 'conflict', en: 'The after-sales window of this order ended on {until}.', zh: '该订单的售后期已于 {until} 结束。' },
  AFTER_SALE_ALREADY_OPEN: { kind: 'conflict', en: 'This order already has an open after-sales request; finish or withdraw it first.', zh: '该订单已有进行中的售后申请,请先处理完毕或撤销。' },
  AFTER_SALE_INVALID: { kind: 'invalid', en: 'The after-sales request has {count} problem(s); see the list.', zh: '售后申请有 {count} 处问题,请查看明细。' },
  AFTER_SALE_NOTHING_TO_REFUND: { kind: 'conflict', en: 'Nothing paid on this order is left to refund.', zh: '该订单已无可退款金额。' },
  AFTER_SALE_NOT_SHIPPED_ONLY_REFUND: { kind: 'conflict', en: 'Nothing has been shipped yet: only a full refund ("do not ship") can be requested.', zh: '订单尚未发货,只能申请全额退款(不发货)。' },
  AFTER_SALE_ACTION_NOT_ALLOWED: { kind: 'conflict', en: 'This request is {status}; "{action}" is not possible now.', zh: '该售后申请当前为{statusZh},不能执行“{actionZh}”。' },
  AFTER_SALE_WRONG_SIDE: { kind: 'forbidden', en: 'Only the {side} may do this.', zh: '仅{sideZh}可以执行此操作。' },
  AFTER_SALE_PROPOSAL_INVALID: { kind: 'invalid', en: 'A partial refund must be more than ¥0.00 and less than the ¥{requested} requested (at most ¥{refundable} is refundable).', zh: '部分退款金额须大于 ¥0.00 且小于申请的 ¥{requested}(最多可退 ¥{refundable})。' },
  DISPUTE_NOT_FOUND: { kind: 'not_found', en: 'There is no such dispute.', zh: '该纠纷不存在。' },
  DISPUTE_ALREADY_DECIDED: { kind: 'conflict', en: 'This dispute was already decided.', zh: '该纠纷已经裁决。' },
  DISPUTE_DECISION_INVALID: { kind: 'invalid', en: 'The decision has {count} problem(s); see the list.', zh: '裁决有 {count} 处问题,请查看明细。' },
});
