/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.salesforce.login;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * A token request to {@code <login-url>/services/oauth2/token} through Spring Security's
 * OAuth 2.0 client, and what its answer means: Salesforce's token response (its
 * {@code access_token} the session, {@code instance_url} the instance, {@code id} the
 * identity URL {@code .../id/<orgId>/<userId>}), or why there is none.
 */
final class OAuthTokenRequests {

	/** Spring Security's code for a response it could not obtain or read. */
	private static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";

	private OAuthTokenRequests() {
	}

	/**
	 * The token endpoint of a login host.
	 * @param loginUrl the login host
	 * @return {@code <origin>/services/oauth2/token}
	 */
	static String tokenUri(String loginUrl) {
		return LoginHosts.origin(loginUrl) + "/services/oauth2/token";
	}

	/**
	 * The HTTP client of token requests: Spring Security's own set-up (form request,
	 * token response and OAuth error converters) with the sync's time-outs. Its request
	 * bodies carry credentials: {@code application.properties} keeps its logger
	 * ({@code DefaultRestClient}, which logs bodies at DEBUG) at INFO.
	 * @param connectTimeout the connect time-out
	 * @param readTimeout the read time-out
	 * @return the client
	 */
	static RestClient restClient(Duration connectTimeout, Duration readTimeout) {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(readTimeout);
		return RestClient.builder().requestFactory(requests).configureMessageConverters((converters) -> {
			converters.addCustomConverter(new FormHttpMessageConverter());
			converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
		}).defaultStatusHandler(new OAuth2ErrorResponseErrorHandler()).build();
	}

	/**
	 * Sends a grant request and reads the session from the answer.
	 * @param <T> the grant
	 * @param client the grant's token response client
	 * @param request the request
	 * @param method the login method, for messages
	 * @return the session
	 * @throws LoginRefusedException when Salesforce answers with an OAuth error
	 * @throws LoginUnavailableException when the host cannot be reached or answers 5xx
	 * @throws LoginFailedException when the answer cannot be used
	 */
	static <T extends AbstractOAuth2AuthorizationGrantRequest> OrgSession exchange(
			OAuth2AccessTokenResponseClient<T> client, T request, String method) {
		OAuth2AccessTokenResponse response;
		try {
			response = client.getTokenResponse(request);
		}
		catch (OAuth2AuthorizationException ex) {
			throw failure(ex, method);
		}
		return session(response, method);
	}

	private static LoginFailedException failure(OAuth2AuthorizationException ex, String method) {
		OAuth2Error error = ex.getError();
		if (!INVALID_TOKEN_RESPONSE.equals(error.getErrorCode())) {
			// Salesforce's own answer: HTTP 400 {"error": ..., "error_description": ...}
			return new LoginRefusedException("Salesforce refused the " + method + " login: " + error.getErrorCode()
					+ ((error.getDescription() != null) ? ": " + error.getDescription() : ""));
		}
		Throwable cause = ex.getCause();
		if (cause instanceof ResourceAccessException || cause instanceof HttpServerErrorException) {
			return new LoginUnavailableException(
					"The " + method + " login could not reach Salesforce: " + cause.getMessage(), cause);
		}
		return new LoginFailedException("The " + method + " login failed: " + error.getDescription(), cause);
	}

	private static OrgSession session(OAuth2AccessTokenResponse response, String method) {
		Map<String, Object> parameters = response.getAdditionalParameters();
		Object instanceUrl = parameters.get("instance_url");
		Object id = parameters.get("id");
		if (instanceUrl == null || id == null) {
			throw new LoginFailedException("The " + method
					+ " login's token response has no instance_url or id: not Salesforce's token " + "endpoint?");
		}
		String problem = LoginHosts.problemWith(instanceUrl.toString(), "The token response's instance_url");
		if (problem != null) {
			throw new LoginFailedException(problem);
		}
		return new OrgSession(response.getAccessToken().getTokenValue(), instanceUrl.toString().replaceAll("/+$", ""),
				orgIdOf(id.toString()));
	}

	/**
	 * The org id of an identity URL,
	 * {@code https://login.salesforce.com/id/<orgId>/<userId>}.
	 */
	static String orgIdOf(String identityUrl) {
		String[] segments = URI.create(identityUrl).getPath().split("/");
		for (int i = 0; i < segments.length - 1; i++) {
			if ("id".equals(segments[i]) && segments[i + 1].startsWith("00D")) {
				return segments[i + 1];
			}
		}
		throw new LoginFailedException("The token response's id names no organization: " + identityUrl);
	}

}
