/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.time.Instant;
import java.util.Optional;

import com.crmsync.crm.OrgConnectionRepository;
import com.crmsync.crm.WatermarkRepository;
import com.crmsync.crm.WatermarkRepository.Watermarks;
import com.crmsync.salesforce.SalesforceClient;
import com.crmsync.salesforce.SalesforceProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code connect} step: logs in, refuses any org but the pinned one (pinning it at
 * the first connection), validates the mappings against the org's schema, and fixes the
 * run's window — everything that can stop a run happens here, before any data moves.
 */
public class ConnectTasklet implements Tasklet {

	/** The step's name. */
	public static final String STEP = "connect";

	private static final Log logger = LogFactory.getLog(ConnectTasklet.class);

	private final SalesforceClient salesforce;

	private final SalesforceProperties salesforceProperties;

	private final OrgConnectionRepository orgConnection;

	private final WatermarkRepository watermarks;

	private final MappingsProvider mappings;

	private final SyncProperties properties;

	private final JdbcTemplate jdbc;

	private final SyncedObjects objects;

	public ConnectTasklet(SalesforceClient salesforce, SalesforceProperties salesforceProperties,
			OrgConnectionRepository orgConnection, WatermarkRepository watermarks, MappingsProvider mappings,
			SyncProperties properties, JdbcTemplate jdbc, SyncedObjects objects) {
		this.salesforce = salesforce;
		this.salesforceProperties = salesforceProperties;
		this.orgConnection = orgConnection;
		this.watermarks = watermarks;
		this.mappings = mappings;
		this.properties = properties;
		this.jdbc = jdbc;
		this.objects = objects;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution job = contribution.getStepExecution().getJobExecution();
		boolean dryRun = SyncJobParameters.isDryRun(job.getJobParameters());
		boolean full = SyncJobParameters.isFull(job.getJobParameters());

		this.salesforce.deprecationWarning()
			.ifPresent((warning) -> RunWarnings.add(job.getExecutionContext(), warning));
		String orgId = this.salesforce.login();
		this.salesforce.startBudget();
		new OrgGuard(this.orgConnection).requireOwnOrg(orgId, "sync with");
		Optional<String> pinned = this.orgConnection.pinnedOrgId();
		this.mappings.reloadAndValidate(this.salesforce);
		if (pinned.isEmpty() && !dryRun) {
			this.orgConnection.pin(orgId, this.salesforceProperties.loginUrl(),
					job.getJobParameters().getString(SyncJobParameters.OPERATOR));
			logger.info("Connected to Salesforce org " + orgId);
		}

		Instant salesforceTo = this.salesforce.serverTime();
		// for the run's report: which org, where its records open, its daily API limit
		new OrgFacts(orgId, this.salesforce.instanceUrl(), this.salesforce.dailyLimit())
			.storeIn(job.getExecutionContext());
		Instant crmTo = this.jdbc.queryForObject("SELECT UTC_TIMESTAMP(3)", java.time.LocalDateTime.class)
			.toInstant(java.time.ZoneOffset.UTC);
		// one window for the whole run: every object's watermark moved to the same point
		Optional<Watermarks> last = full ? Optional.empty()
				: this.watermarks.findEarliest(this.objects.watermarkKeys());
		SyncWindow window = new SyncWindow(
				last.map((mark) -> mark.salesforce().minus(this.properties.lookBack())).orElse(null), salesforceTo,
				last.map((mark) -> mark.crm().minus(this.properties.lookBack())).orElse(null), crmTo, dryRun,
				job.getId(), job.getId());
		window.storeIn(job.getExecutionContext());
		logger.info("Run " + job.getId() + (window.isFull() ? " reconciles every record" : " reads changes since "
				+ window.salesforceFrom() + " (Salesforce) and " + window.crmFrom() + " (CRM)"));
		return RepeatStatus.FINISHED;
	}

}
