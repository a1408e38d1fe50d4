-- Inventory for trade: `stock` stays what is available to order; an order moves units from stock to reserved
-- (conditional decrement in its transaction), shipping moves them to sold, cancellation back to stock.
-- Per SKU, stock + reserved + sold only changes when the seller edits the stock.
ALTER TABLE product_skus
  ADD COLUMN reserved numeric(18,3) NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  ADD COLUMN sold     numeric(18,3) NOT NULL DEFAULT 0 CHECK (sold >= 0);
