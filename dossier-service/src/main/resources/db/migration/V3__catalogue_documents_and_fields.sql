-- The catalogue grows to twelve procedures across commune, province and ministry agencies, with their
-- required documents and typed form fields. Codes and agency identifiers are realistic in shape;
-- fees follow the current fee circulars (whole VND).

-- A fee may depend on one choice in the form: fee_field names a SELECT field, fee_options maps its
-- options to the fee (options not listed fall back to fee_vnd).
alter table procedure add column fee_field text;
alter table procedure add column fee_options jsonb;

insert into procedure (code, name_vi, name_en, agency_code, agency_name, level, processing_days, fee_vnd, mode, required_loa, search_text) values
    ('1.004222', 'Đăng ký thường trú', 'Permanent residence registration', '000.00.21.H26', 'Công an phường Ba Đình', 'COMMUNE', 7, 0, 'FULL_ONLINE', 2, 'dang ky thuong tru permanent residence registration'),
    ('2.000575', 'Đăng ký thành lập hộ kinh doanh', 'Household business registration', '000.00.01.H26', 'Ủy ban nhân dân phường Ba Đình', 'COMMUNE', 3, 100000, 'FULL_ONLINE', 2, 'dang ky thanh lap ho kinh doanh household business registration'),
    ('1.002804', 'Đổi giấy phép lái xe', 'Driving licence renewal', '000.00.31.H26', 'Công an thành phố Hà Nội', 'PROVINCE', 5, 135000, 'FULL_ONLINE', 2, 'doi giay phep lai xe driving licence renewal'),
    ('1.003003', 'Đăng ký biến động quyền sử dụng đất', 'Land-use certificate change registration', '000.00.12.H26', 'Văn phòng đăng ký đất đai Hà Nội', 'PROVINCE', 10, 0, 'PARTIAL_ONLINE', 2, 'dang ky bien dong quyen su dung dat land use certificate change registration'),
    ('1.001022', 'Đăng ký khai tử', 'Death registration', '000.00.01.H26', 'Ủy ban nhân dân phường Ba Đình', 'COMMUNE', 1, 0, 'FULL_ONLINE', 1, 'dang ky khai tu death registration'),
    ('1.004873', 'Cấp giấy xác nhận tình trạng hôn nhân', 'Marital status certificate', '000.00.02.H26', 'Ủy ban nhân dân phường Hoàn Kiếm', 'COMMUNE', 3, 0, 'FULL_ONLINE', 2, 'cap giay xac nhan tinh trang hon nhan marital status certificate'),
    ('2.002163', 'Cấp hộ chiếu phổ thông', 'Ordinary passport issuance', '000.00.00.G01', 'Cục Quản lý xuất nhập cảnh - Bộ Công an', 'MINISTRY', 8, 200000, 'FULL_ONLINE', 2, 'cap ho chieu pho thong ordinary passport issuance'),
    ('1.010026', 'Đăng ký thành lập công ty TNHH một thành viên', 'Single-member limited company registration', '000.00.15.H26', 'Sở Tài chính thành phố Hà Nội', 'PROVINCE', 3, 50000, 'FULL_ONLINE', 2, 'dang ky thanh lap cong ty tnhh mot thanh vien single member limited company registration');

-- Judicial record certificate: 200,000 VND, half for students and people with merit (Circular 244/2016/TT-BTC).
update procedure set fee_field = 'applicantCategory', fee_options = '{"STANDARD": 200000, "STUDENT_OR_MERIT": 100000}'
 where code = '2.000908';

create table procedure_document (
    procedure_code text    not null references procedure (code),
    code           text    not null,
    name_vi        text    not null,
    name_en        text,
    mandatory      boolean not null,
    allowed_types  text[]  not null,     -- sniffed content types accepted
    position       integer not null,
    primary key (procedure_code, code)
);

create table procedure_field (
    procedure_code text    not null references procedure (code),
    name           text    not null,
    label_vi       text    not null,
    label_en       text,
    type           text    not null check (type in ('TEXT', 'DATE', 'NUMBER', 'SELECT', 'BOOLEAN', 'NATIONAL_ID')),
    required       boolean not null,
    options        text[],               -- SELECT only
    max_length     integer,              -- TEXT only
    position       integer not null,
    primary key (procedure_code, name)
);

