/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce;

import java.io.IOException;
import java.util.Set;

import com.crmsync.salesforce.login.LoginUnavailableException;
import com.sforce.async.AsyncApiException;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.SoapFaultException;
import com.sforce.ws.bind.HTMLResponseException;
import com.sforce.ws.parser.PullParserException;

/**
 * Which failures of a call are worth trying again (DESIGN.md §3): the network and the
 * server's load, not the request. Transient: I/O errors and time-outs (a reset or dropped
 * connection, a response cut short), a server's error page where a SOAP answer was due
 * (an HTTP 5xx/503 page from a proxy or load balancer), and the faults
 * {@code SERVER_UNAVAILABLE}, {@code REQUEST_RUNNING_TOO_LONG} and {@code QUERY_TIMEOUT};
 * a login host that could not be reached. Permanent: every other fault
 * ({@code INVALID_FIELD}, {@code MALFORMED_QUERY}, {@code INVALID_SESSION_ID} after
 * renewal, ...), a well-formed answer force-wsc cannot bind (e.g. a fault with a code
 * newer than its API version), a refused login.
 */
public final class TransientFaults {

	private static final Set<String> TRANSIENT_CODES = Set.of(ExceptionCode.SERVER_UNAVAILABLE.name(),
			ExceptionCode.REQUEST_RUNNING_TOO_LONG.name(), ExceptionCode.QUERY_TIMEOUT.name());

	private TransientFaults() {
	}

	/**
	 * Whether a failure is transient.
	 * @param failure what a call threw
	 * @return {@code true} when trying again may succeed
	 */
	public static boolean isTransient(Throwable failure) {
		if (failure instanceof LoginUnavailableException) {
			return true;
		}
		if (failure instanceof ApiFault fault) {
			return fault.getExceptionCode() != null && TRANSIENT_CODES.contains(fault.getExceptionCode().name());
		}
		if (failure instanceof SoapFaultException fault) {
			// a fault force-wsc could not type: its code is the fault code's local part
			return fault.getFaultCode() != null && TRANSIENT_CODES.contains(fault.getFaultCode().getLocalPart());
		}
		if (failure instanceof AsyncApiException) {
			// a Bulk API request that could not be sent or whose answer was cut short
			return causedBy(failure, IOException.class);
		}
		if (failure instanceof HTMLResponseException) {
			return true;
		}
		if (failure instanceof ConnectionException) {
			// an I/O error or time-out, or a body that is not XML at all (cut short, or a
			// plain-text error page); a well-formed answer that cannot be bound is not
			return causedBy(failure, IOException.class) || causedBy(failure, PullParserException.class);
		}
		return false;
	}

	private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
			if (cause.getCause() == cause) {
				return false;
			}
		}
		return false;
	}

}
