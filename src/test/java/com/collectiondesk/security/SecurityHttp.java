package com.collectiondesk.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Real HTTP calls against the running service: HTTP Basic, or a webapp session with its XSRF token. */
final class SecurityHttp {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String basic;

    private SecurityHttp(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    static SecurityHttp anonymous(int port) {
        return new SecurityHttp(port);
    }

    static SecurityHttp basic(int port, String user, String password) {
        SecurityHttp http = new SecurityHttp(port);
        http.basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http;
    }

    /** Logs in through the webapps' own login endpoint, as Tasklist's login page does. */
    static SecurityHttp webappLogin(int port, String engine, String app, String user, String password) {
        SecurityHttp http = new SecurityHttp(port);
        http.get("/camunda/app/" + app + "/");
        HttpResponse<String> login = http.send(http.request("/camunda/api/admin/auth/user/" + engine + "/login/" + app)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
        http.lastLoginStatus = login.statusCode();
        // Login starts a new session; its XSRF token arrives with the next read, as in Tasklist after login.
        http.get("/camunda/api/admin/auth/user/" + engine);
        return http;
    }

    int lastLoginStatus;

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    HttpResponse<String> postMultipart(String path, String fileName, byte[] content) {
        return postMultipart(path, Map.of(fileName, content));
    }

    /** A deployment-create form: the name "security-test" and one part per file, named after the file. */
    HttpResponse<String> postMultipart(String path, Map<String, byte[]> files) {
        String boundary = "----collection-desk-test";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nsecurity-test\r\n")
                .getBytes(StandardCharsets.UTF_8));
        files.forEach((fileName, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A body sent without Content-Length (Transfer-Encoding: chunked). */
    HttpResponse<String> postChunked(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    /**
     * Any request over HTTP/1.1 with extra headers (name, value, name, value …); the edge tests use it for
     * browser headers (Origin, Referer), odd content types and chunked bodies ({@link #chunked}).
     */
    HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder builder = request(path).version(HttpClient.Version.HTTP_1_1).method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    /** A body of unknown length, which the client sends with Transfer-Encoding: chunked (no Content-Length). */
    static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (basic != null) {
            builder.header("Authorization", basic);
        }
        xsrfToken().ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
        return builder;
    }

    /** The headers that authenticate this client (Basic, or the session cookie and XSRF token), for raw requests. */
    java.util.Map<String, String> credentialHeaders() {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (basic != null) {
            headers.put("Authorization", basic);
        }
        String cookieHeader = cookies.getCookieStore().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue()).reduce((a, b) -> a + "; " + b).orElse("");
        if (!cookieHeader.isEmpty()) {
            headers.put("Cookie", cookieHeader);
        }
        xsrfToken().ifPresent(token -> headers.put("X-XSRF-TOKEN", token));
        return headers;
    }

    String cookieDump() {
        return cookies.getCookieStore().getCookies().toString();
    }

    private java.util.Optional<String> xsrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).reduce((a, b) -> b);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
