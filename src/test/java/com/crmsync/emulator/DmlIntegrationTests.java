/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;

import com.crmsync.testsupport.MutableClock;
import com.sforce.soap.partner.DeleteResult;
import com.sforce.soap.partner.EmptyRecycleBinResult;
import com.sforce.soap.partner.GetDeletedResult;
import com.sforce.soap.partner.GetUpdatedResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code create}, {@code update}, {@code upsert}, {@code delete} and the replication
 * calls through force-wsc, with Salesforce's per-record errors.
 */
class DmlIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	private final MutableClock clock = new MutableClock(T0);

	private SalesforceEmulator emulator;

	private PartnerConnection connection;

	@BeforeEach
	void start() throws Exception {
		this.emulator = SalesforceEmulator.start(EmulatorSettings.builder().clock(this.clock).build());
		this.connection = EmulatorClients.connect(this.emulator);
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	private static SObject sObject(String type, Object... namesAndValues) {
		SObject record = new SObject(type);
		for (int i = 0; i < namesAndValues.length; i += 2) {
			record.setField((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return record;
	}

	private static StatusCode status(SaveResult result) {
		assertThat(result.isSuccess()).isFalse();
		assertThat(result.getId()).isNull();
		return result.getErrors()[0].getStatusCode();
	}

	@Test
	void createAssignsIdsAndServerFields() throws Exception {
		SaveResult[] results = this.connection.create(new SObject[] {
				sObject("Lead", "FirstName", "Ada", "LastName", "Lovelace", "Company", "Analytical Engines",
						"CRM_Lead_Score__c", 42.5, "Newsletter_Opt_In__c", true),
				sObject("Opportunity", "Name", "Big deal", "StageName", "Closed Won", "CloseDate",
						utcDate(2026, Calendar.MARCH, 31), "Amount", 1500.25) });
		assertThat(results).allSatisfy((result) -> assertThat(result.isSuccess()).isTrue());
		Map<String, Object> lead = this.emulator.org().get(results[0].getId());
		assertThat(results[0].getId()).startsWith("00Q");
		assertThat(lead.get("Name")).isEqualTo("Ada Lovelace");
		assertThat(lead.get("Status")).isEqualTo("Open - Not Contacted");
		assertThat(lead.get("CRM_Lead_Score__c")).hasToString("42.5");
		assertThat(lead.get("Newsletter_Opt_In__c")).isEqualTo(true);
		assertThat(lead.get("CreatedDate")).isEqualTo(T0);
		assertThat(lead.get("SystemModstamp")).isEqualTo(T0);
		Map<String, Object> opportunity = this.emulator.org().get(results[1].getId());
		assertThat(opportunity.get("CloseDate")).hasToString("2026-03-31");
		assertThat(opportunity.get("IsWon")).isEqualTo(true);
		SObject read = this.connection.query("SELECT Amount, CloseDate FROM Opportunity").getRecords()[0];
		assertThat(read.getField("Amount")).isEqualTo("1500.25");
		assertThat(read.getField("CloseDate")).isEqualTo("2026-03-31");
	}

	@Test
	void recordsOfOneCallShareOneStampThatFollowsTheClock() throws Exception {
		SObject[] leads = new SObject[3];
		for (int i = 0; i < leads.length; i++) {
			leads[i] = sObject("Lead", "LastName", "L" + i, "Company", "C");
		}
		assertThat(Arrays.stream(this.connection.create(leads)).map(this::modstamp)).containsOnly(T0);
		assertThat(this.connection.getServerTimestamp().getTimestamp().toInstant()).isEqualTo(T0);
		// another call within the same millisecond may share it, as on Salesforce
		assertThat(modstamp(this.connection.create(new SObject[] { leads[0] })[0])).isEqualTo(T0);
		this.clock.advance(Duration.ofSeconds(1));
		SaveResult[] later = this.connection.create(leads);
		assertThat(Arrays.stream(later).map(this::modstamp)).containsOnly(T0.plusSeconds(1));
		assertThat(this.emulator.org().clock().next()).isEqualTo(T0.plusSeconds(1));
	}

	private Instant modstamp(SaveResult result) {
		return (Instant) this.emulator.org().get(result.getId()).get("SystemModstamp");
	}

	@Test
	void perRecordErrorsCarryStatusCodesAndFields() throws Exception {
		String accountId = this.emulator.org().insert("Account", Map.of("Name", "Acme"));
		this.emulator.org().insert("Task", Map.of("CRM_Event_Id__c", "EVT-1"));
		String tooLong = "🚀".repeat(41);
		SaveResult[] results = this.connection.create(new SObject[] { sObject("Contact", "FirstName", "NoLast"),
				sObject("Contact", "LastName", "Doe", "FirstName", tooLong),
				sObject("Contact", "LastName", "Doe", "Email", "not-an-email"),
				sObject("Contact", "LastName", "Doe", "Nope__c", "x"),
				sObject("Contact", "LastName", "Doe", "IsPersonAccount", "true"),
				sObject("Contact", "LastName", "Doe", "CRM_Lead_Score__c", "high"),
				sObject("Contact", "LastName", "Doe", "AccountId", "001000000000999AAA"),
				sObject("Contact", "LastName", "Doe", "AccountId", "garbage"),
				sObject("Task", "Subject", "Call", "CRM_Event_Id__c", "evt-1"),
				sObject("Contact", "LastName", "Fine", "AccountId", accountId),
				sObject("Contact", "LastName", "Doe", "FirstName", "🚀".repeat(20)) });
		assertThat(status(results[0])).isEqualTo(StatusCode.REQUIRED_FIELD_MISSING);
		assertThat(results[0].getErrors()[0].getFields()).containsExactly("LastName");
		assertThat(results[0].getErrors()[0].getMessage()).isEqualTo("Required fields are missing: [LastName]");
		assertThat(status(results[1])).isEqualTo(StatusCode.STRING_TOO_LONG);
		assertThat(status(results[2])).isEqualTo(StatusCode.INVALID_EMAIL_ADDRESS);
		assertThat(results[2].getErrors()[0].getFields()).containsExactly("Email");
		assertThat(status(results[3])).isEqualTo(StatusCode.INVALID_FIELD);
		assertThat(status(results[4])).isEqualTo(StatusCode.INVALID_FIELD_FOR_INSERT_UPDATE);
		assertThat(status(results[5])).isEqualTo(StatusCode.INVALID_TYPE_ON_FIELD_IN_RECORD);
		assertThat(status(results[6])).isEqualTo(StatusCode.INVALID_CROSS_REFERENCE_KEY);
		assertThat(status(results[7])).isEqualTo(StatusCode.MALFORMED_ID);
		assertThat(status(results[8])).isEqualTo(StatusCode.DUPLICATE_VALUE);
		assertThat(results[9].isSuccess()).isTrue();
		// 20 emoji are 40 UTF-16 code units: exactly FirstName's limit
		assertThat(results[10].isSuccess()).isTrue();
		assertThat(this.emulator.org().count("Contact", true)).isEqualTo(2);
	}

	@Test
	void moreThan200RecordsFaultsTheWholeCall() {
		SObject[] leads = new SObject[201];
		Arrays.fill(leads, sObject("Lead", "LastName", "L", "Company", "C"));
		assertThatExceptionOfType(UnexpectedErrorFault.class).isThrownBy(() -> this.connection.create(leads))
			.satisfies((fault) -> assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.EXCEEDED_ID_LIMIT));
		assertThat(this.emulator.org().count("Lead", true)).isZero();
		assertThatExceptionOfType(InvalidSObjectFault.class)
			.isThrownBy(() -> this.connection.create(new SObject[] { sObject("Nope", "Name", "x") }));
	}

	@Test
	void updateChangesFieldsNullsFieldsToNullAndBumpsTimestamps() throws Exception {
		String id = this.emulator.org()
			.insert("Contact", Map.of("LastName", "Doe", "Email", "doe@example.com", "Title", "CEO"));
		this.clock.advance(Duration.ofMinutes(5));
		SObject change = sObject("Contact", "LastName", "Roe");
		change.setId(id);
		change.setFieldsToNull(new String[] { "Email" });
		SaveResult[] results = this.connection.update(new SObject[] { change });
		assertThat(results[0].isSuccess()).isTrue();
		assertThat(results[0].getId()).isEqualTo(id);
		Map<String, Object> contact = this.emulator.org().get(id);
		assertThat(contact.get("LastName")).isEqualTo("Roe");
		assertThat(contact.get("Email")).isNull();
		assertThat(contact.get("Title")).isEqualTo("CEO");
		assertThat(contact.get("CreatedDate")).isEqualTo(T0);
		assertThat(contact.get("LastModifiedDate")).isEqualTo(T0.plus(Duration.ofMinutes(5)));
		SObject required = sObject("Contact");
		required.setId(id);
		required.setFieldsToNull(new String[] { "LastName" });
		assertThat(this.connection.update(new SObject[] { required })[0].getErrors()[0].getStatusCode())
			.isEqualTo(StatusCode.REQUIRED_FIELD_MISSING);
		SObject malformed = sObject("Contact", "LastName", "X");
		malformed.setId("003bad");
		assertThat(this.connection.update(new SObject[] { malformed })[0].getErrors()[0].getStatusCode())
			.isEqualTo(StatusCode.MALFORMED_ID);
	}

	@Test
	void upsertCreatesThenUpdatesByExternalId() throws Exception {
		String contactId = this.emulator.org().insert("Contact", Map.of("LastName", "Doe"));
		SObject event = sObject("Task", "Subject", "Webinar attended", "Status", "Completed", "WhoId", contactId,
				"CRM_Event_Id__c", "EVT-42");
		UpsertResult[] first = this.connection.upsert("CRM_Event_Id__c", new SObject[] { event });
		assertThat(first[0].isSuccess()).isTrue();
		assertThat(first[0].isCreated()).isTrue();
		event.setField("Subject", "Webinar attended twice");
		UpsertResult[] second = this.connection.upsert("CRM_Event_Id__c", new SObject[] { event });
		assertThat(second[0].isCreated()).isFalse();
		assertThat(second[0].getId()).isEqualTo(first[0].getId());
		assertThat(this.emulator.org().get(first[0].getId()).get("Subject")).isEqualTo("Webinar attended twice");
		assertThat(this.emulator.org().get(first[0].getId()).get("IsClosed")).isEqualTo(true);
		UpsertResult[] missing = this.connection.upsert("CRM_Event_Id__c",
				new SObject[] { sObject("Task", "Subject", "No key") });
		assertThat(missing[0].isSuccess()).isFalse();
		assertThat(missing[0].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.MISSING_ARGUMENT);
		assertThatExceptionOfType(InvalidFieldFault.class)
			.isThrownBy(() -> this.connection.upsert("Subject", new SObject[] { event }));
	}

	@Test
	void deleteGoesToTheRecycleBinWithItsCascade() throws Exception {
		String accountId = this.emulator.org().insert("Account", Map.of("Name", "Acme"));
		String contactId = this.emulator.org().insert("Contact", Map.of("LastName", "Doe", "AccountId", accountId));
		this.clock.advance(Duration.ofMinutes(3));
		DeleteResult[] results = this.connection
			.delete(new String[] { accountId, "001000000000999AAA", "bad-id", accountId });
		assertThat(results[0].isSuccess()).isTrue();
		assertThat(results[1].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.INVALID_CROSS_REFERENCE_KEY);
		assertThat(results[2].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.MALFORMED_ID);
		assertThat(results[3].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.ENTITY_IS_DELETED);
		assertThat(this.emulator.org().get(contactId).get("IsDeleted")).isEqualTo(true);
		SObject update = sObject("Contact", "LastName", "Roe");
		update.setId(contactId);
		assertThat(this.connection.update(new SObject[] { update })[0].getErrors()[0].getStatusCode())
			.isEqualTo(StatusCode.ENTITY_IS_DELETED);
		this.clock.advance(Duration.ofMinutes(2));
		GetDeletedResult deleted = this.connection.getDeleted("Contact", calendar(T0), calendar(this.clock.instant()));
		assertThat(deleted.getDeletedRecords()).hasSize(1);
		assertThat(deleted.getDeletedRecords()[0].getId()).isEqualTo(contactId);
		assertThat(deleted.getDeletedRecords()[0].getDeletedDate().toInstant())
			.isEqualTo(T0.plus(Duration.ofMinutes(3)));
		assertThat(deleted.getLatestDateCovered().toInstant()).isEqualTo(this.clock.instant());
	}

	@Test
	void emptyRecycleBinPurgesForGoodAndGetDeletedStillReportsThePurge() throws Exception {
		String accountId = this.emulator.org().insert("Account", Map.of("Name", "Initech"));
		String contactId = this.emulator.org().insert("Contact", Map.of("LastName", "Doe", "AccountId", accountId));
		String liveId = this.emulator.org().insert("Contact", Map.of("LastName", "Live"));
		this.clock.advance(Duration.ofMinutes(3));
		this.connection.delete(new String[] { accountId });

		EmptyRecycleBinResult[] results = this.connection
			.emptyRecycleBin(new String[] { accountId, liveId, "003000000000999AAA" });

		assertThat(results[0].isSuccess()).isTrue();
		assertThat(results[0].getId()).isEqualTo(accountId);
		assertThat(results[1].isSuccess()).as("a live record is not in the recycle bin").isFalse();
		assertThat(results[2].isSuccess()).isFalse();
		// the contact went with its account: neither queryAll nor retrieve finds either
		assertThat(this.connection.queryAll("SELECT Id FROM Contact").getRecords()).extracting(SObject::getId)
			.containsExactly(liveId);
		assertThat(this.connection.queryAll("SELECT Id FROM Account").getSize()).isZero();
		assertThat(this.connection.retrieve("Id", "Contact", new String[] { contactId })[0]).isNull();
		assertThat(this.connection.undelete(new String[] { accountId })[0].isSuccess()).isFalse();
		this.clock.advance(Duration.ofMinutes(2));
		GetDeletedResult deleted = this.connection.getDeleted("Contact", calendar(T0), calendar(this.clock.instant()));
		assertThat(deleted.getDeletedRecords()).extracting((record) -> record.getId()).containsExactly(contactId);
		assertThat(deleted.getDeletedRecords()[0].getDeletedDate().toInstant())
			.isEqualTo(T0.plus(Duration.ofMinutes(3)));
		assertThat(
				this.connection.getDeleted("Account", calendar(T0), calendar(this.clock.instant())).getDeletedRecords())
			.extracting((record) -> record.getId())
			.containsExactly(accountId);
	}

	@Test
	void getUpdatedListsRecordsModifiedInWholeMinutes() throws Exception {
		String early = this.emulator.org().insert("Lead", Map.of("LastName", "Early", "Company", "C"));
		this.clock.advance(Duration.ofMinutes(10));
		String late = this.emulator.org().insert("Lead", Map.of("LastName", "Late", "Company", "C"));
		this.clock.advance(Duration.ofMinutes(1));
		GetUpdatedResult updated = this.connection.getUpdated("Lead", calendar(T0.plusSeconds(300)),
				calendar(this.clock.instant().plusSeconds(3600)));
		assertThat(updated.getIds()).containsExactly(late).doesNotContain(early);
		assertThat(updated.getLatestDateCovered().toInstant()).isEqualTo(this.clock.instant());
		assertThatExceptionOfType(UnexpectedErrorFault.class)
			.isThrownBy(() -> this.connection.getUpdated("Lead", calendar(T0.minus(Duration.ofDays(31))), calendar(T0)))
			.satisfies(
					(fault) -> assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_REPLICATION_DATE));
	}

	private static Calendar utcDate(int year, int month, int day) {
		Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
		calendar.clear();
		calendar.set(year, month, day);
		return calendar;
	}

	private static Calendar calendar(Instant instant) {
		Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
		calendar.setTimeInMillis(instant.toEpochMilli());
		return calendar;
	}

}
