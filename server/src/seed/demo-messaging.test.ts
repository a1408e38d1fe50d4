import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../testing/harness.js';
import { DEMO_COMPANIES } from './demo.js';
import { openDemoApp, signInDemo } from '../testing/demo.js';
import { seedDemoConversations } from './demo-messaging.js';

let t: TestApp;
beforeAll(async () => {
  t = await openDemoApp(60);
}, 240_000);
afterAll(async () => {
  await t.close();
});

const signIn = (email: string) => signInDemo(t, email);

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
