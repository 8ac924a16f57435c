/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.event;

import java.util.List;
import java.util.Map;

import com.crmsync.job.StepCounts;
import com.crmsync.testsupport.SyncHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CRM events pushed as completed Tasks through the whole job against embedded MariaDB and
 * the emulator. One harness serves the class: every test uses records of its own and
 * leaves both sides converged, so the tests do not depend on each other's order.
 */
class EventPushFunctionalTests {

	private static SyncHarness harness;

	@BeforeAll
	static void start() {
		harness = SyncHarness.start();
	}

	@AfterAll
	static void stop() {
		harness.close();
	}

	@Test
	void eventsBecomeCompletedTasksOnTheLinkedLeadAndContact() {
		// given: a lead linked by mergeLeads (same e-mail on both sides) and a contact
		// linked by the test itself (the contacts step has not landed on this branch)
		String leadId = salesforceLead("ev-lead@event.test");
		long crmLead = crmLead("ev-lead@event.test");
		String contactId = harness.emulator()
			.org()
			.insert("Contact", Map.of("LastName", "Event", "Email", "ev-contact@event.test"));
		long crmContact = insert(
				"INSERT INTO crm_contact (last_name, email) VALUES ('Event', 'ev-contact@event.test')");
		harness.jdbc()
			.update("INSERT INTO sync_link (object_type, crm_id, salesforce_id) VALUES ('CONTACT', ?, ?)", crmContact,
					contactId);
		// late in the evening UTC: its date must not move to the next day
		long leadEvent = event("lead_id", crmLead, "Webinar", "2026-03-29 23:30:00", "Attended the webinar");
		long contactEvent = event("contact_id", crmContact, "Call", "2026-01-05 08:00:00", null);

		// when
		run(false);

		// then
		assertThat(task(leadEvent)).containsEntry("WhoId", leadId)
			.containsEntry("Subject", "Webinar")
			.containsEntry("Status", "Completed")
			.containsEntry("Description", "Attended the webinar")
			.containsEntry("IsClosed", true);
		assertThat(task(leadEvent).get("ActivityDate")).hasToString("2026-03-29");
		assertThat(task(contactEvent)).containsEntry("WhoId", contactId).containsEntry("Subject", "Call");
		assertThat(task(contactEvent).get("ActivityDate")).hasToString("2026-01-05");
		assertThat(harness.rows("SELECT salesforce_id FROM sync_link WHERE object_type = 'EVENT' AND crm_id = ?",
				leadEvent))
			.singleElement()
			.extracting((row) -> row.get("salesforce_id"))
			.isEqualTo(task(leadEvent).get("Id"));
	}

	@Test
	void aSecondRunOrAReplayCreatesNoDuplicateAndAnEditedEventIsUpdated() {
		// given: an event pushed once
		salesforceLead("replay@event.test");
		long crmLead = crmLead("replay@event.test");
		long eventId = event("lead_id", crmLead, "Demo", "2026-02-10 10:00:00", "First version");
		run(false);
		Object taskId = task(eventId).get("Id");
		long tasks = taskCount();

		// when: a run with no edits in between
		long upsertsBefore = harness.emulator().calls("upsert");
		run(false);

		// then: not pushed again
		assertThat(harness.emulator().calls("upsert")).isEqualTo(upsertsBefore);

		// and when: the chunk is replayed, as after a crash between Salesforce's write
		// and the CRM's commit (the event's link is lost)
		harness.jdbc().update("DELETE FROM sync_link WHERE object_type = 'EVENT' AND crm_id = ?", eventId);
		run(false);

		// then: the same Task is updated, none is added
		assertThat(harness.emulator().calls("upsert")).isEqualTo(upsertsBefore + 1);
		assertThat(taskCount()).isEqualTo(tasks);
		assertThat(
				harness.rows("SELECT salesforce_id FROM sync_link WHERE object_type = 'EVENT' AND crm_id = ?", eventId))
			.singleElement()
			.extracting((row) -> row.get("salesforce_id"))
			.isEqualTo(taskId);

		// and when: the event is edited in the CRM
		harness.jdbc().update("UPDATE crm_event SET description = 'Second version' WHERE id = ?", eventId);
		run(false);

		// then: its Task is updated in place
		assertThat(taskCount()).isEqualTo(tasks);
		assertThat(task(eventId)).containsEntry("Id", taskId).containsEntry("Description", "Second version");
	}

