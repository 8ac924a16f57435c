/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.crmsync.testsupport.MutableClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stamps follow the clock, one per transaction, and never go back against the server time
 * handed out.
 */
class WriteClockTests {

	private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

	private final MutableClock time = new MutableClock(T0);

	private final WriteClock clock = new WriteClock(this.time);

	@Test
	void aBurstOfTransactionsDoesNotRunAheadOfTheClock() {
		Instant millis = Instant.parse("2026-03-01T10:00:00.123Z");
		for (int i = 0; i < 1000; i++) {
			assertThat(this.clock.transaction(this.clock::next)).isEqualTo(millis);
		}
		assertThat(this.clock.now()).isEqualTo(millis);
		assertThat(this.clock.next()).isEqualTo(millis);
	}

	@Test
	void oneTransactionOneStampWhileTheClockMoves() {
		Instant[] stamps = this.clock.transaction(() -> {
			Instant first = this.clock.next();
			this.time.set(T0.plusSeconds(5));
			return new Instant[] { first, this.clock.next(), this.clock.now(),
					this.clock.transaction(this.clock::next) };
		});
		assertThat(stamps).containsOnly(Instant.parse("2026-03-01T10:00:00.123Z"));
		assertThat(this.clock.next()).isEqualTo(Instant.parse("2026-03-01T10:00:05.123Z"));
	}

	@Test
	void timeHandedOutNeverGoesBack() {
		this.time.set(T0.plusSeconds(10));
		Instant serverTime = this.clock.now();
		this.time.set(T0);
		assertThat(this.clock.transaction(this.clock::next)).isEqualTo(serverTime);
		assertThat(this.clock.now()).isEqualTo(serverTime);
	}

	@Test
	void serverTimeWaitsForTheTransactionInProgress() throws Exception {
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<Instant> stamp = CompletableFuture.supplyAsync(() -> this.clock.transaction(() -> {
			writing.countDown();
			await(finish);
			return this.clock.next();
		}));
		assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
		this.time.set(T0.plusSeconds(1));
		CompletableFuture<Instant> serverTime = CompletableFuture.supplyAsync(this.clock::now);
		// handing out T0 + 1 s now would let a window ending there miss the records
		// the call is still writing with the stamp T0
		Awaitility.await("the server time to wait for the write in progress")
			.during(Duration.ofMillis(100))
			.atMost(Duration.ofSeconds(1))
			.until(() -> !serverTime.isDone());
		assertThat(serverTime).isNotDone();
		finish.countDown();
		assertThat(serverTime.get(10, TimeUnit.SECONDS)).isAfterOrEqualTo(stamp.get(10, TimeUnit.SECONDS));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
