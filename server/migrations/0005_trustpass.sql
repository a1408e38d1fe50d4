-- TrustPass (诚信通) membership: plans, purchases paid through payment intents, the membership itself, reminders sent.
CREATE TABLE trustpass_plans (
  id              uuid PRIMARY KEY,
  code            text        NOT NULL UNIQUE,
  name_zh         text        NOT NULL,
  name_en         text        NOT NULL,
  annual_price    bigint      NOT NULL CHECK (annual_price > 0),
  currency        text        NOT NULL DEFAULT 'CNY',
  publish_limit   integer     NOT NULL CHECK (publish_limit >= 0),
  rfq_quote_quota integer     NOT NULL CHECK (rfq_quote_quota >= 0),
  badge           text        NOT NULL,
  active          boolean     NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE trustpass_purchases (
  id                uuid PRIMARY KEY,
  company_id        uuid        NOT NULL,
  plan_id           uuid        NOT NULL REFERENCES trustpass_plans (id),
  years             integer     NOT NULL CHECK (years BETWEEN 1 AND 3),
  amount            bigint      NOT NULL,
  currency          text        NOT NULL,
  payment_intent_id uuid        NOT NULL UNIQUE,
  status            text        NOT NULL CHECK (status IN ('pending', 'paid', 'failed')),
  created_by        uuid        NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  paid_at           timestamptz
);
CREATE INDEX trustpass_purchases_company_idx ON trustpass_purchases (company_id, created_at DESC);

CREATE TABLE trustpass_memberships (
  company_id     uuid PRIMARY KEY,
  plan_id        uuid        NOT NULL REFERENCES trustpass_plans (id),
  run_started_at timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trustpass_memberships_expiry_idx ON trustpass_memberships (expires_at);

CREATE TABLE trustpass_reminders (
  company_id uuid        NOT NULL,
  expires_at timestamptz NOT NULL,
  kind       text        NOT NULL,
  sent_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, expires_at, kind)
);
