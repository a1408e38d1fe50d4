import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../testing/harness.js';
import { DEMO_COMPANIES } from './demo.js';
import { openDemoApp, signInDemo } from '../testing/demo.js';
import { seedDemoRfqs } from './demo-rfqs.js';

let t: TestApp;
beforeAll(async () => {
  t = await openDemoApp(120);
}, 240_000);
afterAll(async () => {
  await t.close();
});

const signIn = (email: string) => signInDemo(t, email);

describe('demo RFQs', () => {
  it('the demo job posts open, awarded and closed RFQs with competing quotes through the service, once', async () => {
    // The demo.sourcing job ran after the catalog (beforeAll drained it); seeding again finds everything there.
    const again = await seedDemoRfqs(t);
    expect(again).toMatchObject({ rfqs: 0, quotes: 0 });

    const minhang = await signIn(DEMO_COMPANIES[6]!.owner.email);
    const mine = (await t.modules.rfqs.rfqs.list(minhang, { scope: 'mine', limit: 20 })).items;
    expect(mine.map((r) => r.status)).toEqual(['open', 'open', 'open']);
    const plate = mine.find((r) => r.title.includes('热轧钢板'))!;
    const compare = await t.modules.rfqs.rfqs.quotesOn(minhang, plate.id);
    expect(compare.items.length).toBeGreaterThanOrEqual(2);
    expect(new Set(compare.items.map((q) => q.supplier.id)).size).toBe(compare.items.length);
    expect(compare.items.some((q) => q.shortlisted)).toBe(true);

    const xinan = await signIn(DEMO_COMPANIES[8]!.owner.email);
    const rebar = (await t.modules.rfqs.rfqs.list(xinan, { scope: 'mine', limit: 20 })).items.find((r) => r.title.includes('螺纹钢'))!;
    expect(rebar.status).toBe('awarded');
    const youxuan = await signIn(DEMO_COMPANIES[7]!.owner.email);
    expect((await t.modules.rfqs.rfqs.list(youxuan, { scope: 'mine', limit: 20 })).items.find((r) => r.title.includes('纸箱'))?.status).toBe('closed');
    // Open public needs in other categories fill the market.
    const market = (await t.modules.rfqs.rfqs.list(minhang, { scope: 'market', limit: 20 })).items;
    expect(market.length).toBeGreaterThanOrEqual(5);
  }, 120_000);
});
