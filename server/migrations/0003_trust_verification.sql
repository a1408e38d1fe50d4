-- Trust system, part 1: business registration verification (工商认证) and field verification (实地认证).
CREATE TABLE verifications (
  id                   uuid PRIMARY KEY,
  company_id           uuid        NOT NULL,
  status               text        NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  uscc                 text        NOT NULL,
  legal_name           text        NOT NULL,
  legal_representative text        NOT NULL,
  registered_capital   text        NOT NULL,
  established_on       date        NOT NULL,
  registered_address   text        NOT NULL,
  business_scope       text        NOT NULL,
  license_file_id      uuid        NOT NULL,
  registry_provider    text        NOT NULL,
  registry_record      jsonb,
  mismatches           text[]      NOT NULL DEFAULT '{}',
  submitted_by         uuid        NOT NULL,
  submitted_at         timestamptz NOT NULL DEFAULT now(),
  decided_by           uuid,
  decided_at           timestamptz,
  reason               text
);
CREATE INDEX verifications_company_idx ON verifications (company_id, submitted_at DESC);
CREATE INDEX verifications_status_idx ON verifications (status, submitted_at);

CREATE TABLE field_verifications (
  id             uuid PRIMARY KEY,
  company_id     uuid        NOT NULL,
  visited_on     date        NOT NULL,
  inspector      text        NOT NULL,
  photo_file_ids uuid[]      NOT NULL DEFAULT '{}',
  notes          text        NOT NULL DEFAULT '',
  recorded_by    uuid        NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX field_verifications_company_idx ON field_verifications (company_id, visited_on DESC);
