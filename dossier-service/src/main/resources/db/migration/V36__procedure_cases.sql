-- Cases of a procedure (trường hợp; issue 14 item 2, decision 58). Many procedures are one procedure in the catalogue
-- but several cases in law, each asking its own papers and sometimes its own fee or time limit: "Đăng ký thường trú"
-- for one who owns the home, one who joins a relative, one who rents (Luật Cư trú 2020, Điều 20). A procedure with
-- cases is submitted for one of them (dossier.case_code); a non-null fee or time limit of the case replaces the
-- procedure's (its agency's offering's) for such a dossier, and a channel's terms (decision 56) still apply on top.
create table procedure_case (
    procedure_code    text    not null references procedure (code) on update cascade,
    code              text    not null check (code ~ '^[A-Z][A-Z0-9_]{0,63}$'),
    name_vi           text    not null check (length(name_vi) between 1 and 500),
    name_en           text    check (length(name_en) <= 500),
    fee_vnd           bigint  check (fee_vnd between 0 and 1000000000),
    time_limit_amount integer check (time_limit_amount between 0 and 365),
    time_limit_unit   text    check (time_limit_unit in ('WORKING_DAYS', 'HALF_DAYS', 'WORKING_HOURS', 'SAME_DAY')),
    fee_source        text    check (length(fee_source) <= 500),
    time_limit_source text    check (length(time_limit_source) <= 500),
    position          integer not null,
    catalogue_version integer not null default 0,
    primary key (procedure_code, code)
);

-- a channel's terms for one case only (null: every case); they win over the terms for every case, and a case's own fee
-- or time limit wins over the terms for every case: the most specific rule holds (Đăng ký tạm trú: 15 000 đồng at the
-- counter and 7 000 online for a household, 10 000 and 5 000 for a registration by list; Thông tư 75/2022/TT-BTC)
alter table procedure_channel add column case_code text check (case_code ~ '^[A-Z][A-Z0-9_]{0,63}$');
drop index procedure_channel_key;
create unique index procedure_channel_key
    on procedure_channel (procedure_code, coalesce(agency_code, ''), channel, coalesce(case_code, ''));

-- a document asked only in some cases (null: in every case)
alter table procedure_document add column cases text[] check (cardinality(cases) between 1 and 50);

-- the case a dossier was submitted for, and its name as it was then (null: the procedure has no cases)
alter table dossier add column case_code text check (case_code ~ '^[A-Z][A-Z0-9_]{0,63}$');
alter table dossier add column case_name text check (length(case_name) between 1 and 500);
alter table dossier add constraint dossier_case_named check ((case_code is null) = (case_name is null));

-- what an import wrote of them
alter table catalogue_version add column cases integer not null default 0;

-- Đăng ký thường trú (1.004222) has cases in the shipped catalogue: the consent of the household head and the owner is
-- asked of one who joins a relative or rents (Luật Cư trú 2020, Điều 20 khoản 2, 3), not of one who owns the home
update procedure_field
set required = false,
    label_vi = 'Chủ hộ, chủ sở hữu chỗ ở đã đồng ý (khi đăng ký vào chỗ ở không thuộc sở hữu của mình)',
    label_en = 'The household head and the owner agreed (when registering at a home one does not own)'
where procedure_code = '1.004222' and name = 'ownerConsent';
