/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import java.util.Map;

import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core operations through force-wsc over HTTP.
 */
class PartnerApiIntegrationTests {

	@RegisterExtension
	final ConnectedEmulator org = new ConnectedEmulator();

	@Test
	void createsAndQueriesContacts() throws Exception {
		String accountId = this.org.emulator().org().insert("Account", Map.of("Name", "Acme"));
		SObject contact = new SObject("Contact");
		contact.setField("LastName", "Doe");
		contact.setField("Email", "jane@example.com");
		contact.setField("AccountId", accountId);
		SaveResult[] results = this.org.connection().create(new SObject[] { contact });
		assertThat(results[0].isSuccess()).isTrue();
		assertThat(results[0].getId()).startsWith("003").hasSize(18);
		QueryResult result = this.org.connection()
			.query("SELECT Id, LastName, Email, Account.Name, LastModifiedDate FROM Contact");
		assertThat(result.getSize()).isEqualTo(1);
		assertThat(result.isDone()).isTrue();
		SObject record = result.getRecords()[0];
		assertThat(record.getId()).isEqualTo(results[0].getId());
		assertThat(record.getField("LastName")).isEqualTo("Doe");
		assertThat(record.getChild("Account").getField("Name")).isEqualTo("Acme");
		assertThat(this.org.connection().getLimitInfoHeader()).isNotNull();
	}

}
