/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SoqlTests {

	@Test
	void shortListIsOneStatement() {
		assertThat(Soql.inQueries("SELECT Id FROM Lead WHERE Email", List.of("a@x.com", "o'b@x.com", "a@x.com"),
				"ORDER BY Id"))
			.containsExactly("SELECT Id FROM Lead WHERE Email IN ('a@x.com', 'o\\'b@x.com') ORDER BY Id");
	}

	@Test
	void noValuesNoStatement() {
		assertThat(Soql.inQueries("SELECT Id FROM Lead WHERE Id", List.of(), "")).isEmpty();
	}

	@Test
	void longListIsSplitWithinTheStatementLimitAndKeepsEveryValueOnce() {
		List<String> values = IntStream.range(0, 2000)
			.mapToObj((i) -> "a-rather-long-address-of-someone-" + i + "@an-example-company.example.com")
			.toList();
		List<String> statements = Soql.inQueries("SELECT Id FROM Contact WHERE Email", values, "ORDER BY Id");
		assertThat(statements).hasSizeGreaterThan(1);
		List<String> sent = new ArrayList<>();
		for (String statement : statements) {
			assertThat(statement).hasSizeLessThanOrEqualTo(Soql.MAX_STATEMENT_LENGTH)
				.startsWith("SELECT Id FROM Contact WHERE Email IN ('")
				.endsWith("') ORDER BY Id");
			String list = statement.substring(statement.indexOf("IN (") + 4, statement.lastIndexOf(") ORDER BY"));
			for (String literal : list.split(", ")) {
				sent.add(literal.substring(1, literal.length() - 1));
			}
		}
		assertThat(sent).containsExactlyElementsOf(values);
	}

}
