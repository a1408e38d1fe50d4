-- Search: a read model owned by the search module, fed by catalog and supplier events (docs/search.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Suppliers as search sees them: names, region and the service facts ranking uses. The service metrics are NULL
-- until the sourcing and trade issues publish them, and NULL weighs exactly 1 in ranking.
CREATE TABLE search_suppliers (
  company_id        uuid PRIMARY KEY,
  legal_name        text        NOT NULL,
  name_en           text,
  is_supplier       boolean     NOT NULL,
  main_products     text[]      NOT NULL DEFAULT '{}',
  province          text        NOT NULL,
  city              text        NOT NULL,
  logo_url          text,
  grade             text CHECK (grade IN ('1A', '2A', '3A', '4A', '5A')),
  grade_rank        smallint    NOT NULL DEFAULT 0,
  credit_score      numeric,
  verified          boolean     NOT NULL,
  trustpass_active  boolean     NOT NULL,
  trustpass_years   integer     NOT NULL,
  on_time_rate      real,
  response_rate     real,
  repeat_buyer_rate real,
  dispute_rate      real,
  supplier_factor   real        NOT NULL,
  factors           jsonb       NOT NULL,
  product_count     integer     NOT NULL DEFAULT 0,
  tokens_a          text        NOT NULL,
  tokens_b          text        NOT NULL,
  tokens_c          text        NOT NULL,
  name_search       text        NOT NULL,
  tsv               tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, tokens_a), 'A') ||
    setweight(to_tsvector('simple'::regconfig, tokens_b), 'B') ||
    setweight(to_tsvector('simple'::regconfig, tokens_c), 'C')) STORED,
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX search_suppliers_tsv_idx ON search_suppliers USING gin (tsv);
CREATE INDEX search_suppliers_name_trgm_idx ON search_suppliers USING gin (name_search gin_trgm_ops);

-- One row per published product, denormalized with its supplier's facts so a search reads one table. A search
-- visits every matching row, so the row stays narrow: the matching vector is stripped (no positions), ranking
-- reads the small title vector, suggestion terms live beside it in search_product_terms.
CREATE TABLE search_products (
  id                uuid PRIMARY KEY,
  company_id        uuid        NOT NULL,
  category_id       uuid        NOT NULL,
  category_path     uuid[]      NOT NULL,
  title_zh          text        NOT NULL,
  title_en          text,
  cover_url         text,
  tier_min          numeric[]   NOT NULL,
  tier_price        bigint[]    NOT NULL,
  base_price        bigint      NOT NULL,
  moq               numeric     NOT NULL,
  unit              text        NOT NULL,
  lead_time_days    integer     NOT NULL,
  total_stock       numeric     NOT NULL,
  image_count       integer     NOT NULL,
  completeness      real        NOT NULL,
  dispatch_province text        NOT NULL,
  -- Filterable enum and boolean values as 'key=value'; numbers and ranges as {"key": [min, max]}.
  attr_terms        text[]      NOT NULL DEFAULT '{}',
  attr_numbers      jsonb       NOT NULL DEFAULT '{}',
  -- The supplier's part, refreshed on supplier events without re-reading the product (a rename re-reads it).
  supplier_name     text        NOT NULL,
  supplier_name_en  text,
  province          text        NOT NULL,
  grade             text,
  grade_rank        smallint    NOT NULL,
  verified          boolean     NOT NULL,
  trustpass_active  boolean     NOT NULL,
  trustpass_years   integer     NOT NULL,
  supplier_factor   real        NOT NULL,
  product_factor    real        NOT NULL,
  quality           real GENERATED ALWAYS AS (supplier_factor * product_factor) STORED,
  -- Title, category path, attribute values, description and supplier name, stripped: what a search matches.
  tsv               tsvector    NOT NULL,
  -- The title (weight A, with positions): what text relevance ranks by.
  title_tsv         tsvector    NOT NULL,
  published_at      timestamptz NOT NULL,
  source_updated_at timestamptz NOT NULL,
  indexed_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX search_products_tsv_idx ON search_products USING gin (tsv);
-- Substrings of titles that segmentation misses (an expression, not a column: the row stays narrow).
CREATE INDEX search_products_title_trgm_idx ON search_products USING gin ((lower(title_zh || ' ' || coalesce(title_en, ''))) gin_trgm_ops);
CREATE INDEX search_products_category_idx ON search_products USING gin (category_path);
CREATE INDEX search_products_attr_idx ON search_products USING gin (attr_terms);
CREATE INDEX search_products_company_idx ON search_products (company_id);
-- Region is the most selective supplier filter: a bitmap of it narrows a text or category match before the rows are read.
CREATE INDEX search_products_province_idx ON search_products (province);
CREATE INDEX search_products_newest_idx ON search_products (published_at DESC, id DESC);
CREATE INDEX search_products_quality_idx ON search_products (quality DESC, id DESC);
CREATE INDEX search_products_price_idx ON search_products (base_price, id);

-- Each product's suggestion terms (title words, pairs, category name), for keeping search_terms counted.
CREATE TABLE search_product_terms (
  product_id    uuid PRIMARY KEY,
  category_path uuid[] NOT NULL,
  terms         text[] NOT NULL
);

-- Category names as the products carried them (for facet labels without asking the catalog per search).
CREATE TABLE search_categories (
  id         uuid PRIMARY KEY,
  parent_id  uuid,
  name_zh    text NOT NULL,
  name_en    text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Suggestion terms with the number of published products offering them, per category on each product's path
-- and under the all-zero id for "everywhere". C collation: a prefix LIKE uses the primary key.
CREATE TABLE search_terms (
  category_id uuid    NOT NULL,
  term        text COLLATE "C" NOT NULL,
  doc_count   integer NOT NULL,
  PRIMARY KEY (category_id, term)
);
CREATE INDEX search_terms_trgm_idx ON search_terms USING gin (term gin_trgm_ops);

-- What changed and still has to reach the index: written by the event handlers, drained by the search.sync job.
-- `mark` changes on every new change, so a job only clears what it actually read.
CREATE TABLE search_dirty (
  kind      text        NOT NULL CHECK (kind IN ('product', 'company', 'category')),
  id        uuid        NOT NULL,
  mark      uuid        NOT NULL,
  marked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, id)
);
