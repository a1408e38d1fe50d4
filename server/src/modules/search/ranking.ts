/**
 * The ranking factors (docs/search.md). score = text relevance × supplier service factor × product factor.
 * Every input is a fact another module owns and a buyer can see; there is no input a supplier can buy its way
 * into — TrustPass counts only as consecutive years of membership, a track record, capped at five.
 * A metric with nothing measured yet (on-time, response, repeat buyers, disputes) is null and weighs exactly 1.
 */

export type Grade = '1A' | '2A' | '3A' | '4A' | '5A';

export const GRADE_FACTOR: Record<Grade | 'none', number> = { none: 0.9, '1A': 0.9, '2A': 0.975, '3A': 1.05, '4A': 1.125, '5A': 1.2 };
export const VERIFIED_FACTOR = 1.1;
export const TRUSTPASS_PER_YEAR = 0.02;
export const TRUSTPASS_MAX_YEARS = 5;
/**
 * Text relevance = MATCH_BASE (the product matched: every query word in its title, category, attributes,
 * description or supplier name) + ts_rank of the query against the title + TITLE_PHRASE_BONUS when the title
 * contains the query as typed. Ranking reads only the small title vector: it runs for every matching product.
 */
export const MATCH_BASE = 0.05;
export const TITLE_PHRASE_BONUS = 0.1;
/** ts_rank weights for D, C, B, A; the title vector is all A. */
export const TEXT_WEIGHTS = [0.1, 0.2, 0.4, 1.0] as const;

export interface Factor {
  name: string;
  value: string | number | boolean | null;
  factor: number;
}

export interface SupplierRankingInput {
  grade: Grade | null;
  verified: boolean;
  trustpassActive: boolean;
  trustpassYears: number;
  onTimeRate: number | null;
  responseRate: number | null;
  repeatBuyerRate: number | null;
  disputeRate: number | null;
}

const clamp01 = (r: number) => Math.min(1, Math.max(0, r));
/** A rate's factor: neutral (exactly 1) while the metric does not exist. */
const rate = (r: number | null, f: (r: number) => number) => (r === null ? 1 : f(clamp01(r)));
const round = (n: number) => Math.round(n * 10_000) / 10_000;

export function supplierFactors(s: SupplierRankingInput): { factor: number; factors: Factor[] } {
  const years = s.trustpassActive ? Math.min(Math.max(0, s.trustpassYears), TRUSTPASS_MAX_YEARS) : 0;
  const factors: Factor[] = [
    { name: 'grade', value: s.grade, factor: GRADE_FACTOR[s.grade ?? 'none'] },
    { name: 'verified', value: s.verified, factor: s.verified ? VERIFIED_FACTOR : 1 },
    { name: 'trustpassYears', value: s.trustpassActive ? s.trustpassYears : 0, factor: round(1 + TRUSTPASS_PER_YEAR * years) },
    // 75 % on time is neutral; 100 % 1.1, 50 % 0.9.
    { name: 'onTimeRate', value: s.onTimeRate, factor: round(rate(s.onTimeRate, (r) => 0.7 + 0.4 * r)) },
    { name: 'responseRate', value: s.responseRate, factor: round(rate(s.responseRate, (r) => 0.8 + 0.25 * r)) },
    { name: 'repeatBuyerRate', value: s.repeatBuyerRate, factor: round(rate(s.repeatBuyerRate, (r) => 0.95 + 0.25 * r)) },
    // Share of orders ending in a dispute the supplier lost: 5 % costs a fifth, floor 0.6.
    { name: 'disputeRate', value: s.disputeRate, factor: round(rate(s.disputeRate, (r) => Math.max(0.6, 1 - 4 * r))) },
  ];
  return { factor: round(factors.reduce((p, f) => p * f.factor, 1)), factors };
}

export function imageFactor(count: number): number {
  return count <= 0 ? 0.85 : count === 1 ? 0.95 : count === 2 ? 1 : 1.05;
}

/**
 * Recent buyers: distinct buyer companies that paid for the product in 90 days (service metrics; cancelled and
 * fully refunded orders do not count). +5 % per doubling, capped at 7 buyers (1.15): a proven product rises, but a
 * best-seller cannot bury a better-serving supplier's new product. None is neutral (1), so a new product loses nothing.
 */
export const RECENT_BUYERS_CAP = 7;
export const RECENT_BUYERS_PER_DOUBLING = 0.05;
export function recentBuyersFactor(buyers: number): number {
  return round(1 + RECENT_BUYERS_PER_DOUBLING * Math.log2(1 + Math.min(Math.max(0, Math.floor(buyers)), RECENT_BUYERS_CAP)));
}

export function productFactors(p: { completeness: number; imageCount: number; recentBuyers: number }): { factor: number; factors: Factor[] } {
  const completeness = clamp01(p.completeness);
  const factors: Factor[] = [
    { name: 'completeness', value: round(completeness), factor: round(0.8 + 0.2 * completeness) },
    { name: 'images', value: p.imageCount, factor: imageFactor(p.imageCount) },
    { name: 'recentBuyers', value: p.recentBuyers, factor: recentBuyersFactor(p.recentBuyers) },
  ];
  return { factor: round(factors.reduce((x, f) => x * f.factor, 1)), factors };
}

export const GRADE_RANK: Record<Grade, number> = { '1A': 1, '2A': 2, '3A': 3, '4A': 4, '5A': 5 };
export const GRADES = ['1A', '2A', '3A', '4A', '5A'] as const satisfies readonly Grade[];
