-- A time limit has a unit (issue 14 item 3; decision 25). Until now every limit was whole working days
-- (processing_days). The amount stays in processing_days (the catalogue API keeps "processingDays"); the unit
-- says how it is counted, and time_limit_source names the text that sets it:
--   WORKING_DAYS  whole working days, the day of receipt not counted (Bộ luật Dân sự 2015, Điều 147-148)
--   HALF_DAYS     working half-days (a morning or an afternoon period)
--   WORKING_HOURS working hours inside the agency's working periods
--   SAME_DAY      resolved the day it is received; received after 15:00, the next working day
--                 (processing_days then stays the worst case, 1, for lists that show a number of days)
alter table procedure add column time_limit_unit text not null default 'WORKING_DAYS'
    check (time_limit_unit in ('WORKING_DAYS', 'HALF_DAYS', 'WORKING_HOURS', 'SAME_DAY'));
alter table procedure add column time_limit_source text;

-- Birth and death registration at the commune: "ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau
-- 15 giờ mà không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo".
update procedure set time_limit_unit = 'SAME_DAY',
                     time_limit_source = 'Luật Hộ tịch 2014, Điều 16 khoản 1'
 where code = '1.001193';
update procedure set time_limit_unit = 'SAME_DAY',
                     time_limit_source = 'Luật Hộ tịch 2014, Điều 33'
 where code = '1.001022';
-- Marriage: at once when the papers are complete, at most 5 working days when facts must be checked: the
-- catalogue keeps the 5 working days (the limit an agency is held to).
update procedure set time_limit_source = 'Luật Hộ tịch 2014, Điều 18 khoản 2'
 where code = '1.000894';

-- The due time, not only its date: a limit in hours ends inside a day (4 working hours from 15:30 → 10:00 the
-- next working day). due_date stays the appointment date (Vietnam date of due_at) that the receipt, lists,
-- statistics and the overdue check use. Existing dossiers: the closing of the default working hours (17:00).
alter table dossier add column due_at timestamptz;
update dossier set due_at = (due_date + time '17:00') at time zone 'Asia/Ho_Chi_Minh' where due_date is not null;
