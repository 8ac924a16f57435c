/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A small reference model of the two-way lead rules of DESIGN.md §1–§2, written without
 * looking at the production merge code: the oracle of the randomized lead test.
 * <p>
 * It holds both sides (CRM leads and Salesforce leads, each with its mapped field values
 * and its modification time), the links between them with their base (the values both
 * sides agreed at the last sync of the pair), and {@link #applyRun()} computes what one
 * sync run must leave behind.
 * <p>
 * Values are kept in their <em>comparison form</em>: a blank (null or empty) is
 * {@code null}, an e-mail address is trimmed and lower-cased, and the Salesforce company
 * placeholder {@value #NO_COMPANY} reads as no company. Comparing real records with the
 * model is done in the same form ({@link #crmForm}, {@link #salesforceForm}).
 */
final class LeadSyncModel {

	/** The mapped lead fields, by CRM column, with their Salesforce field. */
	static final Map<String, String> FIELDS;

	static {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("first_name", "FirstName");
		fields.put("last_name", "LastName");
		fields.put("email", "Email");
		fields.put("phone", "Phone");
		fields.put("title", "Title");
		fields.put("company_name", "Company");
		fields.put("status", "Status");
		FIELDS = Map.copyOf(fields);
	}

	/** The CRM columns in a fixed order. */
	static final List<String> COLUMNS = List.of("first_name", "last_name", "email", "phone", "title", "company_name",
			"status");

	/** What Salesforce shows for a lead created without a company: "no company". */
	static final String NO_COMPANY = "[not provided]";

	/** The status Salesforce gives a new lead created without one. */
	static final String DEFAULT_STATUS = "Open - Not Contacted";

	/** Which side won a conflict. */
	enum Side {

		CRM, SALESFORCE

	}

	/** One lead on one side. */
	static final class Lead {

		/**
		 * The CRM id or Salesforce id; {@code null} while the sync has yet to create it.
		 */
		Object id;

		final Map<String, String> values = new LinkedHashMap<>();

		/**
		 * When the test last modified the record ({@code updated_at} /
		 * {@code LastModifiedDate}); {@code null} once the sync wrote it (not modelled).
		 */
		Instant modifiedAt;

		/** Not archived (CRM) / not deleted (Salesforce). */
		boolean live = true;

		/**
		 * A Salesforce lead left unlinked because its CRM lead was archived: never synced
		 * again (the test leaves it alone).
		 */
		boolean orphan;

		Lead(Object id, Map<String, String> values, Instant modifiedAt) {
			this.id = id;
			COLUMNS.forEach((column) -> this.values.put(column, values.get(column)));
			this.modifiedAt = modifiedAt;
		}

		@Override
		public String toString() {
			return ((this.id != null) ? this.id : "<new>") + this.values.toString();
		}

	}

	/** A linked pair and its base. */
	static final class Link {

		final Lead crm;

		final Lead salesforce;

		final Map<String, String> base = new LinkedHashMap<>();

		Link(Lead crm, Lead salesforce) {
			this.crm = crm;
			this.salesforce = salesforce;
		}

	}

	/**
	 * A conflict the run must record.
	 *
	 * @param crm the CRM lead
	 * @param column the CRM column
	 * @param crmValue the CRM value (comparison form)
	 * @param salesforceValue the Salesforce value (comparison form)
	 * @param winner the side that won
	 * @param strict whether DESIGN.md decides it fully: a true conflict (base, both sides
	 * changed) between two non-blank values. A conflict involving a blank is decided by
	 * the blank rule; whether and how it is recorded is left open.
	 */
	record Conflict(Lead crm, String column, String crmValue, String salesforceValue, Side winner, boolean strict) {

	}

	final List<Lead> crm = new ArrayList<>();

	final List<Lead> salesforce = new ArrayList<>();

	final List<Link> links = new ArrayList<>();

	/** How often each rule applied, over all runs: shows what a random test exercised. */
	final Map<String, Integer> statistics = new java.util.TreeMap<>();

	/** The conflicts of the last {@link #applyRun()}. */
	final List<Conflict> conflicts = new ArrayList<>();

	// ---- the comparison form ----

	static String crmForm(String column, Object value) {
		if (value == null || value.toString().isEmpty()) {
			return null;
		}
		String text = value.toString();
		return "email".equals(column) ? emailForm(text) : text;
	}

	static String salesforceForm(String column, Object value) {
		if (value == null || value.toString().isEmpty()) {
			return null;
		}
		String text = value.toString();
		if ("company_name".equals(column) && NO_COMPANY.equals(text)) {
			return null;
		}
		return "email".equals(column) ? emailForm(text) : text;
	}

	private static String emailForm(String text) {
		String trimmed = text.trim();
		return trimmed.isEmpty() ? null : trimmed.toLowerCase(Locale.ROOT);
	}

	// ---- the edits of a test (values already in comparison form) ----

	Lead crmCreated(long id, Map<String, String> values, Instant at) {
		Lead lead = new Lead(id, values, at);
		this.crm.add(lead);
		return lead;
	}

	Lead salesforceCreated(String id, Map<String, String> values, Instant at) {
		Map<String, String> stored = new LinkedHashMap<>(values);
		if (stored.get("status") == null) {
			stored.put("status", DEFAULT_STATUS);
		}
		Lead lead = new Lead(id, stored, at);
		this.salesforce.add(lead);
		return lead;
	}

	void edited(Lead lead, Map<String, String> changes, Instant at) {
		lead.values.putAll(changes);
		lead.modifiedAt = at;
	}

	void removed(Lead lead, Instant at) {
		lead.live = false;
		lead.modifiedAt = at;
	}

	Link linkOf(Lead lead) {
		for (Link link : this.links) {
			if (link.crm == lead || link.salesforce == lead) {
				return link;
			}
		}
		return null;
	}

	// ---- one run ----

	/**
	 * What one successful sync run does to both sides, following DESIGN.md.
	 */
	void applyRun() {
		this.conflicts.clear();
		// a Salesforce delete unlinks and archives the CRM record; a CRM archive unlinks
		// and never deletes in Salesforce
		for (Link link : List.copyOf(this.links)) {
			if (!link.salesforce.live) {
				this.links.remove(link);
				link.crm.live = false;
				count("Salesforce delete archives the CRM lead");
			}
			else if (!link.crm.live) {
				this.links.remove(link);
				link.salesforce.orphan = true;
				count("CRM archive unlinks");
			}
		}
		// linked pairs: smart override against the base
		for (Link link : this.links) {
			merge(link, true);
		}
		// records new to the sync: matched by e-mail before anything is created
		List<Lead> newCrm = this.crm.stream().filter((lead) -> lead.live && linkOf(lead) == null).toList();
		List<Lead> newSalesforce = this.salesforce.stream()
			.filter((lead) -> lead.live && !lead.orphan && linkOf(lead) == null)
			.toList();
		List<Lead> matchedSalesforce = new ArrayList<>();
		for (Lead crmLead : newCrm) {
			Lead match = matchByEmail(crmLead, newSalesforce);
			if (match != null) {
				count("matched by e-mail");
				matchedSalesforce.add(match);
				Link link = new Link(crmLead, match);
				this.links.add(link);
				merge(link, false);
			}
			else {
				createInSalesforce(crmLead);
			}
		}
		for (Lead salesforceLead : newSalesforce) {
			if (!matchedSalesforce.contains(salesforceLead)) {
				createInCrm(salesforceLead);
			}
		}
	}

	private static Lead matchByEmail(Lead crmLead, List<Lead> candidates) {
		String email = crmLead.values.get("email");
		if (email == null) {
			return null;
		}
		List<Lead> matches = candidates.stream().filter((lead) -> email.equals(lead.values.get("email"))).toList();
		if (matches.size() > 1) {
			throw new IllegalStateException("The model does not decide between several e-mail matches: " + matches);
		}
		return matches.isEmpty() ? null : matches.get(0);
	}

	/**
	 * Merges one linked pair field by field.
	 * @param link the pair
	 * @param hasBase whether the pair was synced before (else it was just matched)
	 */
	private void merge(Link link, boolean hasBase) {
		boolean crmWritten = false;
		boolean salesforceWritten = false;
		for (String column : COLUMNS) {
			String crmValue = link.crm.values.get(column);
			String salesforceValue = link.salesforce.values.get(column);
			String result;
			if (Objects.equals(crmValue, salesforceValue)) {
				result = crmValue;
			}
			else if (!hasBase) {
				// no base yet: the newer record wins; a blank never overwrites a value
				Side winner = newer(link);
				result = nonBlankOr(winner == Side.CRM ? crmValue : salesforceValue, crmValue, salesforceValue);
				// whether a first match's differences are reported as conflicts is left
				// open
				this.conflicts.add(new Conflict(link.crm, column, crmValue, salesforceValue, winner, false));
			}
			else {
				String base = link.base.get(column);
				boolean crmChanged = !Objects.equals(crmValue, base);
				boolean salesforceChanged = !Objects.equals(salesforceValue, base);
				if (crmChanged && !salesforceChanged) {
					result = nonBlankOr(crmValue, crmValue, salesforceValue);
				}
				else if (salesforceChanged && !crmChanged) {
					result = nonBlankOr(salesforceValue, crmValue, salesforceValue);
				}
				else {
					// a true conflict: the newer record wins (a tie goes to Salesforce)
					Side winner = newer(link);
					result = nonBlankOr(winner == Side.CRM ? crmValue : salesforceValue, crmValue, salesforceValue);
					boolean strict = crmValue != null && salesforceValue != null;
					this.conflicts.add(new Conflict(link.crm, column, crmValue, salesforceValue, winner, strict));
					count(strict ? "true conflict, won by " + winner : "true conflict with a blank");
				}
				if (crmChanged != salesforceChanged) {
					count((crmChanged ? "CRM" : "Salesforce") + " change"
							+ ((result == null || Objects.equals(result, crmChanged ? crmValue : salesforceValue)) ? ""
									: " to blank refilled"));
				}
			}
			if (!Objects.equals(crmValue, result)) {
				link.crm.values.put(column, result);
				crmWritten = true;
			}
			if (!Objects.equals(salesforceValue, result)) {
				link.salesforce.values.put(column, result);
				salesforceWritten = true;
			}
			link.base.put(column, result);
		}
		if (crmWritten) {
			link.crm.modifiedAt = null;
		}
		if (salesforceWritten) {
			link.salesforce.modifiedAt = null;
		}
	}

	private void count(String rule) {
		this.statistics.merge(rule, 1, Integer::sum);
	}

	/** The preferred value, unless it is blank and the other side has one. */
	private static String nonBlankOr(String preferred, String crmValue, String salesforceValue) {
		if (preferred != null) {
			return preferred;
		}
		return (crmValue != null) ? crmValue : salesforceValue;
	}

	private static Side newer(Link link) {
		Instant crmTime = link.crm.modifiedAt;
		Instant salesforceTime = link.salesforce.modifiedAt;
		if (crmTime == null || salesforceTime == null) {
			throw new IllegalStateException("The model needs both modification times to decide " + link.crm + " vs "
					+ link.salesforce + ": the test must edit both sides before a conflict");
		}
		return crmTime.isAfter(salesforceTime) ? Side.CRM : Side.SALESFORCE;
	}

	private void createInSalesforce(Lead crmLead) {
		// Salesforce shows the company placeholder (no company in comparison form) and
		// gives a lead without status its default, which reaches the CRM in the same run
		Lead created = new Lead(null, crmLead.values, null);
		if (created.values.get("status") == null) {
			created.values.put("status", DEFAULT_STATUS);
			crmLead.values.put("status", DEFAULT_STATUS);
			crmLead.modifiedAt = null;
		}
		count("created in Salesforce");
		this.salesforce.add(created);
		Link link = new Link(crmLead, created);
		link.base.putAll(created.values);
		this.links.add(link);
	}

	private void createInCrm(Lead salesforceLead) {
		Lead created = new Lead(null, salesforceLead.values, null);
		count("created in the CRM");
		this.crm.add(created);
		Link link = new Link(created, salesforceLead);
		link.base.putAll(created.values);
		this.links.add(link);
	}

}
