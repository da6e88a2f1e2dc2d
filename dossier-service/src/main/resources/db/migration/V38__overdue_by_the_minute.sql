-- The overdue check and the overdue filter compare the due time, by the minute (issue 14 item 3): the running
-- dossiers by due time, as V6 indexes them by due date (rows without a due time still use that one).
create index dossier_running_due_at on dossier (due_at) where status in ('RECEIVED', 'IN_PROCESSING');
