package com.collectiondesk.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at a fresh database on the embedded PostgreSQL server, with the
 * production profile's driver. Use as {@code @ContextConfiguration(initializers = PostgresInitializer.class)}.
 */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + EmbeddedPostgresDatabases.newDatabase("it"),
                "spring.datasource.username=postgres",
                "spring.datasource.password=")
                .applyTo(context.getEnvironment());
    }
}
