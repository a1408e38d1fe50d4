/**
 * What the sourcing seeds share: the hand-written demo companies found by their USCC, their earliest published
 * listings, and signed-in contexts of demo people (opened on first need, signed out by close()).
 */
import type { BuiltApp } from '../app.js';
import type { RequestContext } from '../platform/context.js';
import { DEMO_COMPANIES, DEMO_PASSWORD, demoUscc } from './demo-companies.js';

export const SEED_CTX: RequestContext = { actor: null, locale: 'zh-CN', ip: '127.0.0.1', userAgent: 'demo-seed', requestId: 'demo-seed' };

/** Ids of the DEMO_COMPANIES at these indexes that exist (a company not seeded yet is simply absent). */
export async function demoCompanyIds(built: BuiltApp, indexes: Iterable<number>): Promise<Map<number, string>> {
  const ids = new Map<number, string>();
  for (const index of new Set(indexes)) {
    const uscc = demoUscc(DEMO_COMPANIES[index]!);
    const found = (await built.modules.accounts.companies.list(SEED_CTX, { q: uscc, limit: 5 })).items.find((c) => c.uscc === uscc);
    if (found) ids.set(index, found.id);
  }
  return ids;
}

/** The published listings of these companies among the first `scan` in id order (their earliest), per company. */
export async function publishedProductsOf(built: BuiltApp, companyIds: Iterable<string>, scan: number): Promise<Map<string, string[]>> {
  const catalog = built.modules.catalog.products;
  const wanted = new Set(companyIds);
  const productsOf = new Map<string, string[]>();
  let after: string | null = null;
  let scanned = 0;
  while (scanned < scan && wanted.size > 0) {
    const ids = await catalog.publishedIdsAfter(after, 200);
    if (ids.length === 0) break;
    scanned += ids.length;
    after = ids[ids.length - 1]!;
    for (const p of await catalog.summaries(ids)) {
      if (!wanted.has(p.companyId) || p.status !== 'published') continue;
      productsOf.set(p.companyId, [...(productsOf.get(p.companyId) ?? []), p.id]);
    }
  }
  return productsOf;
}

/** Sessions of demo people by email; null for someone not seeded (yet). */
export function demoSessions(built: BuiltApp) {
  const { auth } = built.modules.accounts;
  const contexts = new Map<string, RequestContext | null>();
  const byEmail = async (email: string): Promise<RequestContext | null> => {
    if (!contexts.has(email)) {
      try {
        const token = (await auth.login(SEED_CTX, { email, password: DEMO_PASSWORD })).session.token;
        contexts.set(email, { ...SEED_CTX, actor: await auth.authenticate(token, 'bearer') });
      } catch {
        contexts.set(email, null);
      }
    }
    return contexts.get(email) ?? null;
  };
  return {
    byEmail,
    /** The company's owner, or its first other member. */
    of: (company: number, who: 'owner' | 'member') => {
      const c = DEMO_COMPANIES[company]!;
      return byEmail(who === 'owner' ? c.owner.email : c.members[0]!.email);
    },
    async close(): Promise<void> {
      for (const ctx of contexts.values()) if (ctx?.actor) await auth.logout(ctx);
    },
  };
}
