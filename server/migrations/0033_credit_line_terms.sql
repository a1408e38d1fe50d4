-- A credit line's own term (账期, days from receipt to due); NULL means the platform's default term (trade settings).
-- A bill keeps the term of its line when it is drawn, so changing a line's term never moves an order already on terms.
ALTER TABLE credit_lines ADD COLUMN term_days int CHECK (term_days BETWEEN 1 AND 180);
ALTER TABLE credit_draws ADD COLUMN term_days int CHECK (term_days BETWEEN 1 AND 180);
