import { defineErrors } from '../../platform/errors.js';

export const NotificationErrors = defineErrors({
  NOTIFICATION_NOT_FOUND: { kind: 'not_found', en: 'There is no such notification.', zh: '该通知不存在。' },
  NOTIFICATION_KIND_UNKNOWN: { kind: 'invalid', en: 'There is no notification kind "{kind}".', zh: '不存在通知类型「{kind}」。' },
});
