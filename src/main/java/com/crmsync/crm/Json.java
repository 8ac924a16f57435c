/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of merge bases in {@code sync_link.base_values}: keys sorted, so equal
 * bases are stored as equal text.
 */
final class Json {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
	};

	private Json() {
	}

	static String write(Map<String, String> values) {
		return (values == null || values.isEmpty()) ? null : mapper.writeValueAsString(new TreeMap<>(values));
	}

	static Map<String, String> read(String json) {
		return (json == null || json.isBlank()) ? Map.of() : mapper.readValue(json, STRING_MAP);
	}

}
