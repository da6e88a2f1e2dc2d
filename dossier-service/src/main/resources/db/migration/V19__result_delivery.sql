-- Issue 15, handing over the result (decision 27): at the counter (who collected it: name and national id, sealed
-- like other personal data, bound to the dossier), by post (tracking number, posted date; the dossier is POSTED until
-- delivery is confirmed by return-result), or online as before (no row). One row per dossier, updated on delivery.
create table result_delivery (
    dossier_id      uuid primary key references dossier (id),
    method          text        not null check (method in ('COUNTER', 'POST')),
    tracking_number text,
    posted_date     date,
    collector       bytea,
    data_key_id     text,
    recorded_by     text,
    recorded_at     timestamptz not null,
    delivered_at    timestamptz,
    check ((collector is null) = (data_key_id is null))
);
