-- Payments core: a double-entry ledger, payment intents with providers, webhook receipts, idempotency keys.
CREATE TABLE ledger_accounts (
  id         uuid PRIMARY KEY,
  code       text        NOT NULL UNIQUE,
  purpose    text        NOT NULL,
  company_id uuid,
  currency   text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ledger_transactions (
  id             uuid PRIMARY KEY,
  kind           text        NOT NULL,
  reference_type text        NOT NULL,
  reference_id   text        NOT NULL,
  memo           text        NOT NULL DEFAULT '',
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_transactions_reference_idx ON ledger_transactions (reference_type, reference_id);

CREATE TABLE ledger_postings (
  id             bigserial PRIMARY KEY,
  transaction_id uuid   NOT NULL REFERENCES ledger_transactions (id),
  account_id     uuid   NOT NULL REFERENCES ledger_accounts (id),
  amount         bigint NOT NULL CHECK (amount <> 0),
  currency       text   NOT NULL
);
CREATE INDEX ledger_postings_account_idx ON ledger_postings (account_id);
CREATE INDEX ledger_postings_transaction_idx ON ledger_postings (transaction_id);

-- Postings are append-only.
CREATE FUNCTION ledger_postings_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger postings are append-only';
END $$;
CREATE TRIGGER ledger_postings_no_change BEFORE UPDATE OR DELETE ON ledger_postings
  FOR EACH ROW EXECUTE FUNCTION ledger_postings_immutable();

-- Every ledger transaction sums to zero per currency, checked when its database transaction commits.
CREATE FUNCTION ledger_transaction_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM ledger_postings WHERE transaction_id = NEW.transaction_id
    GROUP BY currency HAVING sum(amount) <> 0
  ) THEN
    RAISE EXCEPTION 'ledger transaction % does not balance', NEW.transaction_id;
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_postings_balanced AFTER INSERT ON ledger_postings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balanced();

CREATE TABLE payment_intents (
  id              uuid PRIMARY KEY,
  company_id      uuid        NOT NULL,
  purpose         text        NOT NULL,
  reference_id    text        NOT NULL,
  amount          bigint      NOT NULL CHECK (amount > 0),
  currency        text        NOT NULL,
  provider        text        NOT NULL,
  status          text        NOT NULL CHECK (status IN ('requires_payment', 'succeeded', 'failed', 'canceled')),
  provider_ref    text        NOT NULL,
  description     text        NOT NULL DEFAULT '',
  created_by      uuid,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  settled_at      timestamptz
);
CREATE INDEX payment_intents_company_idx ON payment_intents (company_id, created_at DESC);
CREATE UNIQUE INDEX payment_intents_provider_ref_idx ON payment_intents (provider, provider_ref);

CREATE TABLE payment_webhook_events (
  id          uuid PRIMARY KEY,
  provider    text        NOT NULL,
  event_id    text,
  intent_id   uuid,
  outcome     text        NOT NULL,
  detail      text        NOT NULL DEFAULT '',
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX payment_webhook_events_applied_idx ON payment_webhook_events (provider, event_id) WHERE outcome = 'applied';

CREATE TABLE idempotency_keys (
  scope         text        NOT NULL,
  key           text        NOT NULL,
  request_hash  text        NOT NULL,
  status_code   integer,
  response_body text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
