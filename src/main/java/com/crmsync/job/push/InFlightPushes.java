/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.push;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import com.crmsync.crm.PendingPushRepository;
import com.crmsync.crm.PendingPushRepository.PushStep;
import com.crmsync.crm.PushedValue;
import com.crmsync.job.ChunkReport;
import com.crmsync.job.StepCounts.Outcome;
import com.crmsync.job.SyncWindow;
import com.crmsync.job.write.SalesforceWrites;
import com.crmsync.salesforce.BulkWrite;
import com.crmsync.salesforce.RecordSaveResult;

/**
 * A bulk push step's batches in flight across chunks. Salesforce saves a batch's records
 * one transaction of 200 after another, so a chunk that waits for its own batch keeps one
 * batch of the step at work at a time; here a chunk sends its batch and records the
 * outcomes of the oldest ones once more than {@code sync.salesforce.max-concurrent-calls}
 * would be in flight (the last chunk, of all of them), so several are saved side by side.
 * <p>
 * Restartable: the values a batch sent are kept in {@code sync_pending_batch} in the
 * transaction of the chunk that sent it, as long as it stays in flight after that chunk,
 * and removed in the one that records its outcomes. A restart records the outcomes of the
 * batches its step's committed chunks left ({@link #sentEarlier}); the records are
 * neither read nor sent again.
 *
 * @param <D> the decisions
 */
final class InFlightPushes<D extends PushDecision> {

	private final PushTarget<?, D> target;

	private final SalesforceWrites.StepWrites saves;

	private final PendingPushRepository pending;

	private final PushStep step;

	private final Deque<Waiting> waiting = new ArrayDeque<>();

	InFlightPushes(PushTarget<?, D> target, SalesforceWrites.StepWrites saves, PendingPushRepository pending,
			PushStep step) {
		this.target = target;
		this.saves = saves;
		this.pending = pending;
		this.step = step;
	}

	/**
	 * Sends decisions without waiting for their outcomes.
	 * @param sends the decisions
	 */
	void send(List<D> sends) {
		BulkWrite.InFlight inFlight = this.saves.send(this.target.toSalesforce(sends));
		this.waiting.add(new Waiting(inFlight, sends.stream().map(this.target::sentValue).toList()));
	}

	/**
	 * Waits for the oldest sends until at most some remain in flight, and reads their
	 * outcomes.
	 * @param inFlight how many sends may stay in flight
	 * @return the outcomes read, oldest first, for {@link #record}
	 */
	List<Outcomes> awaitAllBut(int inFlight) {
		List<Outcomes> done = new ArrayList<>();
		while (this.waiting.size() > inFlight) {
			Waiting oldest = this.waiting.poll();
			List<String> batches = oldest.inFlight().batches().keySet().stream().map(BulkWrite.Batch::text).toList();
			done.add(new Outcomes(oldest.values(), this.saves.await(oldest.inFlight()),
					oldest.kept() ? batches : List.of()));
		}
		return done;
	}

	/**
	 * The outcomes of the batches an earlier attempt of the step sent in chunks it
	 * committed, waited for and read.
	 * @return the outcomes, oldest batch first
	 */
	List<Outcomes> sentEarlier() {
		List<Outcomes> earlier = new ArrayList<>();
		for (Map.Entry<String, List<PushedValue>> batch : this.pending.find(this.step).entrySet()) {
			List<PushedValue> values = batch.getValue();
			earlier.add(
					new Outcomes(values, this.saves.resultsOf(batch.getKey(), values.size()), List.of(batch.getKey())));
		}
		return earlier;
	}

	/**
	 * Records, in the chunk's transaction, outcomes read, and keeps the values of the
	 * sends still in flight for a restart.
	 * @param outcomes the outcomes
	 * @param report the chunk's report
	 * @param window the run
	 */
	void record(List<Outcomes> outcomes, ChunkReport report, SyncWindow window) {
		List<PushedValue> accepted = new ArrayList<>();
		List<PushedValue> rejected = new ArrayList<>();
		List<String> applied = new ArrayList<>();
		for (Outcomes one : outcomes) {
			for (int i = 0; i < one.values().size(); i++) {
				PushedValue value = one.values().get(i);
				RecordSaveResult result = one.results().get(i);
				if (result.success()) {
					accepted.add(value);
					report.count(result.created() ? Outcome.CREATED : Outcome.UPDATED);
				}
				else {
					rejected.add(value);
					report.rejected(value.type(), value.crmId(), value.salesforceId(), result);
				}
			}
			applied.addAll(one.batches());
		}
		this.target.recordSent(accepted, rejected, window);
		this.pending.applied(this.step, applied);
		for (Waiting send : this.waiting) {
			if (!send.kept()) {
				send.inFlight()
					.batches()
					.forEach((batch, rows) -> this.pending.save(this.step, batch.text(),
							rows.stream().map(send.values()::get).toList()));
				send.keep();
			}
		}
	}

	/**
	 * A send in flight: its batches and the values it sent, and whether those are kept
	 * for a restart (by a chunk that committed).
	 */
	private static final class Waiting {

		private final BulkWrite.InFlight inFlight;

		private final List<PushedValue> values;

		private boolean kept;

		Waiting(BulkWrite.InFlight inFlight, List<PushedValue> values) {
			this.inFlight = inFlight;
			this.values = values;
		}

		BulkWrite.InFlight inFlight() {
			return this.inFlight;
		}

		List<PushedValue> values() {
			return this.values;
		}

		boolean kept() {
			return this.kept;
		}

		void keep() {
			this.kept = true;
		}

	}

	/**
	 * The outcomes of sent values, and the kept batches they empty.
	 *
	 * @param values the values sent, in order
	 * @param results one result per value
	 * @param batches the batches kept in {@code sync_pending_batch}, as their texts
	 */
	record Outcomes(List<PushedValue> values, List<RecordSaveResult> results, List<String> batches) {

	}

}
