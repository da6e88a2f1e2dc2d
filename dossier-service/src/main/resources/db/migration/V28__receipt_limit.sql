-- Issue 14 item 3 (decision 51): an online dossier must be received within egov.dossier.receipt-limit.working-hours
-- of working time (the agency's hours) from when it could be received (submitted, or paid when the fee comes first);
-- past that, still SUBMITTED, it is "chưa tiếp nhận quá hạn". The scheduled check stores the limit once per dossier.
alter table dossier add column receipt_due_at timestamptz;

-- the desk's filter and the count per agency: dossiers waiting to be received, by their receipt limit
create index dossier_awaiting_receipt on dossier (agency_code, receipt_due_at) where status = 'SUBMITTED';
