-- A business link is now confirmed by the national business registration system (basis REGISTRY) instead
-- of taken on the citizen's declaration; links declared before stay as they were (DECLARATION), so an
-- officer can still tell them apart.
alter table business_link drop constraint business_link_basis_check;
alter table business_link add constraint business_link_basis_check check (basis in ('DECLARATION', 'REGISTRY'));
