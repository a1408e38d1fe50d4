/** What the demo seed's tests share: a test app with the demo seeded and settled, and demo people signed in. */
import type { RequestContext } from '../platform/context.js';
import { createTestApp, type TestApp } from './harness.js';
import { DEMO_PASSWORD, seedDemoIfEmpty } from '../seed/demo.js';
import { defineDemoCatalogJob } from '../seed/demo-job.js';

/** Jobs running, or pending and due within a minute (not those queued for days ahead, like a ship-by date's metrics refresh). */
async function jobsDueSoon(app: TestApp): Promise<number> {
  const row = await app.database.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('status', '=', 'running'), eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', new Date(Date.now() + 60_000))])]))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The worker's passes until no event or job is left (a supplier waiting for its TrustPass looks again a second later). */
export async function drainAll(app: TestApp): Promise<void> {
  for (let i = 0; i < 600; i++) {
    await app.drain();
    if ((await jobsDueSoon(app)) === 0 && (await app.platform.events.pendingCount()) === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the demo seed did not settle');
}

/** A test app whose demo (companies, a catalog of this size, then the sourcing demo) is complete. */
export async function openDemoApp(catalogSize: number): Promise<TestApp> {
  const t = await createTestApp();
  defineDemoCatalogJob(t);
  await seedDemoIfEmpty(t, { catalogSize });
  await drainAll(t);
  return t;
}

export async function signInDemo(t: TestApp, email: string): Promise<RequestContext> {
  const base: RequestContext = { actor: null, locale: 'zh-CN', ip: '127.0.0.1', userAgent: 'test', requestId: 'test' };
  const token = (await t.modules.accounts.auth.login(base, { email, password: DEMO_PASSWORD })).session.token;
  return { ...base, actor: await t.modules.accounts.auth.authenticate(token, 'bearer') };
}
