/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The one org this CRM is connected to, and the CRM sections that are off while it is:
 * sales work then happens in Salesforce.
 */
@Repository
public class OrgConnectionRepository {

	/** The CRM sections switched off while an org is connected. */
	public static final List<String> SECTIONS = List.of("accounts_section_enabled", "pipeline_section_enabled",
			"reports_section_enabled");

	private final NamedParameterJdbcTemplate jdbc;

	public OrgConnectionRepository(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The pinned org id, if the CRM is connected.
	 * @return the org id
	 */
	public Optional<String> pinnedOrgId() {
		return this.jdbc.query("SELECT org_id FROM sync_org WHERE singleton = 'X'", (rs, row) -> rs.getString(1))
			.stream()
			.findFirst();
	}

	/**
	 * Pins an org and switches the Accounts, Pipeline and Reports sections off; the
	 * sync's data belongs to the org from now on, if it belonged to none.
	 * @param orgId the org id
	 * @param loginUrl where it was reached
	 * @param operator who connected it
	 */
	public void pin(String orgId, String loginUrl, String operator) {
		this.jdbc.update(
				"INSERT INTO sync_org (singleton, org_id, login_url, pinned_by) VALUES ('X', :org, :url, "
						+ ":operator) ON DUPLICATE KEY UPDATE org_id = org_id",
				new MapSqlParameterSource("org", orgId).addValue("url", loginUrl).addValue("operator", operator));
		this.jdbc.update("INSERT INTO sync_data_org (singleton, org_id) VALUES ('X', :org) "
				+ "ON DUPLICATE KEY UPDATE org_id = org_id", new MapSqlParameterSource("org", orgId));
		setSections(false);
	}

	/**
	 * The org the sync's own data (identity map, bases, references, watermarks, pushed
	 * values) belongs to; it outlives a disconnect.
	 * @return the org id, empty before the first connection or after a reset
	 */
	public Optional<String> dataOrgId() {
		return this.jdbc.query("SELECT org_id FROM sync_data_org WHERE singleton = 'X'", (rs, row) -> rs.getString(1))
			.stream()
			.findFirst();
	}

	/**
	 * Forgets everything the sync knows of an org: the identity map with its bases, the
	 * references, the watermarks, the pushed values (and those awaiting a bulk result),
	 * and the org itself (unpinned, the sections back on). CRM records are not touched;
	 * the next run is a first run.
	 * @return the links forgotten
	 */
	public int forgetOrg() {
		MapSqlParameterSource none = new MapSqlParameterSource();
		int links = this.jdbc.update("DELETE FROM sync_link", none);
		for (String table : List.of("sync_reference", "sync_watermark", "sync_pushed_value", "sync_pending_batch",
				"sync_data_org")) {
			this.jdbc.update("DELETE FROM " + table, none);
		}
		unpin();
		return links;
	}

	/**
	 * Unpins the org and switches the sections back on.
	 */
	public void unpin() {
		this.jdbc.update("DELETE FROM sync_org WHERE singleton = 'X'", new MapSqlParameterSource());
		setSections(true);
	}

	private void setSections(boolean enabled) {
		for (String section : SECTIONS) {
			this.jdbc.update(
					"INSERT INTO crm_settings (name, value) VALUES (:name, :value) ON DUPLICATE KEY UPDATE "
							+ "value = VALUES(value)",
					new MapSqlParameterSource("name", section).addValue("value", String.valueOf(enabled)));
		}
	}

	/**
	 * The role of a CRM user, if the user exists and is not archived.
	 * @param email the user's e-mail (case-insensitive)
	 * @return the role
	 */
	public Optional<String> roleOf(String email) {
		return this.jdbc
			.query("SELECT role FROM crm_user WHERE LOWER(email) = LOWER(:email) AND deleted_at IS NULL",
					new MapSqlParameterSource("email", email), (rs, row) -> rs.getString(1))
			.stream()
			.findFirst();
	}

}
