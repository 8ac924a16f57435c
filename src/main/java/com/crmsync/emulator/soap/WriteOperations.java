/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

import java.util.ArrayList;
import java.util.List;

import com.crmsync.emulator.cost.CostModel;
import com.crmsync.emulator.org.EmulatorOrg;
import com.crmsync.emulator.org.FieldDefinition;
import com.crmsync.emulator.org.LeadConversion;
import com.crmsync.emulator.org.ObjectDefinition;
import com.crmsync.emulator.org.RecordInput;
import com.crmsync.emulator.org.RecordMerge;
import com.crmsync.emulator.org.SaveOptions;
import com.crmsync.emulator.org.SaveOutcome;

/**
 * {@code create}, {@code update}, {@code upsert}, {@code delete}, {@code undelete},
 * {@code emptyRecycleBin}, {@code convertLead} and {@code merge}: at most 200 records a
 * call (more is an {@code EXCEEDED_ID_LIMIT} fault), per-record errors in an HTTP 200
 * response. Saves honour the {@code AllowFieldTruncationHeader}.
 */
final class WriteOperations {

	private final EmulatorOrg org;

	private final CostModel costs;

	WriteOperations(EmulatorOrg org, CostModel costs) {
		this.org = org;
		this.costs = costs;
	}

	/**
	 * Reads the records of a save and charges their server time before they are saved.
	 */
	private List<RecordInput> recordsToSave(SoapRequest request) throws ApiFault {
		List<RecordInput> records = RecordInputs.readAll(request.operation(), this.org.schema());
		this.costs.savedRecords(records.size());
		return records;
	}

	private List<String> idsToSave(SoapRequest request) throws ApiFault {
		List<XmlElement> idElements = request.operation().children("ids");
		RecordInputs.checkCount(idElements.size());
		List<String> ids = new ArrayList<>();
		for (XmlElement id : idElements) {
			ids.add(id.text());
		}
		this.costs.savedRecords(ids.size());
		return ids;
	}

	ResponseBody create(SoapRequest request) throws ApiFault {
		List<SaveOutcome> outcomes = this.org.create(recordsToSave(request), saveOptions(request));
		return saveResults("createResponse", outcomes);
	}

	ResponseBody update(SoapRequest request) throws ApiFault {
		List<SaveOutcome> outcomes = this.org.update(recordsToSave(request), saveOptions(request));
		return saveResults("updateResponse", outcomes);
	}

	/**
	 * The save options the request's headers ask for:
	 * {@code AllowFieldTruncationHeader/allowFieldTruncation}.
	 */
	private static SaveOptions saveOptions(SoapRequest request) {
		String truncation = request.headerText("AllowFieldTruncationHeader", "allowFieldTruncation");
		return new SaveOptions(Boolean.parseBoolean((truncation != null) ? truncation.trim() : null));
	}

	ResponseBody upsert(SoapRequest request) throws ApiFault {
		List<RecordInput> records = recordsToSave(request);
		String externalIdField = request.operation().childText("externalIDFieldName");
		String canonical = "Id";
		if (!records.isEmpty()) {
			ObjectDefinition object = this.org.schema().object(records.get(0).type());
			for (RecordInput record : records) {
				if (this.org.schema().object(record.type()) != object) {
					throw new ApiFault(ApiFault.Detail.InvalidSObjectFault, "INVALID_TYPE",
							"Upsert requires every record to be of the same type");
				}
			}
			FieldDefinition field = (externalIdField != null) ? object.field(externalIdField) : null;
			if (field == null || !(field.name().equals("Id") || field.externalId() || field.idLookup())) {
				throw new ApiFault(ApiFault.Detail.InvalidFieldFault, "INVALID_FIELD", "Field name provided, "
						+ externalIdField + " is not an External ID or indexed field for " + object.name(), null, null,
						500);
			}
			canonical = field.name();
		}
		List<SaveOutcome> outcomes = this.org.upsert(canonical, records, saveOptions(request));
		return (out) -> {
			out.start("upsertResponse");
			for (SaveOutcome outcome : outcomes) {
				ResultWriter.upsertResult(out, outcome);
			}
			out.end();
		};
	}

	ResponseBody delete(SoapRequest request) throws ApiFault {
		return saveResults("deleteResponse", this.org.delete(idsToSave(request)));
	}

	ResponseBody undelete(SoapRequest request) throws ApiFault {
		return saveResults("undeleteResponse", this.org.undelete(idsToSave(request)));
	}

	/**
	 * {@code emptyRecycleBin}: purges deleted records for good; its results have the
	 * shape of save results ({@code EmptyRecycleBinResult}: errors, id, success).
	 */
	ResponseBody emptyRecycleBin(SoapRequest request) throws ApiFault {
		return saveResults("emptyRecycleBinResponse", this.org.emptyRecycleBin(idsToSave(request)));
	}

	private static ResponseBody saveResults(String responseName, List<SaveOutcome> outcomes) {
		return (out) -> {
			out.start(responseName);
			for (SaveOutcome outcome : outcomes) {
				ResultWriter.saveResult(out, outcome);
			}
			out.end();
		};
	}

	ResponseBody convertLead(SoapRequest request) throws ApiFault {
		List<XmlElement> converts = request.operation().children("leadConverts");
		RecordInputs.checkCount(converts.size());
		this.costs.savedRecords(converts.size());
		List<LeadConversion.Result> results = new ArrayList<>();
		for (XmlElement convert : converts) {
			results.add(this.org
				.convertLead(new LeadConversion(convert.childText("leadId"), convert.childText("convertedStatus"),
						blankToNull(convert.childText("accountId")), blankToNull(convert.childText("contactId")),
						Boolean.parseBoolean(convert.childText("doNotCreateOpportunity")),
						blankToNull(convert.childText("opportunityName")))));
		}
		return (out) -> {
			out.start("convertLeadResponse");
			for (LeadConversion.Result result : results) {
				out.start("result");
				out.element("accountId", result.accountId());
				out.element("contactId", result.contactId());
				ResultWriter.errors(out, result.errors());
				out.element("leadId", result.leadId());
				out.element("opportunityId", result.opportunityId());
				out.element("success", result.success());
				out.end();
			}
			out.end();
		};
	}

	ResponseBody merge(SoapRequest request) throws ApiFault {
		List<XmlElement> requests = request.operation().children("request");
		RecordInputs.checkCount(requests.size());
		this.costs.savedRecords(requests.size());
		List<RecordMerge.Result> results = new ArrayList<>();
		for (XmlElement mergeRequest : requests) {
			XmlElement master = mergeRequest.child("masterRecord");
			if (master == null) {
				throw new ApiFault(ApiFault.Detail.UnexpectedErrorFault, "INVALID_OPERATION",
						"A merge request must have a masterRecord");
			}
			List<String> mergeIds = new ArrayList<>();
			for (XmlElement id : mergeRequest.children("recordToMergeIds")) {
				mergeIds.add(id.text());
			}
			results.add(this.org.merge(new RecordMerge(RecordInputs.read(master), mergeIds)));
		}
		return (out) -> {
			out.start("mergeResponse");
			for (RecordMerge.Result result : results) {
				out.start("result");
				ResultWriter.errors(out, result.errors());
				out.element("id", result.id());
				for (String id : result.mergedRecordIds()) {
					out.element("mergedRecordIds", id);
				}
				out.element("success", result.success());
				for (String id : result.updatedRelatedIds()) {
					out.element("updatedRelatedIds", id);
				}
				out.end();
			}
			out.end();
		};
	}

	private static String blankToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
