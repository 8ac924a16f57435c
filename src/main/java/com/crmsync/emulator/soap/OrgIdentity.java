/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

/**
 * Who the emulated org is and who may log in.
 *
 * @param orgId the 18-character organization id
 * @param username the one user's username
 * @param password the password
 * @param sessionSeconds the session lifetime in seconds
 * @param securityToken the security token that must follow the password exactly, or
 * {@code null} to accept any suffix
 */
public record OrgIdentity(String orgId, String username, String password, long sessionSeconds, String securityToken) {

	public OrgIdentity(String orgId, String username, String password, long sessionSeconds) {
		this(orgId, username, password, sessionSeconds, null);
	}

	/**
	 * Whether a SOAP {@code login} password is right: the password followed by the
	 * security token when one is set, by any suffix otherwise.
	 * @param given the password sent
	 * @return {@code true} when it is accepted
	 */
	public boolean acceptsPassword(String given) {
		if (given == null) {
			return false;
		}
		return (this.securityToken != null) ? given.equals(this.password + this.securityToken)
				: given.startsWith(this.password);
	}

}
