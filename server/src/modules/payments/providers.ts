import { randomToken } from '../../platform/ids.js';

export interface NewPayment {
  intentId: string;
  amount: number;
  currency: string;
  description: string;
}

/** A way to pay. Online providers confirm by signed webhook; offline ones by an operator. */
export interface PaymentProvider {
  readonly name: string;
  /** Registers the payment with the provider; returns the provider's reference for it. */
  create(payment: NewPayment): Promise<{ providerRef: string }>;
  /** Where the payer goes (online) or what the payer must do (offline). */
  payInfo(payment: NewPayment & { providerRef: string }): { payUrl: string | null; instructions: string | null };
}

export interface WebhookEvent {
  id: string;
  type: 'payment.succeeded' | 'payment.failed';
  intentId: string;
  providerRef: string;
  amount: number;
  currency: string;
  created: number;
}

export { signWebhook, verifyWebhookSignature } from '../../platform/webhook-signature.js';

/** Behaves like an online provider: a pay page where the payer approves or declines, then signed webhooks. */
export class SandboxProvider implements PaymentProvider {
  readonly name = 'sandbox';

  constructor(private readonly publicUrl: string) {}

  create() {
    return Promise.resolve({ providerRef: `sbx_${randomToken(12)}` });
  }

  payInfo(payment: NewPayment) {
    return { payUrl: `${this.publicUrl}/sandbox/pay/${payment.intentId}`, instructions: null };
  }
}

/** Offline corporate bank transfer (对公转账): the payer quotes the reference; an operator confirms the receipt. */
export class BankTransferProvider implements PaymentProvider {
  readonly name = 'bank_transfer';

  constructor(private readonly account: { bank: string; accountName: string; accountNo: string }) {}

  create(payment: NewPayment) {
    return Promise.resolve({ providerRef: `TS${payment.intentId.replace(/-/g, '').slice(-10).toUpperCase()}` });
  }

  payInfo(payment: NewPayment & { providerRef: string }) {
    const yuan = (payment.amount / 100).toFixed(2);
    return { payUrl: null, instructions: `${this.account.bank} · ${this.account.accountName} · ${this.account.accountNo} · ¥${yuan} · 附言/Reference: ${payment.providerRef}` };
  }
}
