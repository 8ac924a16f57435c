/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

/**
 * Where a run stands among the others and what it worked on: the execution it resumes or
 * was restarted as, the window it read, the org it talked to.
 *
 * @param resumes the execution this one restarted (and resumed), or {@code null} for a
 * run's first execution
 * @param restartedAs the execution that restarted this one, or {@code null}
 * @param window what the run read, or {@code null} when it stopped before fixing it
 * @param org the org, or {@code null} when it stopped before connecting
 */
public record RunContext(Long resumes, Long restartedAs, Window window, Org org) {

	/** Nothing known. */
	static final RunContext NONE = new RunContext(null, null, null, null);

	/**
	 * The records a run read.
	 *
	 * @param full whether it read every record ({@code --full}, or the first run)
	 * @param salesforceFrom Salesforce records changed since (UTC), {@code null} for all
	 * @param crmFrom CRM rows changed since (UTC), {@code null} for all
	 * @param salesforceTo Salesforce's time when the run connected (UTC)
	 * @param crmTo the CRM database's time when the run connected (UTC)
	 */
	public record Window(boolean full, String salesforceFrom, String crmFrom, String salesforceTo, String crmTo) {

		/**
		 * The window in words.
		 * @return e.g. {@code full (every record)} or
		 * {@code incremental: changes since 2026-12-02 03:11:41 UTC}
		 */
		public String describe() {
			if (this.full) {
				return "full (every record)";
			}
			String since = UtcTimes.readable(this.salesforceFrom);
			String crmSince = UtcTimes.readable(this.crmFrom);
			return "incremental: changes since " + since + (since.equals(crmSince) ? "" : " (CRM: " + crmSince + ")");
		}

	}

	/**
	 * The org a run talked to.
	 *
	 * @param orgId the organization id
	 * @param instanceUrl its address, where records open ({@code <instanceUrl>/<id>}), or
	 * {@code null}
	 * @param dailyApiLimit its daily API request limit, 0 when unknown
	 */
	public record Org(String orgId, String instanceUrl, long dailyApiLimit) {

		/**
		 * Where a Salesforce record opens.
		 * @param salesforceId the record, or {@code null}
		 * @return its address, or {@code null} when either is unknown (or the org's
		 * address is not a web address)
		 */
		public String recordUrl(String salesforceId) {
			boolean web = this.instanceUrl != null
					&& (this.instanceUrl.startsWith("https://") || this.instanceUrl.startsWith("http://"));
			return (web && salesforceId != null && salesforceId.matches("[A-Za-z0-9]{15,18}"))
					? this.instanceUrl + "/" + salesforceId : null;
		}

	}

}
