package com.collectiondesk.security;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** Tells OpenAPI clients (and Swagger UI's "Authorize") that every {@code /api} call needs HTTP Basic. */
@Configuration
@OpenAPIDefinition(security = @SecurityRequirement(name = OpenApiSecurity.BASIC))
@SecurityScheme(name = OpenApiSecurity.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A Collection Desk user's id and password (Camunda's identity service)")
class OpenApiSecurity {

    static final String BASIC = "basic";
}
