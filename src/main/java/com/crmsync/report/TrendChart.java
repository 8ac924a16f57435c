/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A small line chart of one measure over the last runs (oldest left, newest right), for
 * the run history page: a polyline through one dot per run, each dot titled with its run
 * and value. Coordinates are SVG user units, already formatted.
 *
 * @param id the chart's id ({@code trend-<measure>})
 * @param title what it measures
 * @param latest the newest run's value, as text
 * @param max the largest value shown, as text (the chart's scale)
 * @param width the chart's width
 * @param height the chart's height
 * @param points the polyline's points
 * @param dots one per run, oldest first
 */
record TrendChart(String id, String title, String latest, String max, int width, int height, String points,
		List<Dot> dots) {

	private static final int WIDTH = 260;

	private static final int HEIGHT = 60;

	private static final int PAD = 5;

	/**
	 * The chart of one measure.
	 * @param id its id
	 * @param title what it measures
	 * @param runs the runs, oldest first
	 * @param measure the measure of a run
	 * @param format the measure as text
	 * @return the chart
	 */
	static TrendChart of(String id, String title, List<RunSummary> runs, ToDoubleFunction<RunSummary> measure,
			java.util.function.DoubleFunction<String> format) {
		double max = runs.stream().mapToDouble(measure).max().orElse(0);
		double scale = (max > 0) ? (HEIGHT - 2 * PAD) / max : 0;
		double step = (runs.size() > 1) ? (WIDTH - 2.0 * PAD) / (runs.size() - 1) : 0;
		List<Dot> dots = new ArrayList<>();
		StringBuilder points = new StringBuilder();
		for (int i = 0; i < runs.size(); i++) {
			RunSummary run = runs.get(i);
			double value = measure.applyAsDouble(run);
			double x = (runs.size() > 1) ? PAD + i * step : WIDTH / 2.0;
			double y = HEIGHT - PAD - value * scale;
			if (i > 0) {
				points.append(' ');
			}
			points.append(units(x)).append(',').append(units(y));
			dots.add(new Dot(units(x), units(y), "run " + run.executionId() + ": " + format.apply(value),
					!"COMPLETED".equals(run.outcome())));
		}
		String latest = runs.isEmpty() ? "-" : format.apply(measure.applyAsDouble(runs.get(runs.size() - 1)));
		return new TrendChart(id, title, latest, format.apply(max), WIDTH, HEIGHT, points.toString(), dots);
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
	 * One run's dot.
	 *
	 * @param x its centre
	 * @param y its centre
	 * @param title its tooltip: the run and the value
	 * @param attention whether the run did not simply complete (drawn in red)
	 */
	record Dot(String x, String y, String title, boolean attention) {

	}

}
