package com.collectiondesk.erp;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code collection.erp.*}: which adapter ({@code built-in} or {@code rest}), where the ERP is, and timeouts
 * (the retry cycle of ERP steps is {@code collection.erp.retry-cycle}, read by the process).
 * Credentials never live here: {@code ERP_TOKEN}, or {@code ERP_USERNAME} and {@code ERP_PASSWORD}, from the environment.
 */
@ConfigurationProperties("collection.erp")
record ErpProperties(@DefaultValue("built-in") String type, URI baseUrl,
                     @DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout) {
}
