import type { Actor, RequestContext } from '../../platform/context.js';
import { DomainError, type Locale } from '../../platform/errors.js';
import { randomToken, sha256Hex, uuidv7 } from '../../platform/ids.js';
import type { Platform } from '../../platform/platform.js';
import { requireUser } from '../../platform/policy.js';
import { AccountErrors } from './errors.js';
import { record } from './events.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, checkPassword, hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.js';
import * as store from './store.js';
import { accountsTransaction, type SessionCache } from './session-cache.js';
import type { Db } from '../../platform/db.js';

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  mobile: string | null;
  isOperator: boolean;
  createdAt: Date;
}

export interface IssuedSession {
  sessionId: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export function publicUser(u: store.UserRow): PublicUser {
  return { id: u.id, email: u.email, name: u.name, mobile: u.mobile, isOperator: u.is_operator === true, createdAt: u.created_at };
}

/** Failures before a lock, the window they count in, and the lock time — per account and per IP. */
export const THROTTLE = {
  windowSeconds: 15 * 60,
  account: { maxFailures: 5, lockSeconds: 15 * 60 },
  ip: { maxFailures: 30, lockSeconds: 15 * 60 },
};

/** The field message says what the problem says, in the asker's language, under the field that was sent. */
export function assertAcceptablePassword(password: string, email: string, locale: Locale = 'en-US', path = 'body.password'): void {
  const refuse = (code: string, params: Record<string, string | number> = {}): never => {
    const message = new DomainError(code, params).detail(locale);
    throw new DomainError(code, params, [{ path, message }]);
  };
  switch (checkPassword(password, email)) {
    case 'too_short':
      return refuse(AccountErrors.PASSWORD_TOO_SHORT, { min: PASSWORD_MIN_LENGTH });
    case 'too_long':
      return refuse(AccountErrors.PASSWORD_TOO_LONG, { max: PASSWORD_MAX_LENGTH });
    case 'too_common':
      return refuse(AccountErrors.PASSWORD_TOO_COMMON);
    case 'contains_email':
      return refuse(AccountErrors.PASSWORD_CONTAINS_EMAIL);
    case null:
      return;
  }
}

/** What GET /me shows; gathered while authenticating so the request needs no further queries. */
export interface MeView {
  user: PublicUser;
  companies: Array<{ id: string; name: string; nameEn: string | null; companyType: store.CompanyType; role: store.MembershipWithCompany['role'] }>;
  activeCompanyId: string | null;
  csrfToken: string;
}

export class AuthService {
  private readonly touchEveryMs = 5 * 60_000;
  private readonly seen = new WeakMap<Actor, Omit<MeView, 'activeCompanyId' | 'csrfToken'>>();

  private readonly tx;

  constructor(
    private readonly platform: Platform,
    private readonly cache: SessionCache,
  ) {
    this.tx = accountsTransaction(platform, cache);
  }

  private get db() {
    return this.platform.database.db;
  }

  async register(ctx: RequestContext, input: { email: string; password: string; name: string; mobile?: string | undefined }): Promise<{ user: PublicUser; session: IssuedSession }> {
    assertAcceptablePassword(input.password, input.email, ctx.locale);
    const passwordHash = await hashPassword(input.password);
    return this.tx(async (trx) => {
      if (await store.findUserByEmail(trx, input.email)) throw new DomainError(AccountErrors.EMAIL_TAKEN);
      const user = await store.insertUser(trx, { id: uuidv7(), email: input.email, mobile: input.mobile ?? null, name: input.name, passwordHash });
      await record(trx, user.id, user.id, { type: 'user.registered', subjectType: 'user', companyId: null, payload: { email: user.email, name: user.name } });
      const session = await this.issueSession(trx, ctx, user.id, null);
      return { user: publicUser(user), session };
    });
  }

  async login(ctx: RequestContext, input: { email: string; password: string }): Promise<{ user: PublicUser; session: IssuedSession }> {
    const accountKey = `account:${input.email.toLowerCase()}`;
    const ipKey = `ip:${ctx.ip}`;
    await this.assertNotThrottled([accountKey, ipKey]);
    const user = await store.findUserByEmail(this.db, input.email);
    const ok = user ? await verifyPassword(user.password_hash, input.password) : (await verifyAgainstDummy(input.password), false);
    if (!user || !ok) {
      await this.countFailure(accountKey, THROTTLE.account);
      await this.countFailure(ipKey, THROTTLE.ip);
      throw new DomainError(AccountErrors.INVALID_CREDENTIALS);
    }
    await store.clearThrottle(this.db, accountKey);
    return this.tx(async (trx) => {
      await store.updateUser(trx, user.id, { lastLoginAt: new Date() });
      const memberships = await store.membershipsOfUser(trx, user.id);
      const session = await this.issueSession(trx, ctx, user.id, memberships[0]?.companyId ?? null);
      return { user: publicUser(user), session };
    });
  }

