-- Incremental runs find CRM records whose custom field values changed, even when the record's
-- own row did not: index the values' change time.
CREATE INDEX crm_custom_field_value_updated_at_ix ON crm_custom_field_value (updated_at, record_id);
