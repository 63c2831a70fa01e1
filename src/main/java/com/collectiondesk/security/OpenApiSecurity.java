package com.collectiondesk.security;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What OpenAPI clients and Swagger UI show: the API's title, version and purpose, and that every {@code /api} call
 * needs HTTP Basic (so Swagger's "Authorize" asks for a user and password and sends them).
 */
@Configuration
@OpenAPIDefinition(
        info = @Info(title = OpenApiSecurity.TITLE, version = OpenApiSecurity.DEVELOPMENT,
                description = "Collection Desk's REST API: the ledger (customers, invoices, payments, CSV imports),"
                        + " delinquency scans and tickets, promises, disputes and calls, collectors, outreach and reports."
                        + " Every call needs HTTP Basic with a Collection Desk user (Authorize); errors are RFC 9457"
                        + " problem+json naming the field."),
        security = @SecurityRequirement(name = OpenApiSecurity.BASIC))
@SecurityScheme(name = OpenApiSecurity.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A Collection Desk user's id and password (Camunda's identity service)")
class OpenApiSecurity {

    static final String BASIC = "basic";
    static final String TITLE = "Collection Desk API";
    static final String DEVELOPMENT = "development";

    /** The version of the build that serves the spec (the jar's Implementation-Version), else "development". */
    @Bean
    OpenApiCustomizer apiVersion() {
        String version = OpenApiSecurity.class.getPackage().getImplementationVersion();
        return api -> api.getInfo().setVersion(version == null ? DEVELOPMENT : version);
    }
}
