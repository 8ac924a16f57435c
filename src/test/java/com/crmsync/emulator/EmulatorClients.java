/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;

/**
 * Connects force-wsc's real {@link PartnerConnection} to an emulator, logging in as
 * force-wsc does by default: SOAP {@code login} at API 64.0, the last version that has
 * it.
 */
final class EmulatorClients {

	private EmulatorClients() {
	}

	static ConnectorConfig config(SalesforceEmulator emulator) {
		ConnectorConfig config = new ConnectorConfig();
		config.setAuthEndpoint(emulator.loginUrl());
		config.setUsername("sync@example.com");
		config.setPassword("emulator");
		config.setManualLogin(false);
		config.setReadTimeout(60_000);
		config.setConnectionTimeout(10_000);
		return config;
	}

	static PartnerConnection connect(SalesforceEmulator emulator) throws ConnectionException {
		return Connector.newConnection(config(emulator));
	}

	static PartnerConnection connect(SalesforceEmulator emulator, String username, String password)
			throws ConnectionException {
		ConnectorConfig config = config(emulator);
		config.setUsername(username);
		config.setPassword(password);
		return Connector.newConnection(config);
	}

}
