-- Payment orders for dossier fees. Amounts are whole VND.
create table payment_order (
    id            uuid primary key,
    dossier_code  text   not null,
    agency_code   text   not null,
    payer_subject text   not null,
    amount_vnd    bigint not null check (amount_vnd > 0),
    status        text   not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index payment_order_dossier on payment_order (dossier_code);
