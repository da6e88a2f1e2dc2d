-- Issue 15: "forms are part of the dossier's documents (citizen and officers download them; notices link to
-- them)". Each notice of a step that issues an official form of Thông tư 03/2025 (Mẫu 01 receipt, 02 supplement
-- request, 03 refusal, 04 apology with a new date, 05 stop of processing) links to that form's PDF on the
-- citizen's dossier page ({{formLink}}: <portal>/ho-so/<code>/mau/<nn>, behind the citizen's sign-in; set by the
-- listener for these event types only). The earlier wordings stay as version 1 (the record of what was sent).
-- Stopping the processing (Mẫu 05) and sending the result by post were told to nobody: the applicant now hears
-- of both.
insert into event_kind (kind, event_type) values
    ('DOSSIER_STOPPED',       'vn.egov.dossier.stopped.v1'),
    ('DOSSIER_RESULT_POSTED', 'vn.egov.dossier.result-posted.v1');

insert into template (kind, language, version, title, body, sms) values
('DOSSIER_RECEIVED', 'vi', 2, 'Hồ sơ {{dossierCode}} đã được tiếp nhận',
 'Hồ sơ {{dossierCode}} ({{procedureName}}) đã được {{agencyName}} tiếp nhận. Ngày hẹn trả kết quả: {{dueDate}}. Bạn không cần làm gì thêm; chúng tôi sẽ báo khi có kết quả.{{#formLink}}
Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01): {{formLink}}{{/formLink}}
Theo dõi hồ sơ: {{link}}',
 'DVC: Ho so {{dossierCode}} da duoc tiep nhan. Hen tra ket qua {{dueDate}}.'),
('DOSSIER_RECEIVED', 'en', 2, 'Dossier {{dossierCode}} received',
 'Your dossier {{dossierCode}} ({{procedureName}}) was received by {{agencyName}}. Appointment date for the result: {{dueDate}}. Nothing more is needed from you; we will tell you when the result is ready.{{#formLink}}
Receipt and appointment slip (Form 01): {{formLink}}{{/formLink}}
Track it: {{link}}',
 'eGov: dossier {{dossierCode}} received. Result due {{dueDate}}.'),

('DOSSIER_SUPPLEMENT_REQUESTED', 'vi', 2, 'Hồ sơ {{dossierCode}} cần bổ sung',
 'Cơ quan đề nghị bổ sung hồ sơ {{dossierCode}} ({{procedureName}}).{{#reason}} Lý do: {{reason}}.{{/reason}}{{#missingDocuments}} Giấy tờ cần bổ sung: {{missingDocuments}}.{{/missingDocuments}} Vui lòng tải lên giấy tờ bổ sung; thời gian chờ bổ sung không tính vào thời hạn giải quyết.{{#formLink}}
Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu số 02): {{formLink}}{{/formLink}}
Bổ sung tại: {{link}}',
 'DVC: Ho so {{dossierCode}} can bo sung giay to. Vui long xem chi tiet tren Cong DVC.'),
('DOSSIER_SUPPLEMENT_REQUESTED', 'en', 2, 'Dossier {{dossierCode}} needs more documents',
 'The agency asks you to complete dossier {{dossierCode}} ({{procedureName}}).{{#reason}} Reason: {{reason}}.{{/reason}}{{#missingDocuments}} Documents needed: {{missingDocuments}}.{{/missingDocuments}} Please upload them; the time you take does not count against the deadline.{{#formLink}}
Request to complete the dossier (Form 02): {{formLink}}{{/formLink}}
Upload here: {{link}}',
 'eGov: dossier {{dossierCode}} needs more documents. See the portal for details.'),

('DOSSIER_REJECTED', 'vi', 2, 'Hồ sơ {{dossierCode}} không được giải quyết',
 'Hồ sơ {{dossierCode}} ({{procedureName}}) đã bị từ chối.{{#reason}} Lý do: {{reason}}.{{/reason}} Bạn có thể nộp hồ sơ mới sau khi khắc phục; lệ phí đã nộp (nếu có) được hoàn theo quy định.{{#formLink}}
Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu số 03): {{formLink}}{{/formLink}}
Xem chi tiết: {{link}}',
 'DVC: Ho so {{dossierCode}} bi tu choi. Xem ly do tren Cong DVC.'),
