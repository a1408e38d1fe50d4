-- Chat (旺旺): one conversation per (buyer user, supplier company). Messages carry a per-conversation sequence
-- number allocated under the conversation's row lock (UPDATE … SET last_seq = last_seq + 1 RETURNING), so their
-- order is stable and a reconnecting client asks for "everything after seq N". Read receipts are per side: the
-- last seq the buyer (the user) and the supplier (any handling member) have read; unread = last_seq - read seq.
CREATE TABLE chat_conversations (
  id                  uuid        PRIMARY KEY,
  buyer_user_id       uuid        NOT NULL,
  -- the buyer's active company when the conversation was opened (null: a person without a company)
  buyer_company_id    uuid,
  supplier_company_id uuid        NOT NULL,
  -- the product the buyer last opened the conversation from (context for the supplier)
  product_id          uuid,
  buyer_name          text        NOT NULL,
  last_seq            bigint      NOT NULL DEFAULT 0,
  buyer_read_seq      bigint      NOT NULL DEFAULT 0,
  supplier_read_seq   bigint      NOT NULL DEFAULT 0,
  -- ordering of the conversation lists: the last message (or the opening); set by the application (millisecond
  -- precision, so list cursors compare exactly)
  activity_at         timestamptz NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT chat_conversations_pair UNIQUE (buyer_user_id, supplier_company_id),
  CONSTRAINT chat_conversations_read CHECK (buyer_read_seq <= last_seq AND supplier_read_seq <= last_seq)
);
CREATE INDEX chat_conversations_buyer_idx ON chat_conversations (buyer_user_id, activity_at DESC, id DESC);
CREATE INDEX chat_conversations_supplier_idx ON chat_conversations (supplier_company_id, activity_at DESC, id DESC);
CREATE INDEX chat_conversations_supplier_unread_idx ON chat_conversations (supplier_company_id) WHERE last_seq > supplier_read_seq;
CREATE INDEX chat_conversations_buyer_unread_idx ON chat_conversations (buyer_user_id) WHERE last_seq > buyer_read_seq;

-- Messages are evidence: never deleted. kind: text | image | file | product | quote. Attachments reference files
-- (metadata checked at send time); cards are snapshots taken at send time (what the reader saw then).
CREATE TABLE chat_messages (
  id              uuid        PRIMARY KEY,
  conversation_id uuid        NOT NULL,
  seq             bigint      NOT NULL,
  sender_user_id  uuid        NOT NULL,
  sender_name     text        NOT NULL,
  side            text        NOT NULL CHECK (side IN ('buyer', 'supplier')),
  kind            text        NOT NULL CHECK (kind IN ('text', 'image', 'file', 'product', 'quote')),
  body            text,
  attachment      jsonb,
  card            jsonb,
  client_msg_id   text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT chat_messages_seq UNIQUE (conversation_id, seq)
);
-- a resend with the same client message id is the same message
CREATE UNIQUE INDEX chat_messages_client_idx ON chat_messages (conversation_id, sender_user_id, client_msg_id) WHERE client_msg_id IS NOT NULL;

-- Who is connected, per app process (node): a row per (node, subject) with subject 'user:<id>' or 'company:<id>'
-- (a handling member's connection makes the company online). Each node refreshes seen_at; rows of a node that
-- stopped refreshing (crashed) are ignored after a minute and swept.
CREATE TABLE chat_presence (
  node_id     text        NOT NULL,
  subject     text        NOT NULL,
  connections integer     NOT NULL,
  seen_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (node_id, subject)
);
CREATE INDEX chat_presence_subject_idx ON chat_presence (subject);
