-- Member and company systems: users, sessions, login throttling, companies, memberships, invitations.
CREATE TABLE users (
  id            uuid PRIMARY KEY,
  email         text        NOT NULL,
  mobile        text,
  name          text        NOT NULL,
  password_hash text        NOT NULL,
  is_operator   boolean     NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz
);
CREATE UNIQUE INDEX users_email_idx ON users (lower(email));
CREATE INDEX users_created_idx ON users (created_at DESC, id DESC);

CREATE TABLE sessions (
  id                uuid PRIMARY KEY,
  user_id           uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash        text        NOT NULL UNIQUE,
  csrf_token        text        NOT NULL,
  active_company_id uuid,
  user_agent        text,
  ip                text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  last_seen_at      timestamptz NOT NULL DEFAULT now(),
  expires_at        timestamptz NOT NULL,
  revoked_at        timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id, created_at DESC);

CREATE TABLE login_throttles (
  key               text PRIMARY KEY,
  failures          integer     NOT NULL DEFAULT 0,
  window_started_at timestamptz NOT NULL DEFAULT now(),
  locked_until      timestamptz
);

CREATE TABLE companies (
  id            uuid PRIMARY KEY,
  legal_name    text        NOT NULL,
  name_en       text,
  uscc          text,
  company_type  text        NOT NULL CHECK (company_type IN ('manufacturer', 'trading_company', 'buyer', 'both')),
  province      text        NOT NULL,
  city          text        NOT NULL,
  industry      text        NOT NULL,
  main_products text[]      NOT NULL DEFAULT '{}',
  description   text        NOT NULL DEFAULT '',
  logo_file_id  uuid,
  created_by    uuid        NOT NULL REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX companies_uscc_idx ON companies (uscc) WHERE uscc IS NOT NULL;
CREATE INDEX companies_created_idx ON companies (created_at DESC, id DESC);

CREATE TABLE memberships (
  company_id uuid        NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role       text        NOT NULL CHECK (role IN ('owner', 'admin', 'purchaser', 'sales', 'finance')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE invitations (
  id          uuid PRIMARY KEY,
  company_id  uuid        NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  email       text        NOT NULL,
  role        text        NOT NULL CHECK (role IN ('admin', 'purchaser', 'sales', 'finance')),
  token_hash  text        NOT NULL UNIQUE,
  invited_by  uuid        NOT NULL REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by uuid REFERENCES users (id),
  revoked_at  timestamptz
);
CREATE INDEX invitations_company_idx ON invitations (company_id, created_at DESC);
