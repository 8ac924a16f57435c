/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Pages of linked, live CRM leads or contacts with the score last pushed for each: one
 * query per page, keyset-paginated by CRM id.
 */
@Repository
public class ScoreCandidateRepository {

	private final NamedParameterJdbcTemplate jdbc;

	public ScoreCandidateRepository(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The next page of candidates after a CRM id, in id order. An incremental page holds
	 * the rows changed at or after {@code changedSince}, and also rows of which nothing
	 * has been pushed to the record now linked (newly linked or re-linked rows, whose CRM
	 * row may not have changed) — except converted leads, which are never pushed. A row
	 * without a score of which nothing was pushed is never read: a blank never clears
	 * Salesforce's score, so there is nothing to push (and a dry run, which cannot read
	 * the rows it would create, counts what the real run does).
	 * <p>
	 * An incremental page reads only through indexes, never the whole table: the rows
	 * changed in the window ({@code updated_at}), the rows whose link changed in it (a
	 * new or moved link is the only way a row's pushed value stops matching its link),
	 * and the rows whose push this step journaled as rejected in it (tried again until
	 * Salesforce takes them). A row whose score is the one last pushed to its linked
	 * record is left out (a merge touched it, not its score): the processor would find it
	 * unchanged.
	 * @param records the scored records: leads or contacts
	 * @param field the Salesforce score field
	 * @param step the step that pushes the scores (whose rejects are tried again)
	 * @param changedSince the window's start, {@code null} for all rows
	 * @param afterId the last CRM id already read
	 * @param limit the page size
	 * @return the candidates
	 */
	public List<ScoreCandidate> page(ScoredRecords records, String field, String step, Instant changedSince,
			long afterId, int limit) {
		return page(records, field, step, changedSince, RowShare.WHOLE, afterId, limit);
	}

	/**
	 * The next page of candidates of one share of the rows (a partition's), as
	 * {@link #page(ScoredRecords, String, String, Instant, long, int)}.
	 * @param records the scored records: leads or contacts
	 * @param field the Salesforce score field
	 * @param step the step that pushes the scores
	 * @param changedSince the window's start, {@code null} for all rows
	 * @param share the rows read: those whose {@code MOD(id, count) = index}
	 * @param afterId the last CRM id already read
	 * @param limit the page size
	 * @return the candidates
	 */
	public List<ScoreCandidate> page(ScoredRecords records, String field, String step, Instant changedSince,
			RowShare share, long afterId, int limit) {
		ObjectType type = records.type();
		MapSqlParameterSource parameters = parameters(records, field, step, changedSince, share)
			.addValue("afterId", afterId)
			.addValue("limit", limit);
		String converted = converted(records);
		String sql = "SELECT r.id, r.lead_score, " + converted + " AS converted_contact_id, l.salesforce_id, "
				+ "p.salesforce_id AS pushed_to, p.value AS pushed_value, p.id AS pushed_id FROM "
				+ candidates(records, changedSince, share) + " ORDER BY r.id LIMIT :limit";
		return this.jdbc.query(sql, parameters, (rs, row) -> {
			long crmId = rs.getLong("id");
			PushedValue pushed = (rs.getObject("pushed_id") != null)
					? new PushedValue(type, crmId, field, rs.getString("pushed_to"), rs.getString("pushed_value"))
					: null;
			return new ScoreCandidate(type, crmId, rs.getString("salesforce_id"),
					rs.getObject("lead_score", Long.class), rs.getObject("converted_contact_id") != null, pushed);
		});
	}

	/**
	 * How many candidates {@link #page} may read from the first row on, from above and
	 * counted up to a limit: every live row for a full run; for an incremental run the
	 * rows changed in the window, their links changed in it or their push rejected in it,
	 * echoes included. It reads index entries only: deciding how many partitions a step
	 * is worth must not cost what reading its candidates costs (at 1,000,000 records an
	 * exact count read a link, a pushed value and a CRM row for each of some 18,000 rows
	 * the sync had just merged, 1.5 s, before any partition started).
	 * @param records the scored records: leads or contacts
	 * @param step the step that pushes the scores
	 * @param changedSince the window's start, {@code null} for all rows
	 * @param atMost where counting stops
	 * @return the count, at most {@code atMost}
	 */
	public long count(ScoredRecords records, String step, Instant changedSince, long atMost) {
		MapSqlParameterSource parameters = parameters(records, null, step, changedSince, RowShare.WHOLE)
			.addValue("afterId", 0L)
			.addValue("limit", atMost);
		String rows = (changedSince != null) ? changedIds(records.table(), RowShare.WHOLE)
				: "SELECT id FROM " + records.table() + " WHERE deleted_at IS NULL";
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM (" + rows + " LIMIT :limit) counted", parameters,
				Long.class);
		return (count != null) ? count : 0;
	}

