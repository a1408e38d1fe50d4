import type { CompanyRole, RequestContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import type { Platform } from '../../platform/platform.js';
import { authorize, requireOperator, requireUser, roleIn } from '../../platform/policy.js';
import { AccountErrors } from './errors.js';
import { record } from './events.js';
import { PROVINCE_CODES } from './regions.js';
import * as store from './store.js';
import { accountsTransaction, type SessionCache } from './session-cache.js';
import { checkUscc, type UsccProblem } from './uscc.js';

export interface CompanyProfile {
  id: string;
  legalName: string;
  nameEn: string | null;
  uscc: string | null;
  companyType: store.CompanyType;
  province: string;
  city: string;
  industry: string;
  mainProducts: string[];
  description: string;
  logoUrl: string | null;
  memberCount: number;
  createdAt: Date;
  updatedAt: Date;
  /** The caller's role here, when the caller is a member. */
  myRole: CompanyRole | null;
}

export type CompanyInput = store.CompanyFields;

const USCC_REASONS = {
  length: { en: 'it must have 18 characters', zh: '必须为 18 位' },
  charset: { en: 'it may only use digits and the letters A–Y without I, O, S, V, Z', zh: '只能包含数字和除 I、O、S、V、Z 以外的大写字母' },
  organization_check: { en: 'the organization code (characters 9–17) fails its check', zh: '组织机构代码(第 9–17 位)校验不通过' },
  check_character: { en: 'the check character (the 18th) does not match', zh: '第 18 位校验码不正确' },
} as const;

/** What is wrong with a unified social credit code, in the reader's language; null when it is valid. */
export function usccProblemMessage(uscc: string, locale: RequestContext['locale']): { problem: UsccProblem; message: string } | null {
  const problem = checkUscc(uscc);
  return problem ? { problem, message: USCC_REASONS[problem][locale === 'zh-CN' ? 'zh' : 'en'] } : null;
}

export function assertValidUscc(uscc: string, locale: RequestContext['locale']): void {
  const found = usccProblemMessage(uscc, locale);
  if (found) throw new DomainError(AccountErrors.USCC_INVALID, { reason: found.message }, [{ path: 'body.uscc', message: found.message }]);
}

/** How long a company's legal name may be served from memory: names label orders and lists, and change rarely. */
const NAME_TTL_MS = 30_000;
const NAME_CACHE_MAX = 20_000;

export class CompaniesService {
  private readonly tx;
  private readonly names = new Map<string, { name: string; nameEn: string | null; at: number }>();

  constructor(
    private readonly platform: Platform,
    cache: SessionCache,
  ) {
    this.tx = accountsTransaction(platform, cache);
  }

  private get db() {
    return this.platform.database.db;
  }

  toProfile(row: store.CompanyRow, memberCount: number, myRole: CompanyRole | null): CompanyProfile {
    return {
      id: row.id, legalName: row.legal_name, nameEn: row.name_en, uscc: row.uscc, companyType: row.company_type,
      province: row.province, city: row.city, industry: row.industry, mainProducts: row.main_products, description: row.description,
      logoUrl: row.logo_file_id ? `/api/v1/files/${row.logo_file_id}` : null, memberCount, createdAt: row.created_at, updatedAt: row.updated_at, myRole,
    };
  }

  private validate(ctx: RequestContext, input: Partial<CompanyInput>): void {
    if (input.uscc) assertValidUscc(input.uscc, ctx.locale);
    if (input.province !== undefined && !PROVINCE_CODES.has(input.province)) {
      throw new DomainError(AccountErrors.PROVINCE_UNKNOWN, {}, [{ path: 'body.province', message: 'unknown province code' }]);
    }
  }

  /** Creates the company with the caller as owner and makes it their active company. */
  async create(ctx: RequestContext, input: CompanyInput): Promise<CompanyProfile> {
    const actor = requireUser(ctx);
    this.validate(ctx, input);
    return this.tx(async (trx) => {
      if (input.uscc && (await store.findCompanyByUscc(trx, input.uscc))) throw new DomainError(AccountErrors.USCC_TAKEN);
      const row = await store.insertCompany(trx, uuidv7(), actor.userId, input);
      await store.insertMembership(trx, row.id, actor.userId, 'owner');
      await store.setSessionCompany(trx, actor.sessionId, row.id);
      await record(trx, actor.userId, row.id, { type: 'company.created', subjectType: 'company', companyId: row.id, payload: { legalName: row.legal_name, companyType: row.company_type } });
      return this.toProfile(row, 1, 'owner');
    });
  }

  async update(ctx: RequestContext, companyId: string, patch: Partial<CompanyInput>): Promise<CompanyProfile> {
    await this.mustExist(companyId);
    const actor = authorize(ctx, 'company.update', companyId);
    this.validate(ctx, patch);
    return this.tx(async (trx) => {
      if (patch.uscc) {
        const other = await store.findCompanyByUscc(trx, patch.uscc);
        if (other && other.id !== companyId) throw new DomainError(AccountErrors.USCC_TAKEN);
      }
      const row = await store.updateCompany(trx, companyId, patch);
      this.names.delete(companyId);
      const fields = Object.keys(patch).filter((k) => patch[k as keyof CompanyInput] !== undefined);
      await record(trx, actor.userId, companyId, { type: 'company.updated', subjectType: 'company', companyId, payload: { fields } });
      const counts = await store.countMembers(trx, [companyId]);
      return this.toProfile(row, counts.get(companyId) ?? 0, roleIn(actor, companyId));
    });
  }

  async setLogo(ctx: RequestContext, companyId: string, fileId: string): Promise<CompanyProfile> {
    const actor = authorize(ctx, 'company.update', companyId);
    return this.tx(async (trx) => {
      const row = await store.setCompanyLogo(trx, companyId, fileId);
      await record(trx, actor.userId, companyId, { type: 'company.logo_changed', subjectType: 'company', companyId, payload: { fileId } });
      const counts = await store.countMembers(trx, [companyId]);
      return this.toProfile(row, counts.get(companyId) ?? 0, roleIn(actor, companyId));
    });
  }

  private async mustExist(companyId: string): Promise<store.CompanyRow> {
    const row = await store.findCompany(this.db, companyId);
    if (!row) throw new DomainError(AccountErrors.COMPANY_NOT_FOUND);
    return row;
  }

  /** The public profile; anyone may read it. */
  async get(ctx: RequestContext, companyId: string): Promise<CompanyProfile> {
    const row = await this.mustExist(companyId);
    const counts = await store.countMembers(this.db, [companyId]);
    return this.toProfile(row, counts.get(companyId) ?? 0, ctx.actor ? roleIn(ctx.actor, companyId) : null);
  }

  /** Public directory of companies, newest first. */
  async list(ctx: RequestContext, filter: { q?: string | undefined; role?: 'supplier' | 'buyer' | undefined; province?: string | undefined; cursor?: string | undefined; limit: number }) {
    const types: store.CompanyType[] | undefined =
      filter.role === 'supplier' ? ['manufacturer', 'trading_company', 'both'] : filter.role === 'buyer' ? ['buyer', 'both'] : undefined;
    const rows = await store.listCompanies(this.db, { q: filter.q, types, province: filter.province, beforeId: decodeCursor(filter.cursor), limit: filter.limit });
    const counts = await store.countMembers(this.db, rows.map((r) => r.id));
    return page(rows.map((r) => this.toProfile(r, counts.get(r.id) ?? 0, ctx.actor ? roleIn(ctx.actor, r.id) : null)), filter.limit);
  }

  /** Public profiles by id (unknown ids are absent), in two queries whatever the number: for lists of companies. */
  async profilesOf(ctx: RequestContext, ids: string[]): Promise<Map<string, CompanyProfile>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const [rows, counts] = await Promise.all([store.findCompanies(this.db, unique), store.countMembers(this.db, unique)]);
    return new Map(rows.map((r) => [r.id, this.toProfile(r, counts.get(r.id) ?? 0, ctx.actor ? roleIn(ctx.actor, r.id) : null)]));
  }

  /** Legal names by id, in one query (unknown ids left out); cached as partiesOf says. */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    return new Map([...(await this.partiesOf(ids))].map(([id, n]) => [id, n.name]));
  }

  /**
   * Legal and English names by id (unknown ids left out). Kept in memory for NAME_TTL_MS: a checkout burst reads the
   * same few names thousands of times. A rename in this process shows at once, one in another process within the TTL.
   */
  async partiesOf(ids: string[]): Promise<Map<string, { name: string; nameEn: string | null }>> {
    const now = Date.now();
    const out = new Map<string, { name: string; nameEn: string | null }>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const hit = this.names.get(id);
      if (hit && now - hit.at < NAME_TTL_MS) out.set(id, { name: hit.name, nameEn: hit.nameEn });
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    const rows = await store.companyNames(this.db, missing);
    if (this.names.size + rows.length > NAME_CACHE_MAX) this.names.clear();
    for (const r of rows) {
      out.set(r.id, { name: r.legal_name, nameEn: r.name_en });
      this.names.set(r.id, { name: r.legal_name, nameEn: r.name_en, at: now });
    }
    return out;
  }

  async adminList(ctx: RequestContext, filter: { q?: string | undefined; cursor?: string | undefined; limit: number }) {
    requireOperator(ctx);
    return this.list(ctx, filter);
  }
}
