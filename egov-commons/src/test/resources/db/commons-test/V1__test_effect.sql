create table test_effect (
    id         bigserial primary key,
    event_id   text not null,
    applied_at timestamptz not null default now()
);
