/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.Objects;

/**
 * One value of a record that cannot be synced as given: it does not convert to its
 * field's type, does not fit the CRM column it goes to, or holds characters the other
 * side cannot store as written. The record is rejected (journaled with the field and the
 * value, left as it is on both sides, tried again by later runs); nothing of it is
 * altered to make it fit.
 *
 * @param field the field, by its Salesforce name (a CRM custom field by the Salesforce
 * field it syncs with)
 * @param value the value as one side holds it, in words
 * @param reason why it cannot be synced
 */
public record ValueReject(String field, String value, String reason) {

	public ValueReject {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(reason, "reason");
	}

	/**
	 * The reject in words, for the journal: the field, the value in quotes, the reason.
	 * @return the reject in words
	 */
	public String describe() {
		return this.field + " '" + visible(this.value) + "': " + this.reason;
	}

	/**
	 * A value as the journal shows it: control characters written as {@code U+0000}, so
	 * that the reason is readable and the journal stores what it can.
	 * @param value the value
	 * @return the value with control characters spelled out
	 */
	static String visible(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder text = new StringBuilder(value.length());
		value.codePoints().forEach((c) -> {
			if (Character.isISOControl(c) || c == 0xFFFE || c == 0xFFFF
					|| (Character.getType(c) == Character.SURROGATE)) {
				text.append(String.format("<U+%04X>", c));
			}
			else {
				text.appendCodePoint(c);
			}
		});
		return text.toString();
	}

}
