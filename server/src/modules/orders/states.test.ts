import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allows, holdsReservation, ORDER_STATUSES, TRANSITIONS, viewerActions, type OrderFacts, type OrderStatus, type Party, type TransitionName } from './states.js';

const o = (status: OrderStatus, more: Partial<OrderFacts> = {}): OrderFacts => ({ status, paymentTerms: 'escrow', escrowPaid: 0, ...more });
const parties = (...p: Party[]) => new Set<Party>(p);

describe('order state machine', () => {
  it('never leaves a final state', () => {
    for (const status of ['completed', 'cancelled', 'closed'] as const) {
      for (const name of Object.keys(TRANSITIONS) as TransitionName[]) expect(allows(name, o(status))).toBe(false);
    }
  });

  it('lets escrow orders pay and credit-terms orders be accepted on terms, each only in its own way', () => {
    expect(allows('pay', o('awaiting_payment'))).toBe(true);
    expect(allows('pay', o('deposit_paid'))).toBe(true);
    expect(allows('accept_terms', o('awaiting_payment'))).toBe(false);
    expect(allows('pay', o('awaiting_payment', { paymentTerms: 'credit_terms' }))).toBe(false);
    expect(allows('accept_terms', o('awaiting_payment', { paymentTerms: 'credit_terms' }))).toBe(true);
    expect(allows('pay', o('awaiting_approval'))).toBe(false);
  });

  it('allows adjusting only before any money arrived', () => {
    expect(allows('adjust', o('awaiting_payment'))).toBe(true);
    expect(allows('adjust', o('awaiting_approval'))).toBe(true);
    expect(allows('adjust', o('awaiting_payment', { escrowPaid: 1 }))).toBe(false);
    expect(allows('adjust', o('deposit_paid', { escrowPaid: 1 }))).toBe(false);
  });

  it('cancels: the buyer before payment, the seller until shipping, the system only unpaid orders', () => {
    const where = (name: TransitionName) => ORDER_STATUSES.filter((s) => allows(name, o(s)));
    expect(where('buyer_cancel')).toEqual(['awaiting_approval', 'awaiting_payment']);
    expect(where('seller_cancel')).toEqual(['awaiting_payment', 'deposit_paid', 'paid']);
    expect(where('expire')).toEqual(['awaiting_approval', 'awaiting_payment']);
    expect(where('ship')).toEqual(['paid', 'partly_shipped']);
    expect(where('confirm_receipt')).toEqual(['partly_shipped', 'shipped']);
    expect(where('auto_confirm')).toEqual(['shipped']);
    expect(where('refund')).toEqual(['paid', 'partly_shipped', 'shipped', 'received']);
    expect(where('complete')).toEqual(['received']);
  });

  it('holds stock exactly in the states before full shipment', () => {
    expect(ORDER_STATUSES.filter(holdsReservation)).toEqual(['awaiting_approval', 'awaiting_payment', 'deposit_paid', 'paid', 'partly_shipped']);
    // Every transition that ends a reservation leaves a holding state for a non-holding one, and none re-enters one.
    for (const [name, t] of Object.entries(TRANSITIONS)) {
      if (typeof t.to === 'string' && t.to !== 'same' && t.to !== 'computed' && !holdsReservation(t.to)) {
        expect(name).toMatch(/reject|cancel|expire|confirm|complete/);
      }
    }
  });

  it('shows each viewer the buttons of its side', () => {
    expect(viewerActions(o('awaiting_approval'), parties('buyer', 'payer'))).toEqual(['cancel']);
    expect(viewerActions(o('awaiting_approval'), parties('buyer', 'payer', 'approver'))).toEqual(['approve', 'reject', 'cancel']);
    expect(viewerActions(o('awaiting_payment'), parties('seller'))).toEqual(['cancel', 'adjust']);
    expect(viewerActions(o('paid', { escrowPaid: 1 }), parties('seller'))).toEqual(['cancel', 'ship']);
    expect(viewerActions(o('paid', { escrowPaid: 1 }), parties('buyer', 'payer'))).toEqual([]);
    expect(viewerActions(o('shipped', { escrowPaid: 1 }), parties('buyer'))).toEqual(['confirm-receipt']);
    expect(viewerActions(o('shipped'), parties())).toEqual([]);
  });

  it('is the table docs/orders.md describes (every transition appears there)', () => {
    const doc = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/orders.md'), 'utf8');
    for (const status of ORDER_STATUSES) expect(doc).toContain(status);
    for (const api of ['approve', 'reject', 'pay', 'adjust', 'cancel', 'expire', 'ship', 'confirm-receipt', 'auto-confirm', 'complete', 'refund']) expect(doc).toContain(`| ${api}`);
  });
});
