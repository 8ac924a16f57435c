/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.push;

import java.util.List;

import com.crmsync.job.ChunkReport;
import com.crmsync.job.StepCounts.Outcome;
import com.crmsync.job.SyncWindow;
import com.crmsync.job.SyncedObject;
import com.crmsync.job.read.KeysetPass;
import com.crmsync.salesforce.RecordSaveResult;
import com.crmsync.salesforce.RecordSaves;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * What sets one push step (lead scores, events) apart from the other: where its CRM
 * records are read, how its decisions go to Salesforce, and what it remembers of them.
 * Reading, deciding, journaling, counting and the dry run around it are shared
 * ({@link PushSteps}). It is a step listener of its step, so it can take the run's
 * mappings before the first chunk; each step (each partition) has a target of its own.
 *
 * @param <C> the CRM records read
 * @param <D> the decisions
 */
public interface PushTarget<C, D extends PushDecision> extends StepExecutionListener {

	/**
	 * The object pushed.
	 * @return its definition (step name, direction)
	 */
	SyncedObject definition();

	/**
	 * Where the step's reader saves the pass it is in.
	 * @return the execution-context key
	 */
	String phaseKey();

	/**
	 * The passes of one run, in reading order, over the step's share of the CRM rows
	 * ({@link com.crmsync.job.partition.ModuloPlan#share}: a partition's, or every row).
	 * @param step the running step
	 * @return the passes; none when the mapping switches the push off
	 */
	List<KeysetPass<? extends C, ?>> passes(StepExecution step);

	/**
	 * How many records the step's passes will read, counted up to a limit: how many
	 * partitions the step is worth ({@link com.crmsync.job.partition.ModuloPlan}).
	 * @param step the step's (the partition manager's) execution
	 * @param atMost where counting may stop
	 * @return the count, at most {@code atMost}
	 */
	long count(StepExecution step, long atMost);

	/**
	 * The CRM tables whose rows the step may push: their size decides under
	 * {@code sync.salesforce.api=auto} whether a full run writes through the Bulk API.
	 * @return the tables
	 */
	List<String> crmTables();

	/**
	 * Sends decisions to Salesforce.
	 * @param saves the step's saves (SOAP calls of up to 200 records or a bulk batch)
	 * @param sends the decisions to send
	 * @return one result per decision, in order
	 */
	List<RecordSaveResult> send(RecordSaves saves, List<D> sends);

	/**
	 * The changes a dry run reports for one decision.
	 * @param report where they go
	 * @param send the decision that would be sent
	 */
	void plan(ChunkReport report, D send);

	/**
	 * How a dry run counts one decision.
	 * @param send the decision that would be sent
	 * @return {@link Outcome#CREATED} for a record not in Salesforce yet, else
	 * {@link Outcome#UPDATED}
	 */
	Outcome plannedOutcome(D send);

	/**
	 * Records, in the chunk's transaction, what Salesforce accepted and rejected and what
	 * the decisions ask to remember, so the next run pushes what is still to push and
	 * nothing else.
	 * @param sent the decisions Salesforce accepted, with the records' ids
	 * @param rejected the decisions Salesforce rejected
	 * @param remembered the decisions to remember without sending
	 * @param window the run
	 */
	void record(List<Sent<D>> sent, List<D> rejected, List<D> remembered, SyncWindow window);

	/**
	 * A decision Salesforce accepted.
	 *
	 * @param decision the decision
	 * @param salesforceId the record written
	 * @param <D> the decisions
	 */
	record Sent<D>(D decision, String salesforceId) {

	}

}
