package com.collectiondesk.selfservice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A debtor's browser without script: keeps cookies, follows no redirects, posts forms as HTML forms do. */
final class DebtorBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String origin;

    DebtorBrowser(int port) {
        this.origin = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The path of a link such as {@code https://collect.example.com/s/abc…} on this test server. */
    static String pathOf(String link) {
        return URI.create(link).getPath();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(origin + path)).GET().build());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(origin + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> postJson(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Posts a form of the page at {@code pagePath} with that page's CSRF token, as a browser submitting it would. */
    HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("csrf", csrfOf(get(pagePath).body()));
        return post(action, form);
    }

    /** A file field of a multipart form: name, file name, the type the browser claims, the bytes. */
    record Upload(String field, String fileName, String claimedType, byte[] content) {
    }

    /** Posts the page's form as multipart/form-data (the dispute form), with that page's CSRF token. */
    HttpResponse<String> submitMultipart(String pagePath, String action, Map<String, String> fields, Upload upload) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("csrf", csrfOf(get(pagePath).body()));
        return postMultipart(action, form, upload);
    }

    HttpResponse<String> postMultipart(String path, Map<String, String> fields, Upload upload) {
        String boundary = "----debtor-browser-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (upload != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + upload.field() + "\"; filename=\""
                    + upload.fileName() + "\"\r\nContent-Type: " + upload.claimedType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(upload.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(origin + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Any request with the headers a browser (or an API client) sends; {@code body} null: none. */
    HttpResponse<String> request(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    HttpResponse<byte[]> getBytes(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).GET();
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No CSRF field in " + html);
        }
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
