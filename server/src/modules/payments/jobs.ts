import { z } from 'zod';
import type { JobRunner } from '../../platform/jobs.js';
import { signWebhook } from './providers.js';

export type WebhookDeliverer = (path: string, headers: Record<string, string>, body: string) => Promise<number>;

/** Posts to our own public URL, as the provider would from outside. */
export function httpDeliverer(publicUrl: string): WebhookDeliverer {
  return async (path, headers, body) => (await fetch(`${publicUrl}${path}`, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) })).status;
}

const eventSchema = z.object({
  event: z.object({ id: z.string(), type: z.enum(['payment.succeeded', 'payment.failed']), intentId: z.string(), providerRef: z.string(), amount: z.number(), currency: z.string(), created: z.number() }),
});

/** The sandbox provider's webhook sender: signed, retried with backoff until we answer 2xx. */
export function definePaymentsJobs(jobs: JobRunner, secret: string, deliver: WebhookDeliverer): void {
  jobs.define('payments.sandbox_webhook', eventSchema, async ({ event }) => {
    const body = JSON.stringify(event);
    const status = await deliver('/api/v1/webhooks/payments/sandbox', { 'content-type': 'application/json', 'tongshang-signature': signWebhook(secret, body) }, body);
    if (status < 200 || status >= 300) throw new Error(`webhook answered ${status}`);
  });
}
