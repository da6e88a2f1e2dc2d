-- Once-only: form fields whose value the state already holds about the applicant are filled by the service when
-- the citizen leaves them out (and a client should not ask for them). prefill names the source.
alter table procedure_field add column prefill text
    check (prefill in ('APPLICANT_FULL_NAME', 'APPLICANT_DATE_OF_BIRTH', 'APPLICANT_SEX'));

insert into procedure_field (procedure_code, name, label_vi, label_en, type, required, options, max_length, position, prefill) values
    ('2.000908', 'applicantName', 'Họ, chữ đệm và tên người yêu cầu', 'Applicant''s full name', 'TEXT', true, null, 100, -3, 'APPLICANT_FULL_NAME'),
    ('2.000908', 'applicantDateOfBirth', 'Ngày, tháng, năm sinh', 'Applicant''s date of birth', 'DATE', true, null, null, -2, 'APPLICANT_DATE_OF_BIRTH'),
    ('2.000908', 'applicantSex', 'Giới tính', 'Applicant''s sex', 'SELECT', true, '{MALE,FEMALE}', null, -1, 'APPLICANT_SEX'),
    ('1.000894', 'applicantName', 'Họ, chữ đệm và tên người yêu cầu', 'Applicant''s full name', 'TEXT', true, null, 100, -2, 'APPLICANT_FULL_NAME'),
    ('1.000894', 'applicantDateOfBirth', 'Ngày, tháng, năm sinh', 'Applicant''s date of birth', 'DATE', true, null, null, -1, 'APPLICANT_DATE_OF_BIRTH');
