/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import com.sforce.soap.partner.PartnerConnection;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh emulator on its defaults for each test, with force-wsc's real
 * {@link PartnerConnection} logged in to it ({@link EmulatorClients}); closed after the
 * test. Registered with {@code @RegisterExtension} by the tests that drive the org over
 * the wire.
 */
final class ConnectedEmulator implements BeforeEachCallback, AfterEachCallback {

	private SalesforceEmulator emulator;

	private PartnerConnection connection;

	@Override
	public void beforeEach(ExtensionContext context) throws Exception {
		this.emulator = SalesforceEmulator.start(EmulatorSettings.defaults());
		this.connection = EmulatorClients.connect(this.emulator);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.emulator.close();
	}

	SalesforceEmulator emulator() {
		return this.emulator;
	}

	PartnerConnection connection() {
		return this.connection;
	}

}
