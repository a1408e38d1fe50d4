import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { CompanyRole } from '../../platform/context.js';
import type { NullableTimestamp, Timestamp } from '../../platform/tables.js';

export type CompanyType = 'manufacturer' | 'trading_company' | 'buyer' | 'both';

interface UsersTable {
  id: string;
  email: string;
  mobile: string | null;
  name: string;
  password_hash: string;
  is_operator: boolean | undefined;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_login_at: NullableTimestamp;
}
interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  active_company_id: string | null;
  user_agent: string | null;
  ip: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}
interface LoginThrottlesTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: NullableTimestamp;
}
interface CompaniesTable {
  id: string;
  legal_name: string;
  name_en: string | null;
  uscc: string | null;
  company_type: CompanyType;
  province: string;
  city: string;
  industry: string;
  main_products: string[];
  description: string;
  logo_file_id: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}
interface MembershipsTable {
  company_id: string;
  user_id: string;
  role: CompanyRole;
  created_at: Timestamp;
}
interface InvitationsTable {
  id: string;
  company_id: string;
  email: string;
  role: Exclude<CompanyRole, 'owner'>;
  token_hash: string;
  invited_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  accepted_by: string | null;
  revoked_at: NullableTimestamp;
}

type AccountsTables = {
  users: UsersTable;
  sessions: SessionsTable;
  login_throttles: LoginThrottlesTable;
  companies: CompaniesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
};

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type CompanyRow = Selectable<CompaniesTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type MemberRow = { userId: string; name: string; email: string; role: CompanyRole; joinedAt: Date };

const t = (db: Db) => db.withTables<AccountsTables>();

// ---- users

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return t(db).selectFrom('users').selectAll().where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return t(db).selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db, user: { id: string; email: string; mobile: string | null; name: string; passwordHash: string; isOperator?: boolean }): Promise<UserRow> {
  return t(db)
    .insertInto('users')
    .values({ id: user.id, email: user.email, mobile: user.mobile, name: user.name, password_hash: user.passwordHash, is_operator: user.isOperator ?? false })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateUser(db: Db, id: string, patch: { name?: string; mobile?: string | null; passwordHash?: string; isOperator?: boolean; lastLoginAt?: Date }): Promise<UserRow> {
  return t(db)
    .updateTable('users')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.mobile !== undefined ? { mobile: patch.mobile } : {}),
      ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
      ...(patch.isOperator !== undefined ? { is_operator: patch.isOperator } : {}),
      ...(patch.lastLoginAt !== undefined ? { last_login_at: patch.lastLoginAt } : { updated_at: new Date() }),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listUsers(db: Db, filter: { q?: string | undefined; beforeId?: string | undefined; limit: number }): Promise<UserRow[]> {
  let q = t(db).selectFrom('users').selectAll().orderBy('id', 'desc').limit(filter.limit + 1);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('email', 'ilike', like), eb('name', 'ilike', like)]));
  }
  if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
  return q.execute();
}

// ---- sessions

export async function insertSession(db: Db, s: { id: string; userId: string; tokenHash: string; csrfToken: string; activeCompanyId: string | null; userAgent: string | null; ip: string | null; expiresAt: Date }): Promise<void> {
  await t(db)
    .insertInto('sessions')
    .values({ id: s.id, user_id: s.userId, token_hash: s.tokenHash, csrf_token: s.csrfToken, active_company_id: s.activeCompanyId, user_agent: s.userAgent, ip: s.ip, expires_at: s.expiresAt })
    .execute();
}

export type LiveSession = SessionRow & { email: string; name: string; mobile: string | null; is_operator: boolean; user_created_at: Date };

