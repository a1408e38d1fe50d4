import type { NotificationKind } from '../notifications/index.js';

/** The notices this module sends (texts with {param} placeholders, rendered in the reader's language). */
export const SETTLEMENT_NOTIFICATION_KINDS: NotificationKind[] = [
  {
    key: 'payout.paid', group: 'trade', mailByDefault: true,
    title: { zh: '提现已到账:{amount}', en: 'Payout paid: {amount}' },
    body: { zh: '已转入 {bank}(尾号 {tail}),银行流水号 {reference}。', en: 'Sent to {bank} (account ending {tail}), bank reference {reference}.' },
    label: { zh: '提现到账', en: 'Payout paid' },
  },
  {
    key: 'payout.failed', group: 'trade', mailByDefault: true,
    title: { zh: '提现失败:{amount}', en: 'Payout failed: {amount}' },
    body: { zh: '原因:{reason}。金额已退回可用余额。', en: 'Reason: {reason}. The amount is back in your available balance.' },
    label: { zh: '提现失败', en: 'Payout failed' },
  },
  {
    key: 'credit_line.changed', group: 'trade', mailByDefault: true,
    title: { zh: '账期额度变更:{limit}', en: 'Your credit line changed: {limit}' },
    body: { zh: '状态:{statusZh}。账期:{termZh}。', en: 'Status: {statusEn}. Term: {termEn}.' },
    label: { zh: '账期额度变更', en: 'Credit line changes' },
  },
  {
    key: 'credit_terms.default_changed', group: 'trade', mailByDefault: true,
    title: { zh: '平台默认账期调整为收货后 {days} 天', en: "The platform's default credit term is now {days} days after receipt" },
    body: {
      zh: '贵公司的账期额度使用平台默认账期(原为收货后 {previous} 天)。此后使用账期的新订单在收货后 {days} 天到期;已用账期下的订单不受影响。',
      en: 'Your credit line uses the platform default (it was {previous} days). New orders on terms will be due {days} days after receipt; orders already on terms keep their term.',
    },
    label: { zh: '默认账期调整', en: 'Default credit term changes' },
  },
  {
    key: 'credit_terms.due_soon', group: 'trade', mailByDefault: true,
    title: { zh: '账期账单即将到期:订单 {number}', en: 'Credit-terms bill due soon: order {number}' },
    body: { zh: '应还 {amount},到期日 {due}。', en: '{amount} is due on {due}.' },
    label: { zh: '账期账单即将到期', en: 'Credit-terms bill due soon' },
  },
  {
    key: 'credit_terms.overdue', group: 'trade', mailByDefault: true,
    title: { zh: '账期账单已逾期 {days} 天:订单 {number}', en: 'Credit-terms bill {days} day(s) overdue: order {number}' },
    body: { zh: '应还 {amount},到期日 {due}。逾期期间不能使用账期下单,且会影响企业信用。', en: '{amount} was due on {due}. While it is overdue, new orders on terms are blocked and your credit rating is affected.' },
    label: { zh: '账期账单逾期', en: 'Credit-terms bill overdue' },
  },
];
