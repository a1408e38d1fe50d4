import { runWithApp } from './with-app.js';

const yuan = (fen: number) => (fen / 100).toFixed(2);
const mark = (ok: boolean) => (ok ? 'ok ' : 'FAIL');

/**
 * npm run ledger:reconcile — recomputes balances from postings and checks the settlement invariants: every transaction
 * balances, escrow equals the unreleased paid money of the orders, receivables equal the billed unpaid credit-terms
 * bills, payouts in flight equal the requested payouts, no seller balance is negative. Exits 1 when any check fails.
 */
runWithApp(async (modules) => {
  const { payments } = modules.payments;
  const balances = await payments.balances();
  for (const b of balances) console.log(`${b.code.padEnd(64)} ${yuan(b.balance).padStart(16)} ${b.currency}`);
  const total = balances.reduce((s, b) => s + b.balance, 0);
  const r = await modules.settlements.reconcile();
  console.log(`\n${balances.length} accounts; sum of all balances ${total} (must be 0)`);
  console.log(`[${mark(r.balanced)}] unbalanced transactions: ${r.unbalancedTransactions.length}`);
  for (const u of r.unbalancedTransactions) console.log(`       ${u.transactionId} ${u.currency} off by ${u.sum}`);
  console.log(`[${mark(r.escrowMatchesOrders)}] escrow ${yuan(r.escrowBalance)} = orders' unreleased paid money ${yuan(r.escrowOutstandingOrders)}`);
  console.log(`[${mark(r.receivablesMatchBills)}] receivables ${yuan(r.receivables)} = billed unpaid credit-terms bills ${yuan(r.billedOutstanding)}`);
  console.log(`[${mark(r.inFlightMatchesPayouts)}] payouts in flight ${yuan(r.payoutsInFlight)} = requested payouts ${yuan(r.payoutsRequested)}`);
  console.log(`[${mark(r.negativeSellerBalances.length === 0)}] negative seller balances: ${r.negativeSellerBalances.length}`);
  for (const n of r.negativeSellerBalances) console.log(`       ${n.account} ${yuan(n.balance)}`);
  console.log(`       seller available ${yuan(r.sellerAvailable)}; platform fees ${yuan(r.platformFees)}; checked ${r.checkedAt.toISOString()}`);
  return total === 0 && r.ok ? 0 : 1;
});
