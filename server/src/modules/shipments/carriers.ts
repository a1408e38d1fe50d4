/** The carriers a seller picks from (the common express and freight companies of domestic trade), and "other". */
export const CARRIERS = [
  { code: 'SF', zh: '顺丰速运', en: 'SF Express' },
  { code: 'ZTO', zh: '中通快递', en: 'ZTO Express' },
  { code: 'YTO', zh: '圆通速递', en: 'YTO Express' },
  { code: 'STO', zh: '申通快递', en: 'STO Express' },
  { code: 'YD', zh: '韵达快递', en: 'Yunda Express' },
  { code: 'JD', zh: '京东物流', en: 'JD Logistics' },
  { code: 'DBL', zh: '德邦快递', en: 'Deppon Express' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const;

export type CarrierCode = (typeof CARRIERS)[number]['code'];
export const CARRIER_CODES = CARRIERS.map((c) => c.code) as [CarrierCode, ...CarrierCode[]];

export function carrierOf(code: string): (typeof CARRIERS)[number] | undefined {
  return CARRIERS.find((c) => c.code === code);
}

/** What a tracking event says happened to the parcel ('shipped' is the seller's own first entry). */
export const TRACKING_STATUSES = ['shipped', 'picked_up', 'in_transit', 'out_for_delivery', 'delivered', 'exception'] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];
/** What people and carriers may report (the 'shipped' entry is written by the shipment itself). */
export const REPORTABLE_STATUSES = ['picked_up', 'in_transit', 'out_for_delivery', 'delivered', 'exception'] as const satisfies readonly TrackingStatus[];

/** 'buyer': written when the buyer's receipt (confirmed or automatic) delivers parcels still in transit. */
export const TRACKING_SOURCES = ['seller', 'operator', 'carrier', 'buyer'] as const;
export type TrackingSource = (typeof TRACKING_SOURCES)[number];
