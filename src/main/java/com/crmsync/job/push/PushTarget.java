/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.push;

import java.util.List;

import com.crmsync.crm.PushedValue;
import com.crmsync.job.ChunkReport;
import com.crmsync.job.StepCounts.Outcome;
import com.crmsync.job.SyncWindow;
import com.crmsync.job.SyncedObject;
import com.crmsync.job.read.KeysetPass;
import com.crmsync.salesforce.SaveRequest;

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
	 * How many records the step's passes may read, from above (cheaply, through indexes)
	 * and counted up to a limit: how many partitions the step is worth
	 * ({@link com.crmsync.job.partition.ModuloPlan}).
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
	 * What to save in Salesforce for decisions.
	 * @param sends the decisions to send
	 * @return the save, one record per decision, in order
	 */
	SaveRequest toSalesforce(List<D> sends);

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
	 * Whether what the step records of a sent decision follows from the value it sent
	 * ({@link #sentValue}): then a step writing in bulk may leave a chunk's batches in
	 * flight while later chunks are read and sent, and a later chunk, or a restart,
	 * records their outcomes ({@link #recordSent}).
	 * @return {@code true} when {@link #sentValue} and {@link #recordSent} are
	 * implemented
	 */
	default boolean recordsSentValues() {
		return false;
	}

	/**
	 * The value a decision sends, as the step keeps it while the send's result is
	 * awaited.
	 * @param send the decision
	 * @return the value sent to its record
	 */
	default PushedValue sentValue(D send) {
		throw new UnsupportedOperationException(definition().stepName() + " records its sends as it sends them");
	}

	/**
	 * Records, in the transaction of the chunk that read their results, what Salesforce
	 * accepted and rejected of values sent by this or an earlier chunk.
	 * @param accepted the values Salesforce took
	 * @param rejected the values Salesforce rejected
	 * @param window the run
	 */
	default void recordSent(List<PushedValue> accepted, List<PushedValue> rejected, SyncWindow window) {
		throw new UnsupportedOperationException(definition().stepName() + " records its sends as it sends them");
	}

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
