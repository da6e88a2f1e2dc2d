-- Issue 14 item 4 (decision 50): the agency's staff are reminded before a dossier's due date, once per dossier and
-- due date (an apology's new date is reminded of again). The due date the reminder was published for, as
-- overdue_notified_due_date does for the overdue notice. The check reads dossier_running_due (V6).
alter table dossier add column due_soon_notified_due_date date;
