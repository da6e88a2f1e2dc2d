-- Working time per agency and the internal steps of the time limit (issue 14 item 3; decision 37).
--
-- Each agency counts limits in working hours and half-days inside its own working periods. Until issue 14 item 1
-- gives one agency registry, dossier-service keeps them here, one row per agency code it knows. The periods are
-- written "HH:mm-HH:mm[,HH:mm-HH:mm]" in Vietnam time, in order and not overlapping (checked again when read).
-- Every agency of the catalogue and of existing dossiers gets the default that most one-stop desks publish
-- (07:30-11:30 and 13:30-17:00); an administrator changes a row when an agency publishes other hours, and names
-- the document in source. A missing row still counts with egov.dossier.deadlines.working-hours.
create table agency_working_hours (
    agency_code text primary key,
    periods     text not null
        check (periods ~ '^[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9](,[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9])*$'),
    source      text,
    updated_at  timestamptz not null default now()
);

insert into agency_working_hours (agency_code, periods, source)
select agency_code, '07:30-11:30,13:30-17:00',
       'Giờ làm việc mặc định; cơ quan công bố giờ làm việc tại Bộ phận Một cửa (chưa nhập văn bản riêng)'
  from (select agency_code from procedure union select agency_code from dossier) agencies
on conflict (agency_code) do nothing;

-- The internal process (quy trình nội bộ) splits the legal time limit between the steps of the one-stop
-- mechanism: receiving at the desk, processing (thụ lý, thẩm định) by the competent office, approving by the
-- signing leader, returning the result at the desk. Each step's due time is the end of its cumulative share of
-- the counted working time; the last step ends at the dossier's due time. The shares are the platform's default,
-- not a legal figure: each province approves its own internal processes (Nghị định 61/2018/NĐ-CP, amended by
-- Nghị định 107/2021/NĐ-CP), and a procedure may override them by its own rows (procedure_code not null).
-- Shares of one procedure (or of the default, procedure_code null) add up to 100 (checked when read).
create table internal_step_share (
    procedure_code text references procedure (code),
    step           text    not null check (step in ('RECEIVING', 'PROCESSING', 'APPROVING', 'RETURNING')),
    position       integer not null check (position between 1 and 4),
    share_percent  integer not null check (share_percent between 0 and 100),
    name_vi        text    not null,
    name_en        text    not null
);
create unique index internal_step_share_step on internal_step_share (coalesce(procedure_code, ''), step);

insert into internal_step_share (procedure_code, step, position, share_percent, name_vi, name_en) values
    (null, 'RECEIVING',  1, 10, 'Tiếp nhận, chuyển hồ sơ', 'Receiving and forwarding'),
    (null, 'PROCESSING', 2, 60, 'Thụ lý, thẩm định',       'Processing'),
    (null, 'APPROVING',  3, 20, 'Phê duyệt, ký kết quả',   'Approving and signing'),
    (null, 'RETURNING',  4, 10, 'Trả kết quả',             'Returning the result');
