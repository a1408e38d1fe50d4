-- Credit ratings 1A–5A: one row per computed rating, with its scorecard version and every factor's contribution.
CREATE TABLE credit_ratings (
  id                uuid PRIMARY KEY,
  company_id        uuid          NOT NULL,
  scorecard_version text          NOT NULL,
  score             numeric(5, 2) NOT NULL CHECK (score >= 0 AND score <= 100),
  grade             text          NOT NULL CHECK (grade IN ('1A', '2A', '3A', '4A', '5A')),
  dimensions        jsonb         NOT NULL,
  factors           jsonb         NOT NULL,
  computed_at       timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX credit_ratings_company_idx ON credit_ratings (company_id, computed_at DESC);
