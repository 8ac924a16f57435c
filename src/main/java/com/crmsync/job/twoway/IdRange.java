/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job.twoway;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import com.crmsync.salesforce.SalesforceRecord;
import com.crmsync.salesforce.Soql;

/**
 * The records of a pulled object without a match field that one partition reads: those
 * whose Id lies in a range, as Salesforce's own PK chunking splits an object
 * ({@code WHERE Id >= '001300000000000' AND Id < '00130000000132G'}). Such records are
 * independent of each other, so any split ends as the serial run does; one by Id does not
 * depend on how the records' names spread (objects whose names share a first character,
 * {@code Renewal …} or {@code Deal 17}, split as well as any other).
 * <p>
 * Ids compare by their first 15 characters, base-62 digits in the order
 * {@code 0-9A-Za-z}, which is also the order of their characters' codes: so a
 * {@code String} comparison of those 15 characters is Salesforce's.
 *
 * @param from the range's lowest Id (15 characters), {@code null} for no lower bound
 * @param to the lowest Id above the range (15 characters), {@code null} for no upper
 * bound
 */
public record IdRange(String from, String to) implements RecordRange {

	private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final BigInteger BASE = BigInteger.valueOf(DIGITS.length());

	/** Key prefix, then the digits an object's Ids count with. */
	private static final int PREFIX = 3;

	private static final int LENGTH = 15;

	private static final String OPEN = "";

	private static final String SEPARATOR = "..";

	public IdRange {
		if ((from != null && !isId(from)) || (to != null && !isId(to))) {
			throw new IllegalArgumentException("Not an Id range: " + from + SEPARATOR + to);
		}
	}

	/**
	 * Ranges of equal width between two Ids of one object, the first open below and the
	 * last open above, so that every record falls in exactly one, whatever its Id.
	 * Salesforce hands out Ids in increasing order, so ranges of equal width hold about
	 * as many records as the object gained while each range's Ids were handed out.
	 * @param first the object's lowest Id
	 * @param last its highest Id
	 * @param count how many ranges are wanted
	 * @return the ranges, in Id order; fewer when the Ids are too close together, one
	 * (both ends open) for one
	 */
	static List<IdRange> between(String first, String last, int count) {
		String prefix = first.substring(0, PREFIX);
		BigInteger low = number(first);
		BigInteger width = number(last).subtract(low).add(BigInteger.ONE);
		List<String> bounds = new ArrayList<>();
		for (int i = 1; i < count; i++) {
			String bound = prefix
					+ digits(low.add(width.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(count))));
			if (bound.compareTo(first.substring(0, LENGTH)) > 0
					&& (bounds.isEmpty() || bound.compareTo(bounds.get(bounds.size() - 1)) > 0)) {
				bounds.add(bound);
			}
		}
		List<IdRange> ranges = new ArrayList<>();
		String from = null;
		for (String bound : bounds) {
			ranges.add(new IdRange(from, bound));
			from = bound;
		}
		ranges.add(new IdRange(from, null));
		return ranges;
	}

	/**
	 * The range read back from its {@link #text()}.
	 * @param text as {@link #text()} made it
	 * @return the range
	 */
	static IdRange parse(String text) {
		int separator = text.indexOf(SEPARATOR);
		if (separator < 0) {
			throw new IllegalArgumentException("Not an Id range: " + text);
		}
		String from = text.substring(0, separator);
		String to = text.substring(separator + SEPARATOR.length());
		return new IdRange(from.isEmpty() ? null : from, to.isEmpty() ? null : to);
	}

	/**
	 * The range as text, as a context keeps it.
	 * @return e.g. {@code ..006000000000Abc} or {@code 006000000000Abc..}
	 */
	String text() {
		return ((this.from != null) ? this.from : OPEN) + SEPARATOR + ((this.to != null) ? this.to : OPEN);
	}

	@Override
	public String soql(String partitionField) {
		List<String> bounds = new ArrayList<>();
		if (this.from != null) {
			bounds.add("Id >= " + Soql.quote(this.from));
		}
		if (this.to != null) {
			bounds.add("Id < " + Soql.quote(this.to));
		}
		return bounds.isEmpty() ? "Id != null" : "(" + String.join(" AND ", bounds) + ")";
	}

	@Override
	public boolean owns(SalesforceRecord record, String partitionField) {
		return owns(record.id());
	}

	/**
	 * Whether an Id is in the range.
	 * @param id a 15- or 18-character Id
	 * @return {@code true} when it is
	 */
	boolean owns(String id) {
		String id15 = id.substring(0, LENGTH);
		return (this.from == null || id15.compareTo(this.from) >= 0)
				&& (this.to == null || id15.compareTo(this.to) < 0);
	}

	private static BigInteger number(String id) {
		BigInteger number = BigInteger.ZERO;
		for (int i = PREFIX; i < LENGTH; i++) {
			number = number.multiply(BASE).add(BigInteger.valueOf(DIGITS.indexOf(id.charAt(i))));
		}
		return number;
	}

	private static String digits(BigInteger number) {
		char[] digits = new char[LENGTH - PREFIX];
		BigInteger rest = number;
		for (int i = digits.length - 1; i >= 0; i--) {
			BigInteger[] division = rest.divideAndRemainder(BASE);
			digits[i] = DIGITS.charAt(division[1].intValue());
			rest = division[0];
		}
		return new String(digits);
	}

	private static boolean isId(String id) {
		return id.length() == LENGTH && id.chars().allMatch((c) -> DIGITS.indexOf(c) >= 0);
	}

}
