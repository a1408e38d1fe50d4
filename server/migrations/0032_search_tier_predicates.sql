-- The text tiers' partial indexes (0015) carry their static-rank bound as `(quality >= t) IS TRUE`, and the text tiers
-- of a search write it the same way. As plain `quality >= t`, the planner could also answer the bound from the
-- static-rank btree and ANDed that bitmap (94,000 entries at 1M products for the 1.3 tier) with a larger tier's text
-- index, counting the bound's selectivity twice: 80 ms where the tier's own index reads the same rows in 10
-- (docs/search.md, "Cost"). The IS TRUE form is no btree condition, and a partial index whose predicate is that very
-- expression is the only one a tier can prove it may use.
DROP INDEX search_products_tsv_tier1_idx;
DROP INDEX search_products_tsv_tier2_idx;
DROP INDEX search_products_tsv_tier3_idx;
DROP INDEX search_products_title_trgm_tier1_idx;
DROP INDEX search_products_title_trgm_tier2_idx;
DROP INDEX search_products_title_trgm_tier3_idx;

CREATE INDEX search_products_tsv_tier1_idx ON search_products USING gin (tsv) WHERE (quality >= 1.4::real) IS TRUE;
CREATE INDEX search_products_tsv_tier2_idx ON search_products USING gin (tsv) WHERE (quality >= 1.3::real) IS TRUE;
CREATE INDEX search_products_tsv_tier3_idx ON search_products USING gin (tsv) WHERE (quality >= 1.2::real) IS TRUE;
CREATE INDEX search_products_title_trgm_tier1_idx ON search_products USING gin ((lower(title_zh || ' ' || coalesce(title_en, ''))) gin_trgm_ops) WHERE (quality >= 1.4::real) IS TRUE;
CREATE INDEX search_products_title_trgm_tier2_idx ON search_products USING gin ((lower(title_zh || ' ' || coalesce(title_en, ''))) gin_trgm_ops) WHERE (quality >= 1.3::real) IS TRUE;
CREATE INDEX search_products_title_trgm_tier3_idx ON search_products USING gin ((lower(title_zh || ' ' || coalesce(title_en, ''))) gin_trgm_ops) WHERE (quality >= 1.2::real) IS TRUE;