	private static MapSqlParameterSource parameters(ScoredRecords records, String field, String step,
			Instant changedSince, RowShare share) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("type", records.type().name())
			.addValue("field", field)
			.addValue("shares", share.count())
			.addValue("share", share.index());
		if (changedSince != null) {
			parameters.addValue("since", JdbcValues.utc(changedSince)).addValue("step", step);
		}
		return parameters;
	}

	private static String converted(ScoredRecords records) {
		return (records.convertedColumn() != null) ? "r." + records.convertedColumn() : "NULL";
	}

	/**
	 * The candidate rows {@code r} with their links {@code l} and pushed values
	 * {@code p}.
	 */
	private static String candidates(ScoredRecords records, Instant changedSince, RowShare share) {
		String table = records.table();
		String converted = converted(records);
		String sql;
		if (changedSince == null) {
			sql = table + " r ";
		}
		else {
			// a derived table of the UNION, each part through its index, joined first
			// (STRAIGHT_JOIN): otherwise ORDER BY id LIMIT tempts MariaDB to walk the
			// whole table in id order and probe the derived table for each row
			sql = "(" + changedIds(table, share) + ") changed STRAIGHT_JOIN " + table + " r ON r.id = changed.id ";
		}
		sql += "JOIN sync_link l ON l.object_type = :type AND l.crm_id = r.id AND l.detached_at IS NULL "
				+ "LEFT JOIN sync_pushed_value p ON p.object_type = :type AND p.crm_id = r.id AND p.field = :field "
				+ "WHERE r.id > :afterId AND r.deleted_at IS NULL" + share.sql("r.id")
				// a row without a score and never pushed has nothing to push
				+ " AND (r.lead_score IS NOT NULL OR p.id IS NOT NULL)";
		if (changedSince != null) {
			sql += " AND (r.updated_at >= :since OR ((p.id IS NULL OR p.salesforce_id <> l.salesforce_id) AND "
					+ converted + " IS NULL))"
					// the sync's own echo: a row touched in the window (by a merge) whose
					// score is the one last pushed to the record it is linked to (the
					// canonical form of an INT is its decimal text)
					+ " AND NOT (p.id IS NOT NULL AND p.salesforce_id = l.salesforce_id"
					+ " AND p.value <=> CAST(r.lead_score AS CHAR) AND " + converted + " IS NULL)";
		}
		return sql;
	}

	/**
	 * The ids of the rows of a share changed at or after {@code :since}, of the rows
	 * whose link changed then, and of the rows whose push {@code :step} journaled as
	 * rejected then, after {@code :afterId}: each part through its index alone.
	 */
	private static String changedIds(String table, RowShare share) {
		return "SELECT id FROM " + table + " WHERE updated_at >= :since AND id > :afterId" + share.sql("id")
				+ " UNION SELECT crm_id FROM sync_link FORCE INDEX (sync_link_changed_ix) "
				+ "WHERE object_type = :type AND updated_at >= :since AND crm_id > :afterId" + share.sql("crm_id")
				+ " UNION SELECT crm_id FROM sync_error WHERE step = :step AND created_at >= :since "
				+ "AND object_type = :type AND kind = 'ERROR' AND crm_id > :afterId" + share.sql("crm_id");
	}

	/**
	 * Records that carry a lead score.
	 *
	 * @param type their type in the identity map, e.g. {@code LEAD}
	 * @param table their CRM table, e.g. {@code crm_lead}
	 * @param convertedColumn the column set on a converted lead (whose score is never
	 * pushed: Salesforce refuses updates of converted leads), or {@code null}
	 */
	public record ScoredRecords(ObjectType type, String table, String convertedColumn) {

		public ScoredRecords {
			if (!table.matches("[a-z_]+") || (convertedColumn != null && !convertedColumn.matches("[a-z_]+"))) {
				throw new IllegalArgumentException("Not a table and column name: " + table + ", " + convertedColumn);
			}
		}

	}

}
