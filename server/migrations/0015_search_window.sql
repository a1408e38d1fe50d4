-- Search at scale (docs/search.md, "Cost"): browsing a category walks it in static-rank order (quality = supplier
-- factor × product factor) instead of reading every product below it, and result cards name the supplier's type.

ALTER TABLE search_suppliers ADD COLUMN company_type text;
ALTER TABLE search_products ADD COLUMN company_type text;

-- One btree per level of the category path (the seeded tree has three): a category's products in static-rank
-- order are one index range, so a page or the ranked window of a broad category reads only the rows it returns.
CREATE INDEX search_products_cat1_rank_idx ON search_products ((category_path[1]), quality DESC, id DESC);
CREATE INDEX search_products_cat2_rank_idx ON search_products ((category_path[2]), quality DESC, id DESC);
CREATE INDEX search_products_cat3_rank_idx ON search_products ((category_path[3]), quality DESC, id DESC);

-- Tiers of static rank (store.ts RANK_TIERS; the same literals, so the planner matches the predicates): a broad
-- query's window — its best matches by quality — usually lies entirely in a top tier, whose text index holds a
-- small part of the catalogue (≈ 2 %, 10 %, 26 % of the benchmark's), so the window is found among a few
-- thousand rows instead of every match.
CREATE INDEX search_products_tsv_tier1_idx ON search_products USING gin (tsv) WHERE quality >= 1.4::real;
CREATE INDEX search_products_tsv_tier2_idx ON search_products USING gin (tsv) WHERE quality >= 1.3::real;
CREATE INDEX search_products_tsv_tier3_idx ON search_products USING gin (tsv) WHERE quality >= 1.2::real;
-- The title substring match (Chinese queries) is ORed with the text match, so each tier needs its own as well.
CREATE INDEX search_products_title_trgm_tier1_idx ON search_products USING gin ((lower(title_zh || ' ' || coalesce(title_en, ''))) gin_trgm_ops) WHERE quality >= 1.4::real;
CREATE INDEX search_products_title_trgm_tier2_idx ON search_products USING gin ((lower(title_zh || ' ' || coalesce(title_en, ''))) gin_trgm_ops) WHERE quality >= 1.3::real;
CREATE INDEX search_products_title_trgm_tier3_idx ON search_products USING gin ((lower(title_zh || ' ' || coalesce(title_en, ''))) gin_trgm_ops) WHERE quality >= 1.2::real;

-- Price and newest now order the window, never the table: their indexes only cost writes.
DROP INDEX search_products_newest_idx;
DROP INDEX search_products_price_idx;

-- Statistics for the new expression indexes, so the planner knows a category's size in them at once.
ANALYZE search_products;
