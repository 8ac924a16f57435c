/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crmsync.crm.CrmColumns;
import com.crmsync.crm.CustomFieldRepository;
import com.crmsync.mapping.CrmCustomField;
import com.crmsync.mapping.CrmSchemaCheck;
import com.crmsync.mapping.Direction;
import com.crmsync.mapping.EventTaskMapping;
import com.crmsync.mapping.FieldMapping;
import com.crmsync.mapping.MappedObject;
import com.crmsync.mapping.MappingException;
import com.crmsync.mapping.MappingFileLoader;
import com.crmsync.mapping.MappingValidator;
import com.crmsync.mapping.ObjectMapping;
import com.crmsync.mapping.SalesforceFieldDescription;
import com.crmsync.mapping.SalesforceSchemaView;
import com.crmsync.mapping.SyncMappings;
import com.crmsync.salesforce.FieldDescription;
import com.crmsync.salesforce.ObjectDescription;
import com.crmsync.salesforce.SalesforceClient;

import org.springframework.stereotype.Component;

/**
 * The field mappings a run works with: the mapping file (the jar's default, or the file
 * {@code sync.mappings} names instead) plus the CRM's synced custom fields. The
 * {@code connect} step reloads them at the start of every run; a step restarted in a new
 * process loads them on first use.
 */
@Component
public class MappingsProvider {

	private final SyncProperties properties;

	private final CustomFieldRepository customFields;

	private final SyncedObjects objects;

	private final CrmColumns crmColumns;

	private volatile Mappings current;

	public MappingsProvider(SyncProperties properties, CustomFieldRepository customFields, SyncedObjects objects,
			CrmColumns crmColumns) {
		this.properties = properties;
		this.customFields = customFields;
		this.objects = objects;
		this.crmColumns = crmColumns;
	}

	/**
	 * Reads the mapping file and the custom field definitions again.
	 * @return the mappings
	 * @throws com.crmsync.mapping.MappingException for a malformed mapping file
	 */
	public synchronized Mappings reload() {
		List<MappedObject> mapped = this.objects.mapped();
		MappingFileLoader loader = new MappingFileLoader(mapped);
		SyncMappings file = (this.properties.mappings() != null) ? loader.load(this.properties.mappings())
				: loader.loadDefault();
		this.current = new Mappings(file, this.customFields.definitions(mapped));
		return this.current;
	}

	/**
	 * Reads the mappings again and checks them against the org's schema
	 * ({@code describeSObjects}: unknown fields, read-only targets, incompatible types)
	 * and the CRM database's (unknown tables and columns): any problem stops the run
	 * before any data moves, and all of them are reported together. An org without the
	 * upsert key of the objects the sync creates ({@link UpsertKeyCheck}) is refused
	 * first.
	 * @param salesforce the logged-in client
	 * @return the mappings
	 * @throws MappingException naming every problem
	 * @throws RefusedException when the org lacks the upsert key
	 */
	public Mappings reloadAndValidate(SalesforceClient salesforce) {
		Mappings mappings = reload();
		Map<String, ObjectDescription> described = salesforce.describe(describedObjects(mappings));
		List<String> upsertKeyProblems = UpsertKeyCheck.problems(createdInSalesforce(mappings), described);
		if (!upsertKeyProblems.isEmpty()) {
			throw UpsertKeyCheck.refusal(upsertKeyProblems);
		}
		List<String> problems = new ArrayList<>();
		new MappingValidator(schemaOf(described)).validate(mappings.file(), mappings.customFields())
			.forEach((problem) -> problems.add(problem.toString()));
		problems.addAll(
				CrmSchemaCheck.problems(mappings.file(), this.crmColumns.of(CrmSchemaCheck.tables(mappings.file()))));
		if (!problems.isEmpty()) {
			throw new MappingException("The field mappings do not fit the Salesforce org or the CRM database ("
					+ problems.size() + " problem" + ((problems.size() == 1) ? "" : "s") + ")", problems);
		}
		return mappings;
	}

	private static Set<String> describedObjects(Mappings mappings) {
		Set<String> objects = new LinkedHashSet<>();
		mappings.file().objects().values().stream().map(ObjectMapping::salesforceObject).forEach(objects::add);
		objects.add(EventTaskMapping.SALESFORCE_OBJECT);
		return objects;
	}

	/**
	 * The Salesforce objects a run creates records of: the two-way objects the mapping
	 * file does not switch off.
	 */
	private List<String> createdInSalesforce(Mappings mappings) {
		return this.objects.definitions()
			.stream()
			.filter(SyncedObject::createsInSalesforce)
			.filter((object) -> object.mappedObject()
				.map((mapped) -> mappings.file().objects().get(mapped))
				.map((mapping) -> mapping.direction() != Direction.NONE)
				.orElse(false))
			.map(SyncedObject::salesforceObject)
			.toList();
	}

	private static SalesforceSchemaView schemaOf(Map<String, ObjectDescription> described) {
		Map<String, List<SalesforceFieldDescription>> schema = new LinkedHashMap<>();
		for (ObjectDescription object : described.values()) {
			List<SalesforceFieldDescription> fields = new ArrayList<>();
			for (FieldDescription field : object.fields().values()) {
				fields.add(new SalesforceFieldDescription(field.name(), field.type(), field.length(),
						field.createable(), field.updateable(), field.externalId()));
			}
			schema.put(object.name(), fields);
		}
		return SalesforceSchemaView.of(schema);
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
		 * Whether the mappings move an object at all: not when its direction (or its
		 * pushed section's) is {@code none}. Only an object that moved has its watermark
		 * moved forward, so switching it on later reads what changed meanwhile.
		 * @param object the object
		 * @return {@code true} unless switched off
		 */
		public boolean switchedOn(SyncedObject object) {
			return object.mappedObject()
				.map((mapped) -> this.file.object(mapped).direction() != Direction.NONE)
				.orElseGet(() -> this.file.pushes(object.name()));
		}

		/**
		 * The synced fields of one pulled or two-way object: the file's, then the custom
		 * fields'.
		 * @param object the object
		 * @return the fields
		 */
		public List<FieldMapping> fieldsOf(SyncedObject object) {
			MappedObject mapped = object.mappedObject()
				.orElseThrow(() -> new IllegalArgumentException(object.name() + " is not mapped field by field"));
			return this.file.object(mapped).fieldsWith(this.customFields);
		}

	}

}
