/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

/**
 * Who the emulated org is and who may log in.
 *
 * @param orgId the 18-character organization id
 * @param username the one user's username
 * @param password the password (a client may append any security token)
 * @param sessionSeconds the session lifetime in seconds
 */
public record OrgIdentity(String orgId, String username, String password, long sessionSeconds) {
}
