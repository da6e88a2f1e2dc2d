-- Administrative levels are reference data (the two-tier local government of 2025 may change again).
create table administrative_level (
    code    text primary key,
    name_vi text not null,
    name_en text not null
);
insert into administrative_level (code, name_vi, name_en) values
    ('MINISTRY', 'Bộ, ngành trung ương', 'Ministry'),
    ('PROVINCE', 'Cấp tỉnh', 'Province'),
    ('COMMUNE',  'Cấp xã', 'Commune');

-- Agencies with their electronic identifiers (mã định danh điện tử của cơ quan).
create table agency (
    code        text primary key,
    name_vi     text not null,
    name_en     text,
    level       text not null references administrative_level (code),
    parent_code text references agency (code),
    active      boolean not null default true
);
insert into agency (code, name_vi, name_en, level, parent_code) values
    ('000.00.00.G12', 'Bộ Tư pháp', 'Ministry of Justice', 'MINISTRY', null),
    ('000.00.00.G13', 'Bộ Công an', 'Ministry of Public Security', 'MINISTRY', null),
    ('000.00.00.H26', 'Ủy ban nhân dân thành phố Hà Nội', 'Hanoi People''s Committee', 'PROVINCE', null),
    ('000.00.10.H26', 'Sở Xây dựng thành phố Hà Nội', 'Hanoi Department of Construction', 'PROVINCE', '000.00.00.H26'),
    ('000.00.11.H26', 'Sở Tư pháp thành phố Hà Nội', 'Hanoi Department of Justice', 'PROVINCE', '000.00.00.H26'),
    ('000.00.12.H26', 'Sở Tài chính thành phố Hà Nội', 'Hanoi Department of Finance', 'PROVINCE', '000.00.00.H26'),
    ('000.00.01.H26', 'Ủy ban nhân dân phường Ba Đình', 'Ba Dinh Ward People''s Committee', 'COMMUNE', '000.00.00.H26'),
    ('000.00.02.H26', 'Ủy ban nhân dân phường Hoàn Kiếm', 'Hoan Kiem Ward People''s Committee', 'COMMUNE', '000.00.00.H26'),
    ('000.00.00.H29', 'Ủy ban nhân dân Thành phố Hồ Chí Minh', 'Ho Chi Minh City People''s Committee', 'PROVINCE', null),
    ('000.00.01.H29', 'Ủy ban nhân dân phường Sài Gòn', 'Sai Gon Ward People''s Committee', 'COMMUNE', '000.00.00.H29');
