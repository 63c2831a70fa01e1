package com.collectiondesk.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator, from {@code COLLECTION_ADMIN_USER} / {@code COLLECTION_ADMIN_PASSWORD}.
 * An empty password means the documented development default.
 */
@ConfigurationProperties("collection.admin")
public record AdminProperties(String user, String password) {

    public static final String DEVELOPMENT_PASSWORD = "admin";

    public AdminProperties {
        user = user == null || user.isBlank() ? "admin" : user.trim();
    }

    public boolean usesDevelopmentPassword() {
        return password == null || password.isEmpty() || DEVELOPMENT_PASSWORD.equals(password);
    }

    public String effectivePassword() {
        return password == null || password.isEmpty() ? DEVELOPMENT_PASSWORD : password;
    }
}
