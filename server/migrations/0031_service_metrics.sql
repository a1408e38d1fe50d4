-- Service metrics (what the trade teaches the platform): per supplier on-time shipping, dispute, refund and
-- repeat-buyer rates and review averages over 90 days; per buyer payment punctuality on credit terms
-- (docs/service-metrics.md). Kept from order.*, after_sale.*, dispute.*, review.created and credit_terms.* events
-- only: every row is keyed by the id of the thing it records (order, dispute, review, bill, refund event) and
-- every update is a "first/last time seen" merge, so a redelivered or late event changes nothing twice.

-- One row per order: the moments that matter to the metrics.
CREATE TABLE service_metric_orders (
  order_id            uuid PRIMARY KEY,
  supplier_company_id uuid        NOT NULL,
  buyer_company_id    uuid        NOT NULL,
  total               bigint      NOT NULL DEFAULT 0 CHECK (total >= 0),
  payment_terms       text,
  ship_by             date,                          -- the seller's committed ship-by date
  placed_at           timestamptz,
  paid_at             timestamptz,                   -- cleared to ship: escrow paid in full, or accepted on credit terms
  fully_shipped_at    timestamptz,
  shipped_on_time     boolean,                       -- as the order.shipped event that completed the shipment said
  received_at         timestamptz,
  completed_at        timestamptz,
  cancelled_at        timestamptz,
  closed_at           timestamptz,                   -- fully refunded after payment
  first_refunded_at   timestamptz,
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_metric_orders_supplier_idx ON service_metric_orders (supplier_company_id, paid_at);
CREATE INDEX service_metric_orders_buyer_idx ON service_metric_orders (buyer_company_id);

-- Each order.refunded event once (its event id), for the refunded amount of the trade volume.
CREATE TABLE service_metric_refunds (
  event_id   uuid PRIMARY KEY,
  order_id   uuid        NOT NULL,
  amount     bigint      NOT NULL CHECK (amount >= 0),
  source     text,
  at         timestamptz NOT NULL
);
CREATE INDEX service_metric_refunds_order_idx ON service_metric_refunds (order_id);

-- One row per dispute (after-sales escalated to the platform).
CREATE TABLE service_metric_disputes (
  dispute_id          uuid PRIMARY KEY,
  order_id            uuid        NOT NULL,
  supplier_company_id uuid        NOT NULL,
  buyer_company_id    uuid        NOT NULL,
  opened_at           timestamptz,
  decided_at          timestamptz,
  decision            text,
  against             text CHECK (against IS NULL OR against IN ('supplier', 'buyer'))
);
CREATE INDEX service_metric_disputes_order_idx ON service_metric_disputes (order_id);
CREATE INDEX service_metric_disputes_supplier_idx ON service_metric_disputes (supplier_company_id);
CREATE INDEX service_metric_disputes_buyer_idx ON service_metric_disputes (buyer_company_id);

-- One row per review (one review per order).
CREATE TABLE service_metric_reviews (
  review_id           uuid PRIMARY KEY,
  order_id            uuid,
  supplier_company_id uuid        NOT NULL,
  buyer_company_id    uuid,
  quality             smallint    NOT NULL CHECK (quality BETWEEN 1 AND 5),
  shipping            smallint    NOT NULL CHECK (shipping BETWEEN 1 AND 5),
  service             smallint    NOT NULL CHECK (service BETWEEN 1 AND 5),
  created_at          timestamptz NOT NULL
);
CREATE INDEX service_metric_reviews_supplier_idx ON service_metric_reviews (supplier_company_id, created_at);

-- One row per credit-terms bill (a credit draw for one order): due, repaid, overdue.
CREATE TABLE service_metric_bills (
  bill_id          text PRIMARY KEY,                 -- the draw id, or the order id when the event names no draw
  order_id         uuid,
  buyer_company_id uuid        NOT NULL,
  due_at           timestamptz,
  repaid_at        timestamptz,
  repaid_on_time   boolean,
  overdue_at       timestamptz,
  released_in_full boolean     NOT NULL DEFAULT false  -- refunded away before anything was owed: no bill to measure
);
CREATE INDEX service_metric_bills_buyer_idx ON service_metric_bills (buyer_company_id);

-- The cached metrics per company (as supplier and as buyer), refreshed after its rows change, when an order's
-- ship-by date passes unshipped, and nightly (the window slides). Read in batches by credit and search.
CREATE TABLE service_metric_summaries (
  company_id  uuid PRIMARY KEY,
  metrics     jsonb       NOT NULL,
  computed_at timestamptz NOT NULL
);

-- Companies whose rows changed since their summary was computed (the sync job's queue; `mark` detects a change
-- made while the sync was computing, so it is not lost).
CREATE TABLE service_metric_dirty (
  company_id uuid PRIMARY KEY,
  mark       uuid        NOT NULL,
  marked_at  timestamptz NOT NULL DEFAULT now()
);
