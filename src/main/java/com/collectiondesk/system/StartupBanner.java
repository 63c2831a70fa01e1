package com.collectiondesk.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** One line, once the service is ready, with every URL a person needs. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        Environment env = event.getApplicationContext().getEnvironment();
        String base = env.getProperty("collection.public-base-url");
        if (base == null || base.isBlank()) {
            base = "http://localhost:" + web.getWebServer().getPort();
        }
        String webapp = base + env.getProperty("camunda.bpm.webapp.application-path", "/camunda");
        log.info("Collection Desk ready | Tasklist {}/app/tasklist/ | Cockpit {}/app/cockpit/ | Admin {}/app/admin/"
                        + " | REST API {}/api | Engine REST {}/engine-rest | OpenAPI {}/swagger-ui.html",
                webapp, webapp, webapp, base, base, base);
    }
}
