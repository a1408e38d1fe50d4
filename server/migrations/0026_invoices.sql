-- Invoices (发票). A buyer company keeps invoice profiles (开票信息): an ordinary invoice (普通发票) needs the title and
-- tax number; a VAT special invoice (增值税专用发票) also the bank, account, registered address and phone. Checkout
-- names one on the order. Profiles are archived, never deleted, so an order keeps showing the one it named.
CREATE TABLE invoice_profiles (
  id            uuid PRIMARY KEY,
  company_id    uuid        NOT NULL,
  kind          text        NOT NULL CHECK (kind IN ('ordinary', 'vat_special')),
  title         text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
  tax_no        text        NOT NULL CHECK (tax_no ~ '^[0-9A-Z]{15,20}$'),
  bank_name     text,
  bank_account  text,
  address       text,
  phone         text,
  is_default    boolean     NOT NULL DEFAULT false,
  created_by    uuid,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  archived_at   timestamptz,
  CONSTRAINT invoice_profiles_vat_complete CHECK (
    kind <> 'vat_special' OR (bank_name IS NOT NULL AND bank_account IS NOT NULL AND address IS NOT NULL AND phone IS NOT NULL)
  )
);
CREATE INDEX invoice_profiles_company_idx ON invoice_profiles (company_id, id) WHERE archived_at IS NULL;
-- At most one default per company among the live profiles.
CREATE UNIQUE INDEX invoice_profiles_default_idx ON invoice_profiles (company_id) WHERE is_default AND archived_at IS NULL;

-- What the seller records after issuing an invoice for an order: number, date, amount (分), the scanned or electronic
-- invoice as a file. The amounts of an order's invoices never exceed what the buyer paid and kept.
CREATE TABLE issued_invoices (
  id                   uuid PRIMARY KEY,
  order_id             uuid        NOT NULL,
  supplier_company_id  uuid        NOT NULL,
  buyer_company_id     uuid        NOT NULL,
  kind                 text        NOT NULL CHECK (kind IN ('ordinary', 'vat_special')),
  number               text        NOT NULL CHECK (char_length(number) BETWEEN 1 AND 40),
  issued_on            date        NOT NULL,
  amount               bigint      NOT NULL CHECK (amount > 0),
  file_id              uuid,
  note                 text        NOT NULL DEFAULT '',
  created_by           uuid        NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT issued_invoices_number_unique UNIQUE (supplier_company_id, number)
);
CREATE INDEX issued_invoices_order_idx ON issued_invoices (order_id, id);
CREATE INDEX issued_invoices_buyer_idx ON issued_invoices (buyer_company_id, id);
