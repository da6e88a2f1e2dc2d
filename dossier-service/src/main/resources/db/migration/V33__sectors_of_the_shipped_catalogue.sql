-- Sectors of the catalogue shipped with the release (decision 55), named as the national catalogue names them.
insert into sector (code, name_vi, name_en) values
    ('CHUNG_THUC', 'Chứng thực', 'Certification'),
    ('CAN_CUOC', 'Cấp, quản lý căn cước', 'Identity cards'),
    ('BAO_TRO_XA_HOI', 'Bảo trợ xã hội', 'Social protection')
on conflict (code) do nothing;
