-- Shipments (物流): a seller ships all or part of an order in one or more shipments (carrier, waybill, items,
-- photos); tracking events come from the seller, operators or a signed carrier webhook (idempotent by the
-- carrier's event id). The orders module owns the order and its shipped quantities; these tables hold the parcels.
-- No foreign keys to orders: a module owns its tables (orders are read through the orders module).
CREATE TABLE shipments (
  id                  uuid        PRIMARY KEY,
  order_id            uuid        NOT NULL,
  supplier_company_id uuid        NOT NULL,
  buyer_company_id    uuid        NOT NULL,
  carrier             text        NOT NULL,                    -- code from the carrier list (SF, ZTO, …, other)
  carrier_name        text        NOT NULL,                    -- the list's name, or the seller's for 'other'
  waybill_no          text        NOT NULL,
  status              text        NOT NULL DEFAULT 'in_transit' CHECK (status IN ('in_transit', 'delivered')),
  photos              jsonb       NOT NULL DEFAULT '[]'::jsonb, -- file ids (POST /api/v1/files?purpose=attachment)
  note                text        NOT NULL DEFAULT '',
  shipped_by          uuid        NOT NULL,
  shipped_at          timestamptz NOT NULL DEFAULT now(),
  delivered_at        timestamptz,
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shipments_order_idx ON shipments (order_id, id);
CREATE INDEX shipments_waybill_idx ON shipments (carrier, waybill_no);
CREATE INDEX shipments_supplier_idx ON shipments (supplier_company_id, id DESC);

CREATE TABLE shipment_items (
  shipment_id uuid          NOT NULL REFERENCES shipments (id),
  line_id     uuid          NOT NULL,                          -- the order line (orders module)
  quantity    numeric(18,3) NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (shipment_id, line_id)
);

CREATE TABLE tracking_events (
  id          uuid        PRIMARY KEY,
  shipment_id uuid        NOT NULL REFERENCES shipments (id),
  at          timestamptz NOT NULL,
  source      text        NOT NULL CHECK (source IN ('seller', 'operator', 'carrier')),
  status      text        NOT NULL CHECK (status IN ('shipped', 'picked_up', 'in_transit', 'out_for_delivery', 'delivered', 'exception')),
  location    text        NOT NULL DEFAULT '',
  description text        NOT NULL DEFAULT '',
  external_id text,                                           -- the carrier's event id (webhooks); null for people
  created_by  uuid,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tracking_events_shipment_idx ON tracking_events (shipment_id, at, id);
-- A carrier event applies once per shipment however often it is delivered (one waybill may carry several orders).
CREATE UNIQUE INDEX tracking_events_external_idx ON tracking_events (shipment_id, external_id) WHERE external_id IS NOT NULL;

-- Orders whose last shipment made them fully shipped: what the auto-confirm sweep reads (receipt is confirmed
-- automatically autoConfirmDays after last_shipped_at unless the buyer confirmed first). settled_at marks it done.
CREATE TABLE shipment_completions (
  order_id            uuid        PRIMARY KEY,
  supplier_company_id uuid        NOT NULL,
  buyer_company_id    uuid        NOT NULL,
  last_shipped_at     timestamptz NOT NULL,
  settled_at          timestamptz,
  outcome             text        CHECK (outcome IN ('auto_confirmed', 'already_settled'))
);
CREATE INDEX shipment_completions_due_idx ON shipment_completions (last_shipped_at) WHERE settled_at IS NULL;

-- Every carrier webhook delivery with its outcome (operators debug integrations from it).
CREATE TABLE carrier_webhook_deliveries (
  id          uuid        PRIMARY KEY,
  carrier     text        NOT NULL,
  outcome     text        NOT NULL CHECK (outcome IN ('bad_signature', 'unknown_carrier', 'malformed', 'processed')),
  applied     integer     NOT NULL DEFAULT 0,
  replayed    integer     NOT NULL DEFAULT 0,
  unmatched   integer     NOT NULL DEFAULT 0,
  detail      text        NOT NULL DEFAULT '',
  received_at timestamptz NOT NULL DEFAULT now()
);
