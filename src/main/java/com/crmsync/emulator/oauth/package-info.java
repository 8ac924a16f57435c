/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * The emulated org's OAuth 2.0 token endpoint ({@code POST /services/oauth2/token}): the
 * JWT bearer and client credentials grants of an External Client App, answering and
 * refusing as Salesforce does. The access tokens it issues are sessions of the SOAP API.
 */
package com.crmsync.emulator.oauth;
