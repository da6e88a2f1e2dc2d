-- Issue 16 item 4, enumeration: a registration whose CCCD, email or phone already belongs to an account is
-- answered like a success by identity-service and makes nothing (vn.egov.identity.registration-refused.v1).
-- The people concerned are told through their own channels instead, and no message says which identifier
-- was taken:
--   REGISTRATION_NOT_CREATED: to the email address and phone number the registration gave (not an account:
--     destination only, no inbox), "no account was made with these details; sign in or recover yours";
--   REGISTRATION_ATTEMPT_ON_ACCOUNT: to each existing account's holder (inbox, email, SMS), a security notice.
-- Both are mandatory (security notices ignore opt-outs).
alter table event_kind drop constraint event_kind_audience_check;
alter table event_kind add constraint event_kind_audience_check
    check (audience in ('APPLICANT', 'AGENCY_OFFICERS', 'AGENCY_STAFF', 'ACCOUNT_HOLDER'));
alter table delivery drop constraint delivery_purpose_check;
alter table delivery add constraint delivery_purpose_check
    check (purpose in ('NOTICE', 'PREVIOUS_CONTACT', 'ONE_TIME_CODE', 'GIVEN_CONTACT'));

insert into event_kind (kind, event_type, audience, mandatory) values
    ('REGISTRATION_NOT_CREATED',        'vn.egov.identity.registration-refused.v1', 'APPLICANT',      true),
    ('REGISTRATION_ATTEMPT_ON_ACCOUNT', 'vn.egov.identity.registration-refused.v1', 'ACCOUNT_HOLDER', true);

-- Placeholders: link (the portal's sign-in), recoverLink (password reset).
insert into template (kind, language, version, title, body, sms) values
('REGISTRATION_NOT_CREATED', 'vi', 1, 'Chưa tạo được tài khoản Cổng dịch vụ công',
 'Ai đó, có thể là bạn, vừa đăng ký tài khoản Cổng dịch vụ công với địa chỉ thư điện tử hoặc số điện thoại này. Tài khoản chưa được tạo, vì số định danh cá nhân, thư điện tử hoặc số điện thoại đăng ký đã gắn với một tài khoản có sẵn.
Nếu đó là tài khoản của bạn, hãy đăng nhập ({{link}}) hoặc đặt lại mật khẩu ({{recoverLink}}). Nếu số định danh của bạn bị người khác đăng ký, hãy đăng nhập bằng tài khoản định danh điện tử quốc gia (VNeID) để lấy lại, hoặc đến Bộ phận Một cửa với căn cước công dân.
Nếu bạn không đăng ký, hãy bỏ qua thư này.',
 'DVC: Chua tao duoc tai khoan vi thong tin dang ky da gan voi mot tai khoan co san. Neu la ban, hay dang nhap hoac dat lai mat khau.'),
('REGISTRATION_NOT_CREATED', 'en', 1, 'No public services portal account was created',
 'Someone, perhaps you, just registered an account on the public services portal with this email address or phone number. No account was created, because the identification number, email or phone of the registration already belongs to an existing account.
If it is your account, sign in ({{link}}) or reset your password ({{recoverLink}}). If someone else registered your identification number, sign in with the national electronic identity (VNeID) to recover it, or come to the one-stop desk with your ID card.
If you did not register, ignore this message.',
 'eGov: no account was created: the details already belong to an account. If it is yours, sign in or reset your password.'),

('REGISTRATION_ATTEMPT_ON_ACCOUNT', 'vi', 1, 'Có người đăng ký tài khoản với thông tin của bạn',
 'Lúc {{attemptedAt}}, ai đó đã đăng ký một tài khoản Cổng dịch vụ công mới với số định danh, thư điện tử hoặc số điện thoại của tài khoản bạn. Không có tài khoản nào được tạo và tài khoản của bạn không thay đổi.
Nếu là bạn, bạn không cần làm gì thêm. Nếu không phải bạn, hãy đổi mật khẩu và liên hệ tổng đài hỗ trợ. Tài khoản của bạn: {{link}}',
 'DVC: Co nguoi dang ky tai khoan moi voi thong tin cua ban luc {{attemptedAt}}; khong tai khoan nao duoc tao.'),
('REGISTRATION_ATTEMPT_ON_ACCOUNT', 'en', 1, 'Someone registered with your details',
 'At {{attemptedAt}}, someone registered a new public services portal account with the identification number, email or phone number of your account. No account was created and yours did not change.
If it was you, nothing more is needed. If not, change your password and call the help desk. Your account: {{link}}',
 'eGov: someone registered a new account with your details at {{attemptedAt}}; no account was created.');
