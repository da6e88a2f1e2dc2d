-- Notices from platform events: the kinds (reference data), their templates, who to send to, what each
-- person wants, and one tracked delivery per event, recipient and channel.

-- What people are told about: an event type and who hears of it (the dossier's applicant, or the
-- officers of the dossier's agency). Mandatory kinds ignore opt-outs (security notices).
create table event_kind (
    kind       text primary key,
    event_type text not null,
    audience   text not null default 'APPLICANT' check (audience in ('APPLICANT', 'AGENCY_OFFICERS')),
    mandatory  boolean not null default false,
    unique (event_type, audience)
);
insert into event_kind (kind, event_type) values
    ('DOSSIER_SUBMITTED',            'vn.egov.dossier.submitted.v1'),
    ('DOSSIER_RECEIVED',             'vn.egov.dossier.received.v1'),
    ('DOSSIER_SUPPLEMENT_REQUESTED', 'vn.egov.dossier.supplement-requested.v1'),
    ('DOSSIER_SUPPLEMENTED',         'vn.egov.dossier.supplemented.v1'),
    ('DOSSIER_FORWARDED',            'vn.egov.dossier.forwarded.v1'),
    ('DOSSIER_RESOLVED',             'vn.egov.dossier.resolved.v1'),
    ('DOSSIER_REJECTED',             'vn.egov.dossier.rejected.v1'),
    ('DOSSIER_RESULT_RETURNED',      'vn.egov.dossier.result-returned.v1'),
    ('DOSSIER_TRANSFERRED',          'vn.egov.dossier.transferred.v1'),
    ('DOSSIER_WITHDRAWN',            'vn.egov.dossier.withdrawn.v1'),
    ('DOSSIER_DEADLINE_EXTENDED',    'vn.egov.dossier.deadline-extended.v1'),
    ('PAYMENT_SUCCEEDED',            'vn.egov.payment.succeeded.v1'),
    ('CITIZEN_REGISTERED',           'vn.egov.identity.citizen-registered.v1');
insert into event_kind (kind, event_type, audience) values
    ('OFFICER_DOSSIER_SUBMITTED',    'vn.egov.dossier.submitted.v1',    'AGENCY_OFFICERS'),
    ('OFFICER_DOSSIER_SUPPLEMENTED', 'vn.egov.dossier.supplemented.v1', 'AGENCY_OFFICERS');

-- Mustache templates per kind and language, versioned: the highest active version is used, so a new
-- wording is a new row (the old one stays as the record of what was sent). title = inbox title and
-- email subject; body = inbox text and email body (HTML-escaped for email); sms = the SMS text.
-- Placeholders: dossierCode, procedureName, agencyName, dueDate (dd/MM/yyyy), reason, missingDocuments,
-- amount (formatted VND), receiptNumber, paidAt, fullName, link. Never an identity number.
create table template (
    kind       text    not null references event_kind (kind),
    language   text    not null check (language in ('vi', 'en')),
    version    integer not null,
    title      text    not null,
    body       text    not null,
    sms        text    not null,
    active     boolean not null default true,
    created_at timestamptz not null default now(),
    primary key (kind, language, version)
);

insert into template (kind, language, version, title, body, sms) values
('DOSSIER_SUBMITTED', 'vi', 1, 'Đã nộp hồ sơ {{dossierCode}}',
 'Hồ sơ {{dossierCode}} ({{procedureName}}) của bạn đã được nộp và đang chờ cơ quan tiếp nhận.{{#amount}} Lệ phí: {{amount}}; vui lòng thanh toán để hồ sơ được tiếp nhận.{{/amount}}
Theo dõi hồ sơ: {{link}}',
 'DVC: Ho so {{dossierCode}} da duoc nop, dang cho tiep nhan.'),
('DOSSIER_SUBMITTED', 'en', 1, 'Dossier {{dossierCode}} submitted',
 'Your dossier {{dossierCode}} ({{procedureName}}) was submitted and is waiting to be received.{{#amount}} Fee: {{amount}}; please pay it so the dossier can be received.{{/amount}}
Track it: {{link}}',
 'eGov: dossier {{dossierCode}} submitted, awaiting receipt.'),

('DOSSIER_RECEIVED', 'vi', 1, 'Hồ sơ {{dossierCode}} đã được tiếp nhận',
 'Hồ sơ {{dossierCode}} ({{procedureName}}) đã được {{agencyName}} tiếp nhận. Ngày hẹn trả kết quả: {{dueDate}}. Bạn không cần làm gì thêm; chúng tôi sẽ báo khi có kết quả.
Theo dõi hồ sơ: {{link}}',
 'DVC: Ho so {{dossierCode}} da duoc tiep nhan. Hen tra ket qua {{dueDate}}.'),
('DOSSIER_RECEIVED', 'en', 1, 'Dossier {{dossierCode}} received',
 'Your dossier {{dossierCode}} ({{procedureName}}) was received by {{agencyName}}. Appointment date for the result: {{dueDate}}. Nothing more is needed from you; we will tell you when the result is ready.
Track it: {{link}}',
 'eGov: dossier {{dossierCode}} received. Result due {{dueDate}}.'),

('DOSSIER_SUPPLEMENT_REQUESTED', 'vi', 1, 'Hồ sơ {{dossierCode}} cần bổ sung',
 'Cơ quan đề nghị bổ sung hồ sơ {{dossierCode}} ({{procedureName}}).{{#reason}} Lý do: {{reason}}.{{/reason}}{{#missingDocuments}} Giấy tờ cần bổ sung: {{missingDocuments}}.{{/missingDocuments}} Vui lòng tải lên giấy tờ bổ sung; thời gian chờ bổ sung không tính vào thời hạn giải quyết.
Bổ sung tại: {{link}}',
 'DVC: Ho so {{dossierCode}} can bo sung giay to. Vui long xem chi tiet tren Cong DVC.'),
('DOSSIER_SUPPLEMENT_REQUESTED', 'en', 1, 'Dossier {{dossierCode}} needs more documents',
 'The agency asks you to complete dossier {{dossierCode}} ({{procedureName}}).{{#reason}} Reason: {{reason}}.{{/reason}}{{#missingDocuments}} Documents needed: {{missingDocuments}}.{{/missingDocuments}} Please upload them; the time you take does not count against the deadline.
Upload here: {{link}}',
 'eGov: dossier {{dossierCode}} needs more documents. See the portal for details.'),

('DOSSIER_SUPPLEMENTED', 'vi', 1, 'Đã nhận giấy tờ bổ sung hồ sơ {{dossierCode}}',
 'Giấy tờ bổ sung của hồ sơ {{dossierCode}} đã được nhận; hồ sơ tiếp tục được xử lý. Ngày hẹn trả kết quả: {{dueDate}}.
Theo dõi hồ sơ: {{link}}',
 'DVC: Da nhan bo sung ho so {{dossierCode}}. Hen tra ket qua {{dueDate}}.'),
('DOSSIER_SUPPLEMENTED', 'en', 1, 'Supplement to dossier {{dossierCode}} received',
 'The documents you supplied for dossier {{dossierCode}} were received; processing continues. Appointment date: {{dueDate}}.
Track it: {{link}}',
 'eGov: supplement to {{dossierCode}} received. Result due {{dueDate}}.'),

('DOSSIER_FORWARDED', 'vi', 1, 'Hồ sơ {{dossierCode}} đang được xử lý',
 'Hồ sơ {{dossierCode}} ({{procedureName}}) đã được chuyển đến bộ phận chuyên môn để giải quyết. Ngày hẹn trả kết quả: {{dueDate}}.
Theo dõi hồ sơ: {{link}}',
 'DVC: Ho so {{dossierCode}} dang duoc giai quyet. Hen tra ket qua {{dueDate}}.'),
('DOSSIER_FORWARDED', 'en', 1, 'Dossier {{dossierCode}} in processing',
 'Your dossier {{dossierCode}} ({{procedureName}}) was forwarded to the specialists. Appointment date: {{dueDate}}.
Track it: {{link}}',
 'eGov: dossier {{dossierCode}} in processing. Result due {{dueDate}}.'),

('DOSSIER_RESOLVED', 'vi', 1, 'Hồ sơ {{dossierCode}} đã có kết quả',
 'Hồ sơ {{dossierCode}} ({{procedureName}}) đã được giải quyết. Kết quả sẽ được trả cho bạn; xem chi tiết và nhận kết quả tại: {{link}}',
 'DVC: Ho so {{dossierCode}} da co ket qua. Xem tren Cong DVC.'),
('DOSSIER_RESOLVED', 'en', 1, 'Dossier {{dossierCode}} resolved',
 'Your dossier {{dossierCode}} ({{procedureName}}) was resolved. See the details and collect the result at: {{link}}',
 'eGov: dossier {{dossierCode}} resolved. See the portal.'),

('DOSSIER_REJECTED', 'vi', 1, 'Hồ sơ {{dossierCode}} không được giải quyết',
 'Hồ sơ {{dossierCode}} ({{procedureName}}) đã bị từ chối.{{#reason}} Lý do: {{reason}}.{{/reason}} Bạn có thể nộp hồ sơ mới sau khi khắc phục; lệ phí đã nộp (nếu có) được hoàn theo quy định.
Xem chi tiết: {{link}}',
 'DVC: Ho so {{dossierCode}} bi tu choi. Xem ly do tren Cong DVC.'),
('DOSSIER_REJECTED', 'en', 1, 'Dossier {{dossierCode}} rejected',
 'Your dossier {{dossierCode}} ({{procedureName}}) was rejected.{{#reason}} Reason: {{reason}}.{{/reason}} You may submit a new dossier once this is fixed; any fee paid is refunded as the rules say.
Details: {{link}}',
 'eGov: dossier {{dossierCode}} rejected. See the reason on the portal.'),

('DOSSIER_RESULT_RETURNED', 'vi', 1, 'Đã trả kết quả hồ sơ {{dossierCode}}',
 'Kết quả của hồ sơ {{dossierCode}} ({{procedureName}}) đã được trả và lưu trong kho dữ liệu cá nhân của bạn. Mời bạn đánh giá mức độ hài lòng với dịch vụ.
Xem kết quả và đánh giá: {{link}}',
 'DVC: Da tra ket qua ho so {{dossierCode}}. Moi danh gia dich vu tren Cong DVC.'),
('DOSSIER_RESULT_RETURNED', 'en', 1, 'Result of dossier {{dossierCode}} returned',
 'The result of dossier {{dossierCode}} ({{procedureName}}) was returned and is in your personal document store. Please rate the service.
See it and rate: {{link}}',
 'eGov: result of {{dossierCode}} returned. Please rate the service on the portal.'),

('DOSSIER_TRANSFERRED', 'vi', 1, 'Hồ sơ {{dossierCode}} được chuyển cơ quan',
 'Hồ sơ {{dossierCode}} ({{procedureName}}) đã được chuyển đến {{agencyName}} để giải quyết liên thông.{{#reason}} Lý do: {{reason}}.{{/reason}} Ngày hẹn trả kết quả: {{dueDate}}.
Theo dõi hồ sơ: {{link}}',
 'DVC: Ho so {{dossierCode}} da chuyen co quan giai quyet. Hen tra ket qua {{dueDate}}.'),
('DOSSIER_TRANSFERRED', 'en', 1, 'Dossier {{dossierCode}} transferred',
 'Your dossier {{dossierCode}} ({{procedureName}}) was transferred to {{agencyName}}.{{#reason}} Reason: {{reason}}.{{/reason}} Appointment date: {{dueDate}}.
Track it: {{link}}',
 'eGov: dossier {{dossierCode}} transferred. Result due {{dueDate}}.'),

('DOSSIER_WITHDRAWN', 'vi', 1, 'Đã rút hồ sơ {{dossierCode}}',
 'Hồ sơ {{dossierCode}} ({{procedureName}}) đã được rút theo yêu cầu của bạn. Lệ phí đã nộp (nếu có) được hoàn theo quy định.
Xem chi tiết: {{link}}',
 'DVC: Ho so {{dossierCode}} da duoc rut.'),
('DOSSIER_WITHDRAWN', 'en', 1, 'Dossier {{dossierCode}} withdrawn',
 'Your dossier {{dossierCode}} ({{procedureName}}) was withdrawn as you asked. Any fee paid is refunded as the rules say.
Details: {{link}}',
 'eGov: dossier {{dossierCode}} withdrawn.'),

('DOSSIER_DEADLINE_EXTENDED', 'vi', 1, 'Xin lỗi và hẹn lại ngày trả kết quả hồ sơ {{dossierCode}}',
 'Cơ quan xin lỗi vì hồ sơ {{dossierCode}} ({{procedureName}}) không thể có kết quả đúng hẹn.{{#reason}} Lý do: {{reason}}.{{/reason}} Ngày hẹn trả kết quả mới: {{dueDate}}.
Theo dõi hồ sơ: {{link}}',
 'DVC: Xin loi, ho so {{dossierCode}} hen lai ngay tra ket qua {{dueDate}}.'),
('DOSSIER_DEADLINE_EXTENDED', 'en', 1, 'Apology and new appointment date for dossier {{dossierCode}}',
 'The agency apologises: dossier {{dossierCode}} ({{procedureName}}) cannot be resolved on time.{{#reason}} Reason: {{reason}}.{{/reason}} New appointment date: {{dueDate}}.
Track it: {{link}}',
 'eGov: sorry, dossier {{dossierCode}} result now due {{dueDate}}.'),

('PAYMENT_SUCCEEDED', 'vi', 1, 'Biên lai thanh toán lệ phí hồ sơ {{dossierCode}}',
 'Bạn đã thanh toán {{amount}} lệ phí hồ sơ {{dossierCode}} lúc {{paidAt}}. Số biên lai điện tử: {{receiptNumber}}. Hồ sơ sẽ được cơ quan tiếp nhận và xử lý.
Xem biên lai: {{link}}',
 'DVC: Da thanh toan {{amount}} cho ho so {{dossierCode}}. Bien lai {{receiptNumber}}.'),
('PAYMENT_SUCCEEDED', 'en', 1, 'Receipt for the fee of dossier {{dossierCode}}',
 'You paid {{amount}} for dossier {{dossierCode}} at {{paidAt}}. E-receipt number: {{receiptNumber}}. The agency will now receive and process the dossier.
See the receipt: {{link}}',
 'eGov: paid {{amount}} for dossier {{dossierCode}}. Receipt {{receiptNumber}}.'),

('CITIZEN_REGISTERED', 'vi', 1, 'Chào mừng bạn đến Cổng dịch vụ công',
 'Xin chào {{fullName}}, tài khoản của bạn đã được tạo. Bạn có thể tra cứu thủ tục và nộp hồ sơ trực tuyến ngay; hãy xác thực danh tính để dùng các dịch vụ cần mức định danh cao hơn.
Bắt đầu tại: {{link}}',
 'DVC: Tai khoan cua ban da duoc tao. Chao mung den Cong dich vu cong.'),
('CITIZEN_REGISTERED', 'en', 1, 'Welcome to the public services portal',
 'Hello {{fullName}}, your account was created. You can look up procedures and submit dossiers online now; verify your identity to use services that need a higher level of assurance.
Start here: {{link}}',
 'eGov: your account was created. Welcome to the public services portal.');

insert into template (kind, language, version, title, body, sms) values
('OFFICER_DOSSIER_SUBMITTED', 'vi', 1, 'Hồ sơ mới {{dossierCode}} chờ tiếp nhận',
 'Có hồ sơ mới {{dossierCode}} ({{procedureName}}) nộp đến {{agencyName}}, đang chờ cán bộ một cửa kiểm tra và tiếp nhận.
Xử lý tại: {{link}}',
 'DVC: Ho so moi {{dossierCode}} cho tiep nhan.'),
('OFFICER_DOSSIER_SUBMITTED', 'en', 1, 'New dossier {{dossierCode}} to receive',
 'A new dossier {{dossierCode}} ({{procedureName}}) was submitted to {{agencyName}} and waits for a one-stop officer to check and receive it.
Handle it: {{link}}',
 'eGov: new dossier {{dossierCode}} to receive.'),
('OFFICER_DOSSIER_SUPPLEMENTED', 'vi', 1, 'Hồ sơ {{dossierCode}} đã được bổ sung',
 'Người nộp đã bổ sung giấy tờ cho hồ sơ {{dossierCode}} ({{procedureName}}); hồ sơ cần được tiếp tục xử lý. Hạn trả kết quả: {{dueDate}}.
Xử lý tại: {{link}}',
 'DVC: Ho so {{dossierCode}} da duoc bo sung, can tiep tuc xu ly.'),
('OFFICER_DOSSIER_SUPPLEMENTED', 'en', 1, 'Dossier {{dossierCode}} supplemented',
 'The applicant supplied the requested documents for dossier {{dossierCode}} ({{procedureName}}); processing should continue. Due: {{dueDate}}.
Handle it: {{link}}',
 'eGov: dossier {{dossierCode}} supplemented, continue processing.');

-- Officers per agency, fed by identity events (officer-created): who hears of their agency's dossiers.
create table agency_officer (
    subject     text primary key,
    agency_code text not null,
    role        text not null,
    updated_at  timestamptz not null default now()
);
create index agency_officer_agency on agency_officer (agency_code);

-- Contacts of a recipient, fed by identity events; language of their notices.
create table recipient_contact (
    subject    text primary key,
    full_name  text,
    email      text,
    phone      text,
    language   text not null default 'vi' check (language in ('vi', 'en')),
    updated_at timestamptz not null default now()
);

-- The applicant of each dossier seen on egov.dossier.events (payment events carry no subject).
create table dossier_recipient (
    dossier_code text primary key,
    subject      text not null,
    updated_at   timestamptz not null default now()
);

-- Opt-outs (and opt-ins) per person, kind and channel; no row = the default (on).
create table preference (
    subject text    not null,
    kind    text    not null references event_kind (kind),
    channel text    not null check (channel in ('EMAIL', 'SMS')),
    enabled boolean not null,
    primary key (subject, kind, channel)
);

-- One delivery per event, recipient and channel; status only moves forward:
-- PENDING -> SENT | FAILED, or SKIPPED at once (opted out, no contact) with the reason in last_error.
create table delivery (
    id                uuid primary key,
    event_id          text        not null,
    kind              text        not null,
    recipient_subject text        not null,
    channel           text        not null check (channel in ('INBOX', 'EMAIL', 'SMS')),
    status            text        not null check (status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    destination       text,
    title             text,
    text_body         text,
    html_body         text,
    attempts          integer     not null default 0,
    next_attempt_at   timestamptz not null default now(),
    last_error        text,
    provider_id       text,
    created_at        timestamptz not null default now(),
    sent_at           timestamptz,
    unique (event_id, recipient_subject, channel)
);
create index delivery_due on delivery (channel, next_attempt_at) where status = 'PENDING';
create index delivery_failed on delivery (created_at) where status = 'FAILED';
-- the per-recipient rate limit counts what a person was sent lately
create index delivery_recent on delivery (recipient_subject, channel, sent_at) where status = 'SENT';
