/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

import com.sforce.soap.partner.FieldType;

/**
 * How the engine compares the values of a field, derived from its Salesforce type: text
 * case-insensitively, ids by their case-sensitive 15-character form, the rest by their
 * natural order.
 */
enum ValueKind {

	/** Strings, picklists, e-mails, phones, URLs, text areas: case-insensitive. */
	TEXT("string", Comparator.comparing(String.class::cast, String.CASE_INSENSITIVE_ORDER)),

	/** Ids and references: case-sensitive on the 15-character form. */
	ID("id", (left, right) -> compareIds((String) left, (String) right)),

	/** Checkboxes: {@code false} before {@code true}. */
	BOOLEAN("boolean", Comparator.comparing(Boolean.class::cast)),

	/** Numbers, currencies, percents, integers. */
	NUMBER("double", Comparator.comparing(ValueKind::toBigDecimal)),

	/** Dates. */
	DATE("date", Comparator.comparing(LocalDate.class::cast)),

	/** Date-times. */
	DATETIME("dateTime", Comparator.comparing(Instant.class::cast)),

	/** Types a query cannot filter or sort on in this engine (time, base64, compound). */
	UNSUPPORTED("anyType", (left, right) -> {
		throw new IllegalStateException("not comparable");
	});

	/**
	 * Characters of an id that identify the record; the 3 more of the 18 are a checksum.
	 */
	static final int ID_SIGNIFICANT_LENGTH = 15;

	private final String soapTypeName;

	private final Comparator<Object> comparator;

	ValueKind(String soapTypeName, Comparator<Object> comparator) {
		this.soapTypeName = soapTypeName;
		this.comparator = comparator;
	}

	/**
	 * The type name Salesforce uses in its filter error messages.
	 * @return e.g. {@code dateTime}
	 */
	String soapTypeName() {
		return this.soapTypeName;
	}

	/**
	 * Orders two non-null values of this kind; 0 means equal as SOQL's {@code =} sees it.
	 * @return the comparator
	 */
	Comparator<Object> comparator() {
		return this.comparator;
	}

	/**
	 * Whether a literal for this kind is written in quotes.
	 * @return {@code true} for text and ids
	 */
	boolean quoted() {
		return this == TEXT || this == ID;
	}

	static ValueKind of(FieldType type) {
		if (type == null) {
			return UNSUPPORTED;
		}
		return switch (type) {
			case string, picklist, multipicklist, combobox, textarea, phone, url, email, encryptedstring -> TEXT;
			case id, reference -> ID;
			case _boolean -> BOOLEAN;
			case currency, _int, _double, percent, _long -> NUMBER;
			case date -> DATE;
			case datetime -> DATETIME;
			default -> UNSUPPORTED;
		};
	}

	/**
	 * Compares two ids on their significant 15 characters, case-sensitively, so that an
	 * 18-character id equals its 15-character form and ordering by id is consistent with
	 * {@code Id > '...'} filters.
	 */
	static int compareIds(String left, String right) {
		int leftLength = Math.min(left.length(), ID_SIGNIFICANT_LENGTH);
		int rightLength = Math.min(right.length(), ID_SIGNIFICANT_LENGTH);
		int common = Math.min(leftLength, rightLength);
		for (int i = 0; i < common; i++) {
			int difference = left.charAt(i) - right.charAt(i);
			if (difference != 0) {
				return difference;
			}
		}
		return leftLength - rightLength;
	}

	private static BigDecimal toBigDecimal(Object value) {
		// The record contract says BigDecimal; tolerate other numbers rather than fail a
		// query
		return (value instanceof BigDecimal decimal) ? decimal : new BigDecimal(value.toString());
	}

}
