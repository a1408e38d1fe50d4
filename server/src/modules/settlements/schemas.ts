import { z } from 'zod';
import { pageQuery, pageSchema } from '../../platform/pagination.js';
import { timestamp } from '../../platform/schemas.js';

/** Most one payout or one credit line may hold, in 分 (¥100,000,000). */
const MAX_AMOUNT = 10_000_000_000;
const fen = z.number().int().positive().max(MAX_AMOUNT);

export const idParams = z.object({ id: z.uuid() });
export const companyParams = z.object({ id: z.uuid() });
export const creditLineParams = z.object({ companyId: z.uuid() });

export const balances = z.object({
  companyId: z.uuid(), currency: z.string(),
  available: z.number().int(), pending: z.number().int(), inFlight: z.number().int(),
});

export const bankAccount = z.strictObject({
  name: z.string().trim().min(2).max(100),
  accountNo: z.string().trim().transform((s) => s.replace(/[\s-]/g, '')).pipe(z.string().regex(/^\d{8,30}$/, 'digits only, 8 to 30')),
  accountName: z.string().trim().min(2).max(100),
});
export type BankAccountInput = z.infer<typeof bankAccount>;

export const payoutBody = z.strictObject({
  amount: fen,
  bank: bankAccount,
  provider: z.enum(['bank_transfer', 'sandbox']).default('bank_transfer'),
});
export type PayoutInput = z.infer<typeof payoutBody>;

/** The company's legal name and its English name (null when it has none), as every console list names a company. */
const companyNames = {
  companyName: z.string().nullable(),
  companyNameEn: z.string().nullable(),
};

export const payoutView = z.object({
  id: z.uuid(), companyId: z.uuid(), ...companyNames, amount: z.number().int(), currency: z.string(),
  bank: z.object({ name: z.string(), accountNo: z.string(), accountName: z.string() }),
  status: z.enum(['requested', 'paid', 'failed']), provider: z.string(), bankReference: z.string().nullable(), failureReason: z.string().nullable(),
  createdAt: timestamp, settledAt: timestamp.nullable(),
});
export const payoutPage = pageSchema(payoutView);
export const payoutsQuery = z.strictObject({ status: z.enum(['requested', 'paid', 'failed']).optional(), ...pageQuery });
export const confirmPayoutBody = z.strictObject({ bankReference: z.string().trim().min(1).max(100) });
export const failPayoutBody = z.strictObject({ reason: z.string().trim().min(2).max(500) });

export const statementQuery = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export const statementEntry = z.object({
  at: timestamp, kind: z.enum(['release', 'fee', 'payout', 'payout_reversal', 'refund', 'adjustment']),
  orderId: z.string().nullable(), orderNumber: z.string().nullable(), reference: z.string(), memo: z.string(),
  amount: z.number().int(), balance: z.number().int(),
});
export const statement = z.object({
  companyId: z.uuid(), currency: z.string(), from: z.string(), to: z.string(),
  opening: z.number().int(), closing: z.number().int(), credits: z.number().int(), debits: z.number().int(),
  entries: z.array(statementEntry),
});

export const reconciliation = z.object({
  ok: z.boolean(),
  balanced: z.boolean(),
  unbalancedTransactions: z.array(z.object({ transactionId: z.string(), currency: z.string(), sum: z.number() })),
  escrowBalance: z.number().int(),
  escrowOutstandingOrders: z.number().int(),
  escrowMatchesOrders: z.boolean(),
  receivables: z.number().int(),
  billedOutstanding: z.number().int(),
  receivablesMatchBills: z.boolean(),
  payoutsInFlight: z.number().int(),
  payoutsRequested: z.number().int(),
  inFlightMatchesPayouts: z.boolean(),
  sellerAvailable: z.number().int(),
  negativeSellerBalances: z.array(z.object({ account: z.string(), balance: z.number().int() })),
  platformFees: z.number().int(),
  checkedAt: timestamp,
});

const billStatus = z.enum(['awaiting_completion', 'billed', 'overdue', 'repaid', 'released']);
export const billView = z.object({
  id: z.uuid(), orderId: z.uuid(), orderNumber: z.string().nullable(), amount: z.number().int(), released: z.number().int(), outstanding: z.number().int(),
  currency: z.string(), status: billStatus, dueAt: timestamp.nullable(), billedAt: timestamp.nullable(), repaidAt: timestamp.nullable(),
  daysOverdue: z.number().int(), repayable: z.boolean(), termDays: z.number().int().nullable(), createdAt: timestamp,
});
export const creditLineView = z.object({
  companyId: z.uuid(), ...companyNames, limit: z.number().int(), used: z.number().int(), available: z.number().int(),
  currency: z.string(), status: z.enum(['active', 'frozen']), suggestedFromGrade: z.string().nullable(), suggestedLimit: z.number().int().nullable(),
  termDays: z.number().int().nullable().describe("days from receipt to due for this line's orders; null: the platform's default term"),
  note: z.string(), grantedAt: timestamp, updatedAt: timestamp,
  overdue: z.object({ count: z.number().int(), amount: z.number().int() }),
});
export const companyCreditLine = z.object({
  companyId: z.uuid(), line: creditLineView.nullable(), bills: z.array(billView),
  defaultTermDays: z.number().int().describe("the platform's credit term, for a line without a term of its own"),
  overdue: z.object({ count: z.number().int(), amount: z.number().int() }),
});
export const creditLinesQuery = z.strictObject({ status: z.enum(['active', 'frozen']).optional(), cursor: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(100).default(50) });
export const creditLinePage = z.object({ items: z.array(creditLineView), nextCursor: z.string().nullable() });
export const putCreditLineBody = z.strictObject({
  // A line of ¥0 would show as granted and active yet never carry an order; stopping new orders is what freezing is for.
  limit: fen.describe('in 分, above zero; to stop new orders on terms, freeze the line (status frozen) instead of lowering it to 0'),
  status: z.enum(['active', 'frozen']).default('active'),
  /** Days from receipt to due (账期) for orders drawn from now on; null or absent: the platform's default term. */
  termDays: z.number().int().min(1).max(180).nullable().default(null),
  note: z.string().trim().max(500).default(''),
});
export type PutCreditLineInput = z.infer<typeof putCreditLineBody>;
export const suggestionView = z.object({ companyId: z.uuid(), companyName: z.string(), companyNameEn: z.string().nullable(), grade: z.string().nullable(), suggestedLimit: z.number().int(), defaultTermDays: z.number().int(), line: creditLineView.nullable() });

export const repayBody = z.strictObject({ provider: z.enum(['sandbox', 'bank_transfer']).default('sandbox') });
export const intentSummary = z.object({
  id: z.uuid(), amount: z.number().int(), currency: z.string(), provider: z.string(), status: z.string(), payUrl: z.string().nullable(), instructions: z.string().nullable(),
});
export const repayResponse = z.object({ bill: billView, intent: intentSummary });
