/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce.login;

import java.time.Duration;
import java.util.Set;

import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;

/**
 * The deprecated SOAP {@code login(username, password + security token)}: not available
 * from API 65.0 on, disabled by default in new orgs, and retired for every version with
 * Salesforce's Summer '27 release (June 2027). Kept for orgs still on it, against an API
 * 64.0 endpoint; the session it returns is then used on the 65.0 endpoint like an access
 * token.
 */
public final class SoapLogin implements OrgLogin {

	/** What operators read in every run's log and report while they use it. */
	public static final String DEPRECATION = "sync.salesforce.auth=soap-login is deprecated: Salesforce retires SOAP "
			+ "login() with the Summer '27 release (June 2027), offers it on API 64.0 and earlier only and disables "
			+ "it in new orgs; switch to jwt-bearer (see the README, \"Going to production\")";

	/** The last API version with SOAP {@code login}. */
	static final String LAST_VERSION = "64.0";

	private static final Set<ExceptionCode> UNAVAILABLE = Set.of(ExceptionCode.SERVER_UNAVAILABLE,
			ExceptionCode.REQUEST_RUNNING_TOO_LONG);

	private final String endpoint;

	private final String username;

	private final String password;

	private final Duration connectTimeout;

	private final Duration readTimeout;

	/**
	 * A SOAP login.
	 * @param loginUrl the SOAP endpoint ({@code .../services/Soap/u/64.0}), or a login
	 * host, to which {@code /services/Soap/u/64.0} is added
	 * @param username the integration user
	 * @param password the password followed by the user's security token
	 * @param connectTimeout the connect time-out
	 * @param readTimeout the read time-out
	 */
	public SoapLogin(String loginUrl, String username, String password, Duration connectTimeout, Duration readTimeout) {
		this.endpoint = loginUrl.contains("/services/Soap/u/") ? loginUrl
				: LoginHosts.origin(loginUrl) + "/services/Soap/u/" + LAST_VERSION;
		this.username = username;
		this.password = password;
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
	}

	@Override
	public OrgSession login() {
		ConnectorConfig config = new ConnectorConfig();
		config.setAuthEndpoint(this.endpoint);
		config.setServiceEndpoint(this.endpoint);
		config.setManualLogin(true);
		config.setCompression(true);
		config.setConnectionTimeout((int) this.connectTimeout.toMillis());
		config.setReadTimeout((int) this.readTimeout.toMillis());
		try {
			LoginResult result = new PartnerConnection(config).login(this.username, this.password);
			return new OrgSession(result.getSessionId(), LoginHosts.origin(result.getServerUrl()),
					result.getUserInfo().getOrganizationId());
		}
		catch (ApiFault fault) {
			String reason = fault.getExceptionCode() + ": " + fault.getExceptionMessage();
			if (UNAVAILABLE.contains(fault.getExceptionCode())) {
				throw new LoginUnavailableException("The soap-login login could not complete: " + reason, fault);
			}
			throw new LoginRefusedException("Salesforce refused the soap-login login: " + reason);
		}
		catch (ConnectionException ex) {
			throw new LoginUnavailableException("The soap-login login could not reach Salesforce ("
					+ ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "") + ")",
					ex);
		}
	}

	@Override
	public String method() {
		return "soap-login";
	}

}
