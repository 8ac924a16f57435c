/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The geometry of the report's chart: one horizontal bar per step, its records stacked by
 * outcome (a segment per outcome with records, at least 2 pixels wide), the total read at
 * the bar's end, and a legend below. Coordinates are SVG user units, already formatted.
 *
 * @param width the chart's width
 * @param height the chart's height
 * @param barHeight every bar's height
 * @param bars one per step, in job order
 * @param legend one key per outcome
 */
record StepChart(int width, int height, int barHeight, List<Bar> bars, List<LegendKey> legend) {

	/** The outcomes the chart stacks, with their colours. */
	private static final List<Outcome> OUTCOMES = List.of(
			new Outcome("created", "#2e7d32", RunReport.StepReport::created),
			new Outcome("updated", "#1565c0", RunReport.StepReport::updated),
			new Outcome("unchanged", "#9e9e9e", RunReport.StepReport::unchanged),
			new Outcome("skipped", "#f9a825", RunReport.StepReport::skipped),
			new Outcome("failed", "#c62828", RunReport.StepReport::failed));

	private static final int WIDTH = 900;

	private static final int LABEL_WIDTH = 170;

	private static final int BAR_HEIGHT = 22;

	private static final int ROW_HEIGHT = 34;

	private static final int LEGEND_SPACING = 110;

	/**
	 * The chart of a run's steps.
	 * @param steps the steps, in job order
	 * @return the chart
	 */
	static StepChart of(List<RunReport.StepReport> steps) {
		long max = steps.stream().mapToLong(RunReport.StepReport::read).max().orElse(0);
		int barSpace = WIDTH - LABEL_WIDTH - 90;
		List<Bar> bars = new ArrayList<>();
		int y = 4;
		for (RunReport.StepReport step : steps) {
			List<Segment> segments = new ArrayList<>();
			double x = LABEL_WIDTH;
			for (Outcome outcome : OUTCOMES) {
				long count = outcome.count().applyAsLong(step);
				if (count == 0) {
					continue;
				}
				double width = Math.max(2.0, barSpace * (double) count / max);
				segments.add(new Segment(outcome.name(), units(x), units(width), outcome.colour(),
						step.name() + ": " + count + " " + outcome.name()));
				x += width;
			}
			bars.add(new Bar(step.name(), step.read(), LABEL_WIDTH - 8, y, y + 16, segments, units(x + 6)));
			y += ROW_HEIGHT;
		}
		List<LegendKey> legend = new ArrayList<>();
		int legendX = LABEL_WIDTH;
		for (Outcome outcome : OUTCOMES) {
			legend.add(new LegendKey(outcome.name(), outcome.colour(), legendX, y + 6, legendX + 16, y + 17));
			legendX += LEGEND_SPACING;
		}
		return new StepChart(WIDTH, ROW_HEIGHT * steps.size() + 40, BAR_HEIGHT, bars, legend);
	}

	/**
	 * The SVG {@code viewBox}: the whole chart.
	 * @return its value
	 */
	public String viewBox() {
		return "0 0 " + this.width + " " + this.height;
	}

	private static String units(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/**
	 * One step's bar.
	 *
	 * @param step the step's name
	 * @param read records it read
	 * @param labelX where its name ends (right-aligned)
	 * @param y the bar's top
	 * @param textY the baseline of its name and total
	 * @param segments its outcomes, left to right
	 * @param totalX where the total is written
	 */
	record Bar(String step, long read, int labelX, int y, int textY, List<Segment> segments, String totalX) {

	}

	/**
	 * One outcome's part of a bar.
	 *
	 * @param outcome the outcome ({@code created}, ...)
	 * @param x its left edge
	 * @param width its width
	 * @param colour its fill
	 * @param title its tooltip
	 */
	record Segment(String outcome, String x, String width, String colour, String title) {

	}

	/**
	 * One legend entry: a coloured box and the outcome's name.
	 *
	 * @param outcome the outcome
	 * @param colour its colour
	 * @param boxX the box's left edge
	 * @param boxY the box's top
	 * @param textX where the name starts
	 * @param textY the name's baseline
	 */
	record LegendKey(String outcome, String colour, int boxX, int boxY, int textX, int textY) {

	}

	private record Outcome(String name, String colour, ToLongFunction<RunReport.StepReport> count) {

	}

}
