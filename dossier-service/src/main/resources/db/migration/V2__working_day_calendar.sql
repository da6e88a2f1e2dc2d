-- Working-day calendar: reference data, one row per day that differs from the rule "Monday to Friday
-- are working days". HOLIDAY = a weekday off (public holiday, Tết, a substitute day off);
-- WORKDAY = a Saturday/Sunday worked to make up for a bridged day (làm bù).
-- Sources: Labour Code 2019 art. 112 and the yearly notices of the Ministry of Labour / Ministry of
-- Home Affairs for civil servants. Lunar dates are data, never computed at run time.
-- 2027 follows art. 112 (holidays falling on a weekend are taken on the next working days); replace
-- it with the official notice once published (a new migration, never an edit of this one).
create table calendar_day (
    day   date primary key,
    kind  text not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name  text not null
);

insert into calendar_day (day, kind, name) values
    -- 2025
    ('2025-01-01', 'HOLIDAY', 'Tết Dương lịch'),
    ('2025-01-27', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ'),
    ('2025-01-28', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ'),
    ('2025-01-29', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ'),
    ('2025-01-30', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ'),
    ('2025-01-31', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ'),
    ('2025-04-07', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    ('2025-04-26', 'WORKDAY', 'Làm bù cho ngày 02/5/2025'),
    ('2025-04-30', 'HOLIDAY', 'Ngày Chiến thắng'),
    ('2025-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động'),
    ('2025-05-02', 'HOLIDAY', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)'),
    ('2025-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề)'),
    ('2025-09-02', 'HOLIDAY', 'Quốc khánh'),
    -- 2026
    ('2026-01-01', 'HOLIDAY', 'Tết Dương lịch'),
    ('2026-01-02', 'HOLIDAY', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)'),
    ('2026-01-10', 'WORKDAY', 'Làm bù cho ngày 02/01/2026'),
    ('2026-02-16', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ'),
    ('2026-02-17', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ'),
    ('2026-02-18', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ'),
    ('2026-02-19', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ'),
    ('2026-02-20', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ'),
    ('2026-04-27', 'HOLIDAY', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật 26/4)'),
    ('2026-04-30', 'HOLIDAY', 'Ngày Chiến thắng'),
    ('2026-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động'),
    ('2026-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề)'),
    ('2026-09-02', 'HOLIDAY', 'Quốc khánh'),
    -- 2027 (per art. 112; to be confirmed by the official notice)
    ('2027-01-01', 'HOLIDAY', 'Tết Dương lịch'),
    ('2027-02-05', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (30 tháng Chạp)'),
    ('2027-02-08', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 3)'),
    ('2027-02-09', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 4)'),
    ('2027-02-10', 'HOLIDAY', 'Nghỉ bù mùng 1 Tết (thứ Bảy)'),
    ('2027-02-11', 'HOLIDAY', 'Nghỉ bù mùng 2 Tết (Chủ nhật)'),
    ('2027-04-16', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    ('2027-04-30', 'HOLIDAY', 'Ngày Chiến thắng'),
    ('2027-05-03', 'HOLIDAY', 'Nghỉ bù Ngày Quốc tế lao động (thứ Bảy 1/5)'),
    ('2027-09-02', 'HOLIDAY', 'Quốc khánh'),
    ('2027-09-03', 'HOLIDAY', 'Quốc khánh (ngày liền kề)');
