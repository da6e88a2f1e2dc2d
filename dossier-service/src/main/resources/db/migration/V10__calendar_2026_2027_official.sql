-- Working-day calendar, 2026 and 2027 replaced as a whole: the rows of V2 for these two years were partly
-- assumed. This migration deletes every calendar_day row of 2026-2027 and inserts the corrected set, so a
-- database migrated from scratch and one that already holds V2 end with the same rows. V2 itself is never
-- edited (Flyway checksum). Same meaning as V2: HOLIDAY = a weekday off (public holiday, Tết, substitute day
-- off / nghỉ bù / hoán đổi); WORKDAY = a Saturday/Sunday worked to make up for a swapped day (làm bù).
--
-- Legal frame (both years): Labour Code 2019 (45/2019/QH14) art. 112(1): 1/1; Tết Âm lịch 5 days; 10/3 lunar
-- (Hùng Kings); 30/4; 1/5; 2/9 plus one adjacent day. Art. 112(3): the Prime Minister fixes each year which days
-- are the 5 Tết days and which day is next to 2/9. Art. 111(3): a holiday on a weekly day off (Sat/Sun) is taken
-- on the next working day. Lunar dates are data (checked against the Vietnamese lunar calendar, UTC+7):
-- 17/02/2026 = mùng 1 Tết Bính Ngọ, 16/02/2026 = 29 tháng Chạp Ất Tỵ; 26/04/2026 = 10/3 Bính Ngọ (Sunday);
-- 06/02/2027 = mùng 1 Tết Đinh Mùi (Saturday), 05/02/2027 = 29 tháng Chạp Bính Ngọ (the last day of that year,
-- tháng Chạp thiếu); 16/04/2027 = 10/3 Đinh Mùi (Friday).
--
-- 2026, as decided for civil servants (công chức, viên chức):
--   * Tết Dương lịch: 1/1 (Thu) off and the working Friday 2/1 swapped with Saturday 10/1, which is worked.
--     Source: Văn phòng Chính phủ, công văn 12729/VPCP-KGVX of 25/12/2025 (Deputy Prime Minister Phạm Thị
--     Thanh Trà agreeing to the Ministry of Home Affairs' proposal), as reported by the press on 25/12/2025.
--   * Tết Nguyên đán Bính Ngọ: Mon 16/2 - Fri 20/2 (29 tháng Chạp - mùng 4), 9 days with the weekends 14/2 - 22/2.
--   * Quốc khánh: 1/9 (Tue) and 2/9 (Wed); the working Monday 31/8 swapped with Saturday 22/8, which is worked
--     (29/8 - 2/9 off, 5 days).
--     Source for both: the Prime Minister (Phạm Minh Chính) approved the Ministry of Home Affairs' (Bộ Nội vụ)
--     proposal submitted on 1/10/2025, by a Government document issued on 13/10/2025; the Ministry of Home
--     Affairs then announced the schedule (VNA, 14/10/2025; Việt Nam News, 17/10/2025: "work on Saturday,
--     August 22, in compensation for Monday, August 31"). The number of that Government document was not
--     found, so none is cited here.
--   * Giỗ Tổ Hùng Vương 10/3 lunar = Sunday 26/4, taken on Monday 27/4 (art. 111(3)); 30/4 (Thu) and 1/5 (Fri):
--     no swap announced (press, e.g. Thanh Niên 23/02/2026, describes exactly these days).
--   * Not included: 24/11 "Ngày Văn hóa Việt Nam". Politburo Resolution 80-NQ/TW (7/1/2026) chose 24/11 as a
--     paid day off in principle, and the Government's action programme (Resolution 30/NQ-CP, reported
--     26/02/2026) calls for amending art. 112(1); no enacted amendment, and no decision giving civil servants
--     24/11/2026 off, was found. Add it in a new migration once the law (and, for 2026, a decision) exists.
--
-- 2027: NO official notice found (sources searched on 22/11/2026 show no proposal or decision on the Tết Đinh
-- Mùi or Quốc khánh 2027 schedule). The rows below are derived from art. 111-112 exactly as in V2 (only the label of
-- 05/02/2027 is corrected: it is 29, not 30, tháng Chạp). The choices the Prime Minister will make are
-- assumptions: Tết = 29 Chạp + mùng 1-4, with mùng 1 (Sat) and mùng 2 (Sun) taken on Wed 10/2 and Thu 11/2;
-- the day next to 2/9 (Thu) = Fri 3/9. 1/5 is a Saturday: taken on Mon 3/5. No swap (hoán đổi) is assumed.
-- Replace this year with the official notice in a new migration when it is published.

delete from calendar_day where day between date '2026-01-01' and date '2027-12-31';

insert into calendar_day (day, kind, name) values
    -- 2026 (official, see above)
    ('2026-01-01', 'HOLIDAY', 'Tết Dương lịch'),
    ('2026-01-02', 'HOLIDAY', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)'),
    ('2026-01-10', 'WORKDAY', 'Làm bù cho ngày 02/01/2026'),
    ('2026-02-16', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)'),
    ('2026-02-17', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 1)'),
    ('2026-02-18', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 2)'),
    ('2026-02-19', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 3)'),
    ('2026-02-20', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 4)'),
    ('2026-04-27', 'HOLIDAY', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật 26/4)'),
    ('2026-04-30', 'HOLIDAY', 'Ngày Chiến thắng'),
    ('2026-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động'),
    ('2026-08-22', 'WORKDAY', 'Làm bù cho ngày 31/8/2026'),
    ('2026-08-31', 'HOLIDAY', 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8/2026)'),
    ('2026-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề)'),
    ('2026-09-02', 'HOLIDAY', 'Quốc khánh'),
    -- 2027 (derived from art. 111-112; no official notice found)
    ('2027-01-01', 'HOLIDAY', 'Tết Dương lịch'),
    ('2027-02-05', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp)'),
    ('2027-02-08', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 3)'),
    ('2027-02-09', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 4)'),
    ('2027-02-10', 'HOLIDAY', 'Nghỉ bù mùng 1 Tết (thứ Bảy)'),
    ('2027-02-11', 'HOLIDAY', 'Nghỉ bù mùng 2 Tết (Chủ nhật)'),
    ('2027-04-16', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    ('2027-04-30', 'HOLIDAY', 'Ngày Chiến thắng'),
    ('2027-05-03', 'HOLIDAY', 'Nghỉ bù Ngày Quốc tế lao động (thứ Bảy 1/5)'),
    ('2027-09-02', 'HOLIDAY', 'Quốc khánh'),
    ('2027-09-03', 'HOLIDAY', 'Quốc khánh (ngày liền kề)');
