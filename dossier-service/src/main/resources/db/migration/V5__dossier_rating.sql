-- Satisfaction rating: once per dossier, by its owner, after the result was returned.
create table dossier_rating (
    dossier_id uuid primary key references dossier (id),
    score      integer not null check (score between 1 and 5),
    comment    text,
    rated_at   timestamptz not null
);
create index dossier_due on dossier (agency_code, due_date);
