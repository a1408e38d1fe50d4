-- Recent sales per product (service-metrics, docs/service-metrics.md "Recent buyers of a product"): search ranks by them.

-- The catalog products on each order's lines, from order.created (orders placed before this migration name none).
CREATE TABLE service_metric_order_products (
  order_id   uuid NOT NULL,
  product_id uuid NOT NULL,
  PRIMARY KEY (order_id, product_id)
);
CREATE INDEX service_metric_order_products_product_idx ON service_metric_order_products (product_id);

-- Each product's cached recent sales over the 90-day window, refreshed after its orders change and nightly.
CREATE TABLE service_metric_product_sales (
  product_id          uuid PRIMARY KEY,
  supplier_company_id uuid        NOT NULL,
  recent_buyers       int         NOT NULL CHECK (recent_buyers >= 0),
  recent_orders       int         NOT NULL CHECK (recent_orders >= 0),
  computed_at         timestamptz NOT NULL
);

-- Products whose orders changed since their sales were computed (the sync job's queue, as service_metric_dirty).
CREATE TABLE service_metric_dirty_products (
  product_id uuid PRIMARY KEY,
  mark       uuid        NOT NULL,
  marked_at  timestamptz NOT NULL DEFAULT now()
);

