/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A record holds values that cannot be synced as given, each named with its field and
 * value ({@link ValueReject}); the record is rejected, the rest of its chunk carries on.
 */
public class RejectedValuesException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/** The values, field by field. */
	private final transient List<ValueReject> rejects;

	/**
	 * The values of one record that cannot be synced.
	 * @param rejects at least one
	 */
	public RejectedValuesException(List<ValueReject> rejects) {
		super(rejects.stream().map(ValueReject::describe).collect(Collectors.joining("; ")));
		this.rejects = List.copyOf(rejects);
	}

	/**
	 * The values that cannot be synced, field by field.
	 * @return the rejects
	 */
	public List<ValueReject> rejects() {
		return this.rejects;
	}

}
