/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crmsync.mapping.EventTaskMapping;
import com.crmsync.mapping.FieldMapping;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Pages of live CRM events with the links of their people and of their Tasks: two queries
 * per page (the events with their people's links, then their Task links),
 * keyset-paginated by event id. Archived events are never read.
 */
@Repository
public class EventCandidateRepository {

	private final NamedParameterJdbcTemplate jdbc;

	private final SyncLinkRepository links;

	public EventCandidateRepository(NamedParameterJdbcTemplate jdbc, SyncLinkRepository links) {
		this.jdbc = jdbc;
		this.links = links;
	}

	/**
	 * The next page of candidates after an event id, in id order. An incremental page
	 * holds the events changed at or after {@code changedSince}, and also every event of
	 * a lead or contact not pushed yet, so an event waiting for its person's link is
	 * pushed by the first run after the link appears even if the event did not change.
	 * @param mapping the event mapping (which columns feed the Task)
	 * <p>
	 * An incremental page reads only through indexes, never the whole table: the events
	 * changed in the window ({@code updated_at}), the events of people whose link changed
	 * in it (a person not linked before is linked now), and the events whose push this
	 * step journaled as rejected in it (tried again until Salesforce takes them).
	 * @param mapping the event mapping (which columns feed the Task)
	 * @param eventType the type of events in the identity map (which links each event to
	 * its Task)
	 * @param step the step that pushes the events (whose rejects are tried again)
	 * @param changedSince the window's start, {@code null} for all events
	 * @param afterId the last event id already read
	 * @param limit the page size
	 * @return the candidates
	 */
	public List<EventCandidate> page(EventTaskMapping mapping, ObjectType eventType, String step, Instant changedSince,
			long afterId, int limit) {
		return page(mapping, eventType, step, changedSince, RowShare.WHOLE, afterId, limit);
	}

	/**
	 * The next page of candidates of one share of the events (a partition's), as
	 * {@link #page(EventTaskMapping, ObjectType, String, Instant, long, int)}.
	 * @param mapping the event mapping (which columns feed the Task)
	 * @param eventType the type of events in the identity map
	 * @param step the step that pushes the events
	 * @param changedSince the window's start, {@code null} for all events
	 * @param share the events read: those whose {@code MOD(id, count) = index}
	 * @param afterId the last event id already read
	 * @param limit the page size
	 * @return the candidates
	 */
	public List<EventCandidate> page(EventTaskMapping mapping, ObjectType eventType, String step, Instant changedSince,
			RowShare share, long afterId, int limit) {
		List<String> columns = columns(mapping);
		MapSqlParameterSource parameters = parameters(eventType, step, changedSince, share).addValue("afterId", afterId)
			.addValue("limit", limit);
		StringBuilder sql = new StringBuilder("SELECT e.id, e.contact_id, e.lead_id, ld.converted_contact_id, ")
			.append("ct.salesforce_id, ll.salesforce_id, cc.salesforce_id");
		columns.forEach((column) -> sql.append(", e.").append(column));
		sql.append(" FROM ").append(candidates(changedSince, share)).append(" ORDER BY e.id LIMIT :limit");
		List<Row> rows = this.jdbc.query(sql.toString(), parameters, (rs, row) -> row(rs, columns));
		Map<Long, SyncLink> taskLinks = this.links.findByCrmIds(eventType, rows.stream().map(Row::eventId).toList());
		List<EventCandidate> candidates = new ArrayList<>(rows.size());
		for (Row row : rows) {
			candidates.add(new EventCandidate(row.eventId(), row.columns(), row.hasPerson(), row.contactSalesforceId(),
					row.leadSalesforceId(), row.leadConverted(), row.convertedContactSalesforceId(),
					taskLinks.get(row.eventId())));
		}
		return candidates;
	}

	/**
	 * How many candidates {@link #page} may read from the first event on, from above and
	 * counted up to a limit: every live event for a full run; for an incremental run the
	 * events changed in the window, those of people whose link changed in it and those
	 * whose push was rejected in it. It reads index entries only, as
	 * {@link ScoreCandidateRepository#count} does.
	 * @param eventType the type of events in the identity map
	 * @param step the step that pushes the events
	 * @param changedSince the window's start, {@code null} for all events
	 * @param atMost where counting stops
	 * @return the count, at most {@code atMost}
	 */
	public long count(ObjectType eventType, String step, Instant changedSince, long atMost) {
		MapSqlParameterSource parameters = parameters(eventType, step, changedSince, RowShare.WHOLE)
			.addValue("afterId", 0L)
			.addValue("limit", atMost);
		String events = (changedSince != null) ? changedIds(RowShare.WHOLE)
				: "SELECT id FROM crm_event WHERE deleted_at IS NULL";
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM (" + events + " LIMIT :limit) counted", parameters,
				Long.class);
		return (count != null) ? count : 0;
	}

	private static MapSqlParameterSource parameters(ObjectType eventType, String step, Instant changedSince,
			RowShare share) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("eventType", eventType.name())
			.addValue("shares", share.count())
			.addValue("share", share.index());
		if (changedSince != null) {
			parameters.addValue("since", JdbcValues.utc(changedSince)).addValue("step", step);
		}
		return parameters;
	}

	/** The candidate events {@code e} with the links of their people. */
	private static String candidates(Instant changedSince, RowShare share) {
		StringBuilder sql = new StringBuilder();
		if (changedSince != null) {
			// a derived table of the UNION, each part through its index, joined first
			// (STRAIGHT_JOIN): otherwise ORDER BY id LIMIT tempts MariaDB to walk the
			// whole table in id order and probe the derived table for each row
			sql.append("(")
				.append(changedIds(share))
				.append(") changed STRAIGHT_JOIN crm_event e ON e.id = changed.id");
		}
		else {
			sql.append("crm_event e");
		}
		sql.append(" LEFT JOIN crm_lead ld ON ld.id = e.lead_id")
			.append(" LEFT JOIN sync_link ct ON ct.object_type = 'CONTACT' AND ct.crm_id = e.contact_id AND ct.detached_at IS NULL")
			.append(" LEFT JOIN sync_link ll ON ll.object_type = 'LEAD' AND ll.crm_id = e.lead_id AND ll.detached_at IS NULL")
			.append(" LEFT JOIN sync_link cc ON cc.object_type = 'CONTACT' AND cc.crm_id = ld.converted_contact_id AND cc.detached_at IS NULL")
			.append(" LEFT JOIN sync_link el ON el.object_type = :eventType AND el.crm_id = e.id")
			.append(" WHERE e.id > :afterId AND e.deleted_at IS NULL")
			.append(share.sql("e.id"));
		if (changedSince != null) {
			sql.append(" AND (e.updated_at >= :since OR (el.id IS NULL AND (e.contact_id IS NOT NULL")
				.append(" OR e.lead_id IS NOT NULL)))");
		}
		return sql.toString();
	}

	/**
	 * The ids of the events of a share changed at or after {@code :since}, of those whose
	 * lead or contact (or the contact a lead became) was linked then, and of those whose
	 * push {@code :step} journaled as rejected then, after {@code :afterId}: each part
	 * through its indexes alone.
	 */
	private static String changedIds(RowShare share) {
		String changedLink = "sync_link k FORCE INDEX (sync_link_changed_ix) ";
		String inWindow = " AND k.updated_at >= :since AND e.id > :afterId" + share.sql("e.id");
		return "SELECT id FROM crm_event WHERE updated_at >= :since AND id > :afterId" + share.sql("id")
				+ " UNION SELECT e.id FROM " + changedLink
				+ "STRAIGHT_JOIN crm_event e ON e.contact_id = k.crm_id WHERE k.object_type = 'CONTACT'" + inWindow
				+ " UNION SELECT e.id FROM " + changedLink
				+ "STRAIGHT_JOIN crm_event e ON e.lead_id = k.crm_id WHERE k.object_type = 'LEAD'" + inWindow
				+ " UNION SELECT e.id FROM " + changedLink
				+ "STRAIGHT_JOIN crm_lead kl ON kl.converted_contact_id = k.crm_id"
				+ " STRAIGHT_JOIN crm_event e ON e.lead_id = kl.id WHERE k.object_type = 'CONTACT'" + inWindow
				+ " UNION SELECT crm_id FROM sync_error WHERE step = :step AND created_at >= :since"
				+ " AND object_type = :eventType AND kind = 'ERROR' AND crm_id > :afterId" + share.sql("crm_id");
	}

	private static Row row(ResultSet rs, List<String> columns) throws SQLException {
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			values.put(columns.get(i), JdbcValues.read(rs, 8 + i));
		}
		boolean hasPerson = rs.getObject(2) != null || rs.getObject(3) != null;
		return new Row(rs.getLong(1), values, hasPerson, rs.getString(5), rs.getString(6), rs.getObject(4) != null,
				rs.getString(7));
	}

	/**
	 * The mapped columns: names that come from the mapping file, so each is checked to be
	 * a plain column name before it goes into SQL text.
	 */
	private static List<String> columns(EventTaskMapping mapping) {
		Set<String> columns = new LinkedHashSet<>();
		for (FieldMapping field : mapping.fields()) {
			if (!field.crmColumn().matches("[a-z_]+")) {
				throw new IllegalArgumentException("Not a column name: " + field.crmColumn());
			}
			columns.add(field.crmColumn());
		}
		return List.copyOf(columns);
	}

	private record Row(long eventId, Map<String, Object> columns, boolean hasPerson, String contactSalesforceId,
			String leadSalesforceId, boolean leadConverted, String convertedContactSalesforceId) {

	}

}
