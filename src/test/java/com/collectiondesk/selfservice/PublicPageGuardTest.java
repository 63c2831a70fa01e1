package com.collectiondesk.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The public pages' limits per client address and per link, and their no-store answers. */
class PublicPageGuardTest {

    private final PublicPageGuard guard = new PublicPageGuard(new SelfServiceSettings("http://localhost", Duration.ofDays(30),
            SecondFactor.POSTAL_CODE, 4, 5, 3, 5, "sandbox", "w", "p"), "Collection Desk");

    private MockHttpServletResponse get(String path, String address) throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aLinkAnsweredTooOftenInAMinuteGets429WithRetryAfterWhileOtherLinksStillOpen() throws Exception {
        String link = "/s/" + LinkTokens.newToken();
        for (int i = 0; i < 3; i++) {
            assertThat(get(link, "10.0.0." + i).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = get(link + "/verify", "10.0.0.9");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(refused.getContentAsString()).contains("Too many requests");
        assertThat(get("/s/" + LinkTokens.newToken(), "10.0.0.10").getStatus()).isEqualTo(200);
    }

    @Test
    void oneAddressTryingManyLinksIsStoppedAtItsOwnLimit() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(get("/s/" + LinkTokens.newToken(), "192.0.2.7").getStatus()).isEqualTo(200);
        }
        assertThat(get("/s/" + LinkTokens.newToken(), "192.0.2.7").getStatus()).isEqualTo(429);
        assertThat(get("/s/" + LinkTokens.newToken(), "192.0.2.8").getStatus()).isEqualTo(200);
    }

    @Test
    void theSharedStylesheetIsNeitherCountedNorMarkedNoStore() throws Exception {
        for (int i = 0; i < 10; i++) {
            MockHttpServletResponse css = get(SelfServiceAssets.PATH + "page.css", "198.51.100.1");
            assertThat(css.getStatus()).isEqualTo(200);
            assertThat(css.getHeader("Cache-Control")).isNull();
        }
    }
}
