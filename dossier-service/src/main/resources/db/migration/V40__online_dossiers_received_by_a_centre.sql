-- Online dossiers received by a service centre (issue 14 item 2, decision 61). Since 1/7/2025 (Nghị định
-- 118/2025/NĐ-CP) a province publishes the procedures whose dossiers its public administrative service centre
-- receives for the competent agency. An offering names that centre: an online dossier of it is numbered by the
-- centre, records it as the receiving unit (dossier.receiving_agency_code, V35), and the centre's officers receive,
-- refuse or hand it over while it waits to be received; the agency handles it from its receipt.
alter table procedure_offering
    add column received_by      text,
    add column received_by_name text,
    add constraint procedure_offering_received_by_named
        check ((received_by is null) = (received_by_name is null)),
    add constraint procedure_offering_received_by_other
        check (received_by is null or received_by <> agency_code);
