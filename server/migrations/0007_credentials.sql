-- Portable credentials (全网诚信通): signing keys (private halves encrypted), issued credentials with their
-- slot in the revocation status list.
CREATE TABLE signing_keys (
  kid                   text PRIMARY KEY,
  public_jwk            jsonb       NOT NULL,
  private_jwk_encrypted text        NOT NULL,
  created_at            timestamptz NOT NULL DEFAULT now(),
  retired_at            timestamptz
);

CREATE TABLE credentials (
  id           uuid PRIMARY KEY,
  company_id   uuid        NOT NULL,
  status_index integer     NOT NULL UNIQUE,
  facts_hash   text        NOT NULL,
  jwt          text        NOT NULL,
  issued_at    timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  revoke_reason text
);
CREATE INDEX credentials_company_idx ON credentials (company_id, issued_at DESC);
CREATE SEQUENCE credential_status_index_seq START 1 MAXVALUE 131071;
