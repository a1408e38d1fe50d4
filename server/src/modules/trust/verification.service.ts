import type { RequestContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import type { Platform } from '../../platform/platform.js';
import { authorize, can, requireOperator } from '../../platform/policy.js';
import type { AccountsModule } from '../accounts/index.js';
import { assertValidUscc } from '../accounts/index.js';
import type { FilesModule } from '../files/index.js';
import { TrustErrors } from './errors.js';
import { record } from './events.js';
import { RegistryUnavailableError, compareWithRegistry, type RegistryProvider, type RegistryRecord } from './registry.js';
import * as store from './store.js';

export interface VerificationInput {
  uscc: string;
  legalName: string;
  legalRepresentative: string;
  registeredCapital: string;
  establishedOn: string;
  registeredAddress: string;
  businessScope: string;
  licenseFileId: string;
}

const fileUrl = (id: string) => `/api/v1/files/${id}`;

function submissionView(v: store.VerificationRow) {
  return {
    id: v.id, uscc: v.uscc, legalName: v.legal_name, legalRepresentative: v.legal_representative, registeredCapital: v.registered_capital,
    establishedOn: v.established_on, registeredAddress: v.registered_address, businessScope: v.business_scope,
    licenseFileId: v.license_file_id, licenseUrl: fileUrl(v.license_file_id), submittedAt: v.submitted_at, decidedAt: v.decided_at, mismatches: v.mismatches,
  };
}

export class VerificationService {
  constructor(
    private readonly platform: Platform,
    private readonly registry: RegistryProvider,
    private readonly deps: { companies: AccountsModule['companies']; files: FilesModule['files'] },
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  /** Submits (or resubmits) the company's registration details; the registry is asked now, the operator decides later. */
  async submit(ctx: RequestContext, companyId: string, input: VerificationInput) {
    await this.deps.companies.get(ctx, companyId);
    const actor = authorize(ctx, 'company.verification.manage', companyId);
    assertValidUscc(input.uscc, ctx.locale);
    if (input.establishedOn > new Date().toISOString().slice(0, 10)) {
      throw new DomainError(TrustErrors.ESTABLISHED_IN_FUTURE, {}, [{ path: 'body.establishedOn', message: 'in the future' }]);
    }
    const file = await this.deps.files.metadata(input.licenseFileId);
    if (!file || file.ownerCompanyId !== companyId || !['image/png', 'image/jpeg', 'application/pdf'].includes(file.contentType)) {
      throw new DomainError(TrustErrors.LICENSE_FILE_INVALID, {}, [{ path: 'body.licenseFileId', message: 'not a license file of this company' }]);
    }
    let registryRecord: RegistryRecord | null;
    try {
      registryRecord = await this.registry.lookup(input.uscc);
    } catch (err) {
      if (err instanceof RegistryUnavailableError) throw new DomainError(TrustErrors.REGISTRY_UNAVAILABLE);
      throw err;
    }
    const mismatches = compareWithRegistry(input, registryRecord);
    await this.platform.database.transaction(async (trx) => {
      await store.supersedePending(trx, companyId);
      const row = await store.insertVerification(trx, {
        id: uuidv7(), company_id: companyId, status: 'pending', uscc: input.uscc, legal_name: input.legalName,
        legal_representative: input.legalRepresentative, registered_capital: input.registeredCapital, established_on: input.establishedOn,
        registered_address: input.registeredAddress, business_scope: input.businessScope, license_file_id: input.licenseFileId,
        registry_provider: this.registry.name, registry_record: registryRecord, mismatches, submitted_by: actor.userId,
      });
      await record(trx, actor.userId, row.id, { type: 'verification.submitted', companyId, subjectType: 'verification', payload: { uscc: input.uscc, mismatches, registry: this.registry.name } });
    });
    return this.view(ctx, companyId);
  }

  /** Members and operators see the latest request; anyone sees whether and since when the company is verified. */
  async view(ctx: RequestContext, companyId: string) {
    await this.deps.companies.get(ctx, companyId);
    const [latest, approved, visits] = await Promise.all([
      store.latestVerification(this.db, companyId),
      store.latestApproved(this.db, companyId),
      store.fieldVerifications(this.db, companyId),
    ]);
    const verified = approved !== undefined;
    const level = !verified ? 'none' : visits.length > 0 ? 'field' : 'registry';
    const insider = can(ctx.actor, 'company.verification.view', companyId);
    return {
      status: insider ? (latest?.status ?? 'none') : verified ? 'approved' : 'none',
      verified,
      verifiedAt: approved?.decided_at ?? null,
      level,
      reason: insider && (latest?.status === 'rejected' || latest?.status === 'revoked') ? latest.reason : null,
      submission: insider && latest ? submissionView(latest) : null,
      fieldVisits: visits.map((v) => ({ id: v.id, visitedOn: v.visited_on, inspector: v.inspector, notes: insider ? v.notes : '', photoUrls: insider ? v.photo_file_ids.map(fileUrl) : [] })),
    } as const;
  }

  /** The registration details as approved (what a credential states). */
  async approvedSubmission(companyId: string): Promise<{ legalName: string; uscc: string } | null> {
    const approved = await store.latestApproved(this.db, companyId);
    return approved ? { legalName: approved.legal_name, uscc: approved.uscc } : null;
  }

  /** The verification facts the credit scorecard reads. */
  async facts(companyId: string): Promise<{ verified: boolean; fieldVerified: boolean; verifiedAt: Date | null; rejected: number }> {
    const [approved, visits, rejected] = await Promise.all([
      store.latestApproved(this.db, companyId),
      store.fieldVerifications(this.db, companyId),
      store.countRejected(this.db, companyId),
    ]);
    return { verified: approved !== undefined, fieldVerified: approved !== undefined && visits.length > 0, verifiedAt: approved?.decided_at ?? null, rejected };
  }

  /** Whether the company holds an approved verification (for TrustPass and credentials). */
  async isVerified(companyId: string): Promise<boolean> {
    return (await store.latestApproved(this.db, companyId)) !== undefined;
  }

  /** Which of the companies hold an approved verification: one query for a list of companies' cards. */
  async verifiedAmong(companyIds: string[]): Promise<Set<string>> {
    return store.approvedAmong(this.db, [...new Set(companyIds)]);
  }

  /** What view() tells anyone about each of these companies (verified, since when, at which level), in one query. */
  async publicMarks(companyIds: string[]): Promise<Map<string, { verified: boolean; verifiedAt: Date | null; level: 'none' | 'registry' | 'field' }>> {
    const found = await store.publicMarksAmong(this.db, [...new Set(companyIds)]);
    return new Map(companyIds.map((id) => {
      const m = found.get(id);
      return [id, m ? { verified: true, verifiedAt: m.verifiedAt, level: m.fieldVisited ? 'field' : 'registry' } : { verified: false, verifiedAt: null, level: 'none' }];
    }));
  }

  private adminItem(v: store.VerificationRow, names: Map<string, { name: string; nameEn: string | null }>) {
    const n = names.get(v.company_id);
    return {
      id: v.id, companyId: v.company_id, companyName: n?.name ?? '', companyNameEn: n?.nameEn ?? null, status: v.status, uscc: v.uscc, legalName: v.legal_name,
      legalRepresentative: v.legal_representative, submittedAt: v.submitted_at, decidedAt: v.decided_at, reason: v.reason, mismatches: v.mismatches,
    };
  }


  async adminList(ctx: RequestContext, filter: { status?: store.VerificationStatus | undefined; cursor?: string | undefined; limit: number }) {
    requireOperator(ctx);
    const rows = await store.listVerifications(this.db, { status: filter.status, beforeId: decodeCursor(filter.cursor), limit: filter.limit });
    const names = await this.deps.companies.partiesOf(rows.slice(0, filter.limit).map((r) => r.company_id));
    return page(rows.map((r) => this.adminItem(r, names)), filter.limit);
  }

  async adminGet(ctx: RequestContext, id: string) {
    requireOperator(ctx);
    const v = await store.findVerification(this.db, id);
    if (!v) throw new DomainError(TrustErrors.VERIFICATION_NOT_FOUND);
    const file = await this.deps.files.metadata(v.license_file_id);
    return {
      ...this.adminItem(v, await this.deps.companies.partiesOf([v.company_id])),
      registeredCapital: v.registered_capital, establishedOn: v.established_on, registeredAddress: v.registered_address, businessScope: v.business_scope,
      licenseUrl: fileUrl(v.license_file_id), licenseContentType: file?.contentType ?? 'application/octet-stream',
      registry: { provider: v.registry_provider, record: v.registry_record },
    };
  }

  async decide(ctx: RequestContext, id: string, input: { approve: boolean; reason?: string | undefined }) {
    const actor = requireOperator(ctx);
    const reason = input.reason?.trim() || null;
    if (!input.approve && !reason) throw new DomainError(TrustErrors.REJECTION_REASON_REQUIRED, {}, [{ path: 'body.reason', message: 'required when rejecting' }]);
    await this.platform.database.transaction(async (trx) => {
      const v = await store.findVerification(trx, id, true);
      if (!v) throw new DomainError(TrustErrors.VERIFICATION_NOT_FOUND);
      if (v.status !== 'pending') throw new DomainError(TrustErrors.VERIFICATION_ALREADY_DECIDED);
      await store.decide(trx, id, { status: input.approve ? 'approved' : 'rejected', decidedBy: actor.userId, reason });
      if (input.approve) {
        await record(trx, actor.userId, id, { type: 'verification.approved', companyId: v.company_id, subjectType: 'verification', payload: { uscc: v.uscc } });
      } else {
        await record(trx, actor.userId, id, { type: 'verification.rejected', companyId: v.company_id, subjectType: 'verification', payload: { reason: reason ?? '' } });
      }
    });
    return this.adminGet(ctx, id);
  }

  /** Withdraws an approval (company deregistered, documents found forged); the company sees why and may submit again. */
  async revoke(ctx: RequestContext, id: string, input: { reason: string }) {
    const actor = requireOperator(ctx);
    const reason = input.reason.trim();
    if (!reason) throw new DomainError(TrustErrors.REVOCATION_REASON_REQUIRED, {}, [{ path: 'body.reason', message: 'required' }]);
    await this.platform.database.transaction(async (trx) => {
      const v = await store.findVerification(trx, id, true);
      if (!v) throw new DomainError(TrustErrors.VERIFICATION_NOT_FOUND);
      if (v.status !== 'approved') throw new DomainError(TrustErrors.NOT_REVOCABLE);
      await store.revoke(trx, id, { revokedBy: actor.userId, reason });
      await record(trx, actor.userId, id, { type: 'verification.revoked', companyId: v.company_id, subjectType: 'verification', payload: { reason } });
    });
    return this.adminGet(ctx, id);
  }

  async recordFieldVisit(ctx: RequestContext, companyId: string, input: { visitedOn: string; inspector: string; notes: string; photoFileIds: string[] }) {
    const actor = requireOperator(ctx);
    await this.deps.companies.get(ctx, companyId);
    for (const fileId of input.photoFileIds) {
      const f = await this.deps.files.metadata(fileId);
      if (!f || f.ownerCompanyId !== companyId) throw new DomainError(TrustErrors.LICENSE_FILE_INVALID, {}, [{ path: 'body.photoFileIds', message: `unknown photo ${fileId}` }]);
    }
    const row = await this.platform.database.transaction(async (trx) => {
      const r = await store.insertFieldVerification(trx, {
        id: uuidv7(), company_id: companyId, visited_on: input.visitedOn, inspector: input.inspector, photo_file_ids: input.photoFileIds, notes: input.notes, recorded_by: actor.userId,
      });
      await record(trx, actor.userId, r.id, { type: 'verification.field_recorded', companyId, subjectType: 'field_verification', payload: { visitedOn: input.visitedOn, inspector: input.inspector, photos: input.photoFileIds.length } });
      return r;
    });
    return { id: row.id, visitedOn: row.visited_on, inspector: row.inspector, notes: row.notes, photoUrls: row.photo_file_ids.map(fileUrl) };
  }
}
