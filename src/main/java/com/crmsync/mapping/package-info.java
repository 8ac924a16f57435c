/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * The pure-Java heart of the sync: the declarative field mappings (the jar's
 * {@code jobs/field-mappings.yml} or the file {@code sync.mappings} names, read by
 * {@link com.crmsync.mapping.MappingFileLoader}), their validation against the org's
 * schema ({@link com.crmsync.mapping.MappingValidator}), one canonical form per value
 * type ({@link com.crmsync.mapping.CanonicalValues}) and the merge decisions of DESIGN.md
 * §1 ({@link com.crmsync.mapping.SmartOverride}).
 * <p>
 * Nothing here does I/O besides reading the mapping file: no Spring, no force-wsc, no
 * JDBC. The step processors hand in plain values and get back plain decisions, so every
 * rule can be tested without a database or an org.
 * <p>
 * A lead step's processor, in short: <pre class="code">
 * // objects: the MappedObjects of the synced objects' definitions (com.crmsync.job.SyncedObjects)
 * SyncMappings mappings = new MappingFileLoader(objects).loadDefault();
 * List&lt;FieldMapping&gt; fields = mappings.object(lead).fieldsWith(crmCustomFields);
 * SmartOverride merger = new SmartOverride(fields);
 *
 * RecordState crm = RecordState.fromCrm(fields, crmRow, crmUpdatedAt);
 * RecordState salesforce = RecordState.fromSalesforce(fields, sfFields, sfLastModifiedDate);
 * MergeDecision decision = merger.merge(crm, salesforce, storedBase); // null base: first match
 * if (!decision.isNoOp()) {
 *     decision.crmColumnValues();      // UPDATE crm_lead SET ... (JDBC values)
 *     decision.crmCustomFieldValues(); // crm_custom_field_value by field id
 *     decision.salesforceValues();     // SObject fields
 *     decision.fieldsToNull();         // SObject fieldsToNull
 * }
 * decision.conflicts();                // to the operator report
 * decision.newBase();                  // store for the next run
 * </pre>
 */
package com.crmsync.mapping;