('DOSSIER_REJECTED', 'en', 2, 'Dossier {{dossierCode}} rejected',
 'Your dossier {{dossierCode}} ({{procedureName}}) was rejected.{{#reason}} Reason: {{reason}}.{{/reason}} You may submit a new dossier once this is fixed; any fee paid is refunded as the rules say.{{#formLink}}
Refusal slip (Form 03): {{formLink}}{{/formLink}}
Details: {{link}}',
 'eGov: dossier {{dossierCode}} rejected. See the reason on the portal.'),

('DOSSIER_DEADLINE_EXTENDED', 'vi', 2, 'Xin lỗi và hẹn lại ngày trả kết quả hồ sơ {{dossierCode}}',
 'Cơ quan xin lỗi vì hồ sơ {{dossierCode}} ({{procedureName}}) không thể có kết quả đúng hẹn.{{#reason}} Lý do: {{reason}}.{{/reason}} Ngày hẹn trả kết quả mới: {{dueDate}}.{{#formLink}}
Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (Mẫu số 04): {{formLink}}{{/formLink}}
Theo dõi hồ sơ: {{link}}',
 'DVC: Xin loi, ho so {{dossierCode}} hen lai ngay tra ket qua {{dueDate}}.'),
('DOSSIER_DEADLINE_EXTENDED', 'en', 2, 'Apology and new appointment date for dossier {{dossierCode}}',
 'The agency apologises: dossier {{dossierCode}} ({{procedureName}}) cannot be resolved on time.{{#reason}} Reason: {{reason}}.{{/reason}} New appointment date: {{dueDate}}.{{#formLink}}
Letter of apology and new appointment date (Form 04): {{formLink}}{{/formLink}}
Track it: {{link}}',
 'eGov: sorry, dossier {{dossierCode}} result now due {{dueDate}}.'),

('DOSSIER_STOPPED', 'vi', 1, 'Dừng giải quyết hồ sơ {{dossierCode}}',
 'Cơ quan thông báo dừng giải quyết hồ sơ {{dossierCode}} ({{procedureName}}) của bạn.{{#reason}} Lý do: {{reason}}.{{/reason}} Lệ phí đã nộp (nếu có) được xử lý theo quy định.{{#formLink}}
Thông báo dừng giải quyết hồ sơ (Mẫu số 05): {{formLink}}{{/formLink}}
Xem chi tiết: {{link}}',
 'DVC: Ho so {{dossierCode}} da dung giai quyet. Xem ly do tren Cong DVC.'),
('DOSSIER_STOPPED', 'en', 1, 'Processing of dossier {{dossierCode}} stopped',
 'The agency has stopped processing your dossier {{dossierCode}} ({{procedureName}}).{{#reason}} Reason: {{reason}}.{{/reason}} Any fee paid is handled as the rules say.{{#formLink}}
Notice of stopped processing (Form 05): {{formLink}}{{/formLink}}
Details: {{link}}',
 'eGov: processing of dossier {{dossierCode}} stopped. See the reason on the portal.'),

('DOSSIER_RESULT_POSTED', 'vi', 1, 'Kết quả hồ sơ {{dossierCode}} đã được gửi qua bưu chính',
 'Kết quả của hồ sơ {{dossierCode}} ({{procedureName}}) đã được {{agencyName}} gửi đến bạn qua dịch vụ bưu chính. Số vận đơn và ngày gửi có trên trang hồ sơ.
Xem chi tiết: {{link}}',
 'DVC: Ket qua ho so {{dossierCode}} da duoc gui qua buu chinh.'),
('DOSSIER_RESULT_POSTED', 'en', 1, 'Result of dossier {{dossierCode}} sent by post',
 'The result of dossier {{dossierCode}} ({{procedureName}}) was sent to you by post by {{agencyName}}. The tracking number and posting date are on the dossier''s page.
Details: {{link}}',
 'eGov: result of dossier {{dossierCode}} sent by post.');
