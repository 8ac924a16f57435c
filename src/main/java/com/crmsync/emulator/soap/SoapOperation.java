/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

/**
 * One operation of the partner API.
 */
@FunctionalInterface
public interface SoapOperation {

	/**
	 * Performs the operation.
	 * @param request the parsed request
	 * @return the response body to stream
	 * @throws ApiFault when the whole call fails
	 */
	ResponseBody execute(SoapRequest request) throws ApiFault;

}
