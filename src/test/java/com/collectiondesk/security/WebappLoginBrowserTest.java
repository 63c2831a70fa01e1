package com.collectiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.browser.CamundaWebapps;
import com.collectiondesk.support.browser.HeadlessChromium;
import com.collectiondesk.support.browser.RequiresChromium;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A manager signs in to Cockpit in a real browser and lands on its dashboard. */
@IntegrationTest
@RequiresChromium
class WebappLoginBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    ProcessEngine engine;

    @Test
    void managerSignsInToCockpit() {
        TestUsers.ensure(identity, "maria", Groups.MANAGERS);
        try (HeadlessChromium browser = HeadlessChromium.start("cockpit-login")) {
            CamundaWebapps.login(browser, "http://localhost:" + port, "cockpit", engine.getName(), "maria", TestUsers.PASSWORD);
            browser.waitUpTo(Duration.ofSeconds(30))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "maria"));
            browser.screenshot("dashboard");
            assertThat(browser.driver().getCurrentUrl()).contains("/camunda/app/cockpit/" + engine.getName() + "/#/dashboard");
        }
    }
}
