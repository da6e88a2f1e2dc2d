-- The registry owns each agency's working hours (issue 14 item 1, decision 60). Limits in working hours and
-- half-days are counted inside them (dossier-service's deadline engine, which keeps a replica fed by
-- vn.egov.identity.agency-changed.v1). Written "HH:mm-HH:mm[,HH:mm-HH:mm]" in Vietnam time, in order and not
-- overlapping (checked by the service when set). Every agency starts with the hours most one-stop desks publish,
-- the same default dossier-service's V20 gave its rows.
alter table agency
    add column working_hours text not null default '07:30-11:30,13:30-17:00'
        check (working_hours ~ '^[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9](,[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9])*$'),
    add column working_hours_source text not null
        default 'Giờ làm việc mặc định; cơ quan công bố giờ làm việc tại Bộ phận Một cửa (chưa nhập văn bản riêng)',
    -- 0 for the migrations' rows; each change adds one, and the event carries it (replicas keep the highest)
    add column version bigint not null default 0,
    add column updated_at timestamptz,
    add column updated_by text;

-- Who changed what of an agency, and when: one row per change, never updated.
create table agency_change (
    id          bigserial primary key,
    agency_code text        not null references agency (code),
    version     bigint      not null,
    field       text        not null,
    old_value   text,
    new_value   text        not null,
    source      text,
    changed_by  text        not null,
    changed_at  timestamptz not null,
    unique (agency_code, version)
);
