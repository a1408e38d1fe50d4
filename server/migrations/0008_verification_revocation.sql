-- An operator can withdraw a verification (company deregistered, forged documents): the approval stays on record as revoked.
ALTER TABLE verifications DROP CONSTRAINT verifications_status_check;
ALTER TABLE verifications ADD CONSTRAINT verifications_status_check CHECK (status IN ('pending', 'approved', 'rejected', 'revoked'));
ALTER TABLE verifications ADD COLUMN revoked_by uuid;
ALTER TABLE verifications ADD COLUMN revoked_at timestamptz;
