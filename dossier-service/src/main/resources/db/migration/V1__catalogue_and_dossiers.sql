-- Procedure catalogue (thủ tục hành chính): reference data owned by dossier-service.
create table procedure (
    code              text primary key,
    name_vi           text    not null,
    name_en           text,
    agency_code       text    not null,
    agency_name       text    not null,
    level             text    not null,            -- MINISTRY | PROVINCE | COMMUNE (reference data)
    processing_days   integer not null check (processing_days >= 0),  -- legal time limit, working days
    fee_vnd           bigint  not null default 0 check (fee_vnd >= 0),
    mode              text    not null check (mode in ('FULL_ONLINE', 'PARTIAL_ONLINE')),
    required_loa      integer not null default 1 check (required_loa in (1, 2)),
    search_text       text    not null,            -- unaccented lower-case names, for accent-insensitive search
    active            boolean not null default true
);

insert into procedure (code, name_vi, name_en, agency_code, agency_name, level, processing_days, fee_vnd, mode, required_loa, search_text) values
    ('1.001193', 'Đăng ký khai sinh', 'Birth registration', '000.00.01.H26', 'Ủy ban nhân dân phường Ba Đình', 'COMMUNE', 1, 0, 'FULL_ONLINE', 1, 'dang ky khai sinh birth registration'),
    ('1.000894', 'Đăng ký kết hôn', 'Marriage registration', '000.00.01.H26', 'Ủy ban nhân dân phường Ba Đình', 'COMMUNE', 5, 0, 'PARTIAL_ONLINE', 2, 'dang ky ket hon marriage registration'),
    ('2.000908', 'Cấp phiếu lý lịch tư pháp', 'Judicial record certificate', '000.00.11.H26', 'Sở Tư pháp thành phố Hà Nội', 'PROVINCE', 10, 200000, 'FULL_ONLINE', 2, 'cap phieu ly lich tu phap judicial record certificate'),
    ('1.009994', 'Cấp giấy phép xây dựng nhà ở riêng lẻ', 'Construction permit for a detached house', '000.00.10.H26', 'Sở Xây dựng thành phố Hà Nội', 'PROVINCE', 15, 75000, 'PARTIAL_ONLINE', 2, 'cap giay phep xay dung nha o rieng le construction permit detached house');

-- Dossiers (hồ sơ); the lifecycle, documents and history come with the dossier feature.
create table dossier (
    id                uuid primary key,
    code              text unique not null,
    procedure_code    text not null references procedure (code),
    agency_code       text not null,
    applicant_subject text not null,
    status            text not null,
    submitted_at      timestamptz not null,
    due_date          date
);
create index dossier_applicant on dossier (applicant_subject, submitted_at desc);
create index dossier_agency_queue on dossier (agency_code, status, submitted_at);
