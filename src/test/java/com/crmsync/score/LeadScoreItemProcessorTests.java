/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.score;

import com.crmsync.crm.ObjectType;
import com.crmsync.crm.PushedValue;
import com.crmsync.crm.ScoreCandidate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a score is pushed, left alone, remembered as blank, or skipped.
 */
class LeadScoreItemProcessorTests {

	private static final String LEAD = "00Q000000000001AAA";

	private static final String OTHER_LEAD = "00Q000000000002AAA";

	private final LeadScoreItemProcessor processor = new LeadScoreItemProcessor();

	@Test
	void aScoreNeverPushedIsPushed() {
		ScorePush push = this.processor.process(candidate(42L, false, null));

		assertThat(push.kind()).isEqualTo(ScorePush.Kind.PUSH);
		assertThat(push.value()).isEqualTo("42");
	}

	@Test
	void theScorePushedLastToTheSameRecordIsLeftAlone() {
		assertThat(this.processor.process(candidate(42L, false, pushed(LEAD, "42"))).kind())
			.isEqualTo(ScorePush.Kind.UNCHANGED);
	}

	@Test
	void aChangedScoreIsPushed() {
		ScorePush push = this.processor.process(candidate(43L, false, pushed(LEAD, "42")));

		assertThat(push.kind()).isEqualTo(ScorePush.Kind.PUSH);
		assertThat(push.value()).isEqualTo("43");
	}

	@Test
	void theSameScoreIsPushedAgainWhenTheRowIsLinkedToAnotherRecord() {
		assertThat(this.processor.process(candidate(42L, false, pushed(OTHER_LEAD, "42"))).kind())
			.isEqualTo(ScorePush.Kind.PUSH);
	}

	@Test
	void aBlankScoreNeverClearsSalesforcesAndIsRememberedOnce() {
		assertThat(this.processor.process(candidate(null, false, null)).kind())
			.isEqualTo(ScorePush.Kind.REMEMBER_BLANK);
		assertThat(this.processor.process(candidate(null, false, pushed(LEAD, null))).kind())
			.isEqualTo(ScorePush.Kind.UNCHANGED);
		assertThat(this.processor.process(candidate(null, false, pushed(LEAD, "42"))).kind())
			.isEqualTo(ScorePush.Kind.UNCHANGED);
	}

	@Test
	void aConvertedLeadIsSkippedWithItsReason() {
		ScorePush push = this.processor.process(candidate(42L, true, null));

		assertThat(push.kind()).isEqualTo(ScorePush.Kind.SKIP);
		assertThat(push.reason()).isEqualTo(LeadScoreItemProcessor.CONVERTED);
	}

	private static ScoreCandidate candidate(Long score, boolean converted, PushedValue pushed) {
		return new ScoreCandidate(ObjectType.of("LEAD"), 7, LEAD, score, converted, pushed);
	}

	private static PushedValue pushed(String salesforceId, String value) {
		return new PushedValue(ObjectType.of("LEAD"), 7, "CRM_Lead_Score__c", salesforceId, value);
	}

}
