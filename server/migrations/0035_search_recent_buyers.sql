-- Search keeps each product's recent buyers (service-metrics' product sales): the product factor's input, shown on
-- result cards and read back by explain.
ALTER TABLE search_products ADD COLUMN recent_buyers int NOT NULL DEFAULT 0;
