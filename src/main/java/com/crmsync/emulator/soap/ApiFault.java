/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

/**
 * A whole-call failure, sent as a SOAP fault: {@code faultcode sf:<exceptionCode>} and a
 * detail element whose type ({@code sf:InvalidFieldFault}, ...) selects the exception
 * class force-wsc throws.
 */
public class ApiFault extends Exception {

	private final String exceptionCode;

	private final Detail detail;

	private final Integer row;

	private final Integer column;

	private final int httpStatus;

	public ApiFault(Detail detail, String exceptionCode, String message) {
		this(detail, exceptionCode, message, null, null, 500);
	}

	public ApiFault(Detail detail, String exceptionCode, String message, Integer row, Integer column, int httpStatus) {
		super(message);
		this.detail = detail;
		this.exceptionCode = exceptionCode;
		this.row = row;
		this.column = column;
		this.httpStatus = httpStatus;
	}

	public String exceptionCode() {
		return this.exceptionCode;
	}

	public Detail detail() {
		return this.detail;
	}

	/**
	 * The query row of the error ({@code ApiQueryFault} only).
	 * @return the row, or {@code null}
	 */
	public Integer row() {
		return this.row;
	}

	/**
	 * The query column of the error ({@code ApiQueryFault} only).
	 * @return the column, or {@code null}
	 */
	public Integer column() {
		return this.column;
	}

	public int httpStatus() {
		return this.httpStatus;
	}

	/**
	 * The fault detail types of the partner API.
	 */
	public enum Detail {

		/** Bad credentials. */
		LoginFault(false),
		/** A bad field in a query or retrieve. */
		InvalidFieldFault(true),
		/** A bad object type. */
		InvalidSObjectFault(true),
		/** A bad SOQL query. */
		MalformedQueryFault(true),
		/** A bad or expired query locator. */
		InvalidQueryLocatorFault(false),
		/** A bad id. */
		InvalidIdFault(false),
		/** Anything else (session, limits, availability). */
		UnexpectedErrorFault(false);

		private final boolean queryFault;

		Detail(boolean queryFault) {
			this.queryFault = queryFault;
		}

		/**
		 * Whether the detail extends {@code ApiQueryFault} (carries row and column).
		 * @return {@code true} for query faults
		 */
		public boolean isQueryFault() {
			return this.queryFault;
		}

	}

}
