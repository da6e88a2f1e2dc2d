-- The agency registry (identity-service) owns each agency's receipt series (issue 14 item 1, decision 60). Receipts
-- are numbered <series>/<year>/<000001>, one gapless sequence per series and year: the counter is keyed by the series
-- (until now every agency's series was its code, so the rows keep their values and no number changes).
alter table receipt_series rename column agency_code to series;

-- The registry's series of each agency that registered one, from vn.egov.identity.agency-changed.v1 (the highest
-- registry version seen wins; a replayed or late event changes nothing). An agency without a row numbers under its
-- code, the registry's default.
create table agency_receipt_series (
    agency_code      text primary key,
    series           text        not null check (series ~ '^[0-9A-Z.-]{1,32}$'),
    registry_version bigint      not null,
    updated_at       timestamptz not null
);
