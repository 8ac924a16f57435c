/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Names the records a run report lists, at report time: the other side's id from the
 * identity map ({@code sync_link}), then the name and e-mail from the CRM row. Reading
 * them when the report is made keeps the job's writers free of it, and shows the records
 * as they are now.
 */
@Repository
public class RecordLabelRepository {

	/** Ids per query: well below any database's limit on an IN list. */
	private static final int BATCH = 500;

	private static final String PERSON_NAME = "NULLIF(TRIM(CONCAT_WS(' ', first_name, last_name)), '')";

	/**
	 * The name and e-mail of each object type's CRM rows, by type name as the sync's
	 * tables spell it. Table and column names are constants, never input.
	 */
	private static final Map<String, String> LABEL_QUERIES = Map.of("LEAD",
			"SELECT id, " + PERSON_NAME + ", email FROM crm_lead WHERE id IN (:ids)", "CONTACT",
			"SELECT id, " + PERSON_NAME + ", email FROM crm_contact WHERE id IN (:ids)", "ACCOUNT",
			"SELECT id, name, NULL FROM crm_account WHERE id IN (:ids)", "OPPORTUNITY",
			"SELECT id, name, NULL FROM crm_opportunity WHERE id IN (:ids)", "CAMPAIGN",
			"SELECT id, name, NULL FROM crm_campaign WHERE id IN (:ids)", "CAMPAIGN_MEMBER",
			"SELECT m.id, CONCAT_WS(' in ', NULLIF(TRIM(CONCAT_WS(' ', COALESCE(c.first_name, l.first_name), "
					+ "COALESCE(c.last_name, l.last_name))), ''), p.name), COALESCE(c.email, l.email) "
					+ "FROM crm_campaign_member m LEFT JOIN crm_contact c ON c.id = m.contact_id "
					+ "LEFT JOIN crm_lead l ON l.id = m.lead_id LEFT JOIN crm_campaign p ON p.id = m.campaign_id "
					+ "WHERE m.id IN (:ids)",
			"EVENT",
			"SELECT e.id, e.event_type, COALESCE(c.email, l.email) FROM crm_event e "
					+ "LEFT JOIN crm_contact c ON c.id = e.contact_id LEFT JOIN crm_lead l ON l.id = e.lead_id "
					+ "WHERE e.id IN (:ids)");

	private final NamedParameterJdbcTemplate jdbc;

	public RecordLabelRepository(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Labels records known by their CRM id, their Salesforce id or both.
	 * @param records the records
	 * @return a label for every record given, in the same order
	 */
	public List<RecordLabel> labels(List<RecordRef> records) {
		Map<String, Map<String, Long>> crmIdsBySalesforceId = new HashMap<>();
		Map<String, Map<Long, String>> salesforceIdsByCrmId = new HashMap<>();
		for (Map.Entry<String, List<RecordRef>> type : byType(records).entrySet()) {
			Set<String> salesforceIds = new LinkedHashSet<>();
			Set<Long> crmIds = new LinkedHashSet<>();
			for (RecordRef record : type.getValue()) {
				if (record.crmId() != null) {
					crmIds.add(record.crmId());
				}
				if (record.salesforceId() != null) {
					salesforceIds.add(record.salesforceId());
				}
			}
			Map<String, Long> crmIdOf = new HashMap<>();
			Map<Long, String> salesforceIdOf = new HashMap<>();
			for (List<String> batch : batches(salesforceIds)) {
				this.jdbc.query(
						"SELECT salesforce_id, crm_id FROM sync_link WHERE object_type = :type AND "
								+ "salesforce_id IN (:ids)",
						new MapSqlParameterSource("type", type.getKey()).addValue("ids", batch), (rs) -> {
							crmIdOf.put(rs.getString(1), rs.getLong(2));
						});
			}
			for (List<Long> batch : batches(crmIds)) {
				this.jdbc.query(
						"SELECT crm_id, salesforce_id FROM sync_link WHERE object_type = :type AND crm_id IN (:ids)",
						new MapSqlParameterSource("type", type.getKey()).addValue("ids", batch), (rs) -> {
							salesforceIdOf.put(rs.getLong(1), rs.getString(2));
						});
			}
			crmIdsBySalesforceId.put(type.getKey(), crmIdOf);
			salesforceIdsByCrmId.put(type.getKey(), salesforceIdOf);
		}
		Map<String, Map<Long, String[]>> rows = new HashMap<>();
		for (Map.Entry<String, List<RecordRef>> type : byType(records).entrySet()) {
			String query = LABEL_QUERIES.get(type.getKey());
			if (query == null) {
				continue;
			}
			Set<Long> crmIds = new LinkedHashSet<>();
			for (RecordRef record : type.getValue()) {
				Long crmId = (record.crmId() != null) ? record.crmId()
						: crmIdsBySalesforceId.get(type.getKey()).get(record.salesforceId());
				if (crmId != null) {
					crmIds.add(crmId);
				}
			}
			Map<Long, String[]> found = new HashMap<>();
			for (List<Long> batch : batches(crmIds)) {
				this.jdbc.query(query, new MapSqlParameterSource("ids", batch), (rs) -> {
					found.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) });
				});
			}
			rows.put(type.getKey(), found);
		}
		List<RecordLabel> labels = new ArrayList<>(records.size());
		for (RecordRef record : records) {
			Long crmId = (record.crmId() != null) ? record.crmId()
					: crmIdsBySalesforceId.getOrDefault(record.objectType(), Map.of()).get(record.salesforceId());
			String salesforceId = (record.salesforceId() != null) ? record.salesforceId()
					: salesforceIdsByCrmId.getOrDefault(record.objectType(), Map.of()).get(record.crmId());
			String[] row = (crmId != null) ? rows.getOrDefault(record.objectType(), Map.of()).get(crmId) : null;
			labels.add(
					new RecordLabel((row != null) ? row[0] : null, (row != null) ? row[1] : null, crmId, salesforceId));
		}
		return labels;
	}

	private static Map<String, List<RecordRef>> byType(Collection<RecordRef> records) {
		Map<String, List<RecordRef>> byType = new LinkedHashMap<>();
		for (RecordRef record : records) {
			byType.computeIfAbsent(record.objectType(), (type) -> new ArrayList<>()).add(record);
		}
		return byType;
	}

	private static <T> List<List<T>> batches(Collection<T> values) {
		List<T> all = List.copyOf(values);
		List<List<T>> batches = new ArrayList<>();
		for (int from = 0; from < all.size(); from += BATCH) {
			batches.add(all.subList(from, Math.min(all.size(), from + BATCH)));
		}
		return batches;
	}

	/**
	 * A record as a report knows it.
	 *
	 * @param objectType the type as the sync's tables spell it ({@code LEAD}, ...)
	 * @param crmId the CRM row, or {@code null}
	 * @param salesforceId the Salesforce record, or {@code null}
	 */
	public record RecordRef(String objectType, Long crmId, String salesforceId) {

	}

}
