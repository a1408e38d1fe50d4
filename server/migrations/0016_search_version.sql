-- The search read model's version (docs/search.md, "Result cache"): every transaction that writes the read model
-- bumps it as its last statement, so a server keeps recent answers keyed by it and a cached answer is never older
-- than the last committed index change, whichever process made it.
CREATE TABLE search_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  n  bigint  NOT NULL
);
INSERT INTO search_version (id, n) VALUES (true, 0);
