import { defineErrors } from '../../platform/errors.js';

export const PaymentErrors = defineErrors({
  LEDGER_UNBALANCED: { kind: 'invalid', en: 'A ledger transaction must sum to zero in every currency.', zh: '账务交易各币种合计必须为零。' },
  PAYMENT_INTENT_NOT_FOUND: { kind: 'not_found', en: 'No such payment.', zh: '支付单不存在。' },
  PAYMENT_NOT_PAYABLE: { kind: 'conflict', en: 'This payment is {status} and can no longer be paid.', zh: '该支付单状态为 {status},无法再支付。' },
  PAYMENT_PROVIDER_MISMATCH: { kind: 'conflict', en: 'This payment is not handled by {provider}.', zh: '该支付单不由 {provider} 处理。' },
  TRANSFER_AMOUNT_MISMATCH: { kind: 'invalid', en: 'The transferred amount {received} does not match the amount due {due}.', zh: '到账金额 {received} 与应付金额 {due} 不符。' },
  WEBHOOK_SIGNATURE_INVALID: { kind: 'invalid', en: 'The webhook signature is missing, stale or wrong.', zh: 'Webhook 签名缺失、过期或错误。' },
  IDEMPOTENCY_KEY_REUSED: { kind: 'invalid', en: 'This Idempotency-Key was used for a different request.', zh: '该幂等键已用于另一个不同的请求。' },
  IDEMPOTENCY_IN_PROGRESS: { kind: 'conflict', en: 'A request with this Idempotency-Key is still being processed; retry shortly.', zh: '使用该幂等键的请求仍在处理中,请稍后重试。' },
  SANDBOX_DISABLED: { kind: 'not_found', en: 'The sandbox payment provider is not enabled.', zh: '沙箱支付未启用。' },
});
