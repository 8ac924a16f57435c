/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of merge bases in {@code sync_link.base_values} (keys sorted, so equal
 * bases are stored as equal text) and of the values of a bulk batch in flight.
 */
final class Json {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
	};

	private static final TypeReference<List<List<String>>> STRING_ROWS = new TypeReference<>() {
	};

	private Json() {
	}

	static String write(Map<String, String> values) {
		return (values == null || values.isEmpty()) ? null : mapper.writeValueAsString(new TreeMap<>(values));
	}

	/**
	 * As {@link #write}, in UTF-8, for a batch insert: the driver sends bytes as they
	 * are, where it encodes a string's characters twice per row (once to size the batch,
	 * once to send it), a good part of the CPU of saving the identity map.
	 * @param values the values
	 * @return the JSON text's UTF-8 bytes, or {@code null} for none
	 */
	static byte[] writeUtf8(Map<String, String> values) {
		return (values == null || values.isEmpty()) ? null : mapper.writeValueAsBytes(new TreeMap<>(values));
	}

	static Map<String, String> read(String json) {
		return (json == null || json.isBlank()) ? Map.of() : mapper.readValue(json, STRING_MAP);
	}

	/**
	 * Rows of text as one JSON array of arrays ({@code sync_pending_batch.sent_values}).
	 * @param rows the rows
	 * @return the JSON text
	 */
	static String writeRows(List<List<String>> rows) {
		return mapper.writeValueAsString(rows);
	}

	static List<List<String>> readRows(String json) {
		return mapper.readValue(json, STRING_ROWS);
	}

}
