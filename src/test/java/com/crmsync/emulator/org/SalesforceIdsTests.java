/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.org;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceIdsTests {

	@Test
	void caseSafeSuffixIsComputedAsSalesforceDoes() {
		assertThat(SalesforceIds.toCaseSafe("001A0000006Vm9r")).isEqualTo("001A0000006Vm9rIAC");
		assertThat(SalesforceIds.toCaseSafe("003000000000001")).isEqualTo("003000000000001AAA");
		assertThat(SalesforceIds.toCaseSafe("00QABCDEabcdeFG")).isEqualTo("00QABCDEabcdeFG2HY");
	}

	@Test
	void generatedIdsCarryTheKeyPrefixAndAreUniquePerSequence() {
		assertThat(SalesforceIds.id("003", 1)).isEqualTo("003000000000001AAA");
		assertThat(SalesforceIds.id("00Q", 62)).isEqualTo("00Q000000000010EAA");
		assertThat(SalesforceIds.id("001", 36)).isEqualTo("00100000000000aAAA");
	}

	@Test
	void normalizesFifteenCharacterIdsAndRejectsMalformedOnes() {
		assertThat(SalesforceIds.normalize("001A0000006Vm9r")).isEqualTo("001A0000006Vm9rIAC");
		assertThat(SalesforceIds.normalize("001A0000006Vm9rIAC")).isEqualTo("001A0000006Vm9rIAC");
		assertThat(SalesforceIds.normalize("001A0000006Vm9riac")).isEqualTo("001A0000006Vm9rIAC");
		assertThat(SalesforceIds.normalize("001A0000006Vm9rAAA")).isNull();
		assertThat(SalesforceIds.normalize("001-000006Vm9rIAC")).isNull();
		assertThat(SalesforceIds.normalize("abc")).isNull();
		assertThat(SalesforceIds.normalize(null)).isNull();
	}

}
