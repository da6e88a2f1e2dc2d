-- The scheduled overdue check publishes DossierOverdue once per dossier and due date: this is the due date
-- it was published for (an apology moves the due date; if that one is missed too, it is published again).
alter table dossier add column overdue_notified_due_date date;
create index dossier_running_due on dossier (due_date) where status in ('RECEIVED', 'IN_PROCESSING');
