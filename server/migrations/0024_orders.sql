-- Orders (订单): one order per supplier from a checkout (purchase list or "buy now") or from an accepted quote.
-- The state machine (states, transitions, who, effects on stock, money and notices) is docs/orders.md and
-- server/src/modules/orders/states.ts. Money in 分 (bigint), quantities numeric(18,3).
-- Escrow bookkeeping per order: escrow_paid (credited to escrow:CNY by payments), escrow_refunded (back to the payer),
-- escrow_released (to the seller and the platform fee at completion); reconciliation checks
-- -balance(escrow:CNY) = sum(escrow_paid - escrow_refunded - escrow_released).
CREATE SEQUENCE order_number_seq;

CREATE TABLE orders (
  id                   uuid        PRIMARY KEY,
  number               text        NOT NULL UNIQUE,            -- 'TS20261127-000123' (Beijing date + sequence)
  buyer_company_id     uuid        NOT NULL,
  supplier_company_id  uuid        NOT NULL,
  placed_by            uuid        NOT NULL,
  status               text        NOT NULL CHECK (status IN ('awaiting_approval', 'awaiting_payment', 'deposit_paid', 'paid', 'partly_shipped',
                                                              'shipped', 'received', 'completed', 'cancelled', 'closed')),
  source               text        NOT NULL CHECK (source IN ('purchase_list', 'quote', 'direct')),
  quote_id             uuid,
  payment_terms        text        NOT NULL CHECK (payment_terms IN ('escrow', 'credit_terms')),
  deposit_bps          integer     NOT NULL DEFAULT 0 CHECK (deposit_bps BETWEEN 0 AND 10000),  -- 0 = pay in full
  currency             text        NOT NULL DEFAULT 'CNY',
  goods_total          bigint      NOT NULL CHECK (goods_total >= 0),
  freight              bigint      NOT NULL DEFAULT 0 CHECK (freight >= 0),
  total                bigint      NOT NULL CHECK (total >= 0),
  escrow_paid          bigint      NOT NULL DEFAULT 0 CHECK (escrow_paid >= 0),
  escrow_refunded      bigint      NOT NULL DEFAULT 0 CHECK (escrow_refunded >= 0),
  escrow_released      bigint      NOT NULL DEFAULT 0 CHECK (escrow_released >= 0),
  terms_refunded       bigint      NOT NULL DEFAULT 0 CHECK (terms_refunded >= 0),
  fee_bps              integer     NOT NULL CHECK (fee_bps BETWEEN 0 AND 10000),  -- the platform fee rate when the order was placed
  fee_amount           bigint      NOT NULL DEFAULT 0 CHECK (fee_amount >= 0),
  lead_time_days       integer     NOT NULL DEFAULT 0,        -- the longest line lead time: ship_by = first payment date + this
  ship_by              date,
  credit_due_at        timestamptz,
  address              jsonb       NOT NULL,                  -- {name, phone, province, city, line}
  invoice_profile_id   uuid,
  note                 text        NOT NULL DEFAULT '',       -- the seller's remark (set when adjusting)
  buyer_note           text        NOT NULL DEFAULT '',       -- the buyer's message to the seller at checkout
  approval             jsonb,                                 -- {by, at, reason, decision}
  cancel_reason        text,
  cancelled_by         text        CHECK (cancelled_by IN ('buyer', 'seller', 'system')),
  paid_at              timestamptz,
  shipped_at           timestamptz,
  received_at          timestamptz,
  completed_at         timestamptz,
  cancelled_at         timestamptz,
  closed_at            timestamptz,
  payable_since        timestamptz NOT NULL DEFAULT now(),    -- start of the unpaid timeout (placement, or approval)
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              integer     NOT NULL DEFAULT 0,
  CHECK (escrow_refunded + escrow_released <= escrow_paid),
  CHECK (terms_refunded <= total)
);
CREATE INDEX orders_buyer_idx ON orders (buyer_company_id, id DESC);
CREATE INDEX orders_supplier_idx ON orders (supplier_company_id, id DESC);
CREATE INDEX orders_status_idx ON orders (status, id DESC);
CREATE INDEX orders_unpaid_idx ON orders (payable_since) WHERE status IN ('awaiting_approval', 'awaiting_payment');
CREATE INDEX orders_received_idx ON orders (received_at) WHERE status = 'received';
-- One live order per accepted quote (a cancelled one frees the quote for a new order).
CREATE UNIQUE INDEX orders_quote_idx ON orders (quote_id) WHERE quote_id IS NOT NULL AND status <> 'cancelled';

CREATE TABLE order_lines (
  id                 uuid          PRIMARY KEY,
  order_id           uuid          NOT NULL REFERENCES orders (id),
  position           integer       NOT NULL,
  product_id         uuid,
  sku_id             uuid,                                     -- null for quote lines (no stock)
  title_zh           text          NOT NULL,
  title_en           text,
  sku_label          text          NOT NULL DEFAULT '',
  unit               text          NOT NULL,
  quantity           numeric(18,3) NOT NULL CHECK (quantity > 0),
  unit_price         bigint        NOT NULL CHECK (unit_price >= 0),
  line_total         bigint        NOT NULL CHECK (line_total >= 0),
  shipped_quantity   numeric(18,3) NOT NULL DEFAULT 0 CHECK (shipped_quantity >= 0 AND shipped_quantity <= quantity),
  returned_quantity  numeric(18,3) NOT NULL DEFAULT 0 CHECK (returned_quantity >= 0 AND returned_quantity <= shipped_quantity),
  lead_time_days     integer       NOT NULL DEFAULT 0,
  image_url          text,
  UNIQUE (order_id, position)
);

CREATE TABLE order_history (
  id             uuid        PRIMARY KEY,
  order_id       uuid        NOT NULL REFERENCES orders (id),
  at             timestamptz NOT NULL DEFAULT now(),
  actor_user_id  uuid,
  action         text        NOT NULL,
  from_status    text,
  to_status      text        NOT NULL,
  detail         jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX order_history_order_idx ON order_history (order_id, id);

CREATE TABLE order_payments (
  id          uuid        PRIMARY KEY,
  order_id    uuid        NOT NULL REFERENCES orders (id),
  stage       text        NOT NULL CHECK (stage IN ('full', 'deposit', 'balance')),
  amount      bigint      NOT NULL CHECK (amount > 0),
  provider    text        NOT NULL,
  intent_id   uuid        NOT NULL UNIQUE,
  status      text        NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'canceled')),
  refunded    bigint      NOT NULL DEFAULT 0 CHECK (refunded >= 0 AND refunded <= amount),  -- refunds go back through the provider paid
  created_at  timestamptz NOT NULL DEFAULT now(),
  settled_at  timestamptz
);
CREATE INDEX order_payments_order_idx ON order_payments (order_id, id);

-- A buyer company's approval rule: a purchaser's order above the threshold (分) waits for an owner or admin.
CREATE TABLE buyer_approval_policies (
  company_id  uuid        PRIMARY KEY,
  threshold   bigint      CHECK (threshold >= 0),              -- null = no approval needed
  updated_by  uuid        NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Operator settings of the trade (fee rate, timeouts, windows); absent keys take the defaults in orders/settings.ts.
CREATE TABLE trade_settings (
  key    text  PRIMARY KEY,
  value  jsonb NOT NULL
);
