-- A channel's fee or time limit in force for a period (issue 14 item 2: "validity dates … of each fee and time
-- limit"). The law often sets one for a while: Thông tư 64/2025/TT-BTC charges half the identity card fee from 1/7/2025
-- to 31/12/2026. A row holds from valid_from to valid_to (inclusive; null: open); a dossier takes the terms in force on
-- the day it was submitted (decision 59). Two rows of the same procedure, agency, channel and case must not overlap
-- (the import checks it; the key below keeps two rows from starting the same day).
alter table procedure_channel add column valid_from date;
alter table procedure_channel add column valid_to date;
alter table procedure_channel add constraint procedure_channel_dates
    check (valid_from is null or valid_to is null or valid_to >= valid_from);
drop index procedure_channel_key;
create unique index procedure_channel_key on procedure_channel
    (procedure_code, coalesce(agency_code, ''), channel, coalesce(case_code, ''), coalesce(valid_from, '-infinity'::date));
