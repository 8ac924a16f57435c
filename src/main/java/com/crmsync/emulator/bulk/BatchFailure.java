/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.bulk;

/**
 * Why a whole batch failed: its {@code stateMessage}, e.g.
 * {@code InvalidBatch : Field name not found : Foo__c}.
 */
final class BatchFailure extends Exception {

	BatchFailure(String exceptionCode, String message) {
		super(exceptionCode + " : " + message);
	}

}
