-- Image thumbnails: WebP renditions (longest side 160, 400, 800 px) made once at upload, served by size.
CREATE TABLE file_thumbnails (
  file_id      uuid        NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  size         integer     NOT NULL CHECK (size IN (160, 400, 800)),
  content_type text        NOT NULL,
  width        integer     NOT NULL,
  height       integer     NOT NULL,
  byte_size    integer     NOT NULL,
  sha256       text        NOT NULL,
  storage_key  text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (file_id, size)
);
