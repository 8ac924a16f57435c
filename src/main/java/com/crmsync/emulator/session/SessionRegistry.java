/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions handed out by {@code login}. A session is valid for the configured
 * lifetime after its last use (Salesforce's inactivity timeout); an unknown or timed-out
 * session id is refused.
 */
public final class SessionRegistry {

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Instant> lastUse = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration lifetime;

	private final String orgId15;

	public SessionRegistry(Clock clock, Duration lifetime, String orgId) {
		this.clock = clock;
		this.lifetime = lifetime;
		this.orgId15 = orgId.substring(0, 15);
	}

	/**
	 * Opens a session.
	 * @return the session id, shaped like Salesforce's ({@code <org id>!<token>})
	 */
	public String open() {
		byte[] token = new byte[24];
		this.random.nextBytes(token);
		String sessionId = this.orgId15 + "!AQ" + HexFormat.of().formatHex(token);
		this.lastUse.put(sessionId, this.clock.instant());
		return sessionId;
	}

	/**
	 * Checks a session and records its use.
	 * @param sessionId the id a request carries, or {@code null}
	 * @return {@link Status#VALID}, or why it is not
	 */
	public Status use(String sessionId) {
		if (sessionId == null) {
			return Status.UNKNOWN;
		}
		Instant last = this.lastUse.get(sessionId);
		if (last == null) {
			return Status.UNKNOWN;
		}
		Instant now = this.clock.instant();
		if (!now.isBefore(last.plus(this.lifetime))) {
			this.lastUse.remove(sessionId);
			return Status.EXPIRED;
		}
		this.lastUse.put(sessionId, now);
		return Status.VALID;
	}

	/**
	 * Ends every session at once, as if they had all timed out (a test hook).
	 */
	public void expireAll() {
		this.lastUse.clear();
	}

	/**
	 * The session lifetime.
	 * @return the lifetime
	 */
	public Duration lifetime() {
		return this.lifetime;
	}

	/**
	 * The state of a session.
	 */
	public enum Status {

		/** In use. */
		VALID,
		/** Never issued (or already removed). */
		UNKNOWN,
		/** Timed out. */
		EXPIRED

	}

}
