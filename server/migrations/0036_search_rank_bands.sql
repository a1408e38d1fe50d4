-- A text search reads its window from disjoint bands of static rank instead of nested tiers. With the tiers of 0015
-- (quality >= 1.4, >= 1.3, >= 1.2, then everything), a query whose top tiers held fewer than the window's matches read
-- the rows of every tier above again in each tier below: 钢板 at 100,000 products read 16 + 103 + 302 + 1,219 rows for
-- 1,219 matches. Bands (>= 1.4, [1.3, 1.4), [1.2, 1.3), < 1.2) each read their own rows once (docs/search.md, "Seventh
-- pass"). The top band is the top tier, whose indexes stay; the two nested tiers below are replaced by three bands,
-- which together index each product once (about the same size). Browsing keeps the static-rank btrees. The literals
-- are store.ts's RANK_TIERS; the predicates are written as the search writes them (IS TRUE, as in 0032).
DROP INDEX search_products_tsv_tier2_idx;
DROP INDEX search_products_tsv_tier3_idx;
DROP INDEX search_products_title_trgm_tier2_idx;
DROP INDEX search_products_title_trgm_tier3_idx;

CREATE INDEX search_products_tsv_band2_idx ON search_products USING gin (tsv) WHERE (quality >= 1.3::real AND quality < 1.4::real) IS TRUE;
CREATE INDEX search_products_tsv_band3_idx ON search_products USING gin (tsv) WHERE (quality >= 1.2::real AND quality < 1.3::real) IS TRUE;
CREATE INDEX search_products_tsv_band4_idx ON search_products USING gin (tsv) WHERE (quality < 1.2::real) IS TRUE;
CREATE INDEX search_products_title_trgm_band2_idx ON search_products USING gin ((lower(title_zh || ' ' || coalesce(title_en, ''))) gin_trgm_ops) WHERE (quality >= 1.3::real AND quality < 1.4::real) IS TRUE;
CREATE INDEX search_products_title_trgm_band3_idx ON search_products USING gin ((lower(title_zh || ' ' || coalesce(title_en, ''))) gin_trgm_ops) WHERE (quality >= 1.2::real AND quality < 1.3::real) IS TRUE;
CREATE INDEX search_products_title_trgm_band4_idx ON search_products USING gin ((lower(title_zh || ' ' || coalesce(title_en, ''))) gin_trgm_ops) WHERE (quality < 1.2::real) IS TRUE;
