/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The CRM's campaign members as the member sync reads and archives them: keyset pages,
 * batched look-ups and archives. (Members are created and updated by resolving
 * references: see
 * {@link com.crmsync.crm.SyncReferenceRepository#resolvePending(java.util.Collection)}.)
 */
@Repository
public class CampaignMemberRepository {

	/** The columns {@link #member} reads, of the member rows as {@code m}. */
	private static final String COLUMNS = "m.id, m.campaign_id, m.contact_id, m.lead_id, m.status, m.deleted_at";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM crm_campaign_member m";

	private final NamedParameterJdbcTemplate jdbc;

	public CampaignMemberRepository(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The next page of member rows after an id, in id order, archived ones included.
	 * @param afterId the last id already read
	 * @param limit the page size
	 * @return the rows
	 */
	public List<CrmCampaignMember> page(long afterId, int limit) {
		return this.jdbc.query(SELECT + " WHERE m.id > :afterId ORDER BY m.id LIMIT :limit",
				new MapSqlParameterSource("afterId", afterId).addValue("limit", limit), (rs, row) -> member(rs));
	}

	/**
	 * The next page of member rows changed at or after a time, after an id, in id order,
	 * leaving out the live rows whose membership Salesforce is known to have: its
	 * campaign and person linked, and the reference recorded when it was pulled from or
	 * created in Salesforce. Those are the sync's own writes read back (a pull writes
	 * each row it brings), and the CRM pass would find every one of them unchanged: it
	 * only creates members Salesforce lacks and reports the ones removed in the CRM.
	 * @param changedSince only rows changed at or after this time
	 * @param types the identity map's types of campaigns, contacts and leads
	 * @param afterId the last id already read
	 * @param limit the page size
	 * @return the rows
	 */
	public List<CrmCampaignMember> changedPage(Instant changedSince, MemberTypes types, long afterId, int limit) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("afterId", afterId).addValue("limit", limit)
			.addValue("since", JdbcValues.utc(changedSince))
			.addValue("campaign", types.campaign().name())
			.addValue("contact", types.contact().name())
			.addValue("lead", types.lead().name())
			.addValue("contactKind", SyncReference.Kind.CAMPAIGN_CONTACT.name())
			.addValue("leadKind", SyncReference.Kind.CAMPAIGN_LEAD.name());
		String known = "SELECT 1 FROM sync_link c JOIN sync_link p ON p.object_type = "
				+ "IF(m.contact_id IS NOT NULL, :contact, :lead) AND p.crm_id = COALESCE(m.contact_id, m.lead_id) "
				+ "JOIN sync_reference r ON r.object_type = :campaign AND r.crm_id = m.campaign_id "
				+ "AND r.kind = IF(m.contact_id IS NOT NULL, :contactKind, :leadKind) "
				+ "AND r.target_salesforce_id = p.salesforce_id "
				+ "WHERE c.object_type = :campaign AND c.crm_id = m.campaign_id";
		return this.jdbc.query(
				SELECT + " WHERE m.id > :afterId AND m.updated_at >= :since "
						+ "AND NOT (m.deleted_at IS NULL AND EXISTS (" + known + ")) ORDER BY m.id LIMIT :limit",
				parameters, (rs, row) -> member(rs));
	}

	/**
	 * The member rows, archived ones included, of these keys.
	 * @param keys the members wanted
	 * @return the rows found, by key
	 */
	public Map<MemberKey<Long>, CrmCampaignMember> find(Collection<MemberKey<Long>> keys) {
		Map<MemberKey<Long>, CrmCampaignMember> found = new HashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		// each member looked up by its unique key: a chunk's members span most campaigns,
		// and lists of campaigns and of people matched every member of those campaigns
		String members = "SELECT " + COLUMNS + " FROM ";
		String key = " STRAIGHT_JOIN crm_campaign_member m ON m.campaign_id = k.campaign_id AND m.";
		this.jdbc.query(
				members + TupleTable.of(":contacts", "k", "campaign_id BIGINT", "person_id BIGINT") + key
						+ "contact_id = k.person_id UNION ALL " + members
						+ TupleTable.of(":leads", "k", "campaign_id BIGINT", "person_id BIGINT") + key
						+ "lead_id = k.person_id",
				new MapSqlParameterSource("contacts", tuples(keys, true)).addValue("leads", tuples(keys, false)),
				(rs) -> {
					CrmCampaignMember member = member(rs);
					found.put(new MemberKey<>(member.campaignId(), member.isContact(), member.personId()), member);
				});
		return found;
	}

	private static CrmCampaignMember member(ResultSet rs) throws SQLException {
		return new CrmCampaignMember(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
				rs.getObject(4, Long.class), rs.getString(5), rs.getObject(6) != null);
	}

	/**
	 * Archives member rows and, for contacts, their campaign memberships.
	 * @param keys the members removed
	 */
	public void archive(Collection<MemberKey<Long>> keys) {
		if (keys.isEmpty()) {
			return;
		}
		SqlParameterSource[] contacts = keys.stream()
			.filter(MemberKey::contact)
			.map((key) -> new MapSqlParameterSource("campaign", key.campaignId()).addValue("person", key.personId()))
			.toArray(SqlParameterSource[]::new);
		SqlParameterSource[] leads = keys.stream()
			.filter((key) -> !key.contact())
			.map((key) -> new MapSqlParameterSource("campaign", key.campaignId()).addValue("person", key.personId()))
			.toArray(SqlParameterSource[]::new);
		this.jdbc.batchUpdate("UPDATE crm_campaign_member SET deleted_at = CURRENT_TIMESTAMP(3) "
				+ "WHERE campaign_id = :campaign AND contact_id = :person AND deleted_at IS NULL", contacts);
		this.jdbc.batchUpdate("UPDATE crm_membership SET deleted_at = CURRENT_TIMESTAMP(3) "
				+ "WHERE contact_id = :person AND kind = 'CAMPAIGN' AND ref_id = :campaign AND deleted_at IS NULL",
				contacts);
		this.jdbc.batchUpdate("UPDATE crm_campaign_member SET deleted_at = CURRENT_TIMESTAMP(3) "
				+ "WHERE campaign_id = :campaign AND lead_id = :person AND deleted_at IS NULL", leads);
	}

	/**
	 * The identity map's types of a member's campaign and persons.
	 *
	 * @param campaign campaigns, e.g. {@code CAMPAIGN}
	 * @param contact contacts
	 * @param lead leads
	 */
	public record MemberTypes(ObjectType campaign, ObjectType contact, ObjectType lead) {

	}

	private static String tuples(Collection<MemberKey<Long>> keys, boolean contacts) {
		return TupleTable.rows(keys.stream()
			.filter((key) -> key.contact() == contacts)
			.map((key) -> List.of(key.campaignId(), key.personId()))
			.distinct()
			.toList());
	}

}
