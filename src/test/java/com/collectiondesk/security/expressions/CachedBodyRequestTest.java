package com.collectiondesk.security.expressions;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CachedBodyRequestTest {

    @Test
    void aNonBlockingReaderGetsTheWholeReplayedBodyAtOnce() {
        CachedBodyRequest request = new CachedBodyRequest(new MockHttpServletRequest(),
                "{\"assignee\":\"anna\"}".getBytes(StandardCharsets.UTF_8));
        ServletInputStream in = request.getInputStream();
        List<String> events = new ArrayList<>();

        in.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws IOException {
                events.add("data:" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }

            @Override
            public void onAllDataRead() {
                events.add("done");
            }

            @Override
            public void onError(Throwable t) {
                events.add("error");
            }
        });

        assertThat(events).containsExactly("data:{\"assignee\":\"anna\"}", "done");
        assertThat(in.isFinished()).isTrue();
    }
}
