import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/tables.js';

interface SigningKeysTable { kid: string; public_jwk: Json<Record<string, unknown>>; private_jwk_encrypted: string; created_at: Timestamp; retired_at: NullableTimestamp }
interface CredentialsTable {
  id: string; company_id: string; status_index: number; facts_hash: string; jwt: string; issued_at: Timestamp; expires_at: Timestamp;
  revoked_at: NullableTimestamp; revoke_reason: string | null;
}
type CredentialTables = { signing_keys: SigningKeysTable; credentials: CredentialsTable };
export type SigningKeyRow = Selectable<SigningKeysTable>;
export type CredentialRow = Selectable<CredentialsTable>;

const t = (db: Db) => db.withTables<CredentialTables>();

export async function keys(db: Db): Promise<SigningKeyRow[]> {
  return t(db).selectFrom('signing_keys').selectAll().orderBy('created_at', 'desc').execute();
}

export async function insertKey(db: Db, k: { kid: string; publicJwk: Record<string, unknown>; privateEncrypted: string }): Promise<void> {
  await t(db).insertInto('signing_keys').values({ kid: k.kid, public_jwk: JSON.stringify(k.publicJwk), private_jwk_encrypted: k.privateEncrypted }).execute();
}

export async function retireKeys(db: Db, exceptKid: string): Promise<void> {
  await t(db).updateTable('signing_keys').set({ retired_at: new Date() }).where('kid', '!=', exceptKid).where('retired_at', 'is', null).execute();
}

export async function nextStatusIndex(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`SELECT nextval('credential_status_index_seq')::int AS n`.execute(db);
  return r.rows[0]!.n;
}

export async function insertCredential(db: Db, c: Omit<CredentialRow, 'issued_at' | 'revoked_at' | 'revoke_reason'>): Promise<CredentialRow> {
  return t(db).insertInto('credentials').values(c).returningAll().executeTakeFirstOrThrow();
}

export async function currentCredential(db: Db, companyId: string): Promise<CredentialRow | undefined> {
  return t(db).selectFrom('credentials').selectAll().where('company_id', '=', companyId).where('revoked_at', 'is', null).where('expires_at', '>', sql<Date>`now()`).orderBy('issued_at', 'desc').limit(1).executeTakeFirst();
}

export async function findByStatusIndex(db: Db, index: number): Promise<CredentialRow | undefined> {
  return t(db).selectFrom('credentials').selectAll().where('status_index', '=', index).executeTakeFirst();
}

export async function revoke(db: Db, id: string, reason: string): Promise<void> {
  await t(db).updateTable('credentials').set({ revoked_at: new Date(), revoke_reason: reason }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function revokedIndexes(db: Db): Promise<number[]> {
  return (await t(db).selectFrom('credentials').select('status_index').where('revoked_at', 'is not', null).execute()).map((r) => r.status_index);
}
