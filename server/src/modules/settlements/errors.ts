import { defineErrors } from '../../platform/errors.js';

export const SettlementErrors = defineErrors({
  PAYOUT_NOT_FOUND: { kind: 'not_found', en: 'There is no such payout, or it is not visible to you.', zh: '该提现不存在,或您无权查看。' },
  PAYOUT_EXCEEDS_AVAILABLE: { kind: 'conflict', en: 'The payout exceeds the available balance ({available} fen).', zh: '提现金额超过可用余额({available} 分)。' },
  PAYOUT_NOT_REQUESTED: { kind: 'conflict', en: 'This payout is already {status}.', zh: '该提现已{statusZh}。' },
  PAYOUT_PROVIDER_UNAVAILABLE: { kind: 'invalid', en: 'Payouts through {provider} are not available.', zh: '不支持通过 {provider} 提现。' },
  CREDIT_LINE_NOT_FOUND: { kind: 'not_found', en: 'This company has no credit line.', zh: '该企业没有账期额度。' },
  CREDIT_LINE_FROZEN: { kind: 'conflict', en: 'The credit line is frozen; orders on credit terms are not possible now.', zh: '账期额度已冻结,暂不能使用账期下单。' },
  CREDIT_LIMIT_EXCEEDED: { kind: 'conflict', en: 'The order ({amount} fen) exceeds the credit available ({available} fen).', zh: '订单金额({amount} 分)超过可用账期额度({available} 分)。' },
  CREDIT_OVERDUE_BLOCKED: { kind: 'conflict', en: 'The company has {count} overdue credit-terms bill(s); repay them before ordering on terms again.', zh: '贵公司有 {count} 笔账期账单已逾期,请先还款再使用账期下单。' },
  CREDIT_DRAW_NOT_FOUND: { kind: 'not_found', en: 'There is no such credit-terms bill, or it is not visible to you.', zh: '该账期账单不存在,或您无权查看。' },
  CREDIT_DRAW_CONFLICT: { kind: 'conflict', en: 'This order already drew on a credit line with different terms.', zh: '该订单已按不同条件使用过账期额度。' },
  CREDIT_RELEASE_EXCEEDS: { kind: 'invalid', en: 'At most {outstanding} fen of this bill can be released.', zh: '该账单最多可释放 {outstanding} 分。' },
  CREDIT_BILL_NOT_PAYABLE: { kind: 'conflict', en: 'This bill cannot be repaid: {reason}.', zh: '该账单暂不能还款:{reasonZh}。' },
  CREDIT_BILL_SETTLED: { kind: 'conflict', en: 'This bill is already billed or repaid; it can no longer change.', zh: '该账单已出账或已还款,不能再变更。' },
  STATEMENT_RANGE_INVALID: { kind: 'invalid', en: 'The statement period must start before it ends and span at most 366 days.', zh: '对账单期间的开始日期须早于结束日期,且不超过 366 天。' },
});
