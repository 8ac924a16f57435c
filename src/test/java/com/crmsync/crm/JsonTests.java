/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merge bases' JSON: the bytes written for a link are the text Jackson's databind
 * gives for the map with its keys sorted (what the identity map has always stored),
 * whatever the keys' order and characters, and read back as they were.
 */
class JsonTests {

	private static final JsonMapper DATABIND = JsonMapper.builder().build();

	@Test
	void aBaseIsWrittenWithSortedKeysAsTheTextForm() {
		Map<String, String> base = new LinkedHashMap<>();
		base.put("Zeta", "last");
		base.put("Email", "a@b.test");
		base.put("Blank", null);
		base.put("LastName", "Ødegård-O'Brien \"the\" \\ 李 🚀 \u0001");
		base.put("Description", "two\nlines\ttabbed");

		byte[] bytes = Json.writeUtf8(base);

		assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(sortedByDatabind(base))
			.isEqualTo(Json.write(base))
			.startsWith("{\"Blank\":null,\"Description\":\"two\\nlines\\ttabbed\",\"Email\":");
		assertThat(Json.read(Json.write(base))).isEqualTo(base);
	}

	@Test
	void randomBasesGiveTheSameBytesAsTheTextForm() {
		Random random = new Random(17);
		for (int i = 0; i < 2_000; i++) {
			Map<String, String> base = new HashMap<>();
			for (int field = random.nextInt(12); field > 0; field--) {
				base.put(text(random, 1 + random.nextInt(20)),
						random.nextInt(5) == 0 ? null : text(random, random.nextInt(40)));
			}
			byte[] bytes = Json.writeUtf8(base);
			if (base.isEmpty()) {
				assertThat(bytes).isNull();
			}
			else {
				assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(sortedByDatabind(base));
			}
		}
	}

	private static String sortedByDatabind(Map<String, String> base) {
		return DATABIND.writeValueAsString(new TreeMap<>(base));
	}

	private static String text(Random random, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(switch (random.nextInt(6)) {
				case 0 -> random.nextInt(0x20);
				case 1 -> "\"\\/'".charAt(random.nextInt(4));
				case 2 -> 0x80 + random.nextInt(0x700);
				case 3 -> 0x1F600 + random.nextInt(0x40);
				default -> 'a' + random.nextInt(26);
			});
		}
		return text.toString();
	}

}
