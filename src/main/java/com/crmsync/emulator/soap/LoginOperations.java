/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

import java.util.function.Supplier;

import javax.xml.stream.XMLStreamException;

import com.crmsync.emulator.org.StandardSchema;
import com.crmsync.emulator.session.SessionRegistry;

/**
 * {@code login} and {@code getUserInfo}.
 */
final class LoginOperations {

	private final OrgIdentity identity;

	private final SessionRegistry sessions;

	private final Supplier<String> baseUrl;

	LoginOperations(OrgIdentity identity, SessionRegistry sessions, Supplier<String> baseUrl) {
		this.identity = identity;
		this.sessions = sessions;
		this.baseUrl = baseUrl;
	}

	/**
	 * Checks the credentials (the password may carry a security token suffix, which the
	 * emulator accepts whatever it is) and opens a session.
	 */
	ResponseBody login(SoapRequest request) throws ApiFault {
		String username = request.operation().childText("username");
		String password = request.operation().childText("password");
		if (username == null || password == null || !username.equalsIgnoreCase(this.identity.username())
				|| !password.startsWith(this.identity.password())) {
			throw new ApiFault(ApiFault.Detail.LoginFault, "INVALID_LOGIN",
					"Invalid username, password, security token; or user locked out.");
		}
		String sessionId = this.sessions.open();
		String orgId15 = this.identity.orgId().substring(0, 15);
		return (out) -> {
			out.start("loginResponse");
			out.start("result");
			out.element("metadataServerUrl", this.baseUrl.get() + "/services/Soap/m/65.0/" + orgId15);
			out.element("passwordExpired", false);
			out.element("sandbox", false);
			out.element("serverUrl", this.baseUrl.get() + "/services/Soap/u/65.0/" + orgId15);
			out.element("sessionId", sessionId);
			out.element("userId", StandardSchema.USER_ID);
			out.start("userInfo");
			writeUserInfo(out);
			out.end();
			out.end();
			out.end();
		};
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
