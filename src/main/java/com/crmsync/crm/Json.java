/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.crm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
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
		byte[] utf8 = writeUtf8(values);
		return (utf8 != null) ? new String(utf8, StandardCharsets.UTF_8) : null;
	}

	/**
	 * As {@link #write}, in UTF-8, for a batch insert: the driver sends bytes as they
	 * are, where it encodes a string's characters twice per row (once to size the batch,
	 * once to send it), a good part of the CPU of saving the identity map.
	 * @param values the values
	 * @return the JSON text's UTF-8 bytes, or {@code null} for none
	 */
	static byte[] writeUtf8(Map<String, String> values) {
		if (values == null || values.isEmpty()) {
			return null;
		}
		// the generator alone, not a serializer looked up for a sorted copy of the map:
		// written for every link a chunk saves, the same bytes at half the cost
		String[] keys = values.keySet().toArray(new String[0]);
		Arrays.sort(keys);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * keys.length);
		try (JsonGenerator json = mapper.createGenerator(bytes)) {
			json.writeStartObject();
			for (String key : keys) {
				String value = values.get(key);
				if (value != null) {
					json.writeStringProperty(key, value);
				}
				else {
					json.writeNullProperty(key);
				}
			}
			json.writeEndObject();
		}
		return bytes.toByteArray();
	}

	static Map<String, String> read(String json) {
		return (json == null || json.isBlank()) ? Map.of() : mapper.readValue(json, STRING_MAP);
	}

	/**
	 * Rows as one JSON array of arrays: of text in
	 * {@code sync_pending_batch.sent_values}, of any JSON values for a
	 * {@link TupleTable}.
	 * @param rows the rows
	 * @return the JSON text
	 */
	static String writeRows(Collection<? extends List<?>> rows) {
		return mapper.writeValueAsString(rows);
	}

	static List<List<String>> readRows(String json) {
		return mapper.readValue(json, STRING_ROWS);
	}

}
