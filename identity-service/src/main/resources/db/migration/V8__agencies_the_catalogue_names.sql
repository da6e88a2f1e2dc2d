-- identity-service owns the agency registry (issue 14: one registry, the others read it). The catalogue in
-- dossier-service named agencies this table did not have, and used 000.00.12.H26 for the land registration
-- office while this table called it the Department of Finance (which the catalogue has as 000.00.15.H26).
-- The catalogue's codes win: procedures and dossiers already carry them. An officer bound to 000.00.12.H26
-- before this migration now belongs to the land registration office; move such accounts if that is wrong.
-- deploy-tests' AgencyRegistryTest runs both services' migrations and fails on any disagreement.
update agency
   set name_vi = 'Văn phòng đăng ký đất đai Hà Nội',
       name_en = 'Hanoi Land Registration Office'
 where code = '000.00.12.H26';

insert into agency (code, name_vi, name_en, level, parent_code) values
    ('000.00.15.H26', 'Sở Tài chính thành phố Hà Nội', 'Hanoi Department of Finance', 'PROVINCE', '000.00.00.H26'),
    ('000.00.00.G01', 'Cục Quản lý xuất nhập cảnh - Bộ Công an', 'Immigration Department - Ministry of Public Security', 'MINISTRY', '000.00.00.G13'),
    ('000.00.31.H26', 'Công an thành phố Hà Nội', 'Hanoi City Police', 'PROVINCE', '000.00.00.G13'),
    ('000.00.21.H26', 'Công an phường Ba Đình', 'Ba Dinh Ward Police', 'COMMUNE', '000.00.31.H26')
on conflict (code) do nothing;
