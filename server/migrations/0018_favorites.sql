-- Favorites (收藏): a signed-in user's personal bookmarks of products and suppliers, in folders, with a note and tags.
-- They belong to the user, not to a company: another member of the same company never sees them. company_id is the
-- bookmarked supplier (for a product: the product's company), so a supplier's counts are one indexed query.

CREATE TABLE favorite_folders (
  id          uuid PRIMARY KEY,
  user_id     uuid        NOT NULL,
  -- NULL for the default folder until its owner renames it (shown as 默认收藏夹 / Default in the reader's language).
  name        text,
  is_default  boolean     NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT favorite_folders_name CHECK (name IS NULL OR char_length(name) BETWEEN 1 AND 40),
  CONSTRAINT favorite_folders_named CHECK (is_default OR name IS NOT NULL)
);
-- Exactly one default folder per user, created on first need.
CREATE UNIQUE INDEX favorite_folders_default_idx ON favorite_folders (user_id) WHERE is_default;
CREATE UNIQUE INDEX favorite_folders_name_idx ON favorite_folders (user_id, lower(name)) WHERE name IS NOT NULL;

CREATE TABLE favorites (
  id                   uuid PRIMARY KEY,
  user_id              uuid        NOT NULL,
  folder_id            uuid        NOT NULL REFERENCES favorite_folders (id),
  target_type          text        NOT NULL CHECK (target_type IN ('product', 'supplier')),
  product_id           uuid,
  company_id           uuid        NOT NULL,
  note                 text        NOT NULL DEFAULT '',
  tags                 text[]      NOT NULL DEFAULT '{}',
  alert_price_drop     boolean     NOT NULL DEFAULT false,
  alert_back_in_stock  boolean     NOT NULL DEFAULT false,
  -- Snapshot at saving: product title, unit price (分) at the quantity saved (the MOQ then), total stock; supplier name.
  saved_title_zh       text        NOT NULL,
  saved_title_en       text,
  saved_unit_price     bigint,
  saved_quantity       numeric,
  saved_unit           text,
  saved_stock          numeric,
  -- Alert state, kept on every product change whether or not alerts are on (so opting in later never fires for an
  -- old change): the lowest price seen since saving (a drop notifies only below it) and the last stock seen.
  price_floor          bigint,
  last_stock           numeric,
  observed_at          timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT favorites_target CHECK ((target_type = 'product') = (product_id IS NOT NULL)),
  CONSTRAINT favorites_note CHECK (char_length(note) <= 500)
);
-- Saving again updates the one row per user and target.
CREATE UNIQUE INDEX favorites_user_product_idx ON favorites (user_id, product_id) WHERE target_type = 'product';
CREATE UNIQUE INDEX favorites_user_supplier_idx ON favorites (user_id, company_id) WHERE target_type = 'supplier';
CREATE INDEX favorites_user_list_idx ON favorites (user_id, target_type, id DESC);
CREATE INDEX favorites_folder_idx ON favorites (folder_id);
CREATE INDEX favorites_product_idx ON favorites (product_id) WHERE product_id IS NOT NULL;
CREATE INDEX favorites_company_idx ON favorites (company_id, target_type);
