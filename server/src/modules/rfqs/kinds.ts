import type { NotificationKind } from '../notifications/index.js';

/** The notices this module sends (texts with {param} placeholders, rendered in the reader's language). */
export const RFQ_NOTIFICATION_KINDS: NotificationKind[] = [
  {
    key: 'rfq.matched', group: 'sourcing', mailByDefault: false,
    title: { zh: '新的采购需求:{title}', en: 'A new RFQ matches your products: {title}' },
    body: { zh: '求购 {quantityZh},交货地 {provinceZh},报价截止 {deadline}。', en: 'Wanted: {quantityEn}, delivery to {provinceEn}; quotes close {deadline}.' },
    label: { zh: '匹配到我的询价单', en: 'RFQs matching my products' },
  },
  {
    key: 'rfq.invited', group: 'sourcing', mailByDefault: true,
    title: { zh: '采购商邀请您报价:{title}', en: 'A buyer invites you to quote: {title}' },
    body: { zh: '求购 {quantityZh},报价截止 {deadline}。', en: 'Wanted: {quantityEn}; quotes close {deadline}.' },
    label: { zh: '邀请报价', en: 'Invitations to quote' },
  },
  {
    key: 'rfq.closing_soon', group: 'sourcing', mailByDefault: true,
    title: { zh: '询价单即将截止:{title}', en: 'Your RFQ closes within 24 hours: {title}' },
    body: { zh: '已收到 {quotes} 个报价,截止时间 {deadline}。', en: '{quotes} quote(s) so far; quotes close {deadline}.' },
    label: { zh: '询价单即将截止', en: 'RFQ closing soon' },
  },
  {
    key: 'quote.received', group: 'sourcing', mailByDefault: true,
    title: { zh: '收到新报价:{title}', en: 'New quote on your RFQ: {title}' },
    body: { zh: '{supplier} 报价 {price}。', en: '{supplierEn} quoted {price}.' },
    label: { zh: '收到报价', en: 'Quotes received' },
  },
  {
    key: 'quote.accepted', group: 'sourcing', mailByDefault: true,
    title: { zh: '您的报价已被接受:{title}', en: 'Your quote was accepted: {title}' },
    label: { zh: '报价被接受', en: 'Quote accepted' },
  },
  {
    key: 'quote.declined', group: 'sourcing', mailByDefault: false,
    title: { zh: '您的报价未被采纳:{title}', en: 'Your quote was declined: {title}' },
    body: { zh: '原因:{reason}', en: 'Reason: {reason}' },
    label: { zh: '报价被拒绝', en: 'Quote declined' },
  },
  {
    key: 'quote.message', group: 'sourcing', mailByDefault: false,
    title: { zh: '报价沟通有新消息:{title}', en: 'New message about a quote: {title}' },
    body: { zh: '{excerpt}', en: '{excerpt}' },
    label: { zh: '报价沟通消息', en: 'Messages about quotes' },
  },
];
