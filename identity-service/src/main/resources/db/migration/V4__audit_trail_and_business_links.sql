-- Who changed what about a person, and when: one row per state change made through identity-service
-- (business linked or unlinked, contact change requested, attempted, confirmed). Never personal data in
-- clear: `detail` holds ids, channels, tax codes (business data), outcomes.
create table identity_audit (
    id         bigint generated always as identity primary key,
    person_id  uuid        not null,
    actor      text        not null, -- the token's subject (or client id) that acted
    action     text        not null,
    detail     text,
    at         timestamptz not null default now()
);
create index identity_audit_person_time on identity_audit (person_id, at);

-- A citizen acting for a business as its legal representative. The link rests on the citizen's own
-- declaration (basis DECLARATION), accepted only from an identity verified to level 2 and kept with who
-- and when; it is not a lookup in the national business registry (no adapter for it yet). Unlinking
-- keeps the row (unlinked_at/by) so the history of who could act for the business stays answerable.
create table business_link (
    id                  uuid primary key,
    person_id           uuid        not null,
    tax_code            text        not null,
    business_name       text        not null,
    basis               text        not null check (basis in ('DECLARATION')),
    level_of_assurance  smallint    not null,
    linked_at           timestamptz not null,
    unlinked_at         timestamptz,
    unlinked_by         text
);
create unique index business_link_active on business_link (person_id, tax_code) where unlinked_at is null;
create index business_link_tax_code on business_link (tax_code) where unlinked_at is null;
