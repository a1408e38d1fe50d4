-- Reviews (评价): a buyer company's one review of one order — product quality, shipping speed and service (1–5 each)
-- and a text — and the supplier's one reply. Written once the order is received or completed (docs/reviews.md).
--
-- The public listing never names the buyer: the buyer's province and company type are copied here when the review
-- is written (buyer_province, buyer_type), so a page of reviews is one query and never reads the buyer company.
-- items is the order's products (id and titles) at the time, so a review shows what was bought even if the listing
-- changes or goes; product_ids repeats the ids for the product page's listing (GIN index).
CREATE TABLE reviews (
  id                   uuid PRIMARY KEY,
  order_id             uuid        NOT NULL UNIQUE,
  buyer_company_id     uuid        NOT NULL,
  supplier_company_id  uuid        NOT NULL,
  product_ids          uuid[]      NOT NULL DEFAULT '{}',
  items                jsonb       NOT NULL DEFAULT '[]',
  buyer_province       text        NOT NULL,
  buyer_type           text        NOT NULL,
  quality              smallint    NOT NULL CHECK (quality BETWEEN 1 AND 5),
  shipping             smallint    NOT NULL CHECK (shipping BETWEEN 1 AND 5),
  service              smallint    NOT NULL CHECK (service BETWEEN 1 AND 5),
  text                 text        NOT NULL DEFAULT '',
  reply                text,
  replied_by           uuid,
  replied_at           timestamptz,
  created_by           uuid        NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT reviews_text_length CHECK (char_length(text) <= 1000),
  CONSTRAINT reviews_reply_length CHECK (reply IS NULL OR char_length(reply) BETWEEN 1 AND 500),
  CONSTRAINT reviews_reply_once CHECK ((reply IS NULL) = (replied_at IS NULL))
);
-- A supplier's reviews, newest first (ids are UUIDv7), and their summary.
CREATE INDEX reviews_supplier_idx ON reviews (supplier_company_id, id DESC);
-- A product's reviews: reviews whose order contained it.
CREATE INDEX reviews_products_idx ON reviews USING gin (product_ids);
-- The buyer company's own reviews (its workbench).
CREATE INDEX reviews_buyer_idx ON reviews (buyer_company_id, id DESC);
