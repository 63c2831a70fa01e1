package com.collectiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.browser.HeadlessChromium;
import com.collectiondesk.support.browser.RequiresChromium;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Swagger UI still renders under its Content-Security-Policy, and offers the Basic scheme to authorize with. */
@IntegrationTest
@RequiresChromium
class SwaggerUiBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void swaggerUiRendersTheApiAndItsBasicScheme() {
        try (HeadlessChromium browser = HeadlessChromium.start("swagger-ui")) {
            browser.driver().get("http://localhost:" + port + "/swagger-ui/index.html");
            browser.waitUpTo(Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.authorize")));
            browser.driver().findElement(By.cssSelector("button.authorize")).click();
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".modal-ux"), "Basic"));
            browser.screenshot("authorize");
            assertThat(browser.driver().findElements(By.cssSelector(".opblock-tag"))).isNotEmpty();
        }
    }
}
