/**
 * The first start's demo marketplace. Before the server listens: the operator, the TrustPass plans and the nine
 * hand-written companies whose logins are printed (a few seconds). Everything else — the 34 suppliers drawn from the
 * sample registry, then the 1,000-product catalog — is seeded by the background job in demo-job.ts, resumably.
 */
import type { BuiltApp } from '../app.js';
import { scheduleDemoSeed } from './demo-job.js';
import { DEMO_CATALOG_SIZE, DEMO_COMPANIES, DEMO_OPERATOR, DEMO_PASSWORD, demoCompanies, openDemoSeeder, seedCompaniesInOrder } from './demo-companies.js';

export { DEMO_CATALOG_SIZE, DEMO_COMPANIES, DEMO_OPERATOR, DEMO_PASSWORD, demoCompanies, demoUscc, type DemoCompany } from './demo-companies.js';

export interface DemoSeedResult {
  password: string; logins: Array<{ email: string; who: string }>;
  /** The whole demo: suppliers and buyers, and the companies of it ready at start (the rest follow in the background). */
  suppliers: number; buyers: number; readyNow: number; catalogSize: number;
}

/**
 * Seeds the demo's essentials through the services (so the event log tells its story) and queues the rest; returns
 * null if any user exists. Queued first, the job is also the record that the demo is under way: a start interrupted
 * here is finished by the worker on the next start (each company's seeding skips what exists).
 */
export async function seedDemoIfEmpty(built: BuiltApp, options: { catalogSize?: number; concurrency?: number } = {}): Promise<DemoSeedResult | null> {
  if ((await built.modules.accounts.members.adminListUsers({ limit: 1 })).length > 0) return null;
  const catalogSize = options.catalogSize ?? DEMO_CATALOG_SIZE;
  await scheduleDemoSeed(built, { total: catalogSize });
  const seeder = await openDemoSeeder(built, { createOperator: true });
  try {
    await seedCompaniesInOrder(seeder, demoCompanies().slice(0, DEMO_COMPANIES.length), 0, options.concurrency);
  } finally {
    await seeder.close();
  }
  const all = demoCompanies();
  const buyers = all.filter((c) => c.companyType === 'buyer').length;
  return {
    password: DEMO_PASSWORD, suppliers: all.length - buyers, buyers, readyNow: DEMO_COMPANIES.length, catalogSize,
    logins: [
      { email: DEMO_OPERATOR.email, who: 'platform operator 平台运营 (operator console)' },
      { email: DEMO_COMPANIES[0]!.owner.email, who: `seller owner 卖家 — ${DEMO_COMPANIES[0]!.legalName} (TrustPass, steel)` },
      { email: DEMO_COMPANIES[0]!.members[0]!.email, who: `seller sales 销售 — ${DEMO_COMPANIES[0]!.legalName}` },
      { email: DEMO_COMPANIES[3]!.owner.email, who: `seller owner 卖家 — ${DEMO_COMPANIES[3]!.legalName} (free tier, electronics)` },
      { email: DEMO_COMPANIES[6]!.owner.email, who: `buyer owner 买家 — ${DEMO_COMPANIES[6]!.legalName}` },
      { email: DEMO_COMPANIES[6]!.members[0]!.email, who: `buyer purchaser 采购 — ${DEMO_COMPANIES[6]!.legalName}` },
    ],
  };
}
