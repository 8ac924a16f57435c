/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The identity map (CRM id ↔ Salesforce id per object type) with each record's merge
 * base. Look-ups take a whole chunk's keys at once.
 */
@Repository
public class SyncLinkRepository {

	private static final String COLUMNS = "object_type, crm_id, salesforce_id, base_values, last_job_execution_id";

	private static final String SELECT = "SELECT " + COLUMNS
			+ ", detached_at IS NOT NULL, salesforce_digest, crm_digest FROM sync_link";

	private static final RowMapper<SyncLink> LINK = (rs, row) -> new SyncLink(ObjectType.of(rs.getString(1)),
			rs.getLong(2), rs.getString(3), Json.read(rs.getString(4)), rs.getObject(5, Long.class), rs.getBoolean(6),
			rs.getString(7), rs.getString(8));

	/**
	 * The links' upsert: a chunk's links, their bases as UTF-8 bytes, in statements
	 * prepared on the server ({@link ServerPreparedInsert} says why).
	 */
	private static final ServerPreparedInsert<StampedLink> UPSERT = new ServerPreparedInsert<>(
			"INSERT INTO sync_link (" + COLUMNS + ", salesforce_digest, crm_digest, crm_synced_at) VALUES ", 8,
			" ON DUPLICATE KEY UPDATE salesforce_id = VALUES(salesforce_id), base_values = VALUES(base_values), "
					+ "last_job_execution_id = VALUES(last_job_execution_id), detached_at = NULL, "
					+ "salesforce_digest = VALUES(salesforce_digest), crm_digest = VALUES(crm_digest), "
					+ "crm_synced_at = VALUES(crm_synced_at)",
			SyncLinkRepository::bind);

	private final NamedParameterJdbcTemplate jdbc;

