/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crmsync.crm.SyncReference.Kind;
import com.crmsync.testsupport.SingleSessionDatabase;
import com.crmsync.testsupport.SingleSessionDatabase.Counted;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chunk of campaign members spans most campaigns: its member rows and its recorded
 * references are looked up by their whole keys, not by lists of campaigns and of people,
 * which matched every member of those campaigns (at 1,000,000 records, the campaign
 * members' step took 23 s for 8 s of CPU, waiting on such statements). Against MariaDB,
 * 200 campaigns of 100 members each, and a chunk of 2,000 of them, 10 in each campaign.
 */
class CampaignMemberLookupQueryTests {

	private static final int CAMPAIGNS = 200;

	private static final int MEMBERS_EACH = 100;

	private static final int CHUNK = 2_000;

	private static SingleSessionDatabase database;

	@BeforeAll
	static void seed() throws SQLException {
		database = SingleSessionDatabase.migrated("memberlookup");
		JdbcTemplate jdbc = database.jdbc();
		jdbc.update(
				"INSERT INTO crm_campaign (id, name) SELECT seq, CONCAT('Campaign ', seq) FROM seq_1_to_" + CAMPAIGNS);
		jdbc.update("INSERT INTO crm_contact (id, last_name) SELECT seq, 'Contact' FROM seq_1_to_2000");
		jdbc.update("INSERT INTO crm_campaign_member (campaign_id, contact_id, status) SELECT c.seq, "
				+ person("c.seq", "j.seq") + ", 'Sent' FROM seq_1_to_" + CAMPAIGNS + " c JOIN seq_0_to_"
				+ (MEMBERS_EACH - 1) + " j");
		jdbc.update("INSERT INTO sync_reference (object_type, crm_id, kind, target_salesforce_id) SELECT 'CAMPAIGN', "
				+ "c.seq, 'CAMPAIGN_CONTACT', CONCAT('003', LPAD(" + person("c.seq", "j.seq") + ", 15, '0')) "
				+ "FROM seq_1_to_" + CAMPAIGNS + " c JOIN seq_0_to_" + (MEMBERS_EACH - 1) + " j");
		jdbc.execute("ANALYZE TABLE crm_campaign_member, sync_reference");
	}

	/** The contact of a campaign's j-th member. */
	private static String person(String campaign, String j) {
		return "((" + campaign + " * 13 + " + j + ") MOD 2000) + 1";
	}

	private static long person(long campaign, long j) {
		return ((campaign * 13 + j) % 2000) + 1;
	}

	@AfterAll
	static void close() throws SQLException {
		database.close();
	}

	@Test
	void aChunksMembersAreFoundByTheirKeys() {
		CampaignMemberRepository members = new CampaignMemberRepository(database.named());
		List<MemberKey<Long>> keys = new ArrayList<>();
		for (int k = 0; k < CHUNK; k++) {
			long campaign = (k % CAMPAIGNS) + 1;
			keys.add(new MemberKey<>(campaign, true, person(campaign, k / CAMPAIGNS)));
		}
		// a lead that is no member
		keys.add(new MemberKey<>(1L, false, 1L));

		Counted<Map<MemberKey<Long>, CrmCampaignMember>> found = database.rowsRead(() -> members.find(keys));

		assertThat(found.result()).hasSize(CHUNK);
		assertThat(found.result().get(keys.get(0)).contactId()).isEqualTo(keys.get(0).personId());
		assertThat(found.rows()).as("rows read for %,d members among %,d", CHUNK, CAMPAIGNS * MEMBERS_EACH)
			.isLessThan(3 * CHUNK);
	}

	@Test
	void aChunksRecordedReferencesAreFoundByTheirKeys() {
		SyncReferenceRepository references = new SyncReferenceRepository(database.named());
		ObjectType campaignType = ObjectType.of("CAMPAIGN");
		List<SyncReference> wanted = new ArrayList<>();
		for (int k = 0; k < CHUNK; k++) {
			long campaign = (k % CAMPAIGNS) + 1;
			// the even ones recorded, the odd ones a contact of no campaign
			long contact = (k % 2 == 0) ? person(campaign, k / CAMPAIGNS) : 5_000 + k;
			wanted.add(new SyncReference(campaignType, campaign, Kind.CAMPAIGN_CONTACT, "003%015d".formatted(contact),
					null));
		}

		Counted<List<SyncReference>> recorded = database.rowsRead(() -> references.recorded(wanted));

		assertThat(recorded.result()).hasSize(CHUNK / 2).allMatch((reference) -> wanted.indexOf(reference) % 2 == 0);
		assertThat(recorded.rows()).as("rows read for %,d references among %,d", CHUNK, CAMPAIGNS * MEMBERS_EACH)
			.isLessThan(3 * CHUNK);
	}

}
