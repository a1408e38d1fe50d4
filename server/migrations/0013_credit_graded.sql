-- Unverified companies have no grade: a rating says whether it grades the company (the score is kept as a tip list either way).
ALTER TABLE credit_ratings ADD COLUMN graded boolean NOT NULL DEFAULT true;
UPDATE credit_ratings SET graded = factors @> '[{"key": "registry_verified", "value": "yes"}]'::jsonb;