  private async assertNotThrottled(keys: string[]): Promise<void> {
    for (const key of keys) {
      const row = await store.getThrottle(this.db, key);
      const until = row?.locked_until?.getTime() ?? 0;
      if (until > Date.now()) {
        const seconds = Math.ceil((until - Date.now()) / 1000);
        throw new DomainError(AccountErrors.LOGIN_THROTTLED, { seconds }, [], seconds);
      }
    }
  }

  private async countFailure(key: string, limit: { maxFailures: number; lockSeconds: number }): Promise<void> {
    const failures = await store.recordLoginFailure(this.db, key, THROTTLE.windowSeconds);
    if (failures >= limit.maxFailures) await store.lockThrottle(this.db, key, new Date(Date.now() + limit.lockSeconds * 1000));
  }

  private async issueSession(trx: Db, ctx: RequestContext, userId: string, activeCompanyId: string | null): Promise<IssuedSession> {
    const token = randomToken();
    const csrfToken = randomToken(24);
    const id = uuidv7();
    const expiresAt = new Date(Date.now() + this.platform.config.SESSION_TTL_DAYS * 86_400_000);
    await store.insertSession(trx, { id, userId, tokenHash: sha256Hex(token), csrfToken, activeCompanyId, userAgent: ctx.userAgent?.slice(0, 300) ?? null, ip: ctx.ip, expiresAt });
    await record(trx, userId, id, { type: 'session.created', subjectType: 'session', companyId: null, payload: { userId, ip: ctx.ip, userAgent: ctx.userAgent?.slice(0, 300) ?? null } });
    return { sessionId: id, token, csrfToken, expiresAt };
  }

  /** Token → actor with memberships; null when the token is unknown, revoked or expired. */
  async authenticate(token: string, via: Actor['via']): Promise<Actor | null> {
    if (token.length > 200) return null;
    const tokenHash = sha256Hex(token);
    let cached = this.cache.get(tokenHash);
    if (!cached) {
      const gen = this.cache.generation();
      const found = await store.findLiveSessionByTokenHash(this.db, tokenHash);
      if (!found) return null;
      cached = { session: found, memberships: await store.membershipsWithCompanies(this.db, found.user_id) };
      this.cache.set(tokenHash, cached, gen);
    }
    const { session, memberships } = cached;
    if (Date.now() - session.last_seen_at.getTime() > this.touchEveryMs) {
      session.last_seen_at = new Date();
      await store.touchSession(this.db, session.id);
    }
    const active = memberships.find((m) => m.companyId === session.active_company_id)?.companyId ?? memberships[0]?.companyId ?? null;
    const actor: Actor = {
      userId: session.user_id, sessionId: session.id, email: session.email, name: session.name, isOperator: session.is_operator,
      memberships: memberships.map((m) => ({ companyId: m.companyId, role: m.role })), activeCompanyId: active, csrfToken: session.csrf_token, via,
    };
    this.seen.set(actor, {
      user: { id: session.user_id, email: session.email, name: session.name, mobile: session.mobile, isOperator: session.is_operator, createdAt: session.user_created_at },
      companies: memberships.map((m) => ({ id: m.companyId, name: m.name, nameEn: m.nameEn, companyType: m.companyType, role: m.role })),
    });
    return actor;
  }

  async me(ctx: RequestContext): Promise<MeView> {
    const actor = requireUser(ctx);
    let seen = this.seen.get(actor);
    if (!seen) {
      const user = await store.findUserById(this.db, actor.userId);
      if (!user) throw new DomainError(AccountErrors.SESSION_NOT_FOUND);
      const memberships = await store.membershipsWithCompanies(this.db, actor.userId);
      seen = { user: publicUser(user), companies: memberships.map((m) => ({ id: m.companyId, name: m.name, nameEn: m.nameEn, companyType: m.companyType, role: m.role })) };
    }
    return { ...seen, activeCompanyId: actor.activeCompanyId, csrfToken: actor.csrfToken };
  }

