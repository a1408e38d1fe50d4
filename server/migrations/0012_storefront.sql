-- Storefronts (旺铺): one shop per supplier company, addressed by a unique slug; the seller's arrangement of
-- sections is typed JSON validated by the application against the shop's template (storefront/templates.ts).
CREATE TABLE storefronts (
  company_id  uuid PRIMARY KEY,
  slug        text        NOT NULL,
  template    text        NOT NULL DEFAULT 'standard',
  theme_color text        NOT NULL DEFAULT '#F25C05',
  sections    jsonb       NOT NULL DEFAULT '[]'::jsonb,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT storefronts_slug_format CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$')
);
CREATE UNIQUE INDEX storefronts_slug_idx ON storefronts (slug);

-- Read model of each shop's published products, kept from catalog events: the shop's categories with counts and
-- search within one shop are answered here, so a shop page never reaches into the catalog's tables.
CREATE TABLE storefront_products (
  product_id        uuid PRIMARY KEY,
  company_id        uuid        NOT NULL,
  category_id       uuid        NOT NULL,
  category_path_ids uuid[]      NOT NULL,
  title_zh          text        NOT NULL,
  title_en          text,
  published_at      timestamptz,
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX storefront_products_company_idx ON storefront_products (company_id, product_id DESC);
