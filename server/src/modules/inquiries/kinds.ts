import type { NotificationKind } from '../notifications/index.js';

/** The notices this module sends (registered with the notifications module when the module is created). */
export const INQUIRY_NOTIFICATION_KINDS: NotificationKind[] = [
  {
    key: 'inquiry.received', group: 'sourcing', mailByDefault: true,
    title: { zh: '{buyer} 向您发送了询盘', en: 'New inquiry from {buyerEn}' },
    body: { zh: '{subjectZh}', en: '{subjectEn}' },
    label: { zh: '收到新询盘', en: 'New inquiry received' },
  },
  {
    key: 'inquiry.replied', group: 'sourcing', mailByDefault: false,
    title: { zh: '{supplier} 回复了您的询盘', en: '{supplierEn} replied to your inquiry' },
    body: { zh: '{subjectZh}', en: '{subjectEn}' },
    label: { zh: '供应商回复了询盘', en: 'A supplier replied to my inquiry' },
  },
  {
    key: 'inquiry.quoted', group: 'sourcing', mailByDefault: true,
    title: { zh: '{supplier} 给您报价:¥{price}/{unitZh}', en: '{supplierEn} quoted ¥{price} per {unitEn}' },
    body: { zh: '{subjectZh} · 报价有效期至 {validUntil}', en: '{subjectEn} · valid until {validUntil}' },
    label: { zh: '收到询盘报价', en: 'A supplier quoted on my inquiry' },
  },
  {
    key: 'inquiry.followup', group: 'sourcing', mailByDefault: false,
    title: { zh: '{buyer} 在询盘中追加了留言', en: '{buyerEn} followed up on an inquiry' },
    body: { zh: '{subjectZh}', en: '{subjectEn}' },
    label: { zh: '买家追加留言', en: 'A buyer followed up on an inquiry' },
  },
  {
    key: 'inquiry.assigned', group: 'sourcing', mailByDefault: true,
    title: { zh: '{actor} 把 {buyer} 的询盘分配给了您', en: '{actor} assigned you the inquiry from {buyerEn}' },
    body: { zh: '{subjectZh}', en: '{subjectEn}' },
    label: { zh: '询盘分配给我', en: 'An inquiry was assigned to me' },
  },
];
