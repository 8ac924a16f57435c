/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.crmsync.crm.SyncReference.Kind;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * References waiting for their target to be linked, and their resolution into CRM rows. A
 * step records references as it meets them and resolves all pending ones after each
 * chunk, so a contact linked later in the same run still gets its memberships and its
 * converted lead.
 */
@Repository
public class SyncReferenceRepository {

	/** The condition on the targets a chunk passes. */
	private static final String TARGETS = " AND ref.target_salesforce_id IN (:targets)";

	/**
	 * The pending references among a chunk's candidates, passed as one JSON array of
	 * (kind, target) pairs. The pairs drive the join, one look-up each in the index of
	 * pending references whatever the server's statistics say: with the targets in an
	 * {@code IN} list, statistics taken while the table was still small made MariaDB scan
	 * the whole index rather than look up its (kind, target) ranges, reading and locking
	 * every pending reference against the other partitions (36,000 index entries a
	 * statement at 300,000 records).
	 */
	private static final String PENDING = "SELECT ref.kind, ref.target_salesforce_id FROM "
			+ TupleTable.of("?", "chunk", "kind VARCHAR(32)", "target CHAR(18)")
			+ " STRAIGHT_JOIN sync_reference ref ON ref.kind = chunk.kind AND ref.resolved_at IS NULL "
			+ "AND ref.target_salesforce_id = chunk.target FOR UPDATE";

	/**
	 * The kinds of references by the type of the records they point at
	 * ({@link Kind#target()}), each type's resolved in one statement.
	 */
	private static final Map<ObjectType, List<Kind>> KINDS_BY_TARGET = Arrays.stream(Kind.values())
		.collect(Collectors.groupingBy(Kind::target, LinkedHashMap::new, Collectors.toList()));

	private final NamedParameterJdbcTemplate jdbc;

