/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.cost;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Charges the {@link CostProfile} to the requests the emulator serves: the request
 * handlers ask for the network round trip, for admission (at most
 * {@link CostProfile#maxConcurrentRequests} requests at once, the others waiting in line
 * in arrival order, as Salesforce's request threads do) and for the server time of the
 * rows and records they handle. The waits are real sleeps, so a client feels them; the
 * modelled time is also counted, so a test can read it. A free profile sleeps and queues
 * nowhere.
 */
public final class CostModel {

	private final CostProfile profile;

	private final Sleeper sleeper;

	private final Semaphore requestSlots;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger peakInFlight = new AtomicInteger();

	private final LongAdder queued = new LongAdder();

	private final AtomicLong modelledNanos = new AtomicLong();

	private final Admission release = this::leave;

	public CostModel(CostProfile profile) {
		this(profile, Sleeper.REAL);
	}

	CostModel(CostProfile profile, Sleeper sleeper) {
		this.profile = profile;
		this.sleeper = sleeper;
		this.requestSlots = (profile.maxConcurrentRequests() > 0) ? new Semaphore(profile.maxConcurrentRequests(), true)
				: null;
	}

	public CostProfile profile() {
		return this.profile;
	}

	/**
	 * Waits out the network round trip of one request.
	 * @param extraMs injected latency on top of the profile's
	 */
	public void roundTrip(long extraMs) {
		spend(TimeUnit.MILLISECONDS.toNanos(this.profile.latencyMs() + extraMs));
	}

	/**
	 * Admits one request to the server, waiting in line while the cap is reached.
	 * @return what to close when the request is served
	 * @throws InterruptedException when interrupted while waiting
	 */
	public Admission admit() throws InterruptedException {
		if (this.requestSlots == null) {
			return Admission.NONE;
		}
		if (!this.requestSlots.tryAcquire()) {
			this.queued.increment();
			this.requestSlots.acquire();
		}
		int now = this.inFlight.incrementAndGet();
		this.peakInFlight.accumulateAndGet(now, Math::max);
		return this.release;
	}

	private void leave() {
		this.inFlight.decrementAndGet();
		this.requestSlots.release();
	}

	/**
	 * Spends the server time of query rows returned.
	 * @param rows the rows
	 */
	public void queryRows(int rows) {
		spend(nanos(rows, this.profile.queryMsPerRow()));
	}

	/**
	 * Spends the server time of records saved (or deleted).
	 * @param records the records
	 */
	public void savedRecords(int records) {
		spend(nanos(records, this.profile.dmlMsPerRecord()));
	}

	private static long nanos(int count, double msEach) {
		return (long) (count * msEach * 1_000_000);
	}

	/**
	 * Sleeps; an interrupt (the emulator shutting down) ends the sleep early and is kept
	 * for the caller to see.
	 */
	private void spend(long nanos) {
		if (nanos <= 0) {
			return;
		}
		this.modelledNanos.addAndGet(nanos);
		try {
			this.sleeper.sleep(nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The most requests served at once so far (counted only under a cap: without one,
	 * requests are not admitted and this stays 0).
	 * @return the peak
	 */
	public int peakConcurrentRequests() {
		return this.peakInFlight.get();
	}

	/**
	 * Requests that had to wait in line for a free slot.
	 * @return the count
	 */
	public long queuedRequests() {
		return this.queued.sum();
	}

	/**
	 * The time charged so far (round trips and server time), in milliseconds.
	 * @return the modelled time
	 */
	public long modelledMillis() {
		return TimeUnit.NANOSECONDS.toMillis(this.modelledNanos.get());
	}

	/**
	 * A request's place among those served at once; closing it lets the next one in.
	 */
	@FunctionalInterface
	public interface Admission extends AutoCloseable {

		/** Admission when there is no cap. */
		Admission NONE = () -> {
		};

		@Override
		void close();

	}

	/**
	 * How time is spent: a real sleep, or a recording one in tests.
	 */
	@FunctionalInterface
	interface Sleeper {

		/** Sleeps the calling thread. */
		Sleeper REAL = (nanos) -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));

		void sleep(long nanos) throws InterruptedException;

	}

}
