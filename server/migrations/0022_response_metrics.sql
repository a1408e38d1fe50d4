-- Response metrics (响应率): how quickly each supplier answers buyers (docs/response-rate.md).
--
-- response_items: what happened in each inquiry thread and chat conversation, one row per inquiry.created,
-- inquiry.replied and message.sent event (only who, which side and when; never the text). The clocks of a thread
-- are re-derived from all of its items, so events handled late or out of order give the same clocks.
CREATE TABLE response_items (
  id                  uuid PRIMARY KEY,            -- message id, inquiry id (the opening) or the reply event's id
  supplier_company_id uuid        NOT NULL,
  source_kind         text        NOT NULL CHECK (source_kind IN ('inquiry', 'chat')),
  thread_id           uuid        NOT NULL,        -- inquiry id or conversation id
  role                text        NOT NULL CHECK (role IN ('open', 'buyer', 'supplier')),
  author_user_id      uuid,
  buyer_user_id       uuid,
  buyer_company_id    uuid,
  at                  timestamptz NOT NULL
);
CREATE INDEX response_items_thread_idx ON response_items (source_kind, thread_id, at, id);

-- One response clock per thing a buyer waits an answer for: an inquiry, or a chat question (the rule that opens
-- one is in the docs). answered_at is the supplier's first answer, however late.
CREATE TABLE response_clocks (
  source_kind         text        NOT NULL CHECK (source_kind IN ('inquiry', 'chat')),
  source_id           uuid        NOT NULL,        -- inquiry id, or the id of the chat message that opened it
  supplier_company_id uuid        NOT NULL,
  thread_id           uuid        NOT NULL,
  buyer_user_id       uuid,
  opened_at           timestamptz NOT NULL,
  answered_at         timestamptz,
  answered_by         uuid,
  PRIMARY KEY (source_kind, source_id),
  CHECK (answered_at IS NULL OR answered_at >= opened_at)
);
CREATE INDEX response_clocks_supplier_idx ON response_clocks (supplier_company_id, opened_at);
CREATE INDEX response_clocks_thread_idx ON response_clocks (source_kind, thread_id);

-- The cached summary per supplier over the last 30 days, refreshed when one of its clocks changes, when an open
-- clock reaches 24 hours, and nightly (the window slides). Read in batches by search and credit.
CREATE TABLE response_summaries (
  supplier_company_id          uuid PRIMARY KEY,
  answered_within_24h          integer     NOT NULL,
  measured                     integer     NOT NULL,
  pending                      integer     NOT NULL,
  response_rate                double precision CHECK (response_rate IS NULL OR response_rate BETWEEN 0 AND 1),
  median_first_response_seconds integer,
  by_source                    jsonb       NOT NULL,
  computed_at                  timestamptz NOT NULL
);
