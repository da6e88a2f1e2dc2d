-- Decision 63: the owner of an identity number (CCCD) recovered it from an account that had registered it first
-- (vn.egov.identity.national-id-recovered.v1); that account is disabled. Its holder is told through the contacts
-- the account gave (inbox kept for the record, email, SMS): a mandatory security notice, so a mistake can be objected
-- to at the help desk. No identity number in the message.
insert into event_kind (kind, event_type, audience, mandatory) values
    ('NATIONAL_ID_RECOVERED', 'vn.egov.identity.national-id-recovered.v1', 'ACCOUNT_HOLDER', true);

-- Placeholders: recoveredAt, link (the portal's help and contact page).
insert into template (kind, language, version, title, body, sms) values
('NATIONAL_ID_RECOVERED', 'vi', 1, 'Tài khoản Cổng dịch vụ công của bạn đã bị khóa',
 'Lúc {{recoveredAt}}, chủ sở hữu số định danh cá nhân mà tài khoản của bạn đã đăng ký đã chứng minh quyền sở hữu bằng tài khoản định danh điện tử quốc gia (VNeID) mức 2. Vì vậy tài khoản của bạn đã bị khóa và không còn gắn với số định danh đó. Hồ sơ bạn đã nộp vẫn được lưu giữ.
Nếu bạn cho rằng đây là nhầm lẫn, hãy đến Bộ phận Một cửa với căn cước công dân hoặc liên hệ tổng đài hỗ trợ: {{link}}',
 'DVC: Tai khoan cua ban da bi khoa luc {{recoveredAt}} vi chu so huu so dinh danh da xac thuc qua VNeID. Neu nham lan, lien he Bo phan Mot cua.'),
('NATIONAL_ID_RECOVERED', 'en', 1, 'Your public services portal account was locked',
 'At {{recoveredAt}}, the owner of the identification number your account had registered proved it with the national electronic identity (VNeID, level 2). Your account was therefore locked and no longer holds that number. The dossiers you submitted are kept.
If you think this is a mistake, come to the one-stop desk with your ID card or call the help desk: {{link}}',
 'eGov: your account was locked at {{recoveredAt}}: the owner of the identification number proved it with VNeID. If this is a mistake, contact the one-stop desk.');
