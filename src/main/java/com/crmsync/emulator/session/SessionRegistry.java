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
 * The sessions handed out by SOAP {@code login} and the OAuth token endpoint (an access
 * token is a session, as in Salesforce). A session is valid for its lifetime after its
 * last use (Salesforce's inactivity timeout); an unknown or timed-out session id is
 * refused.
 */
public final class SessionRegistry {

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration lifetime;

	private final String orgId15;

	public SessionRegistry(Clock clock, Duration lifetime, String orgId) {
		this.clock = clock;
		this.lifetime = lifetime;
		this.orgId15 = orgId.substring(0, 15);
	}

	/**
	 * Opens a session with the registry's lifetime.
	 * @return the session id, shaped like Salesforce's ({@code <org id>!<token>})
	 */
	public String open() {
		return open(this.lifetime);
	}

	/**
	 * Opens a session with a lifetime of its own (an OAuth access token).
	 * @param lifetime how long it stays valid after its last use
	 * @return the session id, shaped like Salesforce's ({@code <org id>!<token>})
	 */
	public String open(Duration lifetime) {
		byte[] token = new byte[24];
		this.random.nextBytes(token);
		String sessionId = this.orgId15 + "!AQ" + HexFormat.of().formatHex(token);
		this.sessions.put(sessionId, new Session(this.clock.instant(), lifetime));
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
		Session session = this.sessions.get(sessionId);
		if (session == null) {
			return Status.UNKNOWN;
		}
		Instant now = this.clock.instant();
		if (!now.isBefore(session.lastUse().plus(session.lifetime()))) {
			this.sessions.remove(sessionId);
			return Status.EXPIRED;
		}
		this.sessions.put(sessionId, new Session(now, session.lifetime()));
		return Status.VALID;
	}

	/**
	 * Ends every session at once, as if they had all timed out (a test hook).
	 */
	public void expireAll() {
		this.sessions.clear();
	}

	/**
	 * The lifetime of sessions opened by {@code login}.
	 * @return the lifetime
	 */
	public Duration lifetime() {
		return this.lifetime;
	}

	private record Session(Instant lastUse, Duration lifetime) {
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
