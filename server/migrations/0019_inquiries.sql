-- Inquiries (询盘): a buyer's 1:1 question to one supplier, with optional product lines, and the thread of replies
-- and quotes under it. Product facts are snapshots taken when the inquiry is sent (the product may change later).
-- supplier_company_id is the tenancy key (the inbox); buyer_company_id serves the buyer's "sent" box.
CREATE TABLE inquiries (
  id                   uuid PRIMARY KEY,
  supplier_company_id  uuid          NOT NULL,
  buyer_company_id     uuid          NOT NULL,
  buyer_user_id        uuid          NOT NULL,
  buyer_user_name      text          NOT NULL,
  quantity             numeric(18,3) CHECK (quantity > 0),
  unit                 text,
  target_unit_price    bigint        CHECK (target_unit_price > 0),
  currency             text          NOT NULL DEFAULT 'CNY',
  delivery_province    text,
  desired_date         date,
  message              text          NOT NULL,
  attachment_ids       uuid[]        NOT NULL DEFAULT '{}',
  status               text          NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'replied', 'quoted', 'closed')),
  assignee_user_id     uuid,
  assignee_name        text,
  -- Who spoke last ('buyer' when the supplier owes an answer): drives "awaiting reply" on both sides.
  last_side            text          NOT NULL DEFAULT 'buyer' CHECK (last_side IN ('buyer', 'supplier')),
  reply_count          integer       NOT NULL DEFAULT 0,
  quote_count          integer       NOT NULL DEFAULT 0,
  first_response_at    timestamptz,
  last_activity_at     timestamptz   NOT NULL,
  closed_at            timestamptz,
  closed_by_side       text          CHECK (closed_by_side IN ('buyer', 'supplier')),
  close_reason         text,
  created_at           timestamptz   NOT NULL,
  updated_at           timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT inquiries_not_to_self CHECK (supplier_company_id <> buyer_company_id),
  CONSTRAINT inquiries_closed_consistent CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX inquiries_supplier_idx ON inquiries (supplier_company_id, id DESC);
CREATE INDEX inquiries_supplier_status_idx ON inquiries (supplier_company_id, status, id DESC);
CREATE INDEX inquiries_buyer_idx ON inquiries (buyer_company_id, id DESC);
-- The hourly sending limit counts a buyer user's recent inquiries.
CREATE INDEX inquiries_buyer_user_idx ON inquiries (buyer_user_id, created_at DESC);

CREATE TABLE inquiry_lines (
  inquiry_id  uuid          NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
  position    smallint      NOT NULL,
  product_id  uuid          NOT NULL,
  sku_id      uuid,
  quantity    numeric(18,3) CHECK (quantity > 0),
  unit        text          NOT NULL,
  title_zh    text          NOT NULL,
  title_en    text,
  sku_code    text,
  sku_attributes jsonb      NOT NULL DEFAULT '{}'::jsonb,
  cover_url   text,
  PRIMARY KEY (inquiry_id, position)
);
CREATE INDEX inquiry_lines_product_idx ON inquiry_lines (product_id);

CREATE TABLE inquiry_replies (
  id                   uuid PRIMARY KEY,
  inquiry_id           uuid          NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
  supplier_company_id  uuid          NOT NULL,
  author_user_id       uuid          NOT NULL,
  author_name          text          NOT NULL,
  side                 text          NOT NULL CHECK (side IN ('buyer', 'supplier')),
  kind                 text          NOT NULL CHECK (kind IN ('reply', 'quote')),
  body                 text          NOT NULL DEFAULT '',
  attachment_ids       uuid[]        NOT NULL DEFAULT '{}',
  -- kind = 'quote': unit price (分), optional tiers, quantity, unit, lead time, validity, shipping terms, note.
  quote                jsonb,
  created_at           timestamptz   NOT NULL,
  CONSTRAINT inquiry_replies_quote_by_supplier CHECK (kind = 'reply' OR (side = 'supplier' AND quote IS NOT NULL))
);
CREATE INDEX inquiry_replies_thread_idx ON inquiry_replies (inquiry_id, id);
