/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.score;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import com.crmsync.crm.ObjectType;
import com.crmsync.crm.ScoreCandidate;
import com.crmsync.crm.ScoreCandidateRepository;
import com.crmsync.job.SyncWindow;
import com.crmsync.mapping.Direction;
import com.crmsync.mapping.LeadScoreMapping;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the linked CRM leads, then the linked CRM contacts, whose score may need pushing
 * (see {@link ScoreCandidateRepository#page}), a page at a time in id order; nothing when
 * the mapping switches scores off.
 * <p>
 * Restartable: on restart it begins again after the last record of the last committed
 * chunk, in the table it was in.
 */
public class LeadScoreItemReader implements ItemStreamReader<ScoreCandidate>, StepExecutionListener {

	static final String TABLE_KEY = "leadScores.table";

	static final String LAST_ID_KEY = "leadScores.lastId";

	/** The tables in reading order. */
	private enum Table {

		LEAD, CONTACT, DONE

	}

	private final ScoreCandidateRepository candidates;

	private final Supplier<LeadScoreMapping> mappingSupplier;

	private final int pageSize;

	private SyncWindow window;

	private LeadScoreMapping mapping;

	private Table table = Table.LEAD;

	private long lastId;

	private long lastFetchedId;

	private final Deque<ScoreCandidate> buffer = new ArrayDeque<>();

	public LeadScoreItemReader(ScoreCandidateRepository candidates, Supplier<LeadScoreMapping> mapping, int pageSize) {
		this.candidates = candidates;
		this.mappingSupplier = mapping;
		this.pageSize = pageSize;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.window = SyncWindow.of(stepExecution);
		this.mapping = this.mappingSupplier.get();
	}

	@Override
	public void open(ExecutionContext context) {
		this.table = Table.valueOf(context.getString(TABLE_KEY, Table.LEAD.name()));
		this.lastId = context.getLong(LAST_ID_KEY, 0L);
		this.lastFetchedId = this.lastId;
		this.buffer.clear();
	}

	@Override
	public void update(ExecutionContext context) {
		context.putString(TABLE_KEY, this.table.name());
		context.putLong(LAST_ID_KEY, this.lastId);
	}

	@Override
	public void close() {
		this.buffer.clear();
	}

	@Override
	public ScoreCandidate read() {
		if (this.mapping.direction() != Direction.PUSH) {
			return null;
		}
		while (this.buffer.isEmpty()) {
			if (this.table == Table.DONE) {
				return null;
			}
			List<ScoreCandidate> page = this.candidates.page(ObjectType.valueOf(this.table.name()),
					this.mapping.salesforceField(), this.window.crmFrom(), this.lastFetchedId, this.pageSize);
			if (page.isEmpty()) {
				this.table = Table.values()[this.table.ordinal() + 1];
				this.lastId = 0;
				this.lastFetchedId = 0;
			}
			else {
				this.buffer.addAll(page);
				this.lastFetchedId = page.get(page.size() - 1).crmId();
			}
		}
		ScoreCandidate candidate = this.buffer.poll();
		this.lastId = candidate.crmId();
		return candidate;
	}

}
