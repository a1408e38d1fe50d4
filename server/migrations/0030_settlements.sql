-- Settlements: seller payouts, buyer credit lines (账期) with their draws (bills), and the reminders sent about them.
-- Balances themselves live in the ledger (payments module); these tables hold what the ledger does not.

CREATE TABLE payouts (
  id             uuid PRIMARY KEY,
  company_id     uuid        NOT NULL,
  amount         bigint      NOT NULL CHECK (amount > 0),
  currency       text        NOT NULL DEFAULT 'CNY',
  bank           jsonb       NOT NULL,
  status         text        NOT NULL CHECK (status IN ('requested', 'paid', 'failed')),
  provider       text        NOT NULL,
  bank_reference text,
  failure_reason text,
  requested_by   uuid,
  settled_by     uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  settled_at     timestamptz
);
CREATE INDEX payouts_company_idx ON payouts (company_id, id DESC);
CREATE INDEX payouts_status_idx ON payouts (status, id DESC);

CREATE TABLE credit_lines (
  company_id           uuid PRIMARY KEY,
  credit_limit         bigint      NOT NULL CHECK (credit_limit >= 0),
  used                 bigint      NOT NULL DEFAULT 0 CHECK (used >= 0),
  currency             text        NOT NULL DEFAULT 'CNY',
  status               text        NOT NULL CHECK (status IN ('active', 'frozen')),
  suggested_from_grade text,
  suggested_limit      bigint,
  note                 text        NOT NULL DEFAULT '',
  granted_by           uuid,
  granted_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credit_lines_status_idx ON credit_lines (status, company_id);

-- One draw (bill) per credit-terms order: drawn when the buyer accepts the order on terms, reduced by refunds
-- (released), billed when the order completes (the receivable is posted), due at receipt + the term, repaid once.
CREATE TABLE credit_draws (
  id                  uuid PRIMARY KEY,
  company_id          uuid        NOT NULL,
  order_id            uuid        NOT NULL UNIQUE,
  amount              bigint      NOT NULL CHECK (amount > 0),
  released            bigint      NOT NULL DEFAULT 0,
  currency            text        NOT NULL DEFAULT 'CNY',
  due_at              timestamptz,
  billed_at           timestamptz,
  repaid_at           timestamptz,
  repaid_amount       bigint      NOT NULL DEFAULT 0,
  repayment_intent_id uuid,
  overdue_at          timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (released >= 0 AND released <= amount)
);
CREATE INDEX credit_draws_company_idx ON credit_draws (company_id, id DESC);
CREATE INDEX credit_draws_open_due_idx ON credit_draws (due_at) WHERE repaid_at IS NULL;

-- Reminders log: one row per (bill, kind, day) sent, so the daily sweep never sends one twice.
CREATE TABLE credit_reminders (
  draw_id    uuid        NOT NULL,
  kind       text        NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
  on_date    date        NOT NULL,
  sent_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (draw_id, kind, on_date)
);
