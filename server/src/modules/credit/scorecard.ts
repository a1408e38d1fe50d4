/**
 * Scorecards turn recorded facts into a 0–100 score and a 1A–5A grade, factor by factor, so every point
 * can be explained. A new version is a new function; stored ratings keep the version that made them.
 */
export interface CreditFacts {
  verified: boolean;
  fieldVerified: boolean;
  verifiedDays: number;
  rejectedVerifications: number;
  platformDays: number;
  trustpassYears: number;
  trustpassActive: boolean;
  completedOrders: number;
  tradeVolumeYuan: number;
  onTimeShipRate: number | null;
  responseRate: number | null;
  disputesLost: number;
  /** As buyer on credit terms: share of bills repaid by their due date (null: no bill due or repaid yet). Read from v2. */
  paymentPunctuality: number | null;
}

export type Dimension = 'identity' | 'tenure' | 'trade' | 'service' | 'compliance';

export interface Factor {
  key: string;
  dimension: Dimension;
  points: number;
  max: number;
  value: string;
  /** Why, in both languages. */
  zh: string;
  en: string;
}

export interface Rating {
  version: string;
  score: number;
  grade: '1A' | '2A' | '3A' | '4A' | '5A';
  dimensions: Array<{ key: Dimension; points: number; max: number }>;
  factors: Factor[];
}

export const GRADE_FLOORS: Array<[Rating['grade'], number]> = [['5A', 85], ['4A', 70], ['3A', 55], ['2A', 40], ['1A', 0]];

