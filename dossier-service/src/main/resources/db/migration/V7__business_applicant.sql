-- A business as the applicant: the citizen who submits represents it (checked with identity-service).
alter table dossier add column business_tax_code text;
alter table dossier add column business_name     text;