insert into procedure_document (procedure_code, code, name_vi, name_en, mandatory, allowed_types, position) values
    ('1.001193', 'TO_KHAI', 'Tờ khai đăng ký khai sinh', 'Birth registration form', true, '{application/pdf}', 1),
    ('1.001193', 'GIAY_CHUNG_SINH', 'Giấy chứng sinh', 'Birth certificate from the hospital', true, '{application/pdf,image/jpeg,image/png}', 2),
    ('1.001193', 'UY_QUYEN', 'Văn bản ủy quyền (nếu có)', 'Power of attorney (if any)', false, '{application/pdf}', 3),
    ('1.000894', 'TO_KHAI', 'Tờ khai đăng ký kết hôn', 'Marriage registration form', true, '{application/pdf}', 1),
    ('1.000894', 'XAC_NHAN_HON_NHAN', 'Giấy xác nhận tình trạng hôn nhân', 'Marital status certificate', true, '{application/pdf,image/jpeg,image/png}', 2),
    ('2.000908', 'TO_KHAI', 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'Judicial record request form', true, '{application/pdf}', 1),
    ('2.000908', 'GIAY_UU_TIEN', 'Giấy tờ chứng minh thuộc đối tượng miễn giảm', 'Proof of a fee reduction', false, '{application/pdf,image/jpeg,image/png}', 2),
    ('1.009994', 'DON_DE_NGHI', 'Đơn đề nghị cấp giấy phép xây dựng', 'Application for a construction permit', true, '{application/pdf}', 1),
    ('1.009994', 'GIAY_TO_DAT', 'Giấy tờ về quyền sử dụng đất', 'Land-use rights document', true, '{application/pdf,image/jpeg,image/png}', 2),
    ('1.009994', 'BAN_VE', 'Bản vẽ thiết kế', 'Design drawings', true, '{application/pdf}', 3),
    ('1.004222', 'TO_KHAI_CT01', 'Tờ khai thay đổi thông tin cư trú (CT01)', 'Residence information form (CT01)', true, '{application/pdf}', 1),
    ('1.004222', 'CHO_O_HOP_PHAP', 'Giấy tờ chứng minh chỗ ở hợp pháp', 'Proof of lawful residence', true, '{application/pdf,image/jpeg,image/png}', 2),
    ('2.000575', 'GIAY_DE_NGHI', 'Giấy đề nghị đăng ký hộ kinh doanh', 'Household business application', true, '{application/pdf}', 1),
    ('2.000575', 'HOP_DONG_THUE', 'Hợp đồng thuê địa điểm kinh doanh', 'Lease of the business premises', false, '{application/pdf}', 2),
    ('1.002804', 'DON_DE_NGHI', 'Đơn đề nghị đổi giấy phép lái xe', 'Application for licence renewal', true, '{application/pdf}', 1),
    ('1.002804', 'GIAY_KHAM_SUC_KHOE', 'Giấy khám sức khỏe của người lái xe', 'Driver health certificate', true, '{application/pdf,image/jpeg,image/png}', 2),
    ('1.002804', 'ANH_CHAN_DUNG', 'Ảnh chân dung', 'Portrait photo', true, '{image/jpeg,image/png}', 3),
    ('1.003003', 'DON_DANG_KY', 'Đơn đăng ký biến động đất đai', 'Application for a land change', true, '{application/pdf}', 1),
    ('1.003003', 'GIAY_CHUNG_NHAN', 'Giấy chứng nhận đã cấp', 'The certificate already issued', true, '{application/pdf,image/jpeg,image/png}', 2),
    ('1.003003', 'HOP_DONG', 'Hợp đồng chuyển nhượng, tặng cho', 'Transfer or gift contract', false, '{application/pdf}', 3),
    ('1.001022', 'TO_KHAI', 'Tờ khai đăng ký khai tử', 'Death registration form', true, '{application/pdf}', 1),
    ('1.001022', 'GIAY_BAO_TU', 'Giấy báo tử', 'Death notice', true, '{application/pdf,image/jpeg,image/png}', 2),
    ('1.004873', 'TO_KHAI', 'Tờ khai cấp giấy xác nhận tình trạng hôn nhân', 'Marital status request form', true, '{application/pdf}', 1),
    ('2.002163', 'TO_KHAI_X01', 'Tờ khai đề nghị cấp hộ chiếu (X01)', 'Passport application (X01)', true, '{application/pdf}', 1),
    ('2.002163', 'ANH_CHAN_DUNG', 'Ảnh chân dung', 'Portrait photo', true, '{image/jpeg,image/png}', 2),
    ('1.010026', 'GIAY_DE_NGHI', 'Giấy đề nghị đăng ký doanh nghiệp', 'Enterprise registration application', true, '{application/pdf}', 1),
    ('1.010026', 'DIEU_LE', 'Điều lệ công ty', 'Company charter', true, '{application/pdf}', 2);

