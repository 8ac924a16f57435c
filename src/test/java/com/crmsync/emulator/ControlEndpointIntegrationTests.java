/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The control endpoint, driven over HTTP as another process would, with force-wsc feeling
 * the faults it injects.
 */
class ControlEndpointIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@RegisterExtension
	final ConnectedEmulator org = new ConnectedEmulator();

	@Test
	void aLostResponseIsAppliedButNeverAnswered() throws Exception {
		assertThat(post("{\"operation\": \"create\", \"kind\": \"lost-response\", \"calls\": 1}").statusCode())
			.isEqualTo(201);
		assertThatExceptionOfType(ConnectionException.class).isThrownBy(() -> this.org.connection().create(leads(3)));
		assertThat(this.org.emulator().org().count("Lead", false)).as("the lost call was applied").isEqualTo(3);
		assertThat(this.org.connection().create(leads(1))[0].isSuccess()).isTrue();
		assertThat(this.org.emulator().org().count("Lead", false)).isEqualTo(4);
	}

	@Test
	void unavailableAndDroppedCallsAreNotApplied() throws Exception {
		post("{\"operation\": \"create\", \"kind\": \"unavailable\", \"calls\": 1}");
		assertThatExceptionOfType(UnexpectedErrorFault.class).isThrownBy(() -> this.org.connection().create(leads(1)))
			.satisfies((fault) -> assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.SERVER_UNAVAILABLE));
		post("{\"operation\": \"*\", \"kind\": \"drop\", \"calls\": 1}");
		assertThatExceptionOfType(ConnectionException.class).isThrownBy(() -> this.org.connection().create(leads(1)));
		assertThat(this.org.emulator().org().count("Lead", true)).isZero();
		assertThat(this.org.connection().create(leads(1))[0].isSuccess()).isTrue();
	}

	@Test
	void lockContentionHitsTheRecordsOfTheNamedOperationOnly() throws Exception {
		String id = this.org.connection().create(leads(1))[0].getId();
		post("{\"operation\": \"update\", \"kind\": \"lock\", \"fraction\": 1, \"calls\": 1}");
		assertThat(this.org.connection().create(leads(1))[0].isSuccess()).as("another operation").isTrue();
		SObject update = new SObject("Lead");
		update.setId(id);
		update.setField("Title", "CEO");
		SaveResult locked = this.org.connection().update(new SObject[] { update })[0];
		assertThat(locked.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.UNABLE_TO_LOCK_ROW);
		assertThat(this.org.connection().update(new SObject[] { update })[0].isSuccess()).as("the one call was covered")
			.isTrue();
	}

	@Test
	void deleteClearsFaultsInjectedUntilCleared() throws Exception {
		post("{\"operation\": \"*\", \"kind\": \"unavailable\"}");
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(UnexpectedErrorFault.class)
				.isThrownBy(() -> this.org.connection().query("SELECT Id FROM Lead"));
		}
		HttpResponse<String> cleared = this.http.send(
				HttpRequest.newBuilder(URI.create(this.org.emulator().controlUrl() + "/faults")).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(cleared.statusCode()).isEqualTo(204);
		assertThat(this.org.connection().query("SELECT Id FROM Lead").getSize()).isZero();
	}

	@Test
	void usageReportsApiRequestsAndCallsPerOperation() throws Exception {
		this.org.connection().create(leads(2));
		this.org.connection().query("SELECT Id FROM Lead");
		this.org.connection().query("SELECT Id FROM Lead");
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(this.org.emulator().controlUrl() + "/usage")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode usage = JsonMapper.builder().build().readTree(response.body());
		assertThat(usage.get("apiRequests").asLong()).isEqualTo(3).isEqualTo(this.org.emulator().apiCalls());
		assertThat(usage.get("byOperation").get("query").asLong()).isEqualTo(2);
		assertThat(usage.get("byOperation").get("create").asLong()).isEqualTo(1);
		assertThat(usage.get("byOperation").get("login").asLong()).isEqualTo(1);
	}

	@Test
	void refusesFaultsItCannotInject() throws Exception {
		assertThat(post("{\"operation\": \"create\", \"kind\": \"meteor\"}").body()).contains("meteor");
		assertThat(post("{\"operation\": \"teleport\", \"kind\": \"drop\"}").statusCode()).isEqualTo(400);
		assertThat(post("{\"operation\": \"create\", \"kind\": \"lock\", \"fraction\": 2}").statusCode())
			.isEqualTo(400);
		assertThat(post("{\"kind\": \"drop\"}").statusCode()).isEqualTo(400);
		assertThat(post("not json").statusCode()).isEqualTo(400);
		assertThat(this.org.connection().create(leads(1))[0].isSuccess()).as("nothing was injected").isTrue();
	}

	private HttpResponse<String> post(String json) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.org.emulator().controlUrl() + "/faults"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static SObject[] leads(int count) {
		SObject[] leads = new SObject[count];
		for (int i = 0; i < count; i++) {
			leads[i] = new SObject("Lead");
			leads[i].setField("LastName", "Lead " + i);
			leads[i].setField("Company", "Acme");
		}
		return leads;
	}

}
