-- Seven procedure codes of the catalogue (V1, V3) were not the national database's (Cơ sở dữ liệu quốc gia về thủ tục
-- hành chính, dichvucong.gov.vn): 1.001022 is "Đăng ký nhận cha, mẹ, con", 2.000908 "Cấp bản sao từ sổ gốc", 2.000575
-- "Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh", 1.010026 a notice about foreign shareholders; 1.002804, 1.003003,
-- 1.009994 and 2.002163 are in no copy of it. Each procedure takes its national code (checked against crawled copies
-- of the national portal's pages, decision 54). Everything that names a procedure by code follows: the foreign keys to
-- procedure(code) cascade updates from now on, and the dossiers already submitted move with their procedure.
do $$
declare
    r record;
begin
    for r in select conname, conrelid::regclass as tbl, pg_get_constraintdef(oid) as def
               from pg_constraint where contype = 'f' and confrelid = 'procedure'::regclass
    loop
        execute format('alter table %s drop constraint %I', r.tbl, r.conname);
        execute format('alter table %s add constraint %I %s on update cascade', r.tbl, r.conname, r.def);
    end loop;
end $$;

update procedure set code = '1.000656' where code = '1.001022';  -- Đăng ký khai tử
update procedure set code = '3.000333' where code = '2.000908';  -- Cấp Phiếu lý lịch tư pháp (province)
update procedure set code = '1.001612' where code = '2.000575';  -- Đăng ký thành lập hộ kinh doanh
update procedure set code = '2.001583' where code = '1.010026';  -- Đăng ký thành lập công ty TNHH một thành viên
update procedure set code = '3.000347' where code = '1.002804';  -- Đổi giấy phép lái xe
update procedure set code = '1.013833',                          -- a change of the land user's or the plot's details
                     name_vi = 'Đăng ký biến động khi thay đổi thông tin người sử dụng đất, thửa đất',
                     name_en = 'Land registration of a change of the user''s or the plot''s details'
 where code = '1.003003';
update procedure set code = '1.013225' where code = '1.009994';  -- Cấp giấy phép xây dựng (nhà ở riêng lẻ)
update procedure set code = '1.001471',                          -- at the central level (Cục Quản lý xuất nhập cảnh)
                     name_vi = 'Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp trung ương)',
                     name_en = 'Ordinary passport issued at the central level'
 where code = '2.002163';

-- the two renamed: their accent-free search text (ProcedureSearch.unaccent of both names)
update procedure set search_text = case code
        when '1.013833' then 'dang ky bien dong khi thay doi thong tin nguoi su dung dat, thua dat land registration change'
        when '1.001471' then 'cap ho chieu pho thong o trong nuoc thuc hien tai cap trung uong ordinary passport'
        else search_text end
 where code in ('1.013833', '1.001471');

-- dossiers keep the procedure's name as it was when submitted (procedure_name); their procedure_code cascaded