export async function findLiveSessionByTokenHash(db: Db, tokenHash: string): Promise<LiveSession | undefined> {
  return t(db)
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('sessions')
    .select(['users.email', 'users.name', 'users.mobile', 'users.is_operator', 'users.created_at as user_created_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst() as Promise<LiveSession | undefined>;
}

export async function touchSession(db: Db, id: string): Promise<void> {
  await t(db).updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', id).execute();
}

export async function setSessionCompany(db: Db, id: string, companyId: string | null): Promise<void> {
  await t(db).updateTable('sessions').set({ active_company_id: companyId }).where('id', '=', id).execute();
}

export async function listLiveSessions(db: Db, userId: string): Promise<SessionRow[]> {
  return t(db)
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revokes matching live sessions of the user; returns the ids revoked. */
export async function revokeSessions(db: Db, userId: string, which: { id?: string; exceptId?: string }): Promise<string[]> {
  let q = t(db).updateTable('sessions').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (which.id) q = q.where('id', '=', which.id);
  if (which.exceptId) q = q.where('id', '!=', which.exceptId);
  return (await q.returning('id').execute()).map((r) => r.id);
}

export async function deleteDeadSessions(db: Db): Promise<number> {
  const r = await t(db)
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', sql<Date>`now()`), eb('revoked_at', '<', sql<Date>`now() - interval '30 days'`)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

// ---- login throttling

export async function getThrottle(db: Db, key: string) {
  return t(db).selectFrom('login_throttles').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Counts one failure in the current window (a new window once the old one has passed); returns the count. */
export async function recordLoginFailure(db: Db, key: string, windowSeconds: number): Promise<number> {
  const r = await sql<{ failures: number }>`
    INSERT INTO login_throttles (key, failures, window_started_at) VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN login_throttles.window_started_at < now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE login_throttles.failures + 1 END,
      window_started_at = CASE WHEN login_throttles.window_started_at < now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE login_throttles.window_started_at END
    RETURNING failures`.execute(db);
  return r.rows[0]?.failures ?? 1;
}

export async function lockThrottle(db: Db, key: string, until: Date): Promise<void> {
  await t(db).updateTable('login_throttles').set({ locked_until: until }).where('key', '=', key).execute();
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await t(db).deleteFrom('login_throttles').where('key', '=', key).execute();
}

// ---- companies

export interface CompanyFields {
  legalName: string;
  nameEn: string | null;
  uscc: string | null;
  companyType: CompanyType;
  province: string;
  city: string;
  industry: string;
  mainProducts: string[];
  description: string;
}

function companyColumns(f: Partial<CompanyFields>) {
  return {
    ...(f.legalName !== undefined ? { legal_name: f.legalName } : {}),
    ...(f.nameEn !== undefined ? { name_en: f.nameEn } : {}),
    ...(f.uscc !== undefined ? { uscc: f.uscc } : {}),
    ...(f.companyType !== undefined ? { company_type: f.companyType } : {}),
    ...(f.province !== undefined ? { province: f.province } : {}),
    ...(f.city !== undefined ? { city: f.city } : {}),
    ...(f.industry !== undefined ? { industry: f.industry } : {}),
    ...(f.mainProducts !== undefined ? { main_products: f.mainProducts } : {}),
    ...(f.description !== undefined ? { description: f.description } : {}),
  };
}

export async function insertCompany(db: Db, id: string, createdBy: string, f: CompanyFields): Promise<CompanyRow> {
  return t(db)
    .insertInto('companies')
    .values({ id, created_by: createdBy, legal_name: f.legalName, name_en: f.nameEn, uscc: f.uscc, company_type: f.companyType, province: f.province, city: f.city, industry: f.industry, main_products: f.mainProducts, description: f.description })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateCompany(db: Db, id: string, f: Partial<CompanyFields>): Promise<CompanyRow> {
  return t(db).updateTable('companies').set({ ...companyColumns(f), updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function setCompanyLogo(db: Db, id: string, fileId: string): Promise<CompanyRow> {
  return t(db).updateTable('companies').set({ logo_file_id: fileId, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function findCompany(db: Db, id: string): Promise<CompanyRow | undefined> {
  return t(db).selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCompanyByUscc(db: Db, uscc: string): Promise<CompanyRow | undefined> {
  return t(db).selectFrom('companies').selectAll().where('uscc', '=', uscc).executeTakeFirst();
}

export async function companyNames(db: Db, ids: string[]): Promise<Array<{ id: string; legal_name: string; name_en: string | null }>> {
  if (ids.length === 0) return [];
  return t(db).selectFrom('companies').select(['id', 'legal_name', 'name_en']).where('id', 'in', ids).execute();
}

export async function findCompanies(db: Db, ids: string[]): Promise<CompanyRow[]> {
  if (ids.length === 0) return [];
  return t(db).selectFrom('companies').selectAll().where('id', 'in', ids).execute();
}

export async function listCompanies(db: Db, filter: { q?: string | undefined; types?: CompanyType[] | undefined; province?: string | undefined; beforeId?: string | undefined; limit: number }): Promise<CompanyRow[]> {
  let q = t(db).selectFrom('companies').selectAll().orderBy('id', 'desc').limit(filter.limit + 1);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('legal_name', 'ilike', like), eb('name_en', 'ilike', like), eb('uscc', '=', filter.q ?? '')]));
  }
  if (filter.types?.length) q = q.where('company_type', 'in', filter.types);
  if (filter.province) q = q.where('province', '=', filter.province);
  if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
  return q.execute();
}

// ---- memberships

export async function insertMembership(db: Db, companyId: string, userId: string, role: CompanyRole): Promise<void> {
  await t(db).insertInto('memberships').values({ company_id: companyId, user_id: userId, role }).execute();
}

export async function membershipsOfUser(db: Db, userId: string): Promise<Array<{ companyId: string; role: CompanyRole }>> {
  const rows = await t(db).selectFrom('memberships').select(['company_id', 'role']).where('user_id', '=', userId).orderBy('created_at').execute();
  return rows.map((r) => ({ companyId: r.company_id, role: r.role }));
}

export interface MembershipWithCompany {
  companyId: string;
  role: CompanyRole;
  name: string;
  nameEn: string | null;
  companyType: CompanyType;
}

export async function membershipsWithCompanies(db: Db, userId: string): Promise<MembershipWithCompany[]> {
  const rows = await t(db)
    .selectFrom('memberships')
    .innerJoin('companies', 'companies.id', 'memberships.company_id')
    .select(['memberships.company_id', 'memberships.role', 'companies.legal_name', 'companies.name_en', 'companies.company_type'])
    .where('memberships.user_id', '=', userId)
    .orderBy('memberships.created_at')
    .execute();
  return rows.map((r) => ({ companyId: r.company_id, role: r.role, name: r.legal_name, nameEn: r.name_en, companyType: r.company_type }));
}

export async function findMembership(db: Db, companyId: string, userId: string): Promise<{ role: CompanyRole } | undefined> {
  return t(db).selectFrom('memberships').select('role').where('company_id', '=', companyId).where('user_id', '=', userId).executeTakeFirst();
}

export async function listMembers(db: Db, companyId: string): Promise<MemberRow[]> {
  const rows = await t(db)
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'users.email', 'memberships.role', 'memberships.created_at'])
    .where('memberships.company_id', '=', companyId)
    .orderBy('memberships.created_at')
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, role: r.role, joinedAt: r.created_at }));
}

/** The given users plus the company's members in these roles (every role when none), with their emails; one query. */
export async function noticeRecipients(db: Db, to: { userIds: string[]; companyId: string | null; roles: CompanyRole[] }): Promise<Array<{ userId: string; email: string }>> {
  if (to.userIds.length === 0 && to.companyId === null) return [];
  const { companyId, roles } = to;
  const rows = await t(db)
    .selectFrom('users')
    .select(['users.id', 'users.email'])
    .where((eb) => {
      const ors = [];
      if (to.userIds.length > 0) ors.push(eb('users.id', 'in', to.userIds));
      if (companyId !== null) {
        let members = eb.selectFrom('memberships').select('memberships.user_id').where('memberships.company_id', '=', companyId);
        if (roles.length > 0) members = members.where('memberships.role', 'in', roles);
        ors.push(eb('users.id', 'in', members));
      }
      return eb.or(ors);
    })
    .orderBy('users.id')
    .execute();
  return rows.map((r) => ({ userId: r.id, email: r.email }));
}

export async function countMembers(db: Db, companyIds: string[]): Promise<Map<string, number>> {
  if (companyIds.length === 0) return new Map();
  const rows = await t(db)
    .selectFrom('memberships')
    .select(['company_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('company_id', 'in', companyIds)
    .groupBy('company_id')
    .execute();
  return new Map(rows.map((r) => [r.company_id, Number(r.n)]));
}

/** Owners of the company, locked for the rest of the transaction so two demotions cannot both pass the last-owner check. */
export async function lockOwners(db: Db, companyId: string): Promise<string[]> {
  const rows = await t(db).selectFrom('memberships').select('user_id').where('company_id', '=', companyId).where('role', '=', 'owner').forUpdate().execute();
  return rows.map((r) => r.user_id);
}

export async function updateMembershipRole(db: Db, companyId: string, userId: string, role: CompanyRole): Promise<void> {
  await t(db).updateTable('memberships').set({ role }).where('company_id', '=', companyId).where('user_id', '=', userId).execute();
}

export async function deleteMembership(db: Db, companyId: string, userId: string): Promise<void> {
  await t(db).deleteFrom('memberships').where('company_id', '=', companyId).where('user_id', '=', userId).execute();
}

// ---- invitations

export async function insertInvitation(db: Db, inv: { id: string; companyId: string; email: string; role: InvitationRow['role']; tokenHash: string; invitedBy: string; expiresAt: Date }): Promise<InvitationRow> {
  return t(db)
    .insertInto('invitations')
    .values({ id: inv.id, company_id: inv.companyId, email: inv.email, role: inv.role, token_hash: inv.tokenHash, invited_by: inv.invitedBy, expires_at: inv.expiresAt })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findInvitationByTokenHash(db: Db, tokenHash: string, forUpdate = false): Promise<InvitationRow | undefined> {
  let q = t(db).selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findInvitation(db: Db, companyId: string, id: string): Promise<InvitationRow | undefined> {
  return t(db).selectFrom('invitations').selectAll().where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst();
}

export async function listOpenInvitations(db: Db, companyId: string): Promise<InvitationRow[]> {
  return t(db)
    .selectFrom('invitations')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function markInvitationAccepted(db: Db, id: string, userId: string): Promise<void> {
  await t(db).updateTable('invitations').set({ accepted_at: new Date(), accepted_by: userId }).where('id', '=', id).execute();
}

/** Retires the open invitations of one address to one company (a newer invitation, or one of them accepted). */
export async function revokeOpenInvitationsTo(db: Db, companyId: string, email: string, exceptId: string | null): Promise<number> {
  let q = t(db).updateTable('invitations').set({ revoked_at: new Date() })
    .where('company_id', '=', companyId).where(sql<boolean>`lower(email) = lower(${email})`)
    .where('accepted_at', 'is', null).where('revoked_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function markInvitationRevoked(db: Db, id: string): Promise<void> {
  await t(db).updateTable('invitations').set({ revoked_at: new Date() }).where('id', '=', id).execute();
}
