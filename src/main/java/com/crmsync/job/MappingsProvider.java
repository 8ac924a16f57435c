/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.List;

import com.crmsync.crm.CustomFieldRepository;
import com.crmsync.mapping.CrmCustomField;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.mapping.MappingFileLoader;
import com.crmsync.mapping.SyncMappings;
import com.crmsync.mapping.SyncObject;

import org.springframework.stereotype.Component;

/**
 * The field mappings a run works with: the mapping file plus the CRM's synced custom
 * fields. The {@code connect} step reloads them at the start of every run; a step
 * restarted in a new process loads them on first use.
 */
@Component
public class MappingsProvider {

	private final SyncProperties properties;

	private final CustomFieldRepository customFields;

	private volatile Mappings current;

	public MappingsProvider(SyncProperties properties, CustomFieldRepository customFields) {
		this.properties = properties;
		this.customFields = customFields;
	}

	/**
	 * Reads the mapping file and the custom field definitions again.
	 * @return the mappings
	 * @throws com.crmsync.mapping.MappingException for a malformed mapping file
	 */
	public synchronized Mappings reload() {
		this.current = new Mappings(new MappingFileLoader().load(this.properties.mappings()),
				this.customFields.definitions());
		return this.current;
	}

	/**
	 * The mappings of this run.
	 * @return the mappings, loaded on first use
	 */
	public Mappings current() {
		Mappings mappings = this.current;
		return (mappings != null) ? mappings : reload();
	}

	/**
	 * The mapping file and the CRM's custom fields, together.
	 *
	 * @param file the mapping file's content
	 * @param customFields the CRM's custom field definitions
	 */
	public record Mappings(SyncMappings file, List<CrmCustomField> customFields) {

		/**
		 * The synced fields of one object: the file's, then the custom fields'.
		 * @param object the object
		 * @return the fields
		 */
		public List<FieldMapping> fieldsOf(SyncObject object) {
			return this.file.object(object).fieldsWith(this.customFields);
		}

	}

}
