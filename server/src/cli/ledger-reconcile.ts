import { runWithApp } from './with-app.js';

/** npm run ledger:reconcile — recomputes balances from postings; exits 1 if any transaction does not balance. */
runWithApp(async (modules) => {
  const { payments } = modules.payments;
  const balances = await payments.balances();
  for (const b of balances) console.log(`${b.code.padEnd(48)} ${(b.balance / 100).toFixed(2).padStart(16)} ${b.currency}`);
  const total = balances.reduce((s, b) => s + b.balance, 0);
  const unbalanced = await payments.reconcile();
  console.log(`\n${balances.length} accounts; sum of all balances ${total} (must be 0); unbalanced transactions: ${unbalanced.length}`);
  for (const u of unbalanced) console.log(`  ${u.transactionId} ${u.currency} off by ${u.sum}`);
  return total === 0 && unbalanced.length === 0 ? 0 : 1;
});
