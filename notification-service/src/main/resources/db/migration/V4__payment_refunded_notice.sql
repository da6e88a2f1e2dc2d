-- The citizen is told when a fee is paid back (automatically after a withdrawal or a rejection before
-- processing, after a late payment, or by an officer): what happened, how much, and where to look.
insert into event_kind (kind, event_type) values
    ('PAYMENT_REFUNDED', 'vn.egov.payment.refunded.v1');

insert into template (kind, language, version, title, body, sms) values
('PAYMENT_REFUNDED', 'vi', 1, 'Hoàn trả lệ phí hồ sơ {{dossierCode}}',
 'Lệ phí {{amount}} của hồ sơ {{dossierCode}} (biên lai {{receiptNumber}}) đã được hoàn trả lúc {{refundedAt}} về tài khoản bạn đã dùng để thanh toán. Thời gian tiền về tài khoản tùy theo ngân hàng, thường trong 1 đến 7 ngày làm việc; nếu quá thời hạn này, hãy liên hệ cơ quan tiếp nhận hồ sơ.
Xem hồ sơ: {{link}}',
 'DVC: Da hoan tra {{amount}} le phi ho so {{dossierCode}}.'),
('PAYMENT_REFUNDED', 'en', 1, 'Fee of dossier {{dossierCode}} refunded',
 'The fee of {{amount}} for dossier {{dossierCode}} (receipt {{receiptNumber}}) was refunded at {{refundedAt}} to the account you paid from. Banks usually credit it within 1 to 7 working days; if it has not arrived by then, contact the agency that received the dossier.
See the dossier: {{link}}',
 'eGov: fee {{amount}} of dossier {{dossierCode}} refunded.');
