package com.collectiondesk.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One line, once the service is ready, with every URL a person needs, on the port the server really listens on
 * ({@code PORT}, or a random one in tests); {@code collection.public-base-url} is where others reach it, so it is
 * named beside the local address, not instead of it.
 */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final PublicAddress publicAddress;

    StartupBanner(PublicAddress publicAddress) {
        this.publicAddress = publicAddress;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        log.info(line(web.getWebServer().getPort(), event.getApplicationContext().getEnvironment()));
    }

    String line(int port, Environment env) {
        String base = "http://localhost:" + port + env.getProperty("server.servlet.context-path", "");
        String webapp = base + env.getProperty("camunda.bpm.webapp.application-path", "/camunda");
        String line = "Collection Desk ready on port " + port + " | Tasklist " + webapp + "/app/tasklist/ | Cockpit " + webapp
                + "/app/cockpit/ | Admin " + webapp + "/app/admin/ | REST API " + base + "/api | Engine REST " + base
                + "/engine-rest | OpenAPI " + base + "/swagger-ui.html | Health " + base + "/actuator/health";
        String shared = publicAddress.baseUrl();
        return shared == null || shared.isBlank() || shared.equals(base) ? line : line + " | public address " + shared;
    }
}
