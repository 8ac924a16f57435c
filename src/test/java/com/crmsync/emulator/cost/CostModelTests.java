/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.cost;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.crmsync.emulator.EmulatorSettings;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What the cost profiles charge, read from a recording sleeper (no time passes).
 */
class CostModelTests {

	private final List<Long> sleeps = new ArrayList<>();

	private CostModel model(CostProfile profile) {
		return new CostModel(profile, this.sleeps::add);
	}

	@Test
	void theRealisticProfileChargesASaveAPageAndARoundTrip() {
		CostModel model = model(CostProfile.REALISTIC);
		model.roundTrip(0);
		model.savedRecords(200);
		assertThat(model.modelledMillis()).as("a 200-record save").isEqualTo(1_100);
		model.roundTrip(0);
		model.queryRows(2_000);
		assertThat(model.modelledMillis() - 1_100).as("a 2,000-row page").isEqualTo(500);
		assertThat(this.sleeps).containsExactly(100_000_000L, 1_000_000_000L, 100_000_000L, 400_000_000L);
	}

	@Test
	void theZeroProfileNeitherSleepsNorQueues() throws Exception {
		CostModel model = model(CostProfile.ZERO);
		model.roundTrip(0);
		model.savedRecords(200);
		model.queryRows(2_000);
		try (CostModel.Admission admission = model.admit()) {
			assertThat(admission).isSameAs(CostModel.Admission.NONE);
		}
		assertThat(this.sleeps).isEmpty();
		assertThat(model.modelledMillis()).isZero();
		assertThat(CostProfile.ZERO.isFree()).isTrue();
		assertThat(CostProfile.REALISTIC.isFree()).isFalse();
	}

	@Test
	void injectedLatencyAddsToTheProfilesRoundTrip() {
		CostModel model = model(CostProfile.ZERO.withLatencyMs(20));
		model.roundTrip(5);
		assertThat(this.sleeps).containsExactly(25_000_000L);
	}

	@Test
	@SuppressWarnings("try") // the admission is held, not used: it occupies a slot for
								// its block
	void admissionsBeyondTheCapWaitUntilASlotIsFree() throws Exception {
		CostModel model = model(CostProfile.ZERO.withMaxConcurrentRequests(1));
		CostModel.Admission first = model.admit();
		Thread waiting = new Thread(() -> {
			try (CostModel.Admission second = model.admit()) {
				assertThat(model.peakConcurrentRequests()).isEqualTo(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		waiting.start();
		Awaitility.await("the second request to queue or end")
			.atMost(Duration.ofSeconds(10))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(1))
			.until(() -> model.queuedRequests() > 0 || !waiting.isAlive());
		assertThat(waiting.isAlive()).as("the second request waits for the first").isTrue();
		first.close();
		waiting.join(10_000);
		assertThat(waiting.isAlive()).isFalse();
		assertThat(model.peakConcurrentRequests()).isEqualTo(1);
		assertThat(model.queuedRequests()).isEqualTo(1);
	}

	@Test
	void knobsOverrideTheProfileWhateverTheOrder() {
		EmulatorSettings settings = EmulatorSettings.builder()
			.latencyMs(7)
			.bulkParallelism(3)
			.profile(CostProfile.REALISTIC)
			.maxConcurrentRequests(0)
			.build();
		assertThat(settings.costs()).isEqualTo(new CostProfile(7, 0.2, 5, 0, 3));
		assertThat(CostProfile.named("Realistic")).isEqualTo(CostProfile.REALISTIC);
		assertThatIllegalArgumentException().isThrownBy(() -> CostProfile.named("slow")).withMessageContaining("slow");
		assertThatIllegalArgumentException().isThrownBy(() -> CostProfile.ZERO.withBulkParallelism(0));
	}

}
