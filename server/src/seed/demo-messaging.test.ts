import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../platform/context.js';
import { createTestApp, type TestApp } from '../testing/harness.js';
import { DEMO_COMPANIES, DEMO_PASSWORD, seedDemoIfEmpty } from './demo.js';
import { defineDemoCatalogJob } from './demo-job.js';
import { seedDemoConversations } from './demo-messaging.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  defineDemoCatalogJob(t);
  await seedDemoIfEmpty(t, { catalogSize: 60 });
  for (let i = 0; i < 600; i++) {
    await t.drain();
    const depth = await t.platform.jobs.queueDepth();
    if ((depth.pending ?? 0) + (depth.running ?? 0) === 0 && (await t.platform.events.pendingCount()) === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
}, 240_000);
afterAll(async () => {
  await t.close();
});

async function signIn(email: string): Promise<RequestContext> {
  const base: RequestContext = { actor: null, locale: 'zh-CN', ip: '127.0.0.1', userAgent: 'test', requestId: 'test' };
  const token = (await t.modules.accounts.auth.login(base, { email, password: DEMO_PASSWORD })).session.token;
  return { ...base, actor: await t.modules.accounts.auth.authenticate(token, 'bearer') };
}

describe('demo conversations', () => {
  it('seeds answered and unanswered conversations with history in the past, once', async () => {
    // The demo job (demo-sourcing.ts) may have seeded them already: then this run only finds them.
    const first = await seedDemoConversations(t);
    expect(first.conversations + first.messages + first.skipped).toBeGreaterThanOrEqual(19);
    const again = await seedDemoConversations(t);
    expect(again).toMatchObject({ conversations: 0, messages: 0, skipped: 19 });
    const now = new Date();

    const huadongSales = await signIn(DEMO_COMPANIES[0]!.members[0]!.email);
    const list = await t.modules.messaging.messaging.list(huadongSales, { side: 'supplier', limit: 10 });
    expect(list.items).toHaveLength(1);
    const c = list.items[0]!;
    expect(c.unread).toBe(0);
    const history = await t.modules.messaging.messaging.messages(huadongSales, c.id, { limit: 50 });
    expect(history.items.length).toBe(6);
    expect(history.items[0]!.createdAt.getTime()).toBeLessThan(now.getTime() - 5 * 24 * 3600_000);
    expect(history.items.some((m) => m.kind === 'product')).toBe(true);

    // Hengtong never answered: its team sees the buyer's two messages unread.
    const hengtong = await signIn(DEMO_COMPANIES[4]!.owner.email);
    const unread = await t.modules.messaging.messaging.unreadCount(hengtong);
    expect(unread.asSupplier).toBe(2);
  });
});