	public SyncReferenceRepository(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records references (again: a replay changes nothing but the name and status; a
	 * changed name or status is resolved again).
	 * @param references the references
	 */
	public void save(Collection<SyncReference> references) {
		if (references.isEmpty()) {
			return;
		}
		this.jdbc
			.batchUpdate("INSERT INTO sync_reference (object_type, crm_id, kind, target_salesforce_id, name, status) "
					+ "VALUES (:type, :crmId, :kind, :target, :name, :status) ON DUPLICATE KEY UPDATE "
					// resolved_at first: MySQL assigns left to right, so the comparisons
					// still see the old name and status
					+ "resolved_at = IF(name <=> VALUES(name) AND status <=> VALUES(status), resolved_at, NULL), "
					+ "name = VALUES(name), status = VALUES(status)",
					references.stream()
						.map((reference) -> new MapSqlParameterSource("type", reference.objectType().name())
							.addValue("crmId", reference.crmId())
							.addValue("kind", reference.kind().name())
							.addValue("target", reference.targetSalesforceId())
							.addValue("name", reference.name())
							.addValue("status", reference.status()))
						.toArray(SqlParameterSource[]::new));
	}

	/**
	 * Turns the pending references a chunk can complete into CRM data, where their
	 * records are now linked: converted leads point at their contact, contacts get their
	 * opportunity and campaign memberships (a campaign membership is named after the CRM
	 * campaign), campaigns their member rows with the member's status. Those are the
	 * references of every kind that points at the records the chunk linked, and the
	 * references it saved (their target may be linked already), so each chunk's work
	 * stays proportional to the chunk (checking every pending reference after every chunk
	 * would grow with the square of the records).
	 * @param linkedType the type of the records the chunk linked
	 * @param linked the Salesforce ids of the records the chunk linked
	 * @param saved the references the chunk saved
	 */
	public void resolvePending(ObjectType linkedType, Collection<String> linked, Collection<SyncReference> saved) {
		Set<List<String>> candidates = candidates(saved);
		for (Kind kind : Kind.values()) {
			if (kind.target().equals(linkedType)) {
				linked.forEach((salesforceId) -> candidates.add(List.of(kind.name(), salesforceId)));
			}
		}
		resolve(candidates);
	}

	/**
	 * Turns the pending references among those a chunk saved into CRM data, where their
	 * targets are linked already.
	 * @param saved the references the chunk saved
	 */
	public void resolvePending(Collection<SyncReference> saved) {
		resolve(candidates(saved));
	}

	/** The (kind, target) pairs of these references. */
	private static Set<List<String>> candidates(Collection<SyncReference> references) {
		Set<List<String>> candidates = new LinkedHashSet<>();
		references
			.forEach((reference) -> candidates.add(List.of(reference.kind().name(), reference.targetSalesforceId())));
		return candidates;
	}

	private void resolve(Set<List<String>> candidates) {
		if (candidates.isEmpty()) {
			return;
		}
		Map<Kind, Set<String>> pending = pending(candidates);
		// constant object types throughout: the identity map's unique key (object_type,
		// salesforce_id) is then always the join's access path (with IF(...) there,
		// MariaDB scanned sync_link for every pending reference)
		update("UPDATE crm_lead lead JOIN sync_reference ref ON ref.object_type = 'LEAD' "
				+ "AND ref.crm_id = lead.id AND ref.kind = 'CONVERTED_CONTACT' AND ref.resolved_at IS NULL" + TARGETS
				+ " JOIN sync_link link ON link.object_type = 'CONTACT' AND link.salesforce_id = "
				+ "ref.target_salesforce_id AND link.detached_at IS NULL SET lead.converted_contact_id = link.crm_id, "
				+ "ref.resolved_at = CURRENT_TIMESTAMP(3) WHERE NOT (lead.converted_contact_id <=> link.crm_id)",
				of(pending, Kind.CONVERTED_CONTACT), null);
		update("INSERT INTO crm_membership (contact_id, kind, ref_id, name) SELECT link.crm_id, "
				+ "IF(ref.kind = 'OPPORTUNITY_CONTACT', 'OPPORTUNITY', 'CAMPAIGN'), ref.crm_id, "
				+ "COALESCE(campaign.name, ref.name) FROM sync_reference ref JOIN sync_link link "
				+ "ON link.object_type = 'CONTACT' AND link.salesforce_id = ref.target_salesforce_id "
				+ "AND link.detached_at IS NULL LEFT JOIN crm_campaign campaign ON ref.kind = 'CAMPAIGN_CONTACT' "
				+ "AND campaign.id = ref.crm_id WHERE ref.resolved_at IS NULL AND ref.kind IN ('OPPORTUNITY_CONTACT', "
				+ "'CAMPAIGN_CONTACT')" + TARGETS + " ON DUPLICATE KEY UPDATE name = VALUES(name), deleted_at = NULL",
				of(pending, Kind.OPPORTUNITY_CONTACT, Kind.CAMPAIGN_CONTACT), null);
		for (Kind kind : List.of(Kind.CAMPAIGN_CONTACT, Kind.CAMPAIGN_LEAD)) {
			update("INSERT INTO crm_campaign_member (campaign_id, contact_id, lead_id, status) SELECT "
					+ "ref.crm_id, IF(ref.kind = 'CAMPAIGN_CONTACT', link.crm_id, NULL), IF(ref.kind = "
					+ "'CAMPAIGN_LEAD', link.crm_id, NULL), ref.status FROM sync_reference ref JOIN sync_link link ON "
					+ "link.object_type = :objectType AND link.salesforce_id = ref.target_salesforce_id "
					+ "AND link.detached_at IS NULL WHERE ref.resolved_at IS NULL AND ref.kind = :kind" + TARGETS
					+ " ON DUPLICATE KEY UPDATE status = VALUES(status), deleted_at = NULL", of(pending, kind), kind);
		}
		KINDS_BY_TARGET.forEach((target, kinds) -> update("UPDATE sync_reference ref JOIN sync_link link "
				+ "ON link.object_type = '" + target.name() + "' AND link.salesforce_id = ref.target_salesforce_id "
				+ "AND link.detached_at IS NULL SET ref.resolved_at = CURRENT_TIMESTAMP(3) WHERE ref.resolved_at IS NULL "
				// the kinds named, not one left out: the index starts with the kind
				+ "AND ref.kind IN ("
				+ kinds.stream().map((kind) -> "'" + kind.name() + "'").collect(Collectors.joining(", ")) + ")"
				+ TARGETS, of(pending, kinds.toArray(Kind[]::new)), null));
	}

	/**
	 * The candidates that are pending references, by kind, in one statement: each
	 * statement that resolves references costs the server about as much for its list of
	 * targets as for its work, and most candidates are not pending (at 100,000 records,
	 * the six statements of a chunk of 2,000 contacts took 0.3 s, most of the time its
	 * CRM writes held the partitions' write lock). A locking read: it sees the references
	 * other partitions committed after this transaction's first read, as the statements
	 * that resolve them do.
	 * @param candidates (kind, target) pairs
	 */
	private Map<Kind, Set<String>> pending(Set<List<String>> candidates) {
		Map<Kind, Set<String>> pending = new EnumMap<>(Kind.class);
		this.jdbc.getJdbcOperations().query(PENDING, (rs) -> {
			pending.computeIfAbsent(Kind.valueOf(rs.getString(1)), (kind) -> new HashSet<>()).add(rs.getString(2));
		}, TupleTable.rows(candidates));
		return pending;
	}

	private static Set<String> of(Map<Kind, Set<String>> pending, Kind... kinds) {
		Set<String> targets = new HashSet<>();
		for (Kind kind : kinds) {
			targets.addAll(pending.getOrDefault(kind, Set.of()));
		}
		return targets;
	}

	/** Runs a statement on the given targets, when there are any. */
	private void update(String sql, Set<String> targets, Kind kind) {
		if (targets.isEmpty()) {
			return;
		}
		MapSqlParameterSource parameters = new MapSqlParameterSource("targets", targets);
		if (kind != null) {
			parameters.addValue("kind", kind.name()).addValue("objectType", kind.target().name());
		}
		this.jdbc.update(sql, parameters);
	}

	/**
	 * The references among these that are recorded, whatever their name, status or
	 * resolution: for a campaign member, that Salesforce has it (its reference is
	 * recorded when it is pulled from or created in Salesforce, and forgotten when it is
	 * removed there).
	 * @param references the references to look for, of one object type
	 * @return those recorded
	 */
	public List<SyncReference> recorded(Collection<SyncReference> references) {
		if (references.isEmpty()) {
			return List.of();
		}
		Set<String> found = new HashSet<>();
		// each reference looked up by its whole key: a chunk's members span most
		// campaigns, and the rows' and targets' lists read every member of them
		this.jdbc.query(
				"SELECT ref.crm_id, ref.kind, ref.target_salesforce_id FROM "
						+ TupleTable.of(":references", "wanted", "crm_id BIGINT", "kind VARCHAR(32)", "target CHAR(18)")
						+ " STRAIGHT_JOIN sync_reference ref ON ref.object_type = :type AND ref.crm_id = wanted.crm_id "
						+ "AND ref.kind = wanted.kind AND ref.target_salesforce_id = wanted.target",
				new MapSqlParameterSource("type", references.iterator().next().objectType().name()).addValue(
						"references",
						TupleTable.rows(references.stream()
							.map((reference) -> List.<Object>of(reference.crmId(), reference.kind().name(),
									reference.targetSalesforceId()))
							.toList())),
				(rs) -> {
					found.add(key(rs.getLong("crm_id"), rs.getString("kind"), rs.getString("target_salesforce_id")));
				});
		return references.stream()
			.filter((reference) -> found
				.contains(key(reference.crmId(), reference.kind().name(), reference.targetSalesforceId())))
			.toList();
	}

	/**
	 * Keeps, of the references of these kinds from these rows, only the given targets:
	 * the others are forgotten and the memberships they made archived (their
	 * {@code deleted_at} set) — an opportunity's contact role removed in Salesforce, or
	 * moved to another contact.
	 * @param type the rows' type
	 * @param kinds the kinds of references the targets are complete for
	 * @param targetsByCrmId per row, the Salesforce ids it still refers to (none: every
	 * reference of these kinds goes)
	 */
	public void retainOnly(ObjectType type, Set<SyncReference.Kind> kinds, Map<Long, Set<String>> targetsByCrmId) {
		if (kinds.isEmpty() || targetsByCrmId.isEmpty()) {
			return;
		}
		List<MapSqlParameterSource> stale = new ArrayList<>();
		this.jdbc.query(
				"SELECT crm_id, kind, target_salesforce_id FROM sync_reference WHERE object_type = :type "
						+ "AND crm_id IN (:crmIds) AND kind IN (:kinds)",
				new MapSqlParameterSource("type", type.name()).addValue("crmIds", targetsByCrmId.keySet())
					.addValue("kinds", kinds.stream().map(Enum::name).toList()),
				(rs) -> {
					long crmId = rs.getLong("crm_id");
					String target = rs.getString("target_salesforce_id");
					if (!targetsByCrmId.getOrDefault(crmId, Set.of()).contains(target)) {
						stale.add(new MapSqlParameterSource("type", type.name()).addValue("crmId", crmId)
							.addValue("kind", rs.getString("kind"))
							.addValue("target", target));
					}
				});
		if (stale.isEmpty()) {
			return;
		}
		SqlParameterSource[] batch = stale.toArray(SqlParameterSource[]::new);
		this.jdbc.batchUpdate(
				"UPDATE crm_membership membership JOIN sync_link link ON link.object_type = 'CONTACT' "
						+ "AND link.salesforce_id = :target SET membership.deleted_at = CURRENT_TIMESTAMP(3) "
						+ "WHERE membership.contact_id = link.crm_id AND membership.ref_id = :crmId "
						+ "AND membership.kind = IF(:kind = 'OPPORTUNITY_CONTACT', 'OPPORTUNITY', 'CAMPAIGN') "
						+ "AND :kind IN ('OPPORTUNITY_CONTACT', 'CAMPAIGN_CONTACT') AND membership.deleted_at IS NULL",
				batch);
		this.jdbc.batchUpdate("DELETE FROM sync_reference WHERE object_type = :type AND crm_id = :crmId "
				+ "AND kind = :kind AND target_salesforce_id = :target", batch);
	}

	private static String key(long crmId, String kind, String target) {
		return crmId + "/" + kind + "/" + target;
	}

	/**
	 * Forgets references, e.g. of a campaign member removed in Salesforce, so that the
	 * same member added again is resolved again.
	 * @param references the references (their name and status are not compared)
	 */
	public void delete(Collection<SyncReference> references) {
		if (references.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(
				"DELETE FROM sync_reference WHERE object_type = :type AND crm_id = :crmId AND kind = :kind "
						+ "AND target_salesforce_id = :target",
				references.stream()
					.map((reference) -> new MapSqlParameterSource("type", reference.objectType().name())
						.addValue("crmId", reference.crmId())
						.addValue("kind", reference.kind().name())
						.addValue("target", reference.targetSalesforceId()))
					.toArray(SqlParameterSource[]::new));
	}

}
