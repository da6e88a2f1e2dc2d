-- Issue 17's scale target: the officer's queue page at 1 M dossiers (752 ms p99 before). The queue is read in the
-- order "due date, then submitted" within an agency; the old (agency_code, due_date) index left the tie-break to a
-- sort of every dossier sharing the first due date (thousands at that size). These indexes hold the whole order,
-- so a page is the first 20 index entries:
--  * every status (the "Tất cả" tab), replacing dossier_due, whose columns it begins with;
--  * one status (the status tabs);
--  * the open queue, the desk's default (status=OPEN: what the agency still has to act on), a partial index whose
--    predicate is the list tracking.DossierViews.OPEN_STATUSES writes (the planner uses it only for that list).
-- V23 and V24 are other branches'.
create index dossier_agency_due_order on dossier (agency_code, due_date, submitted_at);
drop index dossier_due;
create index dossier_agency_status_due on dossier (agency_code, status, due_date, submitted_at);
create index dossier_open_queue on dossier (agency_code, due_date, submitted_at)
    where status in ('SUBMITTED', 'TRANSFERRED', 'RECEIVED', 'IN_PROCESSING', 'AWAITING_SUPPLEMENT', 'RESOLVED', 'POSTED');
