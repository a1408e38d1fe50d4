/** Shapes of the credit and credential endpoints (see /api/openapi.json). */
export type Grade = '1A' | '2A' | '3A' | '4A' | '5A';
export type DimensionKey = 'identity' | 'tenure' | 'trade' | 'service' | 'compliance';

export interface CreditView {
  grade: Grade | null;
  score: number;
  scorecardVersion: string;
  computedAt: string;
  dimensions: Array<{ key: DimensionKey; points: number; max: number }>;
  factors: Array<{ key: string; dimension: DimensionKey; points: number; max: number; value: string; zh: string; en: string }>;
  history: Array<{ grade: Grade | null; score: number; computedAt: string }>;
}

export interface CredentialSubject {
  id: string;
  legalName: string;
  uscc: string;
  verification: { level: 'registry' | 'field'; verifiedAt: string };
  creditRating: { grade: string; score: number; ratedAt: string };
  trustpass: { status: string; years: number; expiresAt: string | null };
}

export interface VerifyResult {
  valid: boolean;
  reasons: string[];
  subject: CredentialSubject | null;
}
