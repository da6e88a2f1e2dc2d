-- A service centre receives for another agency (issue 14 item 2, decision 57). Since 1/7/2025 (Nghị định
-- 118/2025/NĐ-CP) the public administrative service centres of a province receive dossiers for any competent agency of
-- it. Both are recorded: agency_code is the agency that handles the dossier (its queue, its deadlines, its row in the
-- report), receiving_agency_code the centre that received it, whose code numbers the dossier. Null: the handling
-- agency received it itself.
alter table dossier add column receiving_agency_code text check (receiving_agency_code ~ '^[0-9A-Z.]{1,32}$');
alter table dossier add column receiving_agency_name text check (length(receiving_agency_name) between 1 and 300);
create index dossier_receiving_agency on dossier (receiving_agency_code, submitted_at desc)
    where receiving_agency_code is not null;
