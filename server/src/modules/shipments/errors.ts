import { defineErrors } from '../../platform/errors.js';

export const ShipmentErrors = defineErrors({
  SHIPMENT_NOT_FOUND: { kind: 'not_found', en: 'There is no such shipment, or it is not visible to you.', zh: '该发货记录不存在,或您无权查看。' },
  SHIPMENT_PHOTO_NOT_FOUND: { kind: 'not_found', en: 'This photo does not belong to the shipment.', zh: '该照片不属于此发货记录。' },
  SHIPMENT_INVALID: { kind: 'invalid', en: 'The shipment has {count} problem(s); see the list.', zh: '发货信息有 {count} 处问题,请查看明细。' },
  SHIPMENT_EXCEEDS_REMAINING: { kind: 'conflict', en: 'You are shipping more than is left to ship of "{line}": {remaining} remain.', zh: '「{line}」的发货数量超过待发数量:仅剩 {remaining}。' },
  TRACKING_INVALID: { kind: 'invalid', en: 'The tracking event has {count} problem(s); see the list.', zh: '物流轨迹有 {count} 处问题,请查看明细。' },
  CARRIER_UNKNOWN: { kind: 'not_found', en: 'There is no carrier "{carrier}".', zh: '没有名为「{carrier}」的承运商。' },
  CARRIER_WEBHOOK_SIGNATURE_INVALID: { kind: 'invalid', en: 'The carrier webhook signature is missing, stale or wrong.', zh: '物流回调签名缺失、过期或错误。' },
  CARRIER_WEBHOOK_MALFORMED: { kind: 'invalid', en: 'The carrier webhook body is not a list of tracking events.', zh: '物流回调内容不是物流轨迹列表。' },
});
