-- The catalogue import (issue 14 item 6, decision 53): procedures, their documents and the agencies that offer them
-- are loaded from CSV files by a system administrator, checked as a whole, applied all-or-nothing, and each import is a
-- version of the catalogue, kept with the files as received, who loaded them and when.
create table catalogue_version (
    version      integer primary key,
    label        text        not null check (length(label) between 1 and 200),
    imported_at  timestamptz not null,
    imported_by  text        not null,
    sha256       text        not null,
    procedures   integer     not null,
    documents    integer     not null,
    offerings    integer     not null,
    created      integer     not null,
    updated      integer     not null,
    files        jsonb       not null   -- {"procedures": "<the CSV text>", "documents": …, "offerings": …}
);

-- what the shipped migrations hold is version 0; an import sets the version of every row it writes
alter table procedure add column catalogue_version integer not null default 0;
alter table procedure_offering add column catalogue_version integer not null default 0;

-- the legal source of the fee (the time limit's is time_limit_source, V15)
alter table procedure add column fee_source text check (length(fee_source) <= 500);

-- a required document: how many originals and copies, and whether it is asked only when the state's data cannot
-- supply it (once-only, Thông tư 01/2023/TT-VPCP)
alter table procedure_document add column originals integer not null default 1 check (originals between 0 and 20);
alter table procedure_document add column copies integer not null default 0 check (copies between 0 and 20);
alter table procedure_document add column only_if_not_in_state_data boolean not null default false;
