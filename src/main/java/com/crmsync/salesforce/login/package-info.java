/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * Getting a session of the org: OAuth 2.0 through the org's External Client App (JWT
 * bearer, client credentials) or the deprecated SOAP {@code login}. Each way ends in an
 * {@link com.crmsync.salesforce.login.OrgSession}: the access token that is the SOAP
 * session, the instance to call and the org's id. Depends on nothing else of the sync.
 */
package com.crmsync.salesforce.login;
