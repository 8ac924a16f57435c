/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

/**
 * What the identity map says of a pair, as little as a reader needs to tell the sync's
 * own writes coming back (echoes) before it reads anything else: the digests of both
 * sides as the job last left them agreeing, without the merge base.
 *
 * @param crmId the CRM row's id
 * @param salesforceId the Salesforce record's id
 * @param salesforceDigest the Salesforce record's digest, {@code null} when unknown
 * @param crmDigest the CRM row's digest, {@code null} when unknown
 * @param detached the CRM row was deleted: the pair is no longer synced
 */
public record LinkDigests(long crmId, String salesforceId, String salesforceDigest, String crmDigest,
		boolean detached) {

	/**
	 * Whether a Salesforce record with this digest is as the job left it.
	 * @param digest the record's digest as read, or {@code null}
	 * @return {@code true} for an echo of the job's own write
	 */
	public boolean salesforceUnchanged(String digest) {
		return known() && this.salesforceDigest.equals(digest);
	}

	/**
	 * Whether a CRM row with this digest is as the job left it.
	 * @param digest the row's digest as read, or {@code null}
	 * @return {@code true} for an echo of the job's own write
	 */
	public boolean crmUnchanged(String digest) {
		return known() && this.crmDigest.equals(digest);
	}

	/** Both digests are known only after a successful merge or create of the pair. */
	private boolean known() {
		return !this.detached && this.salesforceDigest != null && this.crmDigest != null;
	}

}
