import { gzipSync } from 'node:zlib';
import { createLocalJWKSet, decodeJwt, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { systemContext, type RequestContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { sha256Hex, uuidv7 } from '../../platform/ids.js';
import type { Platform } from '../../platform/platform.js';
import type { AccountsModule } from '../accounts/index.js';
import type { CreditModule } from '../credit/index.js';
import type { TrustModule } from '../trust/index.js';
import { showsTrustPass, type TrustpassModule } from '../trustpass/index.js';
import { CredentialErrors } from './errors.js';
import type { KeyRing } from './keys.js';
import * as store from './store.js';

export const STATUS_LIST_SIZE = 131_072; // bits: the W3C minimum, so one list hides which entry is whose
const VALIDITY_DAYS = 365;

export interface Deps {
  companies: AccountsModule['companies'];
  verification: TrustModule['verification'];
  trustpass: TrustpassModule['trustpass'];
  credit: CreditModule['credit'];
}

export interface CompanyClaims {
  id: string;
  legalName: string;
  uscc: string;
  verification: { level: 'registry' | 'field'; verifiedAt: string };
  creditRating: { grade: string; score: number; ratedAt: string };
  trustpass: { status: string; years: number; expiresAt: string | null };
}

type CredentialBody = { credentialSubject?: CompanyClaims; credentialStatus?: { statusListIndex?: string } };

function credentialBody(payload: JWTPayload | null): CredentialBody | null {
  const vc: unknown = payload?.vc;
  return vc !== null && typeof vc === 'object' ? vc : null;
}

export class CredentialsService {
  constructor(
    private readonly platform: Platform,
    private readonly keys: KeyRing,
    private readonly deps: Deps,
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  get issuer(): string {
    return this.platform.config.publicUrl;
  }

  statusListUrl(): string {
    return `${this.issuer}/credentials/status/1`;
  }

  /** The facts a credential states, or null when the company is not verified (then it gets none). */
  async claims(companyId: string): Promise<CompanyClaims | null> {
    const ctx = systemContext();
    const verification = await this.deps.verification.view({ ...ctx, actor: null }, companyId);
    if (!verification.verified || !verification.verifiedAt) return null;
    const insider = await this.deps.verification.approvedSubmission(companyId);
    const [credit, trustpass] = await Promise.all([this.deps.credit.view(ctx, companyId), this.deps.trustpass.status(ctx, companyId)]);
    // The rating catches up with a fresh approval a moment later; its credit.rating_changed event issues the credential then.
    if (credit.grade === null) return null;
    return {
      id: companyId,
      legalName: insider?.legalName ?? (await this.deps.companies.get(ctx, companyId)).legalName,
      uscc: insider?.uscc ?? '',
      verification: { level: verification.level === 'field' ? 'field' : 'registry', verifiedAt: verification.verifiedAt.toISOString() },
      creditRating: { grade: credit.grade, score: credit.score, ratedAt: credit.computedAt.toISOString() },
      trustpass: { status: trustpass.status, years: trustpass.trustpassYears, expiresAt: trustpass.expiresAt?.toISOString() ?? null },
    };
  }

  /**
   * Brings the company's credential in line with its facts: keeps it when nothing changed, otherwise revokes
   * it (its status bit flips) and issues a new one; a company that lost verification keeps none.
   */
  async refresh(companyId: string): Promise<store.CredentialRow | null> {
    const claims = await this.claims(companyId);
    const current = await store.currentCredential(this.db, companyId);
    const hash = claims ? sha256Hex(JSON.stringify({ ...claims, creditRating: { grade: claims.creditRating.grade, score: claims.creditRating.score } })) : null;
    if (current && current.facts_hash === hash) return current;
    const key = claims ? await this.keys.activeKey() : null;
    return this.platform.database.transaction(async (trx) => {
      if (current) await store.revoke(trx, current.id, claims ? 'facts changed' : 'no longer verified');
      if (!claims || !key || !hash) return null;
      const index = await store.nextStatusIndex(trx);
      const id = uuidv7();
      const now = Math.floor(Date.now() / 1000);
      const exp = now + VALIDITY_DAYS * 86_400;
      const jwt = await new SignJWT({
        vc: {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: ['VerifiableCredential', 'TrustPassCredential'],
          issuer: this.issuer,
          validFrom: new Date(now * 1000).toISOString(),
          validUntil: new Date(exp * 1000).toISOString(),
          credentialSubject: claims,
          credentialStatus: {
            id: `${this.statusListUrl()}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation',
            statusListIndex: String(index), statusListCredential: this.statusListUrl(),
          },
        },
      })
        .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'vc+jwt' })
        .setIssuer(this.issuer)
        .setSubject(companyId)
        .setJti(`urn:uuid:${id}`)
        .setIssuedAt(now)
        .setNotBefore(now)
        .setExpirationTime(exp)
        .sign(key.privateKey);
      return store.insertCredential(trx, { id, company_id: companyId, status_index: index, facts_hash: hash, jwt, expires_at: new Date(exp * 1000) });
    });
  }

  async current(ctx: RequestContext, companyId: string): Promise<{ jwt: string; issuedAt: Date; expiresAt: Date; statusListIndex: number }> {
    await this.deps.companies.get(ctx, companyId);
    const row = await this.refresh(companyId);
    if (!row) throw new DomainError(CredentialErrors.NO_CREDENTIAL);
    return { jwt: row.jwt, issuedAt: row.issued_at, expiresAt: row.expires_at, statusListIndex: row.status_index };
  }

  /** The revocation list as a signed BitstringStatusListCredential (gzip + base64url, multibase 'u'). */
  async statusListJwt(): Promise<string> {
    const bits = Buffer.alloc(STATUS_LIST_SIZE / 8);
    for (const i of await store.revokedIndexes(this.db)) bits[i >> 3]! |= 0x80 >> (i & 7);
    const key = await this.keys.activeKey();
    return new SignJWT({
      vc: {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: this.issuer,
        credentialSubject: { id: `${this.statusListUrl()}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: `u${gzipSync(bits).toString('base64url')}` },
      },
    })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'vc+jwt' })
      .setIssuer(this.issuer)
      .setSubject(this.statusListUrl())
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key.privateKey);
  }

  /** What an outside verifier does: signature against our JWKS, issuer, time, then the status bit. */
  async verify(jwt: string): Promise<{ valid: boolean; reasons: string[]; subject: CompanyClaims | null }> {
    const reasons: string[] = [];
    let payload: JWTPayload | null = null;
    try {
      payload = (await jwtVerify(jwt, createLocalJWKSet(await this.keys.jwks()), { issuer: this.issuer, algorithms: ['EdDSA'] })).payload;
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'ERR_INVALID';
      reasons.push(code === 'ERR_JWT_EXPIRED' ? 'expired' : code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' ? 'bad_signature' : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' ? 'wrong_issuer' : code === 'ERR_JWKS_NO_MATCHING_KEY' ? 'unknown_key' : 'malformed');
      try {
        payload = decodeJwt(jwt);
      } catch {
        payload = null;
      }
    }
    const vc = credentialBody(payload);
    const index = Number(vc?.credentialStatus?.statusListIndex ?? NaN);
    if (reasons.length === 0) {
      if (!Number.isInteger(index)) reasons.push('no_status');
      else {
        const row = await store.findByStatusIndex(this.db, index);
        if (!row || row.revoked_at) reasons.push('revoked');
      }
    }
    return { valid: reasons.length === 0, reasons, subject: vc?.credentialSubject ?? null };
  }

  /** The public trust marks of companies, for lists and profiles (verified, grade, TrustPass years). */
  async marks(ctx: RequestContext, companyIds: string[]) {
    // A page of search results asks for up to 50 companies: a few queries for all of them, not a dozen for each.
    const names = await this.deps.companies.namesOf(companyIds);
    for (const id of companyIds) if (!names.has(id)) await this.deps.companies.get(ctx, id); // COMPANY_NOT_FOUND, as before
    const [verification, credit, trustpass] = await Promise.all([
      this.deps.verification.publicMarks(companyIds),
      this.deps.credit.currentRatings(companyIds),
      this.deps.trustpass.publicStatuses(companyIds),
    ]);
    return companyIds.map((companyId) => {
      const v = verification.get(companyId)!;
      const c = credit.get(companyId)!;
      const tp = trustpass.get(companyId)!;
      return {
        companyId,
        verified: v.verified,
        verifiedAt: v.verifiedAt,
        verificationLevel: v.level,
        grade: c.grade,
        score: c.score,
        trustpassActive: showsTrustPass(tp.status),
        trustpassYears: tp.trustpassYears,
        planBadge: tp.planBadge,
      };
    });
  }

  /** The embeddable badge: grade, TrustPass years, verified — or plainly "not verified" once revoked. */
  async badgeSvg(companyId: string, lang: 'zh-CN' | 'en-US'): Promise<string> {
    const claims = await this.claims(companyId);
    const zh = lang === 'zh-CN';
    const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const name = claims ? esc(claims.legalName) : '';
    const left = zh ? '通商认证' : 'Tongshang';
    const right = !claims
      ? (zh ? '未认证' : 'Not verified')
      : [zh ? '已认证' : 'Verified', claims.creditRating.grade, claims.trustpass.years > 0 ? (zh ? `诚信通${claims.trustpass.years}年` : `TrustPass ${claims.trustpass.years}y`) : ''].filter(Boolean).join(' · ');
    const color = claims ? '#1F6FEB' : '#8c8c8c';
    // Text width: CJK characters are about 13 px at this size, the rest about 7.
    const width = 108 + [...right].reduce((w, ch) => w + (/[\u3000-\u9fff]/.test(ch) ? 13 : 7), 0);
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(width)}" height="28" role="img" aria-label="${left}: ${esc(right)}">
<title>${name ? `${name} — ` : ''}${esc(right)}</title>
<rect width="88" height="28" rx="4" fill="#F25C05"/><rect x="84" width="${Math.round(width - 84)}" height="28" rx="4" fill="${color}"/><rect x="84" width="8" height="28" fill="${color}"/>
<g fill="#fff" font-family="PingFang SC,Microsoft YaHei,Noto Sans CJK SC,sans-serif" font-size="13"><text x="10" y="19">${left}</text><text x="96" y="19">${esc(right)}</text></g>
</svg>`;
  }
}
