-- Payment events name the citizen who paid (payerSubject, added within v1 of payment-service's contracts), so
-- the dossier → applicant map that V2 kept to find the payer of a payment event is no longer read or written.
-- It held personal data (who submitted which dossier) for no purpose: dropped, not left to go stale.
drop table if exists dossier_recipient;
