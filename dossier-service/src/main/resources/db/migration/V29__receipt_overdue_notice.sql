-- Decision 51: the agency's staff are told once when an online dossier is still not received past its receipt
-- limit; when that was published (the limit is given once, so once per dossier).
alter table dossier add column receipt_overdue_notified_at timestamptz;