  async logout(ctx: RequestContext): Promise<void> {
    const actor = requireUser(ctx);
    await this.revoke(actor, actor.sessionId, 'logout');
  }

  async listSessions(ctx: RequestContext) {
    const actor = requireUser(ctx);
    const rows = await store.listLiveSessions(this.db, actor.userId);
    return rows.map((s) => ({ id: s.id, createdAt: s.created_at, lastSeenAt: s.last_seen_at, expiresAt: s.expires_at, ip: s.ip, userAgent: s.user_agent, current: s.id === actor.sessionId }));
  }

  async revokeSession(ctx: RequestContext, sessionId: string): Promise<void> {
    const actor = requireUser(ctx);
    await this.revoke(actor, sessionId, 'revoked');
  }

  private async revoke(actor: Actor, sessionId: string, reason: 'logout' | 'revoked'): Promise<void> {
    await this.tx(async (trx) => {
      const revoked = await store.revokeSessions(trx, actor.userId, { id: sessionId });
      if (revoked.length === 0) throw new DomainError(AccountErrors.SESSION_NOT_FOUND);
      await record(trx, actor.userId, sessionId, { type: 'session.revoked', subjectType: 'session', companyId: null, payload: { userId: actor.userId, reason } });
    });
  }

  async updateProfile(ctx: RequestContext, patch: { name?: string | undefined; mobile?: string | null | undefined }): Promise<PublicUser> {
    const actor = requireUser(ctx);
    return this.tx(async (trx) => {
      const user = await store.updateUser(trx, actor.userId, patch);
      const fields = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
      await record(trx, actor.userId, actor.userId, { type: 'user.profile_updated', subjectType: 'user', companyId: null, payload: { fields } });
      return publicUser(user);
    });
  }

  /** Changes the password and signs out every other session. */
  async changePassword(ctx: RequestContext, input: { currentPassword: string; newPassword: string }): Promise<void> {
    const actor = requireUser(ctx);
    const user = await store.findUserById(this.db, actor.userId);
    if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) throw new DomainError(AccountErrors.CURRENT_PASSWORD_WRONG);
    if (input.newPassword === input.currentPassword) {
      throw new DomainError(AccountErrors.PASSWORD_UNCHANGED, {}, [{ path: 'body.newPassword', message: new DomainError(AccountErrors.PASSWORD_UNCHANGED).detail(ctx.locale) }]);
    }
    assertAcceptablePassword(input.newPassword, user.email, ctx.locale, 'body.newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    await this.tx(async (trx) => {
      await store.updateUser(trx, user.id, { passwordHash });
      const revoked = await store.revokeSessions(trx, user.id, { exceptId: actor.sessionId });
      await record(trx, user.id, user.id, { type: 'user.password_changed', subjectType: 'user', companyId: null, payload: { otherSessionsRevoked: revoked.length } });
    });
  }

  /** CLI: creates the operator, or makes an existing account an operator and sets its password. Idempotent. */
  async ensureOperator(input: { email: string; password: string; name?: string }): Promise<{ user: PublicUser; created: boolean }> {
    assertAcceptablePassword(input.password, input.email);
    const passwordHash = await hashPassword(input.password);
    return this.tx(async (trx) => {
      const existing = await store.findUserByEmail(trx, input.email);
      if (existing) {
        const user = await store.updateUser(trx, existing.id, { isOperator: true, passwordHash });
        if (existing.is_operator !== true) {
          await record(trx, null, user.id, { type: 'user.operator_granted', subjectType: 'user', companyId: null, payload: { email: user.email } });
        }
        return { user: publicUser(user), created: false };
      }
      const user = await store.insertUser(trx, { id: uuidv7(), email: input.email, mobile: null, name: input.name ?? 'Operator', passwordHash, isOperator: true });
      await record(trx, null, user.id, { type: 'user.registered', subjectType: 'user', companyId: null, payload: { email: user.email, name: user.name } });
      await record(trx, null, user.id, { type: 'user.operator_granted', subjectType: 'user', companyId: null, payload: { email: user.email } });
      return { user: publicUser(user), created: true };
    });
  }

  async cleanupSessions(): Promise<number> {
    return store.deleteDeadSessions(this.db);
  }
}
