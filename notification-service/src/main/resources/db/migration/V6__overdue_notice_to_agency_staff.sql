-- Issue 14 item 4, "who is told": a dossier past its due date (vn.egov.dossier.overdue.v1, published once per
-- dossier and due date by dossier-service's overdue check) is told to the agency's staff: its officers and
-- approvers and its administrator (AGENCY_ADMIN), in the inbox and by email. The applicant is not told of the
-- overdue itself; they hear of the apology and the new date (deadline-extended) as before.
alter table event_kind drop constraint event_kind_audience_check;
alter table event_kind add constraint event_kind_audience_check
    check (audience in ('APPLICANT', 'AGENCY_OFFICERS', 'AGENCY_STAFF'));

insert into event_kind (kind, event_type, audience) values
    ('OFFICER_DOSSIER_OVERDUE', 'vn.egov.dossier.overdue.v1', 'AGENCY_STAFF');

insert into template (kind, language, version, title, body, sms) values
('OFFICER_DOSSIER_OVERDUE', 'vi', 1, 'Hồ sơ {{dossierCode}} đã quá hạn giải quyết',
 'Hồ sơ {{dossierCode}} ({{procedureName}}) của {{agencyName}} đã quá ngày hẹn trả kết quả {{dueDate}} mà chưa có kết quả. Hãy giải quyết ngay; nếu cần thêm thời gian, lập Văn bản xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) gửi người nộp hồ sơ.
Xử lý tại: {{link}}',
 'DVC: Ho so {{dossierCode}} da qua han giai quyet ({{dueDate}}).'),
('OFFICER_DOSSIER_OVERDUE', 'en', 1, 'Dossier {{dossierCode}} is overdue',
 'Dossier {{dossierCode}} ({{procedureName}}) of {{agencyName}} passed its appointment date {{dueDate}} without a result. Resolve it now; if more time is needed, issue the apology with a new appointment date (Form 04) to the applicant.
Handle it at: {{link}}',
 'eGov: dossier {{dossierCode}} is overdue (due {{dueDate}}).');
