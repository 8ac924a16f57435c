/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's XML, fetched with a plain HTTP client, against samples from Salesforce's
 * documentation (test resources under {@code emulator/}): element names, namespaces,
 * order and {@code xsi:type}s, not generated values. Later API versions add elements, so
 * a sample's structure must be contained in the emulator's, in the same order.
 */
class WireFormatIntegrationTests {

	private static final String PARTNER_NS = "urn:partner.soap.sforce.com";

	private final HttpClient http = HttpClient.newHttpClient();

	private SalesforceEmulator emulator;

	@BeforeEach
	void start() {
		this.emulator = SalesforceEmulator.start(EmulatorSettings.defaults());
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	private HttpResponse<byte[]> post(String url, String body, boolean gzip) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "text/xml; charset=UTF-8")
			.header("SOAPAction", "\"\"")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (gzip) {
			request.header("Accept-Encoding", "gzip");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String text(HttpResponse<byte[]> response) throws IOException {
		boolean gzip = response.headers().firstValue("Content-Encoding").map("gzip"::equals).orElse(false);
		InputStream in = new ByteArrayInputStream(response.body());
		return new String(gzip ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes(), StandardCharsets.UTF_8);
	}

	private String[] login() throws Exception {
		String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\">"
				+ "<env:Body><m:login xmlns:m=\"" + PARTNER_NS + "\"><m:username>sync@example.com</m:username>"
				+ "<m:password>emulator</m:password></m:login></env:Body></env:Envelope>";
		HttpResponse<byte[]> response = post(this.emulator.loginUrl(), body, false);
		assertThat(response.statusCode()).isEqualTo(200);
		String xml = text(response);
		assertStructureContains(xml, resource("login-response.xml"));
		assertThat(xml).doesNotContain("LimitInfoHeader");
		return new String[] { extract(xml, "serverUrl"), extract(xml, "sessionId") };
	}

	@Test
	void loginResponseHasTheDocumentedStructure() throws Exception {
		String[] session = login();
		// login exists up to API 64.0; the server URL is that of the version logged in
		// with
		assertThat(session[0]).endsWith("/services/Soap/u/64.0/00D000000000001");
	}

	@Test
	void queryMoreResponseHasTheDocumentedStructure() throws Exception {
		for (int i = 0; i < 450; i++) {
			this.emulator.org().insert("Account", Map.of("Name", "Account " + i));
		}
		String[] session = login();
		String header = "<env:Header><QueryOptions xmlns=\"" + PARTNER_NS
				+ "\"><batchSize>200</batchSize></QueryOptions>" + "<SessionHeader xmlns=\"" + PARTNER_NS
				+ "\"><sessionId>" + session[1] + "</sessionId></SessionHeader></env:Header>";
		String query = envelope(header, "<m:query xmlns:m=\"" + PARTNER_NS
				+ "\"><m:queryString>SELECT Id, Name FROM Account ORDER BY Id</m:queryString></m:query>");
		HttpResponse<byte[]> first = post(session[0], query, true);
		assertThat(first.headers().firstValue("Content-Encoding")).hasValue("gzip");
		String locator = extract(text(first), "queryLocator");
		assertThat(locator).endsWith("-200");
		String queryMore = envelope(header, "<m:queryMore xmlns:m=\"" + PARTNER_NS + "\"><m:queryLocator>" + locator
				+ "</m:queryLocator></m:queryMore>");
		String xml = text(post(session[0], queryMore, true));
		assertStructureContains(xml, resource("query-more-response.xml"));
		assertThat(extract(xml, "queryLocator")).endsWith("-400");
		assertThat(extract(xml, "size")).isEqualTo("450");
		assertThat(xml).contains("<soapenv:Header><LimitInfoHeader><limitInfo><current>2</current>");
	}

	@Test
	void createResponseHasTheDocumentedSaveResultStructure() throws Exception {
		String[] session = login();
		String request = resource("create-request.xml").replace("${sessionId}", session[1]);
		HttpResponse<byte[]> response = post(session[0], request, false);
		assertThat(response.statusCode()).isEqualTo(200);
		String xml = text(response);
		assertStructureContains(xml, resource("create-response.xml"));
		assertThat(this.emulator.org().count("Contact", false)).isEqualTo(1);
		assertThat(this.emulator.org().count("Account", false)).isEqualTo(1);
	}

	@Test
	void faultsUseTheFaultNamespaceAndHttp500() throws Exception {
		String[] session = login();
		String header = "<env:Header><SessionHeader xmlns=\"" + PARTNER_NS + "\"><sessionId>" + session[1]
				+ "</sessionId></SessionHeader></env:Header>";
		String query = envelope(header, "<m:query xmlns:m=\"" + PARTNER_NS
				+ "\"><m:queryString>SELECT BadField FROM Contact</m:queryString></m:query>");
		HttpResponse<byte[]> response = post(session[0], query, false);
		assertThat(response.statusCode()).isEqualTo(500);
		String xml = text(response);
		assertThat(xml).contains("xmlns:sf=\"urn:fault.partner.soap.sforce.com\"")
			.contains("<faultcode>sf:INVALID_FIELD</faultcode>")
			.contains("<sf:InvalidFieldFault xsi:type=\"sf:InvalidFieldFault\"><sf:exceptionCode>INVALID_FIELD");
	}

	private static String envelope(String header, String body) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\">"
				+ header + "<env:Body>" + body + "</env:Body></env:Envelope>";
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = WireFormatIntegrationTests.class.getResourceAsStream("/emulator/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String extract(String xml, String element) {
		Matcher matcher = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
		assertThat(matcher.find()).as("element %s in %s", element, xml).isTrue();
		return matcher.group(1);
	}

	/**
	 * Asserts that every element path of the sample (with its namespace and
	 * {@code xsi:type}) occurs in the actual document, in the sample's order.
	 */
	private static void assertStructureContains(String actualXml, String sampleXml) throws XMLStreamException {
		List<String> actual = new ArrayList<>(structure(actualXml).keySet());
		Map<String, String> sample = structure(sampleXml);
		Map<String, String> actualTypes = structure(actualXml);
		int position = -1;
		for (Map.Entry<String, String> element : sample.entrySet()) {
			int index = actual.indexOf(element.getKey());
			assertThat(index).as("element %s in %s", element.getKey(), actual).isGreaterThanOrEqualTo(0);
			assertThat(index).as("order of %s", element.getKey()).isGreaterThan(position);
			assertThat(actualTypes.get(element.getKey())).as("xsi:type of %s", element.getKey())
				.isEqualTo(element.getValue());
			position = index;
		}
	}

	/**
	 * The distinct element paths of a document in first-occurrence order, each as
	 * {@code /{namespace}name/...}, mapped to its {@code xsi:type} (or empty).
	 */
	private static Map<String, String> structure(String xml) throws XMLStreamException {
		XMLStreamReader reader = XMLInputFactory.newFactory()
			.createXMLStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		Map<String, String> paths = new LinkedHashMap<>();
		List<String> stack = new ArrayList<>();
		while (reader.hasNext()) {
			int event = reader.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String parent = stack.isEmpty() ? "" : stack.get(stack.size() - 1);
				String path = parent + "/{" + reader.getNamespaceURI() + "}" + reader.getLocalName();
				stack.add(path);
				String type = reader.getAttributeValue("http://www.w3.org/2001/XMLSchema-instance", "type");
				paths.putIfAbsent(path, (type != null) ? type : "");
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				stack.remove(stack.size() - 1);
			}
		}
		return paths;
	}

}
