-- Security notices (one-time codes, contact changed), officers of the receiving agency of a transfer,
-- delivery receipts (DELIVERED), forward-only status enforced by the database, and operator retries.

-- ------------------------------------------------------------------ kinds and templates
-- Security notices are mandatory: sent whatever the person's preferences say. The audience APPLICANT
-- means "the person the event is about" (for identity events, the account holder).
insert into event_kind (kind, event_type, mandatory) values
    ('CONTACT_VERIFICATION', 'vn.egov.identity.contact-verification-requested.v1', true),
    ('CONTACT_CHANGED',      'vn.egov.identity.contact-changed.v1',                true);
-- a transferred dossier is a new dossier to receive for the officers of the agency it was sent to
insert into event_kind (kind, event_type, audience) values
    ('OFFICER_DOSSIER_TRANSFERRED', 'vn.egov.dossier.transferred.v1', 'AGENCY_OFFICERS');

-- Placeholders: code, expiresAt (HH:mm dd/MM/yyyy, Vietnam time); emailChanged / phoneChanged
-- (sections), changedAt, link. The code itself is never stored in clear: see delivery.sealed.
insert into template (kind, language, version, title, body, sms) values
('CONTACT_VERIFICATION', 'vi', 1, 'Mã xác thực Cổng dịch vụ công',
 'Mã xác thực của bạn là {{code}}. Mã chỉ dùng một lần và có hiệu lực đến {{expiresAt}}. Nhập mã này trên Cổng dịch vụ công để hoàn tất việc thay đổi thông tin liên hệ.
Không chia sẻ mã này với bất kỳ ai, kể cả người tự xưng là cán bộ. Nếu bạn không yêu cầu thay đổi, hãy bỏ qua tin này.',
 'DVC: Ma xac thuc cua ban la {{code}}, hieu luc den {{expiresAt}}. Khong chia se ma nay voi bat ky ai.'),
('CONTACT_VERIFICATION', 'en', 1, 'Your public services portal verification code',
 'Your verification code is {{code}}. It can be used once and is valid until {{expiresAt}}. Enter it on the portal to finish changing your contact details.
Never share this code with anyone, even someone who says they are an official. If you did not ask for a change, ignore this message.',
 'eGov: your verification code is {{code}}, valid until {{expiresAt}}. Never share it.'),

('CONTACT_CHANGED', 'vi', 1, 'Thông tin liên hệ của tài khoản đã thay đổi',
 '{{#emailChanged}}Địa chỉ email{{/emailChanged}}{{#phoneChanged}}Số điện thoại{{/phoneChanged}} nhận thông báo của tài khoản Cổng dịch vụ công đã được thay đổi lúc {{changedAt}}. Nếu chính bạn thực hiện, bạn không cần làm gì thêm.
Nếu không phải bạn, hãy đổi mật khẩu ngay và liên hệ tổng đài hỗ trợ. Xem tài khoản: {{link}}',
 'DVC: {{#emailChanged}}Email{{/emailChanged}}{{#phoneChanged}}So dien thoai{{/phoneChanged}} cua tai khoan da thay doi luc {{changedAt}}. Neu khong phai ban, hay doi mat khau va lien he tong dai ho tro.'),
('CONTACT_CHANGED', 'en', 1, 'Your account''s contact details changed',
 'The {{#emailChanged}}email address{{/emailChanged}}{{#phoneChanged}}phone number{{/phoneChanged}} of your public services portal account was changed at {{changedAt}}. If it was you, nothing more is needed.
If it was not you, change your password now and call the help desk. Your account: {{link}}',
 'eGov: your account''s {{#emailChanged}}email{{/emailChanged}}{{#phoneChanged}}phone number{{/phoneChanged}} changed at {{changedAt}}. Not you? Change your password and call the help desk.'),

('OFFICER_DOSSIER_TRANSFERRED', 'vi', 1, 'Hồ sơ {{dossierCode}} được chuyển đến, chờ tiếp nhận',
 'Hồ sơ {{dossierCode}} ({{procedureName}}) đã được chuyển đến {{agencyName}} để giải quyết liên thông.{{#reason}} Lý do: {{reason}}.{{/reason}} Hồ sơ đang chờ cán bộ một cửa tiếp nhận. Hạn trả kết quả: {{dueDate}}.
Xử lý tại: {{link}}',
 'DVC: Ho so {{dossierCode}} duoc chuyen den, cho tiep nhan.'),
