-- Issue 14 item 4 (decision 50): a dossier due soon (vn.egov.dossier.due-soon.v1, published once per dossier and due
-- date by dossier-service's check, by default one working day ahead) is told to the agency's staff, like the overdue
-- notice (V6): its officers and approvers and its administrator, in the inbox and by email. Not the applicant.
insert into event_kind (kind, event_type, audience) values
    ('OFFICER_DOSSIER_DUE_SOON', 'vn.egov.dossier.due-soon.v1', 'AGENCY_STAFF');

insert into template (kind, language, version, title, body, sms) values
('OFFICER_DOSSIER_DUE_SOON', 'vi', 1, 'Hồ sơ {{dossierCode}} sắp đến hạn trả kết quả',
 'Hồ sơ {{dossierCode}} ({{procedureName}}) của {{agencyName}} có ngày hẹn trả kết quả {{dueDate}} và chưa có kết quả. Hãy hoàn thành trước hạn; nếu không kịp, lập Văn bản xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) gửi người nộp hồ sơ trước ngày hẹn.
Xử lý tại: {{link}}',
 'DVC: Ho so {{dossierCode}} sap den han tra ket qua ({{dueDate}}).'),
('OFFICER_DOSSIER_DUE_SOON', 'en', 1, 'Dossier {{dossierCode}} is due soon',
 'Dossier {{dossierCode}} ({{procedureName}}) of {{agencyName}} is due on {{dueDate}} and has no result yet. Finish it before then; if that is not possible, issue the apology with a new appointment date (Form 04) to the applicant before the due date.
Handle it at: {{link}}',
 'eGov: dossier {{dossierCode}} is due soon ({{dueDate}}).');
