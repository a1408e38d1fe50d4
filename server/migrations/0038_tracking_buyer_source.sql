-- A parcel still in transit when the buyer confirms receipt (or receipt is confirmed automatically) is delivered:
-- the buyer has the goods. The shipments module marks it so with a tracking event of the new source 'buyer'
-- (docs/shipments.md, "Receipt delivers the parcels").
ALTER TABLE tracking_events DROP CONSTRAINT tracking_events_source_check;
ALTER TABLE tracking_events ADD CONSTRAINT tracking_events_source_check CHECK (source IN ('seller', 'operator', 'carrier', 'buyer'));
