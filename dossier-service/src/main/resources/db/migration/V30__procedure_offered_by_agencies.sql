-- Procedure × agency (issue 14 item 2, decision 52). A procedure of the catalogue is offered by one or more agencies
-- (every commune registers births); each offering may override what the procedure sets for all: the fee, the time
-- limit (its amount, in the procedure's unit), how much is online, whether it receives online at all, and the dates
-- between which it is offered. A null override is the procedure's value. The submission names the agency
-- (agencyCode); it may be left out only when one agency offers the procedure on that day.
--
-- procedure.agency_code and agency_name stay: they name the procedure's first offering (the catalogue list and
-- older clients read them); what a dossier is submitted to is always an offering.
create table procedure_offering (
    procedure_code  text    not null references procedure (code),
    agency_code     text    not null check (agency_code ~ '^[0-9A-Z.]{1,32}$'),
    agency_name     text    not null check (length(agency_name) between 1 and 300),
    receives_online boolean not null default true,
    fee_vnd         bigint  check (fee_vnd >= 0),
    processing_days integer check (processing_days >= 0),
    mode            text    check (mode in ('FULL_ONLINE', 'PARTIAL_ONLINE')),
    valid_from      date,
    valid_to        date,
    source          text    check (length(source) <= 500),
    position        integer not null default 1,
    primary key (procedure_code, agency_code),
    check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index procedure_offering_agency on procedure_offering (agency_code);

insert into procedure_offering (procedure_code, agency_code, agency_name)
select code, agency_code, agency_name from procedure;

-- Civil status at the commune: every commune-level People's Committee registers deaths and confirms marital status
-- (Luật Hộ tịch 2014, Điều 7 khoản 2); here both wards of the catalogue offer both.
insert into procedure_offering (procedure_code, agency_code, agency_name, position, source) values
    ('1.001022', '000.00.02.H26', 'Ủy ban nhân dân phường Hoàn Kiếm', 2, 'Luật Hộ tịch 2014, Điều 7 khoản 2'),
    ('1.004873', '000.00.01.H26', 'Ủy ban nhân dân phường Ba Đình', 2, 'Luật Hộ tịch 2014, Điều 7 khoản 2');

