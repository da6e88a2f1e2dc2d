-- Sectors (lĩnh vực) of the catalogue, for the statistics per agency, sector, channel and period (issue 14, decision
-- 49). A procedure belongs to one sector. The codes are the platform's own until the catalogue import loads the
-- national database's sector codes; the names are those of the national catalogue.
create table sector (
    code     text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_vi  text not null check (length(name_vi) between 1 and 200),
    name_en  text check (length(name_en) <= 200)
);

insert into sector (code, name_vi, name_en) values
    ('HO_TICH', 'Hộ tịch', 'Civil status'),
    ('CU_TRU', 'Đăng ký, quản lý cư trú', 'Residence'),
    ('HO_KINH_DOANH', 'Thành lập và hoạt động của hộ kinh doanh', 'Household businesses'),
    ('DOANH_NGHIEP', 'Thành lập và hoạt động của doanh nghiệp', 'Enterprises'),
    ('DUONG_BO', 'Đường bộ', 'Road transport'),
    ('DAT_DAI', 'Đất đai', 'Land'),
    ('XAY_DUNG', 'Hoạt động xây dựng', 'Construction'),
    ('LY_LICH_TU_PHAP', 'Lý lịch tư pháp', 'Judicial records'),
    ('XUAT_NHAP_CANH', 'Quản lý xuất nhập cảnh', 'Exit and entry');

alter table procedure add column sector_code text references sector (code);

update procedure set sector_code = case code
    when '1.001193' then 'HO_TICH'
    when '1.000894' then 'HO_TICH'
    when '1.001022' then 'HO_TICH'
    when '1.004873' then 'HO_TICH'
    when '1.004222' then 'CU_TRU'
    when '2.000575' then 'HO_KINH_DOANH'
    when '1.010026' then 'DOANH_NGHIEP'
    when '1.002804' then 'DUONG_BO'
    when '1.003003' then 'DAT_DAI'
    when '1.009994' then 'XAY_DUNG'
    when '2.000908' then 'LY_LICH_TU_PHAP'
    when '2.002163' then 'XUAT_NHAP_CANH'
end;

-- a procedure added later (V*, the import) names its sector; none is left without one
alter table procedure alter column sector_code set not null;
