-- The agency registry (identity-service) owns each agency's working hours (issue 14 item 1, decision 60). The table
-- agency_working_hours becomes its replica: rows change only from vn.egov.identity.agency-changed.v1 (and from the
-- registry's list when the replica is behind), taking the highest registry version seen for the agency; the rows
-- V20 gave every agency keep the same default the registry starts with (its version 0).
alter table agency_working_hours
    add column registry_version bigint not null default 0,
    add column updated_by text;

comment on table agency_working_hours is
    'Replica of identity-service''s agency registry: working hours by agency (decision 60). Written by the agency-changed events only.';
