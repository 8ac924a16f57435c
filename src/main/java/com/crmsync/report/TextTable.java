/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table for the terminal whose columns line up whatever their contents: every column is
 * as wide as its widest cell, text left-aligned and numbers right-aligned, two spaces
 * between columns. Notes (a line under a row, such as a failed run's reason) are printed
 * as they are and do not widen the columns.
 */
public final class TextTable {

	private final String indent;

	private final List<String> headings;

	private final boolean[] numeric;

	private final List<Object> lines = new ArrayList<>();

	/**
	 * A table with these columns.
	 * @param indent what every line starts with
	 * @param headings the headings; one ending in {@code #} (dropped) is a right-aligned
	 * number column
	 */
	public TextTable(String indent, String... headings) {
		this.indent = indent;
		this.numeric = new boolean[headings.length];
		List<String> names = new ArrayList<>();
		for (int i = 0; i < headings.length; i++) {
			this.numeric[i] = headings[i].endsWith("#");
			names.add(this.numeric[i] ? headings[i].substring(0, headings[i].length() - 1) : headings[i]);
		}
		this.headings = List.copyOf(names);
	}

	/**
	 * Adds a row.
	 * @param cells one per column ({@code null} prints as {@code -})
	 * @return this table
	 */
	public TextTable row(Object... cells) {
		if (cells.length != this.headings.size()) {
			throw new IllegalArgumentException("Expected " + this.headings.size() + " cells, got " + cells.length);
		}
		this.lines.add(Arrays.stream(cells).map((cell) -> (cell != null) ? oneLine(cell.toString()) : "-").toList());
		return this;
	}

	/**
	 * Adds a note under the last row.
	 * @param text the note, one line
	 * @return this table
	 */
	public TextTable note(String text) {
		this.lines.add(oneLine(text));
		return this;
	}

	/**
	 * Prints the headings and the rows.
	 * @param out where to
	 */
	@SuppressWarnings("unchecked")
	public void print(PrintWriter out) {
		int[] widths = new int[this.headings.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = this.headings.get(i).length();
		}
		for (Object line : this.lines) {
			if (line instanceof List<?> cells) {
				for (int i = 0; i < widths.length; i++) {
					widths[i] = Math.max(widths[i], ((List<String>) cells).get(i).length());
				}
			}
		}
		out.println(format(this.headings, widths));
		for (Object line : this.lines) {
			out.println(
					(line instanceof List<?> cells) ? format((List<String>) cells, widths) : this.indent + "  " + line);
		}
	}

	private String format(List<String> cells, int[] widths) {
		StringBuilder line = new StringBuilder(this.indent);
		for (int i = 0; i < cells.size(); i++) {
			String cell = cells.get(i);
			String padding = " ".repeat(widths[i] - cell.length());
			if (i > 0) {
				line.append("  ");
			}
			line.append(this.numeric[i] ? padding + cell : cell + ((i < cells.size() - 1) ? padding : ""));
		}
		return line.toString();
	}

	/**
	 * A value as one safe terminal line: line breaks shown as {@code \n}, other control
	 * characters (which could drive the operator's terminal) replaced.
	 * @param value the value, or {@code null}
	 * @return the line ({@code ""} for {@code null})
	 */
	public static String oneLine(String value) {
		if (value == null) {
			return "";
		}
		return value.replace("\r", "\\r").replace("\n", "\\n").replaceAll("\\p{Cntrl}", "\uFFFD");
	}

}
