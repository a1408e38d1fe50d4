import { sql, type Generated, type Selectable } from 'kysely';
import { runStatement, type Db } from '../../platform/db.js';
import type { NullableTimestamp, Timestamp } from '../../platform/tables.js';

export type IntentStatus = 'requires_payment' | 'succeeded' | 'failed' | 'canceled';

interface LedgerAccountsTable { id: string; code: string; purpose: string; company_id: string | null; currency: string; created_at: Timestamp }
interface LedgerTransactionsTable { id: string; kind: string; reference_type: string; reference_id: string; memo: string; created_at: Timestamp }
interface LedgerPostingsTable { id: Generated<number>; transaction_id: string; account_id: string; amount: number; currency: string }
interface PaymentIntentsTable {
  id: string; company_id: string; purpose: string; reference_id: string; amount: number; currency: string; provider: string; status: IntentStatus;
  provider_ref: string; description: string; created_by: string | null; created_at: Timestamp; updated_at: Timestamp; settled_at: NullableTimestamp;
}
interface PaymentWebhookEventsTable { id: string; provider: string; event_id: string | null; intent_id: string | null; outcome: string; detail: string; received_at: Timestamp }
interface IdempotencyKeysTable { scope: string; key: string; request_hash: string; status_code: number | null; response_body: string | null; created_at: Timestamp }

type PaymentsTables = {
  ledger_accounts: LedgerAccountsTable;
  ledger_transactions: LedgerTransactionsTable;
  ledger_postings: LedgerPostingsTable;
  payment_intents: PaymentIntentsTable;
  payment_webhook_events: PaymentWebhookEventsTable;
  idempotency_keys: IdempotencyKeysTable;
};

export type IntentRow = Selectable<PaymentIntentsTable>;
export type LedgerAccountRow = Selectable<LedgerAccountsTable>;

const t = (db: Db) => db.withTables<PaymentsTables>();

// ---- ledger

export async function ensureAccount(db: Db, a: { id: string; code: string; purpose: string; companyId: string | null; currency: string }): Promise<LedgerAccountRow> {
  await t(db).insertInto('ledger_accounts').values({ id: a.id, code: a.code, purpose: a.purpose, company_id: a.companyId, currency: a.currency }).onConflict((oc) => oc.column('code').doNothing()).execute();
  return t(db).selectFrom('ledger_accounts').selectAll().where('code', '=', a.code).executeTakeFirstOrThrow();
}

export async function insertLedgerTransaction(db: Db, tx: { id: string; kind: string; referenceType: string; referenceId: string; memo: string }, postings: Array<{ accountId: string; amount: number; currency: string }>): Promise<void> {
  await t(db).insertInto('ledger_transactions').values({ id: tx.id, kind: tx.kind, reference_type: tx.referenceType, reference_id: tx.referenceId, memo: tx.memo }).execute();
  await t(db).insertInto('ledger_postings').values(postings.map((p) => ({ transaction_id: tx.id, account_id: p.accountId, amount: p.amount, currency: p.currency }))).execute();
}

export async function balances(db: Db, codePrefix?: string): Promise<Array<{ code: string; purpose: string; currency: string; balance: number }>> {
  let q = t(db)
    .selectFrom('ledger_accounts')
    .leftJoin('ledger_postings', 'ledger_postings.account_id', 'ledger_accounts.id')
    .select(['ledger_accounts.code', 'ledger_accounts.purpose', 'ledger_accounts.currency', sql<number>`coalesce(sum(ledger_postings.amount), 0)::bigint`.as('balance')])
    .groupBy(['ledger_accounts.code', 'ledger_accounts.purpose', 'ledger_accounts.currency'])
    .orderBy('ledger_accounts.code');
  if (codePrefix) q = q.where('ledger_accounts.code', 'like', `${codePrefix}%`);
  return (await q.execute()).map((r) => ({ ...r, balance: Number(r.balance) }));
}

export async function accountBalance(db: Db, code: string): Promise<number> {
  const r = await t(db).selectFrom('ledger_postings').innerJoin('ledger_accounts', 'ledger_accounts.id', 'ledger_postings.account_id')
    .select(sql<string>`coalesce(sum(ledger_postings.amount), 0)::bigint`.as('balance')).where('ledger_accounts.code', '=', code).executeTakeFirst();
  return Number(r?.balance ?? 0);
}

export async function accountEntries(db: Db, code: string, range: { from?: Date | undefined; to?: Date | undefined }) {
  let q = t(db).selectFrom('ledger_postings')
    .innerJoin('ledger_accounts', 'ledger_accounts.id', 'ledger_postings.account_id')
    .innerJoin('ledger_transactions', 'ledger_transactions.id', 'ledger_postings.transaction_id')
    .select(['ledger_postings.id', 'ledger_postings.amount', 'ledger_postings.currency', 'ledger_transactions.id as transactionId', 'ledger_transactions.kind',
      'ledger_transactions.reference_type as referenceType', 'ledger_transactions.reference_id as referenceId', 'ledger_transactions.memo', 'ledger_transactions.created_at as createdAt'])
    .where('ledger_accounts.code', '=', code)
    .orderBy('ledger_postings.id');
  if (range.from) q = q.where('ledger_transactions.created_at', '>=', range.from);
  if (range.to) q = q.where('ledger_transactions.created_at', '<', range.to);
  return (await q.execute()).map((r) => ({ ...r, id: Number(r.id), amount: Number(r.amount) }));
}

