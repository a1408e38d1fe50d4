-- Notifications: one row per (recipient user, notice). Texts are not stored: each row keeps the kind and its
-- parameters, and the title/body are rendered in the reader's language from the kind's registered templates.
-- A row is also kept when the user receives the notice by mail only (in_app = false), so a dedupe key holds
-- across both channels; the notification center lists only in_app rows. Rows older than 180 days are deleted by
-- the notifications.cleanup recurring job.
CREATE TABLE notifications (
  id          uuid        PRIMARY KEY,
  user_id     uuid        NOT NULL,
  kind        text        NOT NULL,
  params      jsonb       NOT NULL DEFAULT '{}'::jsonb,
  link        text,
  dedupe_key  text,
  in_app      boolean     NOT NULL,
  mailed      boolean     NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC) WHERE in_app;
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE in_app AND read_at IS NULL;
CREATE UNIQUE INDEX notifications_dedupe_idx ON notifications (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX notifications_created_idx ON notifications (created_at);

-- A user's choice per kind; without a row the kind's defaults apply (in-app on, mail = the kind's mailByDefault).
CREATE TABLE notification_preferences (
  user_id    uuid        NOT NULL,
  kind       text        NOT NULL,
  in_app     boolean     NOT NULL,
  mail       boolean     NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, kind)
);
