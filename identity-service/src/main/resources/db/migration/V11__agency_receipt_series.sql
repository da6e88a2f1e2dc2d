-- The registry owns each agency's receipt series too (issue 14 item 1, decision 60): the symbol its e-receipts for
-- fees and charges are numbered under (payment-service numbers <series>/<year>/<000001>, one sequence per series
-- and year, decision 36). Until an agency registers another symbol its series is its electronic identifier, which
-- is what payment-service has numbered with since its V6, so no number changes. Two agencies never share a series
-- (their numbers would collide); the symbol holds no '/' (the number's separator).
alter table agency add column receipt_series text;
update agency set receipt_series = code;
alter table agency
    alter column receipt_series set not null,
    add constraint agency_receipt_series_format check (receipt_series ~ '^[0-9A-Z.-]{1,32}$');
create unique index agency_receipt_series_unique on agency (receipt_series);
