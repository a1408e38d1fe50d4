// Carriers sign their webhooks exactly as payment providers do.
export { signWebhook as signCarrierWebhook, verifyWebhookSignature as verifyCarrierSignature } from '../../platform/webhook-signature.js';
