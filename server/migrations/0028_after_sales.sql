-- After-sales (售后) and disputes (纠纷). A buyer asks for a refund, a return and refund, or an exchange on a paid order;
-- the supplier accepts, rejects or proposes a partial refund; disagreements escalate to a dispute that an operator decides.
-- Money never moves here: refunds go through the orders module (orders.refund) in the same transaction.
-- The state machine and deadlines are in docs/after-sales.md.
CREATE TABLE after_sales (
  id                    uuid PRIMARY KEY,
  order_id              uuid          NOT NULL,
  order_number          text          NOT NULL,
  buyer_company_id      uuid          NOT NULL,
  supplier_company_id   uuid          NOT NULL,
  kind                  text          NOT NULL CHECK (kind IN ('refund_only', 'return_refund', 'exchange')),
  status                text          NOT NULL CHECK (status IN (
                          'requested', 'rejected', 'partial_proposed', 'awaiting_return', 'return_shipped',
                          'escalated', 'refunded', 'exchanged', 'withdrawn', 'closed')),
  reason                text          NOT NULL,
  description           text          NOT NULL DEFAULT '',
  evidence_ids          uuid[]        NOT NULL DEFAULT '{}',
  -- [{lineId, quantity}] — the goods concerned (returned goods for return_refund / exchange).
  lines                 jsonb         NOT NULL DEFAULT '[]'::jsonb,
  -- "Don't ship": a refund_only request made before anything was shipped (full refund).
  before_shipment       boolean       NOT NULL DEFAULT false,
  currency              text          NOT NULL DEFAULT 'CNY',
  amount_requested      bigint        NOT NULL CHECK (amount_requested >= 0),
  amount_proposed       bigint        CHECK (amount_proposed > 0),
  amount_refunded       bigint        NOT NULL DEFAULT 0 CHECK (amount_refunded >= 0),
  seller_reason         text,
  return_carrier        text,
  return_waybill_no     text,
  return_shipped_at     timestamptz,
  replacement_carrier   text,
  replacement_waybill_no text,
  -- When the party the request waits for runs out of time (the sweep then acts); null while nobody is timed.
  due_at                timestamptz,
  created_by            uuid          NOT NULL,
  created_at            timestamptz   NOT NULL,
  updated_at            timestamptz   NOT NULL,
  resolved_at           timestamptz,
  CONSTRAINT after_sales_parties CHECK (buyer_company_id <> supplier_company_id)
);
-- One open request per order (the service checks first for a friendly error; this closes the race).
CREATE UNIQUE INDEX after_sales_one_open_idx ON after_sales (order_id)
  WHERE status IN ('requested', 'rejected', 'partial_proposed', 'awaiting_return', 'return_shipped', 'escalated');
CREATE INDEX after_sales_order_idx ON after_sales (order_id, id DESC);
CREATE INDEX after_sales_buyer_idx ON after_sales (buyer_company_id, id DESC);
CREATE INDEX after_sales_supplier_idx ON after_sales (supplier_company_id, id DESC);
CREATE INDEX after_sales_due_idx ON after_sales (due_at) WHERE due_at IS NOT NULL;

-- The thread of an after-sales request: every step with who took it, a note, evidence and the amount it concerned.
CREATE TABLE after_sale_steps (
  id              uuid PRIMARY KEY,
  after_sale_id   uuid          NOT NULL REFERENCES after_sales (id) ON DELETE CASCADE,
  at              timestamptz   NOT NULL,
  actor_user_id   uuid,
  actor_name      text          NOT NULL DEFAULT '',
  side            text          NOT NULL CHECK (side IN ('buyer', 'supplier', 'operator', 'system')),
  action          text          NOT NULL,
  from_status     text,
  to_status       text          NOT NULL,
  note            text          NOT NULL DEFAULT '',
  evidence_ids    uuid[]        NOT NULL DEFAULT '{}',
  amount          bigint
);
CREATE INDEX after_sale_steps_idx ON after_sale_steps (after_sale_id, at, id);

CREATE TABLE disputes (
  id                  uuid PRIMARY KEY,
  after_sale_id       uuid          NOT NULL UNIQUE REFERENCES after_sales (id),
  order_id            uuid          NOT NULL,
  buyer_company_id    uuid          NOT NULL,
  supplier_company_id uuid          NOT NULL,
  opened_by_company   uuid,
  opened_by_side      text          NOT NULL CHECK (opened_by_side IN ('buyer', 'supplier', 'system')),
  reason              text          NOT NULL,
  status              text          NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided')),
  decision            text          CHECK (decision IN ('buyer', 'seller', 'partial')),
  refund_amount       bigint        CHECK (refund_amount >= 0),
  operator_note       text,
  decided_by          uuid,
  decided_at          timestamptz,
  created_at          timestamptz   NOT NULL,
  CONSTRAINT disputes_decided_consistent CHECK ((status = 'decided') = (decision IS NOT NULL AND decided_at IS NOT NULL))
);
CREATE INDEX disputes_status_idx ON disputes (status, id DESC);
CREATE INDEX disputes_supplier_idx ON disputes (supplier_company_id, id DESC);
