/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.util.Map;
import java.util.stream.Stream;

/**
 * The org's records as the SOQL engine reads them. A record is a map from canonical field
 * name to a typed value: {@code String} (id, string, picklist, email, phone, textarea,
 * url, reference), {@code Boolean}, {@code java.math.BigDecimal} (double, currency,
 * percent, int), {@code java.time.LocalDate} (date), {@code java.time.Instant}
 * (datetime); an absent key or a {@code null} value is a null field.
 */
public interface RecordSource {

	/**
	 * Every record of the object, in no particular order.
	 * @param objectName the canonical object name
	 * @param includeDeleted {@code true} for {@code queryAll}: records in the recycle bin
	 * too (their {@code IsDeleted} is {@code true})
	 * @return the records; the engine must not modify them
	 */
	Stream<Map<String, Object>> records(String objectName, boolean includeDeleted);

	/**
	 * One record by its 18-character id, deleted or not, for parent relationships.
	 * @param objectName the canonical object name
	 * @param id the record id
	 * @return the record, or {@code null}
	 */
	Map<String, Object> byId(String objectName, String id);

}
