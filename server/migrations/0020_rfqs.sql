-- RFQs (询价单/采购需求) and quotes (报价). A buyer company posts a need; matching suppliers are notified; each
-- supplier keeps at most one live quote per RFQ, revisable before the deadline (every version kept in
-- quote_revisions); the buyer compares, asks in a per-quote thread, shortlists, accepts one, declines others, closes.
-- State machines: docs/rfqs.md and server/src/modules/rfqs/states.ts.
CREATE TABLE rfqs (
  id                    uuid          PRIMARY KEY,
  company_id            uuid          NOT NULL,                  -- the buyer company
  created_by            uuid          NOT NULL,
  status                text          NOT NULL CHECK (status IN ('open', 'awarded', 'closed', 'expired', 'cancelled')),
  title                 text          NOT NULL,
  description           text          NOT NULL DEFAULT '',
  category_id           uuid          NOT NULL,
  category_path_ids     uuid[]        NOT NULL,                  -- root first, the leaf last (filters by any level)
  category_name_zh      text          NOT NULL,
  category_name_en      text          NOT NULL,
  specification         jsonb         NOT NULL DEFAULT '{}'::jsonb,  -- attribute key -> value, per the category template
  quantity              numeric(18,3) NOT NULL CHECK (quantity > 0),
  unit                  text          NOT NULL,
  target_unit_price     bigint        CHECK (target_unit_price > 0),  -- 分 per unit, optional
  currency              text          NOT NULL DEFAULT 'CNY',
  delivery_province     text          NOT NULL,
  delivery_date         date          NOT NULL,
  quote_deadline        timestamptz   NOT NULL,
  attachment_file_ids   uuid[]        NOT NULL DEFAULT '{}',
  visibility            text          NOT NULL CHECK (visibility IN ('public', 'invited')),
  invited_company_ids   uuid[]        NOT NULL DEFAULT '{}',
  supplier_provinces    text[]        NOT NULL DEFAULT '{}',     -- preferred supplier regions (ranked first in matching)
  min_grade             text          CHECK (min_grade IN ('1A', '2A', '3A', '4A', '5A')),
  buyer_province        text          NOT NULL,                  -- what suppliers see of the buyer, as of posting
  buyer_grade           text,
  buyer_verified        boolean       NOT NULL DEFAULT false,
  awarded_quote_id      uuid,
  matched_at            timestamptz,                             -- matching ran (once per RFQ)
  closing_soon_sent_at  timestamptz,
  closed_at             timestamptz,
  published_at          timestamptz   NOT NULL DEFAULT now(),
  created_at            timestamptz   NOT NULL DEFAULT now(),
  updated_at            timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX rfqs_company_idx ON rfqs (company_id, id DESC);
CREATE INDEX rfqs_market_idx ON rfqs (id DESC) WHERE visibility = 'public' AND status = 'open';
CREATE INDEX rfqs_deadline_idx ON rfqs (quote_deadline) WHERE status IN ('open', 'awarded');
CREATE INDEX rfqs_category_idx ON rfqs USING gin (category_path_ids);

-- Who was told about an RFQ and why (matched by category/grade/region, or invited by the buyer).
CREATE TABLE rfq_matches (
  rfq_id     uuid        NOT NULL REFERENCES rfqs (id),
  company_id uuid        NOT NULL,
  reason     text        NOT NULL CHECK (reason IN ('matched', 'invited')),
  rank       integer     NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (rfq_id, company_id)
);
CREATE INDEX rfq_matches_company_idx ON rfq_matches (company_id, rfq_id DESC);

CREATE TABLE quotes (
  id                  uuid          PRIMARY KEY,
  rfq_id              uuid          NOT NULL REFERENCES rfqs (id),
  company_id          uuid          NOT NULL,                    -- the supplier company
  buyer_company_id    uuid          NOT NULL,
  submitted_by        uuid          NOT NULL,
  status              text          NOT NULL CHECK (status IN ('submitted', 'accepted', 'declined', 'withdrawn', 'not_selected')),
  shortlisted         boolean       NOT NULL DEFAULT false,
  revision            integer       NOT NULL DEFAULT 1,
  unit_price          bigint        NOT NULL CHECK (unit_price > 0),  -- 分 per unit
  price_tiers         jsonb         NOT NULL DEFAULT '[]'::jsonb,     -- optional [{minQuantity, unitPrice}]
  currency            text          NOT NULL DEFAULT 'CNY',
  lead_time_days      integer       NOT NULL CHECK (lead_time_days >= 0),
  valid_until         date          NOT NULL,
  shipping_terms      text          NOT NULL,
  sample              jsonb,                                      -- {unitPrice, maxQuantity, free} or null
  notes               text          NOT NULL DEFAULT '',
  attachment_file_ids uuid[]        NOT NULL DEFAULT '{}',
  decline_reason      text,
  buyer_read_at       timestamptz,
  decided_at          timestamptz,
  created_at          timestamptz   NOT NULL DEFAULT now(),
  updated_at          timestamptz   NOT NULL DEFAULT now()
);
-- One live quote per supplier per RFQ.
CREATE UNIQUE INDEX quotes_live_uq ON quotes (rfq_id, company_id) WHERE status IN ('submitted', 'accepted');
CREATE INDEX quotes_rfq_idx ON quotes (rfq_id, id);
CREATE INDEX quotes_company_idx ON quotes (company_id, id DESC);
CREATE INDEX quotes_buyer_unread_idx ON quotes (buyer_company_id) WHERE buyer_read_at IS NULL;

-- Every version of a quote's terms, the first submission included (revision 1).
CREATE TABLE quote_revisions (
  quote_id   uuid        NOT NULL REFERENCES quotes (id),
  revision   integer     NOT NULL,
  terms      jsonb       NOT NULL,
  created_by uuid        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (quote_id, revision)
);

-- The follow-up thread under a quote: the buyer and that supplier only.
CREATE TABLE quote_messages (
  id             uuid        PRIMARY KEY,
  quote_id       uuid        NOT NULL REFERENCES quotes (id),
  author_user_id uuid        NOT NULL,
  side           text        NOT NULL CHECK (side IN ('buyer', 'supplier')),
  body           text        NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quote_messages_quote_idx ON quote_messages (quote_id, id);

-- Quotes a supplier started in a calendar month (Beijing time); the quota is checked and counted in one statement.
CREATE TABLE quote_quota_usage (
  company_id uuid    NOT NULL,
  month      text    NOT NULL,      -- 'YYYY-MM'
  used       integer NOT NULL,
  PRIMARY KEY (company_id, month)
);
