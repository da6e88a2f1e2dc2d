-- In-app inbox items, one per recipient (the Keycloak subject).
create table inbox_item (
    id                uuid primary key,
    recipient_subject text not null,
    kind              text not null,
    title             text not null,
    body              text not null,
    link              text,
    created_at        timestamptz not null default now(),
    read_at           timestamptz
);
create index inbox_item_recipient on inbox_item (recipient_subject, created_at desc);
