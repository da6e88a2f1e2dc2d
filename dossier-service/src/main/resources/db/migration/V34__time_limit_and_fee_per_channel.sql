-- Time limit and fee per channel (issue 14 item 2, decision 56). The law often sets a procedure's fee or time limit
-- differently for a dossier submitted online, at the counter or through the public postal service (dịch vụ bưu chính
-- công ích, Quyết định 45/2016/QĐ-TTg): a row here replaces, for that channel, what the procedure (and its agency's
-- offering) sets; a null column keeps it. A row without agency_code holds for every agency that offers the procedure;
-- a row with one, for that agency only, and wins over the first.
create table procedure_channel (
    procedure_code    text    not null references procedure (code) on update cascade,
    agency_code       text    check (agency_code ~ '^[0-9A-Z.]{1,32}$'),
    channel           text    not null check (channel in ('ONLINE', 'DIRECT', 'POSTAL')),
    fee_vnd           bigint  check (fee_vnd between 0 and 1000000000),
    time_limit_amount integer check (time_limit_amount between 0 and 365),
    time_limit_unit   text    check (time_limit_unit in ('WORKING_DAYS', 'HALF_DAYS', 'WORKING_HOURS', 'SAME_DAY')),
    fee_source        text    check (length(fee_source) <= 500),
    time_limit_source text    check (length(time_limit_source) <= 500),
    catalogue_version integer not null default 0,
    check (fee_vnd is not null or time_limit_amount is not null or time_limit_unit is not null)
);
create unique index procedure_channel_key on procedure_channel (procedure_code, coalesce(agency_code, ''), channel);

-- a dossier received through the postal service: recorded at the desk by an officer, like one taken at the counter
alter table dossier drop constraint dossier_channel_check;
alter table dossier add constraint dossier_channel_check check (channel in ('ONLINE', 'DIRECT', 'POSTAL'));

-- what an import wrote of them
alter table catalogue_version add column channels integer not null default 0;
