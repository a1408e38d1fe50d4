-- Product import jobs (issue 4, bulk): an uploaded CSV/xlsx is kept here until the worker has split it into row
-- groups (one product each); each group is an item whose status moves from pending to created (in the same
-- transaction as the product) or failed, so a resumed job never creates a product twice.
CREATE TABLE catalog_import_jobs (
  id           uuid PRIMARY KEY,
  company_id   uuid        NOT NULL,
  requested_by uuid        NOT NULL,
  locale       text        NOT NULL CHECK (locale IN ('zh-CN', 'en-US')),
  category_id  uuid        REFERENCES categories (id),
  format       text        NOT NULL CHECK (format IN ('csv', 'xlsx')),
  file_name    text,
  publish      boolean     NOT NULL DEFAULT false,
  status       text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  source       bytea,
  row_count    integer     NOT NULL DEFAULT 0,
  total        integer     NOT NULL DEFAULT 0,
  processed    integer     NOT NULL DEFAULT 0,
  created      integer     NOT NULL DEFAULT 0,
  failed       integer     NOT NULL DEFAULT 0,
  published    integer     NOT NULL DEFAULT 0,
  errors       jsonb       NOT NULL DEFAULT '[]'::jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz
);
CREATE INDEX catalog_import_jobs_company_idx ON catalog_import_jobs (company_id, id DESC);

CREATE TABLE catalog_import_items (
  job_id      uuid    NOT NULL REFERENCES catalog_import_jobs (id) ON DELETE CASCADE,
  position    integer NOT NULL,
  company_id  uuid    NOT NULL,
  group_key   text    NOT NULL,
  first_row   integer NOT NULL,
  rows        jsonb   NOT NULL,
  status      text    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'created', 'failed')),
  product_id  uuid,
  publish_state text  CHECK (publish_state IN ('published', 'refused')),
  errors      jsonb   NOT NULL DEFAULT '[]'::jsonb,
  PRIMARY KEY (job_id, position),
  UNIQUE (job_id, group_key),
  CHECK ((status = 'created') = (product_id IS NOT NULL))
);
CREATE INDEX catalog_import_items_pending_idx ON catalog_import_items (job_id, position) WHERE status = 'pending';
