/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.net.SocketTimeoutException;

import javax.xml.namespace.QName;

import com.crmsync.salesforce.login.LoginRefusedException;
import com.crmsync.salesforce.login.LoginUnavailableException;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.MalformedQueryFault;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.SoapFaultException;
import com.sforce.ws.bind.HTMLResponseException;
import com.sforce.ws.parser.XmlPullParserException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transient/permanent split of failures, on the exceptions force-wsc throws.
 */
class TransientFaultsTests {

	private static final String FAULT_NS = "urn:fault.partner.soap.sforce.com";

	@Test
	void theServersLoadIsTransient() {
		assertThat(TransientFaults.isTransient(fault(ExceptionCode.SERVER_UNAVAILABLE))).isTrue();
		assertThat(TransientFaults.isTransient(fault(ExceptionCode.REQUEST_RUNNING_TOO_LONG))).isTrue();
		assertThat(TransientFaults.isTransient(fault(ExceptionCode.QUERY_TIMEOUT))).isTrue();
		assertThat(TransientFaults.isTransient(new SoapFaultException(new QName(FAULT_NS, "SERVER_UNAVAILABLE"),
				"SERVER_UNAVAILABLE: Server temporarily unavailable")))
			.isTrue();
	}

	@Test
	void theNetworkIsTransient() {
		assertThat(TransientFaults
			.isTransient(new ConnectionException("Failed to send request to https://x", new SocketTimeoutException())))
			.isTrue();
		assertThat(TransientFaults
			.isTransient(new ConnectionException("Failed to send request to https://x", new java.io.EOFException())))
			.isTrue();
		assertThat(TransientFaults.isTransient(new ConnectionException("Failed to create/parse xml input stream ",
				new XmlPullParserException("unexpected end of stream"))))
			.as("a body cut short or not XML at all")
			.isTrue();
		assertThat(TransientFaults.isTransient(new HTMLResponseException("Encountered HTML Content")))
			.as("a 5xx/503 page of a proxy")
			.isTrue();
		assertThat(TransientFaults.isTransient(new LoginUnavailableException("503", null))).isTrue();
	}

	@Test
	void whatTheRequestGotWrongIsPermanent() {
		InvalidFieldFault invalidField = new InvalidFieldFault();
		invalidField.setExceptionCode(ExceptionCode.INVALID_FIELD);
		MalformedQueryFault malformed = new MalformedQueryFault();
		malformed.setExceptionCode(ExceptionCode.MALFORMED_QUERY);
		assertThat(TransientFaults.isTransient(invalidField)).isFalse();
		assertThat(TransientFaults.isTransient(malformed)).isFalse();
		assertThat(TransientFaults.isTransient(fault(ExceptionCode.INVALID_SESSION_ID))).isFalse();
		assertThat(TransientFaults.isTransient(fault(ExceptionCode.REQUEST_LIMIT_EXCEEDED))).isFalse();
		assertThat(TransientFaults
			.isTransient(new SoapFaultException(new QName(FAULT_NS, "INVALID_FIELD"), "INVALID_FIELD: No such column")))
			.isFalse();
		assertThat(TransientFaults.isTransient(new ConnectionException(
				"Failed to parse detail: a well-formed fault due to: unknown exception code SOME_FUTURE_CODE")))
			.as("a well-formed answer force-wsc cannot bind")
			.isFalse();
		assertThat(TransientFaults.isTransient(new LoginRefusedException("invalid_grant"))).isFalse();
		assertThat(TransientFaults.isTransient(new IllegalStateException("a bug"))).isFalse();
	}

	private static UnexpectedErrorFault fault(ExceptionCode code) {
		UnexpectedErrorFault fault = new UnexpectedErrorFault();
		fault.setExceptionCode(code);
		return fault;
	}

}
