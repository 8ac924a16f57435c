/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.crmsync.crm.CampaignMemberRepository.MemberTypes;
import com.crmsync.testsupport.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 2 for campaign members: an incremental CRM pass leaves out the member
 * rows the sync itself wrote (Salesforce is known to have them), and still reads every
 * row it has something to do with. Against MariaDB, all rows changed in the window.
 */
class CampaignMemberEchoQueryTests {

	private static final MemberTypes TYPES = new MemberTypes(ObjectType.of("CAMPAIGN"), ObjectType.of("CONTACT"),
			ObjectType.of("LEAD"));

	private static HikariDataSource pool;

	private static CampaignMemberRepository members;

	private static Instant since;

	@BeforeAll
	static void seed() {
		pool = TestDatabases.migratedDataSource("memberecho");
		JdbcTemplate jdbc = new JdbcTemplate(pool);
		members = new CampaignMemberRepository(new NamedParameterJdbcTemplate(pool));
		since = Instant.now().minus(1, ChronoUnit.MINUTES);
		jdbc.update("INSERT INTO crm_campaign (id, name) VALUES (1, 'Linked'), (2, 'Not linked')");
		jdbc.update("INSERT INTO crm_contact (id, last_name) VALUES (10, 'Known'), (11, 'Unknown'), (12, 'Unlinked'), "
				+ "(13, 'Removed'), (14, 'Moved')");
		jdbc.update("INSERT INTO crm_lead (id, last_name) VALUES (20, 'Known lead')");
		jdbc.update("INSERT INTO sync_link (object_type, crm_id, salesforce_id) VALUES "
				+ "('CAMPAIGN', 1, '701000000000001AAA'), ('CONTACT', 10, '003000000000010AAA'), "
				+ "('CONTACT', 11, '003000000000011AAA'), ('CONTACT', 13, '003000000000013AAA'), "
				+ "('CONTACT', 14, '003000000000014BBB'), ('LEAD', 20, '00Q000000000020AAA')");
		// Salesforce has the members of contacts 10, 13 and 14 (the latter's contact
		// since linked to another record) and of lead 20
		jdbc.update("INSERT INTO sync_reference (object_type, crm_id, kind, target_salesforce_id) VALUES "
				+ "('CAMPAIGN', 1, 'CAMPAIGN_CONTACT', '003000000000010AAA'), "
				+ "('CAMPAIGN', 1, 'CAMPAIGN_CONTACT', '003000000000013AAA'), "
				+ "('CAMPAIGN', 1, 'CAMPAIGN_CONTACT', '003000000000014AAA'), "
				+ "('CAMPAIGN', 1, 'CAMPAIGN_LEAD', '00Q000000000020AAA')");
		jdbc.update("INSERT INTO crm_campaign_member (id, campaign_id, contact_id, lead_id, deleted_at) VALUES "
				// the sync's own writes: left out
				+ "(100, 1, 10, NULL, NULL), (101, 1, NULL, 20, NULL), "
				// not in Salesforce yet: to create
				+ "(102, 1, 11, NULL, NULL), "
				// its contact not linked: to report
				+ "(103, 1, 12, NULL, NULL), "
				// removed in the CRM: to report
				+ "(104, 1, 13, NULL, CURRENT_TIMESTAMP(3)), "
				// its contact now linked to a record without the member: to create
				+ "(105, 1, 14, NULL, NULL), "
				// its campaign not linked: to report
				+ "(106, 2, 10, NULL, NULL)");
	}

	@AfterAll
	static void close() {
		pool.close();
	}

	@Test
	void incrementalPageLeavesOutTheMembersSalesforceIsKnownToHave() {
		assertThat(members.changedPage(since, TYPES, 0, 100)).extracting(CrmCampaignMember::id)
			.containsExactly(102L, 103L, 104L, 105L, 106L);
	}

	@Test
	void incrementalPageReadsOnlyTheWindow() {
		assertThat(members.changedPage(Instant.now().plus(1, ChronoUnit.MINUTES), TYPES, 0, 100)).isEmpty();
	}

	@Test
	void fullPageReadsEveryRow() {
		assertThat(members.page(100, 3)).extracting(CrmCampaignMember::id).containsExactly(101L, 102L, 103L);
	}

}
