-- Decision 51: an online dossier still not received past its receipt limit (vn.egov.dossier.receipt-overdue.v1,
-- published once per dossier by dossier-service's check) is told to the agency's staff — officers, approvers and
-- the administrator — in the inbox and by email, like the due-soon and overdue notices. Not the applicant.
insert into event_kind (kind, event_type, audience) values
    ('OFFICER_DOSSIER_RECEIPT_OVERDUE', 'vn.egov.dossier.receipt-overdue.v1', 'AGENCY_STAFF');

insert into template (kind, language, version, title, body, sms) values
('OFFICER_DOSSIER_RECEIPT_OVERDUE', 'vi', 1, 'Hồ sơ {{dossierCode}} chưa được tiếp nhận quá hạn',
 'Hồ sơ trực tuyến {{dossierCode}} ({{procedureName}}) gửi {{agencyName}} đã quá thời hạn tiếp nhận mà chưa được tiếp nhận. Hãy kiểm tra và tiếp nhận, yêu cầu bổ sung hoặc từ chối ngay.
Xử lý tại: {{link}}',
 'DVC: Ho so {{dossierCode}} chua duoc tiep nhan qua han.'),
('OFFICER_DOSSIER_RECEIPT_OVERDUE', 'en', 1, 'Dossier {{dossierCode}} is waiting to be received past its limit',
 'Online dossier {{dossierCode}} ({{procedureName}}) sent to {{agencyName}} is past its receipt limit and has not been received. Check it and receive it, ask for a supplement or refuse it now.
Handle it at: {{link}}',
 'eGov: dossier {{dossierCode}} has not been received in time.');