('OFFICER_DOSSIER_TRANSFERRED', 'en', 1, 'Dossier {{dossierCode}} transferred to you, to receive',
 'Dossier {{dossierCode}} ({{procedureName}}) was transferred to {{agencyName}}.{{#reason}} Reason: {{reason}}.{{/reason}} It waits for a one-stop officer to receive it. Due: {{dueDate}}.
Handle it: {{link}}',
 'eGov: dossier {{dossierCode}} transferred to you, to receive.');

-- ------------------------------------------------------------------ deliveries
alter table delivery drop constraint delivery_status_check;
alter table delivery add constraint delivery_status_check
    check (status in ('PENDING', 'SENT', 'DELIVERED', 'FAILED', 'SKIPPED'));

-- Why a delivery exists: the notice to the person's contacts; the copy of a security notice to the
-- contact that was replaced; a one-time code to a destination not yet confirmed. One of each per event,
-- recipient and channel.
alter table delivery add column purpose text not null default 'NOTICE'
    check (purpose in ('NOTICE', 'PREVIOUS_CONTACT', 'ONE_TIME_CODE'));
alter table delivery drop constraint delivery_event_id_recipient_subject_channel_key;
alter table delivery add constraint delivery_once unique (event_id, recipient_subject, channel, purpose);

-- sealed: text_body/html_body are AES-GCM ciphertext (they hold a one-time code) and are wiped once the
-- delivery is final; expires_at: not sent after this (a late code is useless).
alter table delivery add column sealed boolean not null default false;
alter table delivery add column expires_at timestamptz;
alter table delivery add column delivered_at timestamptz;
alter table delivery add column failed_at timestamptz;
-- the last operator retry (who and when); every retry is also a row of delivery_retry
alter table delivery add column retried_by text;
alter table delivery add column retried_at timestamptz;
-- the per-recipient rate limit counts what was sent lately, whatever happened after (DELIVERED, or
-- FAILED on a receipt); one-time codes are counted per destination (a number not yet the person's)
drop index delivery_recent;
create index delivery_recent on delivery (recipient_subject, channel, sent_at) where sent_at is not null;
create index delivery_recent_codes on delivery (destination, channel, sent_at)
    where sent_at is not null and purpose = 'ONE_TIME_CODE';
-- receipts name the gateway's id
create index delivery_provider on delivery (provider_id) where provider_id is not null;
create index delivery_status_created on delivery (status, created_at desc);

-- The state machine as data: a status change not listed here is refused by the trigger below, so no
-- code path (or hand-written SQL) can move a delivery backwards.
create table delivery_transition (
    from_status text not null,
    to_status   text not null,
    why         text not null,
    primary key (from_status, to_status)
);
insert into delivery_transition (from_status, to_status, why) values
    ('PENDING', 'SENT',      'the channel accepted the message'),
    ('PENDING', 'FAILED',    'last attempt failed, permanent refusal, or expired'),
    ('PENDING', 'SKIPPED',   'no address for the channel'),
    ('SENT',    'DELIVERED', 'the SMS gateway reported delivery to the handset'),
    ('SENT',    'FAILED',    'the SMS gateway reported the message undeliverable'),
    ('FAILED',  'PENDING',   'an operator retried it (recorded in delivery_retry)');

create function delivery_status_forward() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from delivery_transition where from_status = old.status and to_status = new.status) then
        raise exception 'delivery % cannot move from % to %', old.id, old.status, new.status
            using errcode = 'check_violation';
    end if;
    if old.status = 'FAILED' and (new.retried_by is null or new.retried_at is not distinct from old.retried_at) then
        raise exception 'delivery % can leave FAILED only by an operator retry', old.id
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;
create trigger delivery_status_forward before update of status on delivery
    for each row when (old.status is distinct from new.status) execute function delivery_status_forward();

-- Operator retries of failed deliveries: who, when, and the error the delivery had.
create table delivery_retry (
    id             uuid primary key,
    delivery_id    uuid        not null references delivery (id),
    retried_by     text        not null,
    retried_at     timestamptz not null,
    previous_error text
);
create index delivery_retry_delivery on delivery_retry (delivery_id);
