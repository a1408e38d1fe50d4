-- Platform tables: the event log with its outbox state, handler receipts, the jobs queue, stored files.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE events (
  id               uuid PRIMARY KEY,
  type             text        NOT NULL,
  actor_user_id    uuid,
  company_id       uuid,
  subject_type     text        NOT NULL,
  subject_id       text        NOT NULL,
  payload          jsonb       NOT NULL DEFAULT '{}'::jsonb,
  occurred_at      timestamptz NOT NULL DEFAULT now(),
  dispatched_at    timestamptz,
  dispatch_attempts integer    NOT NULL DEFAULT 0,
  next_dispatch_at timestamptz NOT NULL DEFAULT now(),
  last_error       text
);
CREATE INDEX events_occurred_at_idx ON events (occurred_at DESC, id DESC);
CREATE INDEX events_company_idx ON events (company_id, occurred_at DESC);
CREATE INDEX events_type_idx ON events (type, occurred_at DESC);
CREATE INDEX events_undispatched_idx ON events (next_dispatch_at) WHERE dispatched_at IS NULL;

-- One row per (handler, event) it has applied: makes at-least-once delivery idempotent.
CREATE TABLE event_handlings (
  handler    text        NOT NULL,
  event_id   uuid        NOT NULL REFERENCES events (id),
  handled_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (handler, event_id)
);

CREATE TABLE jobs (
  id           uuid PRIMARY KEY,
  kind         text        NOT NULL,
  payload      jsonb       NOT NULL DEFAULT '{}'::jsonb,
  status       text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'succeeded', 'failed')),
  run_at       timestamptz NOT NULL DEFAULT now(),
  attempts     integer     NOT NULL DEFAULT 0,
  max_attempts integer     NOT NULL DEFAULT 8,
  unique_key   text,
  last_error   text,
  locked_at    timestamptz,
  locked_by    text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz
);
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE status = 'pending';
CREATE INDEX jobs_running_idx ON jobs (locked_at) WHERE status = 'running';
-- A scheduled job is enqueued once per unique key while it is still to run.
CREATE UNIQUE INDEX jobs_unique_key_idx ON jobs (unique_key) WHERE unique_key IS NOT NULL AND status IN ('pending', 'running');

CREATE TABLE files (
  id               uuid PRIMARY KEY,
  owner_company_id uuid,
  uploaded_by      uuid,
  purpose          text        NOT NULL,
  content_type     text        NOT NULL,
  byte_size        integer     NOT NULL,
  sha256           text        NOT NULL,
  storage_key      text        NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
