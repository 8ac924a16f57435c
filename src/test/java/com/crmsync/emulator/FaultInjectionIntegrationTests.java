/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import java.util.ArrayList;
import java.util.List;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Injected faults and limits as force-wsc sees them.
 */
class FaultInjectionIntegrationTests {

	private SalesforceEmulator emulator;

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	private PartnerConnection start(EmulatorSettings.Builder settings) throws ConnectionException {
		this.emulator = SalesforceEmulator.start(settings.build());
		return EmulatorClients.connect(this.emulator);
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

	@Test
	void lockContentionFailsADeterministicFractionOfRecords() throws Exception {
		List<Integer> failedPositions = new ArrayList<>();
		for (int run = 0; run < 2; run++) {
			PartnerConnection connection = start(EmulatorSettings.builder());
			this.emulator.faults().lockContention(0.25, 7);
			SaveResult[] results = connection.create(leads(200));
			List<Integer> failed = new ArrayList<>();
			for (int i = 0; i < results.length; i++) {
				if (!results[i].isSuccess()) {
					assertThat(results[i].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.UNABLE_TO_LOCK_ROW);
					failed.add(i);
				}
			}
			assertThat(failed.size()).isBetween(30, 70);
			assertThat(this.emulator.org().count("Lead", true)).isEqualTo(200 - failed.size());
			if (run == 0) {
				failedPositions.addAll(failed);
			}
			else {
				assertThat(failed).isEqualTo(failedPositions);
			}
			this.emulator.close();
		}
		this.emulator = SalesforceEmulator.start(EmulatorSettings.defaults());
	}

	@Test
	void serverUnavailableForTheFirstCallsOfAnOperation() throws Exception {
		PartnerConnection connection = start(EmulatorSettings.builder());
		this.emulator.faults().serverUnavailable("create", 2);
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(UnexpectedErrorFault.class).isThrownBy(() -> connection.create(leads(1)))
				.satisfies((fault) -> assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.SERVER_UNAVAILABLE));
		}
		connection.getServerTimestamp();
		assertThat(connection.create(leads(1))[0].isSuccess()).isTrue();
		assertThat(this.emulator.calls("create")).isEqualTo(3);
		assertThat(this.emulator.org().count("Lead", true)).isEqualTo(1);
	}

	@Test
	void droppedConnectionsSurfaceAsConnectionErrors() throws Exception {
		PartnerConnection connection = start(EmulatorSettings.builder());
		this.emulator.faults().dropConnection("query", 1);
		assertThatExceptionOfType(ConnectionException.class).isThrownBy(() -> connection.query("SELECT Id FROM Lead"));
		assertThat(connection.query("SELECT Id FROM Lead").getSize()).isZero();
		assertThat(this.emulator.calls("query")).isEqualTo(2);
	}

	@Test
	void requestLimitExceededOnceTheApiBudgetIsSpent() throws Exception {
		PartnerConnection connection = start(EmulatorSettings.builder().apiLimit(3));
		connection.getServerTimestamp();
		connection.getServerTimestamp();
		assertThat(connection.getServerTimestamp()).isNotNull();
		assertThat(connection.getLimitInfoHeader().getLimitInfo()[0].getCurrent()).isEqualTo(3);
		assertThat(connection.getLimitInfoHeader().getLimitInfo()[0].getLimit()).isEqualTo(3);
		assertThatExceptionOfType(UnexpectedErrorFault.class).isThrownBy(connection::getServerTimestamp)
			.satisfies((fault) -> {
				assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.REQUEST_LIMIT_EXCEEDED);
				assertThat(fault.getExceptionMessage()).isEqualTo("TotalRequests Limit exceeded.");
			});
		assertThat(this.emulator.apiCalls()).isEqualTo(3);
	}

	@Test
	void latencyIsAddedToEveryCallAndCallsAreCountedPerOperation() throws Exception {
		PartnerConnection connection = start(EmulatorSettings.builder().latencyMs(150));
		long started = System.nanoTime();
		connection.getServerTimestamp();
		assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(150);
		assertThat(this.emulator.calls("create")).isZero();
		assertThat(this.emulator.calls("update")).isZero();
		assertThat(this.emulator.callsByOperation()).containsOnlyKeys("login", "getServerTimestamp");
	}

}
