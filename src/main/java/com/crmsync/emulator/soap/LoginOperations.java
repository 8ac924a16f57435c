/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

import java.util.function.Supplier;

import javax.xml.stream.XMLStreamException;

import com.crmsync.emulator.org.StandardSchema;
import com.crmsync.emulator.session.SessionRegistry;

/**
 * {@code login} (API 64.0 and earlier only) and {@code getUserInfo}.
 */
final class LoginOperations {

	/** The last API version with SOAP {@code login} (retired from 65.0 on). */
	static final String LAST_VERSION_WITH_LOGIN = "64.0";

	private final OrgIdentity identity;

	private final SessionRegistry sessions;

	private final Supplier<String> baseUrl;

	LoginOperations(OrgIdentity identity, SessionRegistry sessions, Supplier<String> baseUrl) {
		this.identity = identity;
		this.sessions = sessions;
		this.baseUrl = baseUrl;
	}

	/**
	 * Checks the API version and the credentials and opens a session. As in Salesforce,
	 * {@code login} is not available from API 65.0 on; on earlier versions the password
	 * must be followed by the security token when the org has one, and the server URL
	 * answered is that of the version the client logged in with.
	 */
	ResponseBody login(SoapRequest request) throws ApiFault {
		String version = request.apiVersion();
		if (!hasSoapLogin(version)) {
			throw new ApiFault(ApiFault.Detail.UnexpectedErrorFault, "INVALID_OPERATION",
					"SOAP API login() is not available in API version " + version + " and later ("
							+ LAST_VERSION_WITH_LOGIN + " is the last): authenticate with OAuth 2.0 through an "
							+ "External Client App and use its access token as the session");
		}
		String username = request.operation().childText("username");
		String password = request.operation().childText("password");
		if (username == null || !username.equalsIgnoreCase(this.identity.username())
				|| !this.identity.acceptsPassword(password)) {
			throw new ApiFault(ApiFault.Detail.LoginFault, "INVALID_LOGIN",
					"Invalid username, password, security token; or user locked out.");
		}
		String sessionId = this.sessions.open();
		String orgId15 = this.identity.orgId().substring(0, 15);
		return (out) -> {
			out.start("loginResponse");
			out.start("result");
			out.element("metadataServerUrl", this.baseUrl.get() + "/services/Soap/m/" + version + "/" + orgId15);
			out.element("passwordExpired", false);
			out.element("sandbox", false);
			out.element("serverUrl", this.baseUrl.get() + "/services/Soap/u/" + version + "/" + orgId15);
			out.element("sessionId", sessionId);
			out.element("userId", StandardSchema.USER_ID);
			out.start("userInfo");
			writeUserInfo(out);
			out.end();
			out.end();
			out.end();
		};
	}

	/**
	 * Whether an API version still has SOAP {@code login}: 64.0 and earlier.
	 * @param version the version of the endpoint, e.g. {@code 64.0}
	 * @return {@code true} when login is available
	 */
	static boolean hasSoapLogin(String version) {
		try {
			return version != null && Double.parseDouble(version) <= Double.parseDouble(LAST_VERSION_WITH_LOGIN);
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	ResponseBody getUserInfo(SoapRequest request) {
		return (out) -> {
			out.start("getUserInfoResponse");
			out.start("result");
			writeUserInfo(out);
			out.end();
			out.end();
		};
	}

	private void writeUserInfo(SoapWriter out) throws XMLStreamException {
		out.element("accessibilityMode", false);
		out.element("chatterExternal", false);
		out.element("currencySymbol", "$");
		out.element("orgAttachmentFileSizeLimit", 5242880);
		out.element("orgDefaultCurrencyIsoCode", "USD");
		out.element("orgDefaultCurrencyLocale", "en_US");
		out.element("orgDisallowHtmlAttachments", false);
		out.element("orgHasPersonAccounts", true);
		out.element("organizationId", this.identity.orgId());
		out.element("organizationMultiCurrency", false);
		out.element("organizationName", "Emulated Org");
		out.element("profileId", "00e000000000001AAA");
		out.element("roleId", null);
		out.element("sessionSecondsValid", this.identity.sessionSeconds());
		out.element("userDefaultCurrencyIsoCode", null);
		out.element("userEmail", this.identity.username());
		out.element("userFullName", "Sync User");
		out.element("userId", StandardSchema.USER_ID);
		out.element("userLanguage", "en_US");
		out.element("userLocale", "en_US");
		out.element("userName", this.identity.username());
		out.element("userTimeZone", "America/Los_Angeles");
		out.element("userType", "Standard");
		out.element("userUiSkin", "Theme3");
	}

}
