-- The legal source of every shipped calendar row (calendar_day.source, added by V12 for days an administrator
-- declares; the rows of V2 and V10 had none). A deadline's explanation ("why this date") cites it. Rows that
-- already name a source (set through the API) are left as they are. Where the number of the announcing
-- document was not found (see V10's header), the source says so rather than invent one.
update calendar_day set source = 'Bộ luật Lao động 2019, Điều 112 khoản 1'
 where source is null and day in (date '2025-01-01', date '2025-04-07', date '2025-04-30', date '2025-05-01',
                                  date '2025-09-02', date '2026-01-01', date '2026-04-30', date '2026-05-01',
                                  date '2027-01-01', date '2027-04-16', date '2027-04-30', date '2027-09-02');
update calendar_day set source = 'Bộ luật Lao động 2019, Điều 112; lịch nghỉ Tết Ất Tỵ cho công chức, viên chức do Bộ LĐTBXH thông báo (11/2024)'
 where source is null and day between date '2025-01-27' and date '2025-01-31';
update calendar_day set source = 'Bộ luật Lao động 2019, Điều 112 khoản 3; hoán đổi ngày làm việc 02/5/2025 với thứ Bảy 26/4/2025 cho công chức, viên chức'
 where source is null and day in (date '2025-04-26', date '2025-05-02');
update calendar_day set source = 'Bộ luật Lao động 2019, Điều 112 khoản 1, 3; ngày liền kề Quốc khánh 2025 do Thủ tướng Chính phủ quyết định'
 where source is null and day = date '2025-09-01';
update calendar_day set source = 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (hoán đổi 02/01/2026 với thứ Bảy 10/01/2026)'
 where source is null and day in (date '2026-01-02', date '2026-01-10');
update calendar_day set source = 'Bộ luật Lao động 2019, Điều 112; Thủ tướng Chính phủ đồng ý đề xuất của Bộ Nội vụ (văn bản ngày 13/10/2025; số văn bản chưa tìm thấy)'
 where source is null and (day between date '2026-02-16' and date '2026-02-20'
                           or day in (date '2026-08-22', date '2026-08-31', date '2026-09-01', date '2026-09-02'));
update calendar_day set source = 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù ngày lễ trùng Chủ nhật 26/4/2026)'
 where source is null and day = date '2026-04-27';
update calendar_day set source = 'Bộ luật Lao động 2019, Điều 111–112 (suy ra; chưa có thông báo chính thức cho năm 2027)'
 where source is null and extract(year from day) = 2027;