	public SyncLinkRepository(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The links of these Salesforce records.
	 * @param type the object type
	 * @param salesforceIds the Salesforce ids
	 * @return the links found, by Salesforce id
	 */
	public Map<String, SyncLink> findBySalesforceIds(ObjectType type, Collection<String> salesforceIds) {
		Map<String, SyncLink> links = new HashMap<>();
		if (!salesforceIds.isEmpty()) {
			query("salesforce_id IN (:keys)", type, salesforceIds)
				.forEach((link) -> links.put(link.salesforceId(), link));
		}
		return links;
	}

	/**
	 * A page of an object's links in CRM id order, detached and planned ones (a dry
	 * run's) left out, and those a run merged already when it is named.
	 * @param type the object type
	 * @param afterCrmId the CRM id the page starts after
	 * @param notMergedByRun leave out the links this run merged or stamped (its first
	 * execution's id), or {@code null} for every link
	 * @param limit the most links returned
	 * @return the links
	 */
	public List<SyncLink> page(ObjectType type, long afterCrmId, Long notMergedByRun, int limit) {
		return this.jdbc.query(SELECT
				+ " WHERE object_type = :type AND crm_id > :after AND detached_at IS NULL AND planned_by IS NULL "
				+ ((notMergedByRun != null) ? "AND NOT (last_job_execution_id <=> :run) " : "")
				+ "ORDER BY crm_id LIMIT :limit",
				new MapSqlParameterSource("type", type.name()).addValue("after", afterCrmId)
					.addValue("run", notMergedByRun)
					.addValue("limit", limit),
				LINK);
	}

	/**
	 * The links of these CRM rows.
	 * @param type the object type
	 * @param crmIds the CRM ids
	 * @return the links found, by CRM id
	 */
	public Map<Long, SyncLink> findByCrmIds(ObjectType type, Collection<Long> crmIds) {
		Map<Long, SyncLink> links = new HashMap<>();
		if (!crmIds.isEmpty()) {
			query("crm_id IN (:keys)", type, crmIds).forEach((link) -> links.put(link.crmId(), link));
		}
		return links;
	}

	/**
	 * The digests the links of these Salesforce records hold, without their bases.
	 * @param type the object type
	 * @param salesforceIds the Salesforce ids
	 * @return the digests found, by Salesforce id
	 */
	public Map<String, LinkDigests> digestsBySalesforceIds(ObjectType type, Collection<String> salesforceIds) {
		Map<String, LinkDigests> digests = new HashMap<>();
		if (!salesforceIds.isEmpty()) {
			digests("salesforce_id IN (:keys)", type, salesforceIds)
				.forEach((link) -> digests.put(link.salesforceId(), link));
		}
		return digests;
	}

	/**
	 * The digests the links of these CRM rows hold, without their bases.
	 * @param type the object type
	 * @param crmIds the CRM ids
	 * @return the digests found, by CRM id
	 */
	public Map<Long, LinkDigests> digestsByCrmIds(ObjectType type, Collection<Long> crmIds) {
		Map<Long, LinkDigests> digests = new HashMap<>();
		if (!crmIds.isEmpty()) {
			digests("crm_id IN (:keys)", type, crmIds).forEach((link) -> digests.put(link.crmId(), link));
		}
		return digests;
	}

	private List<LinkDigests> digests(String condition, ObjectType type, Collection<?> keys) {
		return this.jdbc.query(
				"SELECT crm_id, salesforce_id, salesforce_digest, crm_digest, detached_at IS NOT NULL FROM sync_link "
						+ "WHERE object_type = :type AND " + condition,
				new MapSqlParameterSource("type", type.name()).addValue("keys", keys),
				(rs, row) -> new LinkDigests(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getBoolean(5)));
	}

	private List<SyncLink> query(String condition, ObjectType type, Collection<?> keys) {
		return this.jdbc.query(SELECT + " WHERE object_type = :type AND " + condition,
				new MapSqlParameterSource("type", type.name()).addValue("keys", keys), LINK);
	}

	/**
	 * Creates or replaces links, keyed by object type and CRM id, attached (a saved link
	 * of a detached pair re-attaches it), with their sides' digests; idempotent when
	 * replayed.
	 * @param links the links
	 */
	public void save(Collection<SyncLink> links) {
		save(links, Set.of(), CrmWrite.NONE);
	}

	/**
	 * Creates or replaces links, as {@link #save(Collection)} does, when the caller knows
	 * which of them keep the Salesforce id their CRM row was already linked to: those
	 * cannot take it from another row, so they skip that check (one statement less each).
	 * Each link whose CRM row this transaction wrote, with a digest of it as written,
	 * remembers the stamp it wrote ({@code crm_synced_at}): the row's {@code updated_at}
	 * as long as no one else changes it, so that an incremental run leaves it out unread
	 * ({@link CrmRecordRepository#page}). Any other link forgets its stamp: its row's
	 * {@code updated_at} is not known to be the sync's.
	 * @param links the links
	 * @param unmoved the CRM ids of links whose Salesforce id is the one already stored
	 * @param written the CRM rows this transaction wrote, and the stamp it gave them
	 */
	public void save(Collection<SyncLink> links, Set<Long> unmoved, CrmWrite written) {
		if (links.isEmpty()) {
			return;
		}
		leaveOtherRows(links.stream().filter((link) -> !unmoved.contains(link.crmId())).toList());
		UPSERT.insert(this.jdbc.getJdbcTemplate(), links.stream()
			.map((link) -> new StampedLink(link, (link.crmDigest() != null) ? written.stampOf(link.crmId()) : null))
			.toList());
	}

	/**
	 * Deletes the links that hold these links' Salesforce ids for other CRM rows: a
	 * Salesforce id moving to another CRM row (a merge, a new link) must first leave its
	 * old one. One locking read per object type finds them (it locks what a
	 * {@code DELETE} per link would, and sees the latest committed links), and the rare
	 * ones found go in one {@code DELETE}; a statement per link cost the server a parse
	 * each, for a row that is almost never there.
	 */
	private void leaveOtherRows(List<SyncLink> moving) {
		Map<ObjectType, Map<String, Long>> wanted = new HashMap<>();
		moving.forEach((link) -> wanted.computeIfAbsent(link.objectType(), (type) -> new HashMap<>())
			.put(link.salesforceId(), link.crmId()));
		List<Long> leaving = new ArrayList<>();
		wanted.forEach((type, crmIds) -> this.jdbc.query(
				"SELECT id, salesforce_id, crm_id FROM sync_link WHERE object_type = :type "
						+ "AND salesforce_id IN (:ids) FOR UPDATE",
				new MapSqlParameterSource("type", type.name()).addValue("ids", crmIds.keySet()), (rs) -> {
					if (rs.getLong("crm_id") != crmIds.get(rs.getString("salesforce_id"))) {
						leaving.add(rs.getLong("id"));
					}
				}));
		if (!leaving.isEmpty()) {
			this.jdbc.update("DELETE FROM sync_link WHERE id IN (:ids)", new MapSqlParameterSource("ids", leaving));
		}
	}

	private static int bind(PreparedStatement statement, int first, StampedLink stamped) throws SQLException {
		SyncLink link = stamped.link();
		statement.setString(first, link.objectType().name());
		statement.setLong(first + 1, link.crmId());
		statement.setString(first + 2, link.salesforceId());
		statement.setBytes(first + 3, Json.writeUtf8(link.base()));
		statement.setObject(first + 4, link.lastJobExecutionId(), Types.BIGINT);
		statement.setString(first + 5, link.salesforceDigest());
		statement.setString(first + 6, link.crmDigest());
		statement.setString(first + 7, stamped.crmSyncedAt());
		return first + 8;
	}

	/** A link to save, with the stamp the sync gave its CRM row, if it wrote the row. */
	private record StampedLink(SyncLink link, String crmSyncedAt) {
	}

	/**
	 * Stamps links with the run that merged their records and found nothing to change —
	 * one statement for a whole chunk, nothing else of the links is rewritten — so that a
	 * later pass of the run leaves those records alone. Their {@code updated_at} stays:
	 * it says when a link changed (the pushes read the rows whose link changed), and a
	 * stamp is no change.
	 * @param type the object type
	 * @param crmIds the CRM ids
	 * @param runId the run
	 */
	public void stampMerged(ObjectType type, Collection<Long> crmIds, long runId) {
		if (!crmIds.isEmpty()) {
			this.jdbc.update(
					"UPDATE sync_link SET last_job_execution_id = :run, updated_at = updated_at "
							+ "WHERE object_type = :type AND crm_id IN (:ids)",
					new MapSqlParameterSource("type", type.name()).addValue("ids", crmIds).addValue("run", runId));
		}
	}

	/**
	 * Detaches the links of CRM rows deleted in the CRM: the pairs are no longer synced,
	 * and their Salesforce records are not imported again.
	 * @param type the object type
	 * @param crmIds the CRM ids
	 */
	public void detach(ObjectType type, Collection<Long> crmIds) {
		if (!crmIds.isEmpty()) {
			this.jdbc.update(
					"UPDATE sync_link SET detached_at = CURRENT_TIMESTAMP(3) WHERE object_type = :type "
							+ "AND crm_id IN (:ids) AND detached_at IS NULL",
					new MapSqlParameterSource("type", type.name()).addValue("ids", crmIds));
		}
	}

	/**
	 * Removes the links of these CRM rows.
	 * @param type the object type
	 * @param crmIds the CRM ids
	 */
	public void delete(ObjectType type, Collection<Long> crmIds) {
		if (!crmIds.isEmpty()) {
			this.jdbc.update("DELETE FROM sync_link WHERE object_type = :type AND crm_id IN (:ids)",
					new MapSqlParameterSource("type", type.name()).addValue("ids", crmIds));
		}
	}

	/**
	 * How many records of a type are linked.
	 * @param type the object type
	 * @return the count
	 */
	public long count(ObjectType type) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_link WHERE object_type = :type",
				new MapSqlParameterSource("type", type.name()), Long.class);
		return (count != null) ? count : 0;
	}

	/**
	 * Records planned links; one whose CRM row or Salesforce record is already linked is
	 * left out (a real link always wins).
	 * @param links the links the run would make
	 * @param plannedBy the planning run's job instance
	 */
	public void plan(Collection<SyncLink> links, long plannedBy) {
		if (links.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(
				"INSERT IGNORE INTO sync_link (object_type, crm_id, salesforce_id, base_values, "
						+ "last_job_execution_id, planned_by) VALUES (:type, :crmId, :salesforceId, :base, :execution, "
						+ ":plannedBy)",
				links.stream()
					.map((link) -> new MapSqlParameterSource("type", link.objectType().name())
						.addValue("crmId", link.crmId())
						.addValue("salesforceId", link.salesforceId())
						.addValue("base", Json.write(link.base()))
						.addValue("execution", link.lastJobExecutionId())
						.addValue("plannedBy", plannedBy))
					.toArray(SqlParameterSource[]::new));
	}

	/**
	 * Removes the planned links of every run but one: a dry run restarted keeps its own
	 * plan, anything else starts from the real identity map alone.
	 * @param keptRun the job instance whose plan stays, or {@code null} for none
	 */
	public void removePlannedButThoseOf(Long keptRun) {
		this.jdbc.update("DELETE FROM sync_link WHERE planned_by IS NOT NULL AND planned_by <> :kept",
				new MapSqlParameterSource("kept", (keptRun != null) ? keptRun : -1L));
	}

	/**
	 * Removes a finished dry run's plan.
	 * @param run the dry run's job instance
	 */
	public void removePlannedBy(long run) {
		this.jdbc.update("DELETE FROM sync_link WHERE planned_by = :run", new MapSqlParameterSource("run", run));
	}

}
