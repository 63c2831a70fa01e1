package com.collectiondesk.erp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The REST adapter's credentials, from the environment only: {@code ERP_TOKEN}, or {@code ERP_USERNAME} and
 * {@code ERP_PASSWORD} (bound at the root, so the environment variables keep their names).
 */
@ConfigurationProperties
record ErpCredentials(String erpToken, String erpUsername, String erpPassword) {
}
