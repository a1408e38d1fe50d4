import { systemContext, type RequestContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import type { AccountsModule } from '../accounts/index.js';
import type { CreditModule } from '../credit/index.js';
import type { TrustModule } from '../trust/index.js';
import { showsTrustPass, type TrustpassModule } from '../trustpass/index.js';
import type { SupplierCompanyType, SupplierFacts, SupplierSource } from './ports.js';

export interface SupplierSourceDeps {
  companies: AccountsModule['companies'];
  verification: TrustModule['verification'];
  trustpass: TrustpassModule['trustpass'];
  credit: CreditModule['credit'];
  /** Batch reader of the response-metrics module: the 30-day response rate (null: nothing measured yet). */
  responseRates: (companyIds: string[]) => Promise<Map<string, { responseRate: number | null }>>;
  /** Batch reader of the service-metrics module: 90-day on-time, repeat-buyer and lost-dispute rates (null: nothing measured yet). */
  serviceRates: (companyIds: string[]) => Promise<Map<string, { onTimeRate: number | null; repeatBuyerRate: number | null; disputeRate: number | null }>>;
}

const SUPPLIER_TYPES: ReadonlySet<string> = new Set<SupplierCompanyType>(['manufacturer', 'trading_company', 'both']);
const isSupplierType = (t: string): t is SupplierCompanyType => SUPPLIER_TYPES.has(t);

/** Supplier facts read through the owning modules' services, as the public sees them. */
export function supplierSource(deps: SupplierSourceDeps): SupplierSource {
  // Public view: what a visitor may see is what ranking may use.
  const ctx: RequestContext = { ...systemContext(), actor: null };
  return {
    async facts(companyId) {
      let company;
      try {
        company = await deps.companies.get(ctx, companyId);
      } catch (err) {
        if (err instanceof DomainError && err.code === 'COMPANY_NOT_FOUND') return null;
        throw err;
      }
      const [verification, credit, trustpass, rates, service] = await Promise.all([
        deps.verification.view(ctx, companyId), deps.credit.view(ctx, companyId), deps.trustpass.status(ctx, companyId), deps.responseRates([companyId]),
        deps.serviceRates([companyId]),
      ]);
      const measured = service.get(companyId);
      const facts: SupplierFacts = {
        companyId, legalName: company.legalName, nameEn: company.nameEn, isSupplier: SUPPLIER_TYPES.has(company.companyType),
        companyType: isSupplierType(company.companyType) ? company.companyType : null,
        province: company.province, city: company.city, mainProducts: company.mainProducts, logoUrl: company.logoUrl,
        verified: verification.verified, grade: credit.grade, creditScore: credit.grade ? credit.score : null,
        trustpassActive: showsTrustPass(trustpass.status), trustpassYears: trustpass.trustpassYears,
        responseRate: rates.get(companyId)?.responseRate ?? null,
        // Service metrics (docs/service-metrics.md); disputeRate is the share of paid orders with a dispute the supplier lost.
        onTimeRate: measured?.onTimeRate ?? null, repeatBuyerRate: measured?.repeatBuyerRate ?? null, disputeRate: measured?.disputeRate ?? null,
      };
      return facts;
    },
    async supplierIds(cursor, limit) {
      const page = await deps.companies.list(ctx, { role: 'supplier', cursor: cursor ?? undefined, limit });
      return { ids: page.items.map((c) => c.id), nextCursor: page.nextCursor };
    },
  };
}
