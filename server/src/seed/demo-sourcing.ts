/**
 * The sourcing demo (issue 5) follows the catalog: bookmarks, inquiries with their answers (some fast, some late,
 * some never, so response rates differ), RFQs with competing quotes, and conversations with history. One job run per
 * part, each idempotent (it finds what exists and adds only what is missing), so a restart carries on where it stopped.
 */
import { z } from 'zod';
import type { BuiltApp } from '../app.js';
import { enqueueJob } from '../platform/jobs.js';
import { seedDemoFavorites } from './demo-favorites.js';
import { seedDemoInquiries } from './demo-inquiries.js';
import { seedDemoConversations } from './demo-messaging.js';
import { seedDemoRfqs } from './demo-rfqs.js';
import { defineDemoTradeJob, scheduleDemoTrade } from './demo-trade.js';

export const DEMO_SOURCING_JOB = 'demo.sourcing';

const PARTS: Array<{ name: string; run: (built: BuiltApp) => Promise<object> }> = [
  { name: 'favorites', run: (built) => seedDemoFavorites(built) },
  { name: 'inquiries', run: (built) => seedDemoInquiries(built) },
  { name: 'rfqs', run: (built) => seedDemoRfqs(built) },
  { name: 'conversations', run: (built) => seedDemoConversations(built) },
];

const payloadSchema = z.object({ part: z.number().int().min(0) });

export async function scheduleDemoSourcing(built: BuiltApp, part = 0): Promise<void> {
  await enqueueJob(built.platform.database.db, { kind: DEMO_SOURCING_JOB, payload: { part }, uniqueKey: `${DEMO_SOURCING_JOB}:${part}` });
}

export function defineDemoSourcingJob(built: BuiltApp): void {
  // The trade demo (orders) follows the sourcing demo: it orders at the accepted RFQ quote.
  defineDemoTradeJob(built);
  built.platform.jobs.define(DEMO_SOURCING_JOB, payloadSchema, async ({ part }, ctx) => {
    const spec = PARTS[part];
    if (!spec) return;
    const started = Date.now();
    const result = await spec.run(built);
    ctx.log.info({ part: spec.name, ...result, runMs: Date.now() - started }, part + 1 < PARTS.length ? 'demo sourcing: progress' : 'demo sourcing complete');
    if (part + 1 < PARTS.length) await scheduleDemoSourcing(built, part + 1);
    else await scheduleDemoTrade(built);
  });
}
