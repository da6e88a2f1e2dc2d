-- The calendar is administered at run time as well: the government announces holidays, swaps and
-- make-up days each year, sometimes weeks ahead (PUT/DELETE /api/v1/calendar/days/{day}, SYSTEM_ADMIN).
-- Migrations still ship the known years; every change made through the API is kept with who made it,
-- when, and the document it follows.
alter table calendar_day add column source text;

create table calendar_day_change (
    id            bigserial primary key,
    day           date        not null,
    old_kind      text,
    old_name      text,
    new_kind      text,
    new_name      text,
    source        text        not null,
    actor_subject text        not null,
    changed_at    timestamptz not null default now()
);
create index calendar_day_change_day on calendar_day_change (day, id);
