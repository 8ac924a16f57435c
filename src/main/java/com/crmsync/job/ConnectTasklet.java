/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.crmsync.crm.OrgConnectionRepository;
import com.crmsync.crm.WatermarkRepository;
import com.crmsync.crm.WatermarkRepository.Watermarks;
import com.crmsync.salesforce.CallAhead;
import com.crmsync.salesforce.SalesforceClient;
import com.crmsync.salesforce.SalesforceProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

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

	private final SyncedObjects objects;

	private final ObjectSteps objectSteps;

	public ConnectTasklet(SalesforceClient salesforce, SalesforceProperties salesforceProperties,
			OrgConnectionRepository orgConnection, WatermarkRepository watermarks, MappingsProvider mappings,
			SyncProperties properties, SyncedObjects objects, ObjectSteps objectSteps) {
		this.salesforce = salesforce;
		this.salesforceProperties = salesforceProperties;
		this.orgConnection = orgConnection;
		this.watermarks = watermarks;
		this.mappings = mappings;
		this.properties = properties;
		this.objects = objects;
		this.objectSteps = objectSteps;
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
		// the run's upper watermark, asked now: its round trip overlaps the describe
		CallAhead<Instant> serverTime = this.salesforce.ahead(this.salesforce::serverTime);
		Optional<String> pinned = this.orgConnection.pinnedOrgId();
		MappingsProvider.Mappings mappings = this.mappings.reloadAndValidate(this.salesforce);
		if (pinned.isEmpty() && !dryRun) {
			this.orgConnection.pin(orgId, this.salesforceProperties.loginUrl(),
					job.getJobParameters().getString(SyncJobParameters.OPERATOR));
			logger.info("Connected to Salesforce org " + orgId);
		}

		Instant salesforceTo = serverTime.get();
		// for the run's report: which org, where its records open, its daily API limit
		new OrgFacts(orgId, this.salesforce.instanceUrl(), this.salesforce.dailyLimit())
			.storeIn(job.getExecutionContext());
		Instant crmTo = this.watermarks.crmNow();
		// each object reads from its own watermarks: one that never moved (newly mapped
		// or switched on) reads all its records; the run's own start is the earliest of
		// them
		Map<String, Watermarks> last = full ? Map.of() : this.watermarks.find(this.objects.watermarkKeys());
		Instant salesforceFrom = null;
		Instant crmFrom = null;
		List<String> readWhole = new ArrayList<>();
		for (SyncedObject object : this.objects.definitions()) {
			Watermarks mark = last.get(object.watermarkKey());
			Instant objectSalesforceFrom = (mark != null) ? minusLookBack(mark.salesforce()) : null;
			Instant objectCrmFrom = (mark != null) ? minusLookBack(mark.crm()) : null;
			SyncWindow.storeObjectStart(job.getExecutionContext(), object.stepName(), objectSalesforceFrom,
					objectCrmFrom);
			if (mark == null && mappings.switchedOn(object)) {
				readWhole.add(object.name());
			}
			else {
				salesforceFrom = earlier(salesforceFrom, objectSalesforceFrom);
				crmFrom = earlier(crmFrom, objectCrmFrom);
			}
		}
		SyncWindow window = new SyncWindow(salesforceFrom, salesforceTo, crmFrom, crmTo, dryRun, job.getId(),
				job.getId());
		window.storeIn(job.getExecutionContext());
		// the steps' splits (a sample of each object's keys) overlap the steps before
		// them
		this.objectSteps.askAhead(job);
		if (!window.isFull() && !readWhole.isEmpty()) {
			RunWarnings.add(job.getExecutionContext(),
					"Read in full, never synced before (newly mapped or switched on): " + String.join(", ", readWhole));
		}
		logger.info(
				"Run " + job.getId()
						+ (window.isFull() ? " reconciles every record" : " reads changes since "
								+ window.salesforceFrom() + " (Salesforce) and " + window.crmFrom() + " (CRM)"
								+ (readWhole.isEmpty() ? "" : "; all records of " + String.join(", ", readWhole))));
		return RepeatStatus.FINISHED;
	}

	private Instant minusLookBack(Instant watermark) {
		return (watermark != null) ? watermark.minus(this.properties.lookBack()) : null;
	}

	private static Instant earlier(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isBefore(b)) ? a : b;
	}

}
