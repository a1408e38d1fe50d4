-- Order lines keep their SKU's label in English too (sku_label is the Chinese one), as they keep title_zh and
-- title_en: a snapshot of the option labels at checkout, so an English reader sees "Warm white" not "暖白" or the raw
-- option code. Lines placed before have none (null): readers fall back to sku_label.
ALTER TABLE order_lines ADD COLUMN sku_label_en text;
