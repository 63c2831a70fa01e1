package com.collectiondesk.outreach;

import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The Twilio SDK's HTTP client on the JDK's: sends each request to {@code collection.twilio.api-base-url}
 * instead of Twilio's host, with timeouts far below the job lock time (a slow provider must not let a second
 * node take the job over), never repeats a request by itself, and turns 429 into {@link ProviderRateLimitedException} with its Retry-After.
 * Only a request that never connected counts as not sent; one that went out unanswered is in doubt.
 */
class TwilioHttpClient extends com.twilio.http.HttpClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String apiBaseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    TwilioHttpClient(String apiBaseUrl) {
        this.apiBaseUrl = apiBaseUrl.endsWith("/") ? apiBaseUrl.substring(0, apiBaseUrl.length() - 1) : apiBaseUrl;
    }

    /**
     * One attempt only. The SDK would silently repeat a 5xx, but Twilio may have queued the message before
     * answering 500 ("not idempotent", error 20500): retrying is the job's decision, after the outbox says so.
     */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        URI twilioUrl = URI.create(request.constructURL().toString());
        URI target = URI.create(apiBaseUrl + twilioUrl.getRawPath() + (twilioUrl.getRawQuery() == null ? "" : "?" + twilioUrl.getRawQuery()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("User-Agent", "collection-desk twilio-java");
        if (request.requiresAuthentication()) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (request.getUsername() + ":" + request.getPassword()).getBytes(StandardCharsets.UTF_8)));
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            header.getValue().forEach(value -> builder.header(header.getKey(), value));
        }
        if (request.getMethod() == HttpMethod.POST) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8));
        } else {
            builder.method(request.getMethod().toString(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = exchange(builder.build());
        if (response.statusCode() == 429) {
            throw new ProviderRateLimitedException("Twilio", retryAfter(response));
        }
        Header[] headers = response.headers().map().entrySet().stream()
                .flatMap(header -> header.getValue().stream().map(value -> new BasicHeader(header.getKey(), value)))
                .toArray(Header[]::new);
        return new Response(response.body(), response.statusCode(), headers);
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException notConnected) {
            throw new UncheckedIOException("Twilio unreachable at " + apiBaseUrl, notConnected);
        } catch (IOException e) {
            // connected and sent, but no answer (timeout, reset): Twilio may have queued the message
            throw new ProviderAnswerUnknownException("Twilio did not answer at " + apiBaseUrl + " (" + e.getClass().getSimpleName()
                    + "): the message may have been sent", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling Twilio", e);
        }
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.chars().allMatch(Character::isDigit) && !value.isEmpty())
                .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)))
                .orElse(Duration.ofMinutes(1));
    }
}
