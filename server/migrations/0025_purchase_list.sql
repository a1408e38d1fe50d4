-- Purchase list (进货单): a buyer user's list of SKUs with quantities, kept per buying company (a user who buys for two
-- companies keeps two lists). Prices are not stored as truth: the list is priced from the catalog when it is read
-- (the tier at the product's total quantity in the list). added_price is the unit price when the SKU was added, so the
-- list can say the price changed since. The title snapshot names an item whose product was deleted since.
CREATE TABLE purchase_list_items (
  id                   uuid PRIMARY KEY,
  user_id              uuid          NOT NULL,
  company_id           uuid          NOT NULL,
  product_id           uuid          NOT NULL,
  sku_id               uuid          NOT NULL,
  supplier_company_id  uuid          NOT NULL,
  quantity             numeric(18,3) NOT NULL CHECK (quantity > 0),
  selected             boolean       NOT NULL DEFAULT true,
  added_price          bigint,
  title_zh             text          NOT NULL,
  title_en             text,
  created_at           timestamptz   NOT NULL DEFAULT now(),
  updated_at           timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT purchase_list_items_one_per_sku UNIQUE (user_id, company_id, sku_id)
);
CREATE INDEX purchase_list_items_list_idx ON purchase_list_items (user_id, company_id, id DESC);
