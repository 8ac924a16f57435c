/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.project;

import java.util.ArrayList;
import java.util.List;

import com.crmsync.emulator.org.EmulatorOrg;
import com.crmsync.emulator.org.FieldDefinition;
import com.crmsync.emulator.org.StandardSchema;
import com.crmsync.job.ObjectStep;
import com.crmsync.job.SyncedObject;
import com.crmsync.job.twoway.TwoWaySteps;
import com.sforce.soap.partner.FieldType;

import org.springframework.context.annotation.Bean;

/**
 * A two-way object that only the tests know: Salesforce custom object {@code Project__c}
 * and CRM table {@code crm_project}, matched by name. Adding it takes what the README
 * says adding an object takes, and nothing else:
 * <ul>
 * <li>its definition and its step ({@link #PROJECTS}, {@link #mergeProjectsStep}: this
 * class is an extra source of the application in the profile {@value #PROFILE});</li>
 * <li>its migration ({@code src/test/resources/db/project/V900__crm_project.sql}, a
 * Flyway location of the same profile);</li>
 * <li>its mapping entry ({@link #MAPPING});</li>
 * <li>the emulated org's schema ({@link #defineIn(EmulatorOrg)}).</li>
 * </ul>
 * It is deliberately not a {@code @Configuration}: component scanning must not add it to
 * the other tests' applications.
 */
public class ProjectObject {

	/** The step's name. */
	public static final String STEP = "mergeProjects";

	/**
	 * Projects: {@code Project__c} and {@code crm_project} both ways, matched by name.
	 */
	public static final SyncedObject PROJECTS = SyncedObject.twoWay("project", "Project__c", "crm_project", STEP)
		.matchedBy("Name", "name_key");

	/**
	 * The profile that adds the object to the application
	 * ({@code application-project.properties}).
	 */
	public static final String PROFILE = "project";

	/** Its entry in the mapping file, under {@code objects:}. */
	public static final String MAPPING = """
			  project:
			    salesforce-object: Project__c
			    crm-table: crm_project
			    direction: two-way
			    fields:
			      - { crm: name,   salesforce: Name,      type: string }
			      - { crm: status, salesforce: Status__c, type: string }
			""";

	@Bean
	ObjectStep mergeProjectsStep(TwoWaySteps steps) {
		return steps.of(PROJECTS);
	}

	/**
	 * Adds {@code Project__c} to an emulated org, as its administrator would.
	 * @param org the org
	 */
	public static void defineIn(EmulatorOrg org) {
		defineIn(org, true);
	}

	/**
	 * Adds {@code Project__c} to an emulated org, with or without the upsert key the sync
	 * creates records on.
	 * @param org the org
	 * @param withUpsertKey whether the administrator made {@code CRM_Id__c}
	 */
	public static void defineIn(EmulatorOrg org, boolean withUpsertKey) {
		List<FieldDefinition> fields = new ArrayList<>(List.of(
				FieldDefinition.builder("Name", FieldType.string).length(80).required().nameField().idLookup().build(),
				FieldDefinition.builder("Status__c", FieldType.string).length(40).build()));
		if (withUpsertKey) {
			// the upsert key of every object the sync creates records of
			fields.add(FieldDefinition.builder("CRM_Id__c", FieldType.string).length(40).externalId().unique().build());
		}
		org.define(StandardSchema.customObject("Project__c", "a01", "Projects", fields));
	}

}
