/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce.login;

import java.net.URI;
import java.util.Locale;

/**
 * What the sync requires of the hosts it sends credentials and sessions to, and the JWT
 * audience a login host expects.
 */
public final class LoginHosts {

	/** Salesforce's production login host. */
	public static final String PRODUCTION = "https://login.salesforce.com";

	/** Salesforce's sandbox login host. */
	public static final String SANDBOX = "https://test.salesforce.com";

	private LoginHosts() {
	}

	/**
	 * Refuses a URL that would send credentials or a session in clear text over a
	 * network: {@code https} only, plain {@code http} only on loopback.
	 * @param url the URL
	 * @param what what it is, for the message, e.g. {@code sync.salesforce.login-url}
	 * @return the problem, or {@code null} when the URL is acceptable
	 */
	public static String problemWith(String url, String what) {
		if (url == null || url.isBlank()) {
			return what + " is not set";
		}
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return what + " is not a URL: " + url;
		}
		String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
		if ("https".equals(scheme) && uri.getHost() != null) {
			return null;
		}
		if ("http".equals(scheme) && isLoopback(uri)) {
			return null;
		}
		return what + " must use https (plain http only on loopback): " + uri.getScheme() + "://" + uri.getHost();
	}

	/**
	 * Whether a URL names this machine.
	 * @param uri the URL
	 * @return {@code true} for {@code localhost}, {@code 127.x.x.x} and {@code ::1}
	 */
	static boolean isLoopback(URI uri) {
		String host = String.valueOf(uri.getHost());
		return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
	}

	/**
	 * Whether a login host is one of Salesforce's shared ones, which serve no client
	 * credentials flow (that needs the org's My Domain).
	 * @param loginUrl the login URL
	 * @return {@code true} for login.salesforce.com and test.salesforce.com
	 */
	public static boolean isSharedLoginHost(String loginUrl) {
		String origin = origin(loginUrl);
		return PRODUCTION.equalsIgnoreCase(origin) || SANDBOX.equalsIgnoreCase(origin);
	}

	/**
	 * The {@code aud} of a JWT bearer assertion for a login host: Salesforce expects its
	 * shared login host ({@code https://test.salesforce.com} for sandboxes, also behind a
	 * sandbox My Domain; {@code https://login.salesforce.com} otherwise); an emulator on
	 * loopback expects its own URL.
	 * @param loginUrl the login URL
	 * @return the audience
	 */
	static String audience(String loginUrl) {
		URI uri = URI.create(origin(loginUrl));
		String host = String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT);
		if (isLoopback(uri)) {
			return uri.toString();
		}
		if (host.equals("test.salesforce.com") || host.endsWith(".sandbox.my.salesforce.com")) {
			return SANDBOX;
		}
		return PRODUCTION;
	}

	/**
	 * The scheme, host and port of a URL.
	 * @param url the URL
	 * @return e.g. {@code https://acme.my.salesforce.com}
	 */
	static String origin(String url) {
		URI uri = URI.create(url);
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

}
