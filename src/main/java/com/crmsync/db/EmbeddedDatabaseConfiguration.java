/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.db;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Without a configured {@code spring.datasource.url}, the CRM database is an embedded
 * MariaDB under {@code ./data}; with one, Boot's own data source auto-configuration
 * applies and this class stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

	@Bean
	HikariDataSource dataSource(EmbeddedDatabaseProperties properties) {
		EmbeddedMariaDb server = EmbeddedMariaDb.obtain(properties.dataDir(), properties.bufferPoolSize());
		if (properties.reset()) {
			server.dropDatabase(properties.database());
		}
		server.createDatabase(properties.database());
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("embedded-mariadb");
		dataSource.setJdbcUrl(server.jdbcUrl(properties.database()));
		dataSource.setUsername("root");
		dataSource.setPassword("");
		return dataSource;
	}

	static class NoDataSourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}

	}

}
