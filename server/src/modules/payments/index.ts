import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { definePaymentsJobs, httpDeliverer, type WebhookDeliverer } from './jobs.js';
import { BankTransferProvider, SandboxProvider, type PaymentProvider } from './providers.js';
import { registerPaymentsRoutes } from './routes.js';
import { PaymentsService } from './service.js';

export type { IntentView, Posting, SettlementRoute } from './service.js';
export { clearingAccount } from './service.js';
export type { PaymentEvent } from './events.js';
export type { WebhookDeliverer } from './jobs.js';
export { signWebhook } from './providers.js';
export { intentView } from './schemas.js';

/** Payments core: the double-entry ledger, payment intents, providers (sandbox, bank transfer), webhooks, idempotency. */
export function createPaymentsModule(platform: Platform, deps: { deliverWebhook?: WebhookDeliverer } = {}) {
  const { config } = platform;
  const providers = new Map<string, PaymentProvider>();
  if (config.SANDBOX_PAYMENTS) providers.set('sandbox', new SandboxProvider(config.publicUrl));
  providers.set('bank_transfer', new BankTransferProvider({ bank: config.BANK_NAME, accountName: config.BANK_ACCOUNT_NAME, accountNo: config.BANK_ACCOUNT_NO }));
  const payments = new PaymentsService(platform, providers, config.PAYMENTS_WEBHOOK_SECRET);
  definePaymentsJobs(platform.jobs, config.PAYMENTS_WEBHOOK_SECRET, deps.deliverWebhook ?? httpDeliverer(config.publicUrl));
  return {
    payments,
    registerRoutes(app: App) {
      registerPaymentsRoutes(app, payments, config.SANDBOX_PAYMENTS);
    },
  };
}

export type PaymentsModule = ReturnType<typeof createPaymentsModule>;
