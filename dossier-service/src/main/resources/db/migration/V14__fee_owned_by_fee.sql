-- A dossier's fee and its payment order move out of the dossier row into a table of their own, owned by the
-- fee package (vn.egov.dossier.fee.DossierFees, the only SQL on it). One row per dossier with a fee; a free
-- dossier has none.
create table dossier_fee (
    dossier_id      uuid primary key references dossier (id),
    amount_vnd      bigint      not null check (amount_vnd > 0),
    -- the order at payment-service (created after the submission commits; retried by a sweeper)
    payment_id      uuid,
    payment_amount  bigint,
    payment_url     text,
    attempts        integer     not null default 0,
    -- a new generation (and so a new Idempotency-Key at payment-service) after an order expired
    generation      integer     not null default 0,
    next_attempt_at timestamptz,
    updated_at      timestamptz not null default now()
);
create index dossier_fee_order_owed on dossier_fee (next_attempt_at) where payment_id is null;

insert into dossier_fee (dossier_id, amount_vnd, payment_id, payment_amount, payment_url, attempts, generation,
                         next_attempt_at, updated_at)
select id, fee_vnd, payment_id, payment_amount, payment_url, payment_attempts, payment_generation,
       payment_next_attempt_at, updated_at
from dossier
where fee_vnd > 0;

-- dossier.fee_vnd, payment_id, payment_amount, payment_url, payment_attempts, payment_generation,
-- payment_next_attempt_at and the index dossier_payment_pending are no longer read or written (new rows keep
-- their defaults). They stay so that this migration drops nothing a previous release still selects; a later
-- release drops them.
