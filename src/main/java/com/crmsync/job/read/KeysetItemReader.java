/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.read;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The reader of every object step: one or more passes, one after the other, each over one
 * source (a Salesforce query, a CRM table) in the order of a stable key, a page at a
 * time. A two-way step reads Salesforce first, then the CRM; a push step reads its CRM
 * tables in turn.
 * <p>
 * Restartable: with each chunk it saves the pass it is in (under its phase key, e.g.
 * {@code twoWay.phase}, {@value #DONE} after the last) and the key of the last item it
 * returned in that pass (under the pass's {@link RestartKey}); on restart it begins again
 * after that item, in that pass. The passes are made for each step execution, from it
 * (the run's window, the mappings of the run), before the reader is opened.
 *
 * @param <T> the step's items
 */
public class KeysetItemReader<T> implements ItemStreamReader<T>, StepExecutionListener {

	/** The phase saved once every pass is read. */
	public static final String DONE = "DONE";

	private final String phaseKey;

	private final int pageSize;

	private final Function<StepExecution, List<KeysetPass<? extends T, ?>>> passesOfRun;

	private List<KeysetPass<? extends T, ?>> passes = List.of();

	private Reading<? extends T, ?> reading;

	/**
	 * A reader of passes.
	 * @param phaseKey the execution-context key of the pass it is in
	 * @param pageSize the items of a page: one chunk
	 * @param passesOfRun the passes of one step execution, in reading order (none: the
	 * step reads nothing, e.g. when the mapping switches it off)
	 */
	public KeysetItemReader(String phaseKey, int pageSize,
			Function<StepExecution, List<KeysetPass<? extends T, ?>>> passesOfRun) {
		this.phaseKey = phaseKey;
		this.pageSize = pageSize;
		this.passesOfRun = passesOfRun;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.passes = List.copyOf(this.passesOfRun.apply(stepExecution));
	}

	@Override
	public void open(ExecutionContext context) {
		String phase = context.getString(this.phaseKey, this.passes.isEmpty() ? DONE : this.passes.get(0).name());
		int index = indexOf(phase);
		this.reading = (index < this.passes.size()) ? reading(index, this.passes.get(index), context) : null;
		this.passes.forEach(KeysetPass::opened);
	}

	@Override
	public void update(ExecutionContext context) {
		if (this.reading != null) {
			context.putString(this.phaseKey, this.reading.pass.name());
			this.reading.save(context);
		}
		else {
			context.putString(this.phaseKey, DONE);
		}
		this.passes.forEach(KeysetPass::chunkWritten);
	}

	@Override
	public void close() {
		this.reading = null;
	}

	@Override
	public T read() {
		while (this.reading != null) {
			T item = this.reading.next();
			if (item != null) {
				return item;
			}
			startNextPass();
		}
		return null;
	}

	/**
	 * Whether every pass is read to its end: no {@link #read()} would return an item. It
	 * queries the next page of a pass when the page in hand is used up (that page is
	 * handed out by the next reads, as it would have been), so a writer can tell the last
	 * chunk of a step before it writes it.
	 * @return {@code true} when nothing is left to read
	 */
	public boolean exhausted() {
		while (this.reading != null) {
			if (this.reading.hasNext()) {
				return false;
			}
			startNextPass();
		}
		return true;
	}

	/**
	 * Moves on from a pass read to its end: to the next pass from its beginning, or to
	 * none after the last.
	 */
	private void startNextPass() {
		int next = this.reading.index + 1;
		this.reading = (next < this.passes.size()) ? reading(next, this.passes.get(next), null) : null;
	}

	private int indexOf(String phase) {
		if (DONE.equals(phase)) {
			return this.passes.size();
		}
		for (int i = 0; i < this.passes.size(); i++) {
			if (this.passes.get(i).name().equals(phase)) {
				return i;
			}
		}
		throw new IllegalStateException("The saved phase " + phase + " (" + this.phaseKey + ") is none of "
				+ this.passes.stream().map(KeysetPass::name).toList());
	}

	/**
	 * Starts a pass: after the key saved in the context on a restart, from the beginning
	 * otherwise.
	 */
	private <R extends T, K> Reading<R, K> reading(int index, KeysetPass<R, K> pass, ExecutionContext context) {
		K after = (context != null) ? pass.restartKey().read(context) : null;
		return new Reading<>(index, pass, after);
	}

	/**
	 * The pass being read: its pages, the page being handed out, the last key returned.
	 */
	private final class Reading<R extends T, K> {

		private final int index;

		private final KeysetPass<R, K> pass;

		private final Deque<R> page = new ArrayDeque<>();

		private K lastKey;

		private PageCursor<R> cursor;

		Reading(int index, KeysetPass<R, K> pass, K after) {
			this.index = index;
			this.pass = pass;
			this.lastKey = after;
		}

		/**
		 * The next item of the pass, or {@code null} at its end.
		 */
		R next() {
			if (!hasNext()) {
				return null;
			}
			R item = this.page.poll();
			this.lastKey = this.pass.keyOf(item);
			this.pass.returned(item);
			return item;
		}

		/**
		 * Whether the pass has another item: the page in hand, or the next one queried.
		 */
		boolean hasNext() {
			if (this.cursor == null) {
				// the query starts with the first read, not at open
				this.cursor = this.pass.startAfter(this.lastKey);
			}
			while (this.page.isEmpty()) {
				List<R> items = this.cursor.next(KeysetItemReader.this.pageSize);
				if (items == null) {
					return false;
				}
				this.page.addAll(items);
			}
			return true;
		}

		void save(ExecutionContext context) {
			this.pass.restartKey().write(context, this.lastKey);
		}

	}

}