	@Test
	void anEventOfAnUnlinkedPersonWaitsAndIsPushedByTheRunAfterThePersonIsLinked() {
		// given: a CRM lead Salesforce refuses (invalid e-mail), so it stays unlinked,
		// with an event
		long crmLead = insert("INSERT INTO crm_lead (last_name, company_name, email) VALUES ('Wait', 'Acme', "
				+ "'wait-at-event.test')");
		long eventId = event("lead_id", crmLead, "Visit", "2026-04-01 09:00:00", null);

		// when
		JobExecution waiting = run(false);

		// then: the event waits, reported as skipped, not failed
		assertThat(task(eventId)).isNull();
		assertThat(harness.rows("SELECT kind, message FROM sync_error WHERE job_execution_id = ? AND "
				+ "step = 'pushEvents' AND crm_id = ?", waiting.getId(), eventId))
			.containsExactly(Map.of("kind", "SKIP", "message", EventItemProcessor.NOT_YET_LINKED));
		assertThat(StepCounts.of(step(waiting)).get("skipped")).isPositive();

		// and when: the lead is fixed and linked by the next run; the event itself has
		// not changed since long before the run's window
		harness.jdbc().update("UPDATE crm_event SET updated_at = '2020-01-01 00:00:00' WHERE id = ?", eventId);
		harness.jdbc().update("UPDATE crm_lead SET email = 'wait@event.test' WHERE id = ?", crmLead);
		run(false);

		// then: the event is pushed on the now linked lead
		String leadId = (String) harness
			.rows("SELECT salesforce_id FROM sync_link WHERE object_type = 'LEAD' AND crm_id = ?", crmLead)
			.get(0)
			.get("salesforce_id");
		assertThat(task(eventId)).containsEntry("WhoId", leadId).containsEntry("Subject", "Visit");
	}

	@Test
	void archivedEventsAreNotPushed() {
		salesforceLead("archived@event.test");
		long crmLead = crmLead("archived@event.test");
		long eventId = event("lead_id", crmLead, "Gone", "2026-04-02 09:00:00", null);
		harness.jdbc().update("UPDATE crm_event SET deleted_at = CURRENT_TIMESTAMP(3) WHERE id = ?", eventId);

		run(false);

		assertThat(task(eventId)).isNull();
	}

	@Test
	void dryRunRecordsThePlannedTaskAndWritesNothing() {
		// given: a linked lead with a new event
		String leadId = salesforceLead("dry@event.test");
		long crmLead = crmLead("dry@event.test");
		run(false);
		long eventId = event("lead_id", crmLead, "Trial", "2026-05-01 12:00:00", "Started a trial");
		long upsertsBefore = harness.emulator().calls("upsert");

		// when
		JobExecution dryRun = run(true);

		// then: no Task, no link, the planned fields are journaled
		assertThat(harness.emulator().calls("upsert")).isEqualTo(upsertsBefore);
		assertThat(task(eventId)).isNull();
		assertThat(harness.rows("SELECT * FROM sync_link WHERE object_type = 'EVENT' AND crm_id = ?", eventId))
			.isEmpty();
		List<Map<String, Object>> planned = harness.rows("SELECT operation, field, new_value FROM sync_change "
				+ "WHERE job_execution_id = ? AND step = 'pushEvents' AND crm_id = ?", dryRun.getId(), eventId);
		assertThat(planned).extracting((row) -> row.get("field") + "=" + row.get("new_value"))
			.containsExactlyInAnyOrder("CRM_Event_Id__c=" + eventId, "Status=Completed", "Subject=Trial",
					"ActivityDate=2026-05-01", "Description=Started a trial", "WhoId=" + leadId);
		assertThat(planned).extracting((row) -> row.get("operation")).containsOnly("CREATE");

		// and when: a real run follows
		run(false);

		// then: the planned Task is made
		assertThat(task(eventId)).containsEntry("WhoId", leadId).containsEntry("Subject", "Trial");
	}

	private static JobExecution run(boolean dryRun) {
		JobExecution execution = harness.run(false, dryRun);
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		// every event read has exactly one outcome
		StepExecution step = step(execution);
		assertThat(StepCounts.of(step).get("read")).isEqualTo(step.getReadCount());
		return execution;
	}

	private static StepExecution step(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(EventStepConfiguration.STEP))
			.findFirst()
			.orElseThrow();
	}

	private static Map<String, Object> task(long eventId) {
		return harness.emulator()
			.org()
			.records("Task")
			.stream()
			.filter((task) -> String.valueOf(eventId).equals(task.get("CRM_Event_Id__c")))
			.findFirst()
			.orElse(null);
	}

	private static long taskCount() {
		return harness.emulator().org().records("Task").size();
	}

	private static String salesforceLead(String email) {
		return harness.emulator().org().insert("Lead", Map.of("LastName", "Event", "Company", "Acme", "Email", email));
	}

	private static long crmLead(String email) {
		return insert(
				"INSERT INTO crm_lead (last_name, company_name, email) VALUES ('Event', 'Acme', '" + email + "')");
	}

	private static long event(String personColumn, long personId, String type, String occurredAt, String description) {
		KeyHolder keys = new GeneratedKeyHolder();
		harness.jdbc().update((connection) -> {
			var statement = connection.prepareStatement("INSERT INTO crm_event (" + personColumn
					+ ", event_type, occurred_at, description) VALUES (?, ?, ?, ?)", new String[] { "id" });
			statement.setLong(1, personId);
			statement.setString(2, type);
			statement.setString(3, occurredAt);
			statement.setString(4, description);
			return statement;
		}, keys);
		return keys.getKey().longValue();
	}

	private static long insert(String sql) {
		KeyHolder keys = new GeneratedKeyHolder();
		harness.jdbc().update((connection) -> connection.prepareStatement(sql, new String[] { "id" }), keys);
		return keys.getKey().longValue();
	}

}