export function gradeFor(score: number): Rating['grade'] {
  return GRADE_FLOORS.find(([, floor]) => score >= floor)![0];
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
const round2 = (x: number) => Math.round(x * 100) / 100;

function factorsV1(f: CreditFacts): Factor[] {
  return [
    { key: 'registry_verified', dimension: 'identity', max: 25, points: f.verified ? 25 : 0, value: f.verified ? 'yes' : 'no',
      zh: f.verified ? '已通过工商认证' : '尚未通过工商认证:完成认证可得 25 分', en: f.verified ? 'Business registration verified' : 'Not verified yet: verification adds 25 points' },
    { key: 'field_verified', dimension: 'identity', max: 10, points: f.fieldVerified ? 10 : 0, value: f.fieldVerified ? 'yes' : 'no',
      zh: f.fieldVerified ? '已通过实地认证' : '未做实地认证:实地认证可得 10 分', en: f.fieldVerified ? 'Field verification recorded' : 'No field visit yet: one adds 10 points' },
    { key: 'platform_tenure', dimension: 'tenure', max: 5, points: round2(clamp(f.platformDays / 365, 0, 1) * 5), value: `${f.platformDays}d`,
      zh: `入驻平台 ${f.platformDays} 天(满一年得满分)`, en: `${f.platformDays} days on the platform (full marks after a year)` },
    { key: 'trustpass_years', dimension: 'tenure', max: 15, points: f.trustpassActive ? 5 + clamp(f.trustpassYears, 0, 4) * 2.5 : 0, value: `${f.trustpassActive ? f.trustpassYears : 0}y`,
      zh: f.trustpassActive ? `诚信通第 ${f.trustpassYears} 年(开通 5 分,每年再加 2.5 分,最多 15 分)` : '未开通诚信通:开通可得 5 分起', en: f.trustpassActive ? `TrustPass year ${f.trustpassYears} (5 points, plus 2.5 a year, up to 15)` : 'No active TrustPass: membership adds 5 points or more' },
    { key: 'completed_orders', dimension: 'trade', max: 10, points: round2(clamp(Math.log10(1 + f.completedOrders) / 2, 0, 1) * 10), value: String(f.completedOrders),
      zh: `已完成订单 ${f.completedOrders} 笔`, en: `${f.completedOrders} completed orders` },
    { key: 'trade_volume', dimension: 'trade', max: 10, points: round2(clamp(Math.log10(1 + f.tradeVolumeYuan) / 7, 0, 1) * 10), value: `¥${f.tradeVolumeYuan}`,
      zh: `平台交易额 ¥${f.tradeVolumeYuan}`, en: `Trade volume on the platform ¥${f.tradeVolumeYuan}` },
    { key: 'on_time_shipping', dimension: 'service', max: 8, points: f.onTimeShipRate === null ? 0 : round2(f.onTimeShipRate * 8), value: f.onTimeShipRate === null ? 'n/a' : `${Math.round(f.onTimeShipRate * 100)}%`,
      zh: f.onTimeShipRate === null ? '暂无发货记录' : `按时发货率 ${Math.round(f.onTimeShipRate * 100)}%`, en: f.onTimeShipRate === null ? 'No shipments yet' : `On-time shipping ${Math.round(f.onTimeShipRate * 100)}%` },
    { key: 'response_rate', dimension: 'service', max: 7, points: f.responseRate === null ? 0 : round2(f.responseRate * 7), value: f.responseRate === null ? 'n/a' : `${Math.round(f.responseRate * 100)}%`,
      zh: f.responseRate === null ? '暂无询盘记录' : `24 小时响应率 ${Math.round(f.responseRate * 100)}%`, en: f.responseRate === null ? 'No inquiries yet' : `24-hour response rate ${Math.round(f.responseRate * 100)}%` },
    { key: 'clean_record', dimension: 'compliance', max: 10, points: clamp(10 - 4 * f.disputesLost - 2 * f.rejectedVerifications, 0, 10), value: `${f.disputesLost}/${f.rejectedVerifications}`,
      zh: `败诉纠纷 ${f.disputesLost} 起,被驳回的认证 ${f.rejectedVerifications} 次`, en: `${f.disputesLost} disputes lost, ${f.rejectedVerifications} verification requests rejected` },
  ];
}

function rated(version: string, factors: Factor[]): Rating {
  const dims: Dimension[] = ['identity', 'tenure', 'trade', 'service', 'compliance'];
  const dimensions = dims.map((key) => {
    const of = factors.filter((x) => x.dimension === key);
    return { key, points: round2(of.reduce((s, x) => s + x.points, 0)), max: of.reduce((s, x) => s + x.max, 0) };
  });
  const score = round2(factors.reduce((s, x) => s + x.points, 0));
  return { version, score, grade: gradeFor(score), dimensions, factors };
}

export function scorecardV1(f: CreditFacts): Rating {
  return rated('v1', factorsV1(f));
}

/** Most a buyer's late credit-terms bills cost: all of its compliance points (10). */
export const LATE_PAYMENT_MAX_DEDUCTION = 10;

/**
 * v2 (the trade issue): v1's factors, plus payment punctuality on credit terms (账期) in the compliance dimension.
 * It is a deduction like the clean record: (1 − punctuality) × 10 points off, never more than what the compliance
 * dimension still holds, so the dimension stays within 0–10 and the maxima still add up to 100. No bills, no
 * deduction: a company that never bought on terms is not marked down.
 */
export function scorecardV2(f: CreditFacts): Rating {
  const factors = factorsV1(f);
  const compliance = factors.filter((x) => x.dimension === 'compliance').reduce((s, x) => s + x.points, 0);
  const p = f.paymentPunctuality;
  const pct = p === null ? null : `${Math.round(p * 100)}%`;
  const deduction = p === null ? 0 : round2(Math.min(compliance, (1 - clamp(p, 0, 1)) * LATE_PAYMENT_MAX_DEDUCTION));
  factors.push({
    key: 'payment_punctuality', dimension: 'compliance', max: 0, points: deduction === 0 ? 0 : -deduction, value: pct ?? 'n/a',
    zh: pct === null ? '暂无账期账单记录' : `账期账单按时还款率 ${pct}(逾期按比例扣分,最多扣 10 分)`,
    en: pct === null ? 'No credit-terms bills yet' : `Credit-terms bills repaid on time: ${pct} (late payment costs up to 10 points)`,
  });
  return rated('v2', factors);
}
