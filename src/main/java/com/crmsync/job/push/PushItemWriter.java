/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.push;

import java.util.ArrayList;
import java.util.List;

import com.crmsync.crm.PendingPushRepository.PushStep;
import com.crmsync.crm.RunJournal;
import com.crmsync.job.ChunkReport;
import com.crmsync.job.StepCounts.Outcome;
import com.crmsync.job.SyncWindow;
import com.crmsync.job.partition.CrmWriteLock;
import com.crmsync.job.push.PushTarget.Sent;
import com.crmsync.job.read.KeysetItemReader;
import com.crmsync.job.write.SalesforceWrites;
import com.crmsync.salesforce.RecordSaveResult;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes one chunk of a push step: the decisions to send go to Salesforce together (calls
 * of up to 200 records, or a bulk batch, as the step's {@link SalesforceWrites} chose),
 * then, in the chunk's transaction, the target records what was accepted, rejected and
 * remembered. A record Salesforce rejects is journaled with its status code and message
 * and the target forgets what it pushed of it, so the next run tries again; skips are
 * journaled with their reason. In a dry run nothing is written: every planned change is
 * journaled instead.
 *
 * @param <D> the decisions
 */
class PushItemWriter<D extends PushDecision> implements ItemWriter<D>, StepExecutionListener {

	private final PushTarget<?, D> target;

	private final RunJournal journal;

	private final SalesforceWrites writes;

	private final CrmWriteLock crmWrites;

	private final KeysetItemReader<?> reader;

	private final PendingPushes pendingPushes;

	private StepExecution stepExecution;

	private SyncWindow window;

	private SalesforceWrites.StepWrites saves;

	private InFlightPushes<D> inFlight;

	PushItemWriter(PushTarget<?, D> target, RunJournal journal, SalesforceWrites writes, CrmWriteLock crmWrites,
			KeysetItemReader<?> reader, PendingPushes pendingPushes) {
		this.target = target;
		this.journal = journal;
		this.writes = writes;
		this.crmWrites = crmWrites;
		this.reader = reader;
		this.pendingPushes = pendingPushes;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.window = SyncWindow.of(stepExecution);
		boolean keepsInFlight = this.target.recordsSentValues() && !this.window.dryRun();
		this.saves = this.writes.of(stepExecution, this.target.crmTables(), keepsInFlight);
		this.inFlight = null;
		if (keepsInFlight) {
			this.inFlight = new InFlightPushes<>(this.target, this.saves, this.pendingPushes.repository(), new PushStep(
					stepExecution.getJobExecution().getJobInstance().getInstanceId(), stepExecution.getStepName()));
			recordSentEarlier();
		}
	}

	/**
	 * A restart first records the outcomes of the batches its step's committed chunks
	 * left in flight, in a transaction of their own with the step's counts.
	 */
	private void recordSentEarlier() {
		List<InFlightPushes.Outcomes> earlier = this.inFlight.sentEarlier();
		if (earlier.isEmpty()) {
			return;
		}
		this.pendingPushes.inTransaction(() -> {
			ChunkReport report = new ChunkReport(this.stepExecution, this.journal);
			try {
				this.crmWrites.holdUntilTransactionEnds();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting to write the CRM", ex);
			}
			this.inFlight.record(earlier, report, this.window);
			report.record();
			this.pendingPushes.saveContext(this.stepExecution);
		});
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		this.saves.close();
		return null;
	}

	@Override
	public void write(Chunk<? extends D> chunk) throws InterruptedException {
		ChunkReport report = new ChunkReport(this.stepExecution, this.journal);
		List<D> sends = new ArrayList<>();
		List<D> remembered = new ArrayList<>();
		for (D decision : chunk) {
			switch (decision.action()) {
				case SEND -> sends.add(decision);
				case UNCHANGED -> report.count(Outcome.UNCHANGED);
				case REMEMBER -> {
					remembered.add(decision);
					report.count(Outcome.UNCHANGED);
				}
				case SKIP ->
					report.skipped(decision.type(), decision.crmId(), decision.salesforceId(), decision.reason());
				case FAIL -> report.failed(decision.type(), decision.crmId(), decision.salesforceId(),
						decision.failureCode(), decision.reason());
			}
		}
		if (this.window.dryRun()) {
			sends.forEach((send) -> {
				this.target.plan(report, send);
				report.count(this.target.plannedOutcome(send));
			});
			this.crmWrites.holdUntilTransactionEnds();
		}
		else if (this.inFlight != null && this.saves.pipelines()) {
			sendKeepingInFlight(sends, remembered, report);
		}
		else {
			send(sends, remembered, report);
		}
		report.record();
	}

	/**
	 * Sends the chunk's batch and records the outcomes of the oldest batches in flight
	 * (of all of them in the step's last chunk).
	 */
	private void sendKeepingInFlight(List<D> sends, List<D> remembered, ChunkReport report)
			throws InterruptedException {
		if (!sends.isEmpty()) {
			this.inFlight.send(sends);
		}
		boolean last = this.reader.exhausted();
		List<InFlightPushes.Outcomes> done = this.inFlight.awaitAllBut(last ? 0 : this.saves.batchesInFlight() - 1);
		// Salesforce's answers are in: only now does the chunk write the CRM
		this.crmWrites.holdUntilTransactionEnds();
		this.inFlight.record(done, report, this.window);
		this.target.record(List.of(), List.of(), remembered, this.window);
	}

	private void send(List<D> sends, List<D> remembered, ChunkReport report) throws InterruptedException {
		List<RecordSaveResult> results = this.target.toSalesforce(sends).sendTo(this.saves);
		List<Sent<D>> sent = new ArrayList<>();
		List<D> rejected = new ArrayList<>();
		for (int i = 0; i < sends.size(); i++) {
			D decision = sends.get(i);
			RecordSaveResult result = results.get(i);
			if (result.success()) {
				sent.add(new Sent<>(decision, result.id()));
				report.count(result.created() ? Outcome.CREATED : Outcome.UPDATED);
			}
			else {
				report.rejected(decision.type(), decision.crmId(), decision.salesforceId(), result);
				rejected.add(decision);
			}
		}
		// Salesforce's answers are in: only now does the chunk write the CRM
		this.crmWrites.holdUntilTransactionEnds();
		this.target.record(sent, rejected, remembered, this.window);
	}

}
