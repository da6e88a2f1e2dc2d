-- Service centres (issue 14 item 1, decision 57). Since 1/7/2025 (Nghị định 118/2025/NĐ-CP) the provincial and
-- commune public administrative service centres (Trung tâm Phục vụ hành chính công) receive dossiers for any competent
-- agency of their province, whatever the administrative boundaries. The registry says which agencies are such centres;
-- dossier-service reads it when an officer of one receives a dossier for another agency.
alter table agency add column service_centre boolean not null default false;

insert into agency (code, name_vi, name_en, level, parent_code, service_centre) values
    ('000.00.90.H26', 'Trung tâm Phục vụ hành chính công thành phố Hà Nội',
     'Hanoi Public Administrative Service Centre', 'PROVINCE', '000.00.00.H26', true)
on conflict (code) do nothing;
