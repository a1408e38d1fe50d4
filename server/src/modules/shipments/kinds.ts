import type { NotificationKind } from '../notifications/index.js';

/**
 * The notices this module sends (registered with the notifications module when the module is created).
 * Group 'system' until the notifications module has a trade group. The order's own "shipped" notice is the orders
 * module's (orders.applyShipment), so a shipment adds only the delivery notice.
 */
export const SHIPMENT_NOTIFICATION_KINDS: NotificationKind[] = [
  {
    key: 'shipment.delivered', group: 'trade', mailByDefault: false,
    title: { zh: '订单 {orderNumber} 的包裹已签收', en: 'A parcel of order {orderNumber} was delivered' },
    body: { zh: '{carrierZh} 运单号 {waybillNo};请核对货物后确认收货。', en: '{carrierEn} waybill {waybillNo}; check the goods, then confirm receipt.' },
    label: { zh: '包裹已签收', en: 'A parcel was delivered' },
  },
];