/** The postings of some transactions with their account codes (e.g. the fee beside a seller's release, for statements). */
export async function transactionPostings(db: Db, transactionIds: string[]): Promise<Array<{ transactionId: string; account: string; amount: number; currency: string }>> {
  if (transactionIds.length === 0) return [];
  const rows = await t(db).selectFrom('ledger_postings').innerJoin('ledger_accounts', 'ledger_accounts.id', 'ledger_postings.account_id')
    .select(['ledger_postings.transaction_id as transactionId', 'ledger_accounts.code as account', 'ledger_postings.amount', 'ledger_postings.currency'])
    .where('ledger_postings.transaction_id', 'in', transactionIds).orderBy('ledger_postings.id').execute();
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

/** Transactions whose postings do not sum to zero in some currency (there should be none). */
export async function unbalancedTransactions(db: Db): Promise<Array<{ transactionId: string; currency: string; sum: number }>> {
  const r = await sql<{ transaction_id: string; currency: string; total: number }>`
    SELECT transaction_id, currency, sum(amount)::bigint AS total FROM ledger_postings GROUP BY transaction_id, currency HAVING sum(amount) <> 0`.execute(db);
  return r.rows.map((x) => ({ transactionId: x.transaction_id, currency: x.currency, sum: Number(x.total) }));
}

export async function ledgerEntries(db: Db, filter: { beforeId?: string | undefined; limit: number }) {
  let q = t(db).selectFrom('ledger_transactions').selectAll().orderBy('id', 'desc').limit(filter.limit + 1);
  if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
  const txs = await q.execute();
  if (txs.length === 0) return [];
  const postings = await t(db)
    .selectFrom('ledger_postings')
    .innerJoin('ledger_accounts', 'ledger_accounts.id', 'ledger_postings.account_id')
    .select(['ledger_postings.transaction_id', 'ledger_accounts.code', 'ledger_postings.amount', 'ledger_postings.currency'])
    .where('ledger_postings.transaction_id', 'in', txs.map((x) => x.id))
    .orderBy('ledger_postings.id')
    .execute();
  return txs.map((x) => ({ ...x, postings: postings.filter((p) => p.transaction_id === x.id).map((p) => ({ account: p.code, amount: Number(p.amount), currency: p.currency })) }));
}

// ---- intents

export async function insertIntent(db: Db, i: Omit<IntentRow, 'created_at' | 'updated_at' | 'settled_at'>): Promise<IntentRow> {
  return t(db).insertInto('payment_intents').values(i).returningAll().executeTakeFirstOrThrow();
}

export async function findIntent(db: Db, id: string, forUpdate = false): Promise<IntentRow | undefined> {
  let q = t(db).selectFrom('payment_intents').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function settleIntent(db: Db, id: string, status: IntentStatus): Promise<IntentRow> {
  return t(db).updateTable('payment_intents').set({ status, updated_at: new Date(), settled_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function listIntents(db: Db, filter: { companyId?: string | undefined; status?: IntentStatus | undefined; provider?: string | undefined; beforeId?: string | undefined; limit: number }): Promise<IntentRow[]> {
  let q = t(db).selectFrom('payment_intents').selectAll().orderBy('id', 'desc').limit(filter.limit + 1);
  if (filter.companyId) q = q.where('company_id', '=', filter.companyId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.provider) q = q.where('provider', '=', filter.provider);
  if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
  return q.execute();
}

// ---- webhooks

export async function logWebhook(db: Db, w: { id: string; provider: string; eventId: string | null; intentId: string | null; outcome: string; detail: string }): Promise<void> {
  await t(db).insertInto('payment_webhook_events').values({ id: w.id, provider: w.provider, event_id: w.eventId, intent_id: w.intentId, outcome: w.outcome, detail: w.detail.slice(0, 500) }).execute();
}

export async function webhookApplied(db: Db, provider: string, eventId: string): Promise<boolean> {
  return (await t(db).selectFrom('payment_webhook_events').select('id').where('provider', '=', provider).where('event_id', '=', eventId).where('outcome', '=', 'applied').executeTakeFirst()) !== undefined;
}

export async function webhookLog(db: Db, intentId: string) {
  return t(db).selectFrom('payment_webhook_events').selectAll().where('intent_id', '=', intentId).orderBy('received_at').execute();
}

// ---- idempotency

/** Claims (scope, key) for this request; returns the earlier row when the key was used before. */
export async function claimIdempotencyKey(db: Db, scope: string, key: string, requestHash: string) {
  const inserted = await t(db).insertInto('idempotency_keys').values({ scope, key, request_hash: requestHash }).onConflict((oc) => oc.columns(['scope', 'key']).doNothing()).returning('key').executeTakeFirst();
  if (inserted) return null;
  return t(db).selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirstOrThrow();
}

/** The key with its answer; false when (scope, key) exists already (after waiting for a concurrent holder to finish). */
// Written out (runStatement): every checkout runs it.
const INSERT_ANSWERED_KEY = `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response_body) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (scope, key) DO NOTHING RETURNING key`;

export async function insertAnsweredKey(db: Db, k: { scope: string; key: string; requestHash: string; statusCode: number; json: string }): Promise<boolean> {
  const inserted = await runStatement<{ key: string }>(db, INSERT_ANSWERED_KEY, [k.scope, k.key, k.requestHash, k.statusCode, k.json]);
  return inserted.length > 0;
}

export async function findIdempotencyKey(db: Db, scope: string, key: string) {
  return t(db).selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
}

export async function completeIdempotencyKey(db: Db, scope: string, key: string, statusCode: number, json: string): Promise<void> {
  await t(db).updateTable('idempotency_keys').set({ status_code: statusCode, response_body: json }).where('scope', '=', scope).where('key', '=', key).execute();
}

export async function releaseIdempotencyKey(db: Db, scope: string, key: string): Promise<void> {
  await t(db).deleteFrom('idempotency_keys').where('scope', '=', scope).where('key', '=', key).where('status_code', 'is', null).execute();
}
