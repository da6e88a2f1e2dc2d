-- Personal data at rest (see FormDataSealer, SealedDocumentStorage in dossier-service):
-- a dossier's form data is sealed (AES-256-GCM, bound to the dossier id) into form_data_sealed with the id
-- of its key; form_data keeps '{}' for such rows. Rows written before this change still hold their form
-- in form_data, in clear, until the service seals them at start (LegacyDataResealer); until then they are
-- read as they are. document_content.content holds sealed envelopes from now on, the same way.
-- (V10 is reserved for another branch.)
alter table dossier add column form_data_sealed bytea;
alter table dossier add column data_key_id      text;
alter table dossier add constraint dossier_form_data_sealed_with_key
    check ((form_data_sealed is null) = (data_key_id is null));
-- what is left to seal: rows in clear, found without scanning every sealed row
create index dossier_form_data_in_clear on dossier (id) where form_data_sealed is null;
-- the key of each document's envelope (null: written in clear before this change), so the start-up sweep
-- finds what is left without reading every document's bytes
alter table document_content add column data_key_id text;