insert into procedure_field (procedure_code, name, label_vi, label_en, type, required, options, max_length, position) values
    ('1.001193', 'childName', 'Họ, chữ đệm và tên của trẻ', 'Child''s full name', 'TEXT', true, null, 100, 1),
    ('1.001193', 'childDateOfBirth', 'Ngày sinh của trẻ', 'Child''s date of birth', 'DATE', true, null, null, 2),
    ('1.001193', 'childSex', 'Giới tính', 'Sex', 'SELECT', true, '{MALE,FEMALE}', null, 3),
    ('1.001193', 'placeOfBirth', 'Nơi sinh', 'Place of birth', 'TEXT', true, null, 200, 4),
    ('1.001193', 'relationship', 'Quan hệ với trẻ', 'Relationship to the child', 'SELECT', true, '{FATHER,MOTHER,GUARDIAN}', null, 5),
    ('1.000894', 'partnerName', 'Họ tên người kết hôn cùng', 'Partner''s full name', 'TEXT', true, null, 100, 1),
    ('1.000894', 'partnerNationalId', 'Số định danh của người kết hôn cùng', 'Partner''s national id', 'NATIONAL_ID', true, null, null, 2),
    ('1.000894', 'partnerDateOfBirth', 'Ngày sinh của người kết hôn cùng', 'Partner''s date of birth', 'DATE', true, null, null, 3),
    ('2.000908', 'applicantCategory', 'Đối tượng', 'Applicant category', 'SELECT', true, '{STANDARD,STUDENT_OR_MERIT}', null, 1),
    ('2.000908', 'purpose', 'Mục đích sử dụng phiếu', 'Purpose', 'TEXT', true, null, 200, 2),
    ('2.000908', 'copies', 'Số lượng phiếu', 'Number of copies', 'NUMBER', true, null, null, 3),
    ('1.009994', 'landPlotNumber', 'Số thửa đất', 'Land plot number', 'TEXT', true, null, 50, 1),
    ('1.009994', 'floorArea', 'Tổng diện tích sàn (m²)', 'Total floor area (m²)', 'NUMBER', true, null, null, 2),
    ('1.009994', 'floors', 'Số tầng', 'Number of floors', 'NUMBER', true, null, null, 3),
    ('1.004222', 'newAddress', 'Địa chỉ thường trú mới', 'New permanent address', 'TEXT', true, null, 200, 1),
    ('1.004222', 'ownerConsent', 'Chủ hộ đã đồng ý', 'The household head agreed', 'BOOLEAN', true, null, null, 2),
    ('2.000575', 'businessName', 'Tên hộ kinh doanh', 'Business name', 'TEXT', true, null, 150, 1),
    ('2.000575', 'businessLine', 'Ngành, nghề kinh doanh', 'Line of business', 'TEXT', true, null, 200, 2),
    ('2.000575', 'capitalVnd', 'Vốn kinh doanh (đồng)', 'Capital (VND)', 'NUMBER', true, null, null, 3),
    ('1.002804', 'licenceNumber', 'Số giấy phép lái xe', 'Licence number', 'TEXT', true, null, 12, 1),
    ('1.002804', 'licenceClass', 'Hạng giấy phép', 'Licence class', 'SELECT', true, '{A,A1,B,C1,C,D,E}', null, 2),
    ('1.003003', 'certificateNumber', 'Số phát hành giấy chứng nhận', 'Certificate serial number', 'TEXT', true, null, 20, 1),
    ('1.003003', 'changeKind', 'Loại biến động', 'Kind of change', 'SELECT', true, '{TRANSFER,GIFT,INHERITANCE,MORTGAGE}', null, 2),
    ('1.001022', 'deceasedName', 'Họ tên người chết', 'Name of the deceased', 'TEXT', true, null, 100, 1),
    ('1.001022', 'dateOfDeath', 'Ngày chết', 'Date of death', 'DATE', true, null, null, 2),
    ('1.004873', 'purpose', 'Mục đích sử dụng', 'Purpose', 'TEXT', true, null, 200, 1),
    ('2.002163', 'urgent', 'Đề nghị cấp nhanh', 'Urgent issuance', 'BOOLEAN', false, null, null, 1),
    ('2.002163', 'travelDate', 'Ngày dự kiến xuất cảnh', 'Planned departure date', 'DATE', false, null, null, 2),
    ('1.010026', 'companyName', 'Tên công ty', 'Company name', 'TEXT', true, null, 200, 1),
    ('1.010026', 'charterCapitalVnd', 'Vốn điều lệ (đồng)', 'Charter capital (VND)', 'NUMBER', true, null, null, 2);
