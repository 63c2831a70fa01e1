package com.collectiondesk.security;

import static com.collectiondesk.security.AuthenticationTest.WEBAPP_ENGINE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Hostile requests that try to smuggle an expression into an ad-hoc task or history query (CVE-2026-109432),
 * each with the exact refusal it must get. Every body that carries an expression carries the probe's, so a
 * test can also prove that nothing was evaluated.
 */
final class HostileQueryCorpus {

    /** Who sends the request: a collector with HTTP Basic, a collector's Tasklist session, or a manager. */
    enum Caller { COLLECTOR, COLLECTOR_WEBAPP_SESSION, MANAGER }

    record HostileQuery(String name, Caller caller, String method, String target, Map<String, String> headers,
                        byte[] body, int status, String title, String detail) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String PROBE = ExpressionProbe.EXPRESSION;
    static final String QUERY_REFUSED = "Query refused";
    static final String NOT_UTF8 = "The request body is not valid UTF-8 (malformed byte sequence at offset ";
    static final String NOT_JSON = "The request body is not valid JSON (line 1, column ";
    static final String NUL = "The request body is not UTF-8: it holds a NUL byte at offset ";
    static final String TOO_DEEP = "The request body nests deeper than 100 levels.";

    private static final String TASK = "/engine-rest/task";
    private static final String OR_QUERY_HEAD = "{\"orQueries\":[{\"assignee";
    private static final String OR_QUERY_TAIL = "xpression\":\"" + PROBE + "\"}]}";
    private static final String PLAIN_OR_QUERY = "{\"orQueries\":[{\"assigneeExpression\":\"" + PROBE + "\"}]}";

    private HostileQueryCorpus() {
    }

    static List<HostileQuery> cases() {
        List<HostileQuery> cases = new ArrayList<>();
        cases.addAll(malformedUtf8());
        cases.addAll(otherEncodings());
        cases.addAll(jsonSpellings());
        cases.addAll(jsonTheEngineWouldReadDifferently());
        cases.addAll(queryStrings());
        cases.addAll(everyGuardedEndpoint());
        return cases;
    }

    /** The 'E' of assigneeExpression (or another byte of the body) in forms a strict decoder refuses. */
    private static List<HostileQuery> malformedUtf8() {
        int offset = OR_QUERY_HEAD.length();
        return List.of(
                malformedE("overlong 2-byte E (C1 85) in an or-query key", 0xC1, 0x85),
                malformedE("overlong 3-byte E (E0 81 85) in an or-query key", 0xE0, 0x81, 0x85),
                malformedE("overlong 4-byte E (F0 80 81 85) in an or-query key", 0xF0, 0x80, 0x81, 0x85),
                malformedE("5-byte form of E (F8 80 80 81 85) in an or-query key", 0xF8, 0x80, 0x80, 0x81, 0x85),
                malformedE("lone surrogate (ED A0 80) in an or-query key", 0xED, 0xA0, 0x80),
                malformedE("overlong NUL (C0 80, Java's modified UTF-8) in an or-query key", 0xC0, 0x80),
                malformedE("stray continuation byte (85) for E", 0x85),
                malformedE("byte FF for E", 0xFF),
                post("overlong 2-byte E in a top-level key", TASK,
                        bytes("{\"assignee", raw(0xC1, 0x85), "xpression\":\"" + PROBE + "\"}"),
                        400, QUERY_REFUSED, NOT_UTF8 + "{\"assignee".length() + ")."),
                post("overlong quote (C0 A2) closing a key early", TASK,
                        bytes("{\"orQueries\":[{\"x", raw(0xC0, 0xA2), ":1,\"assigneeExpression\":\"" + PROBE + "\"}]}"),
                        400, QUERY_REFUSED, NOT_UTF8 + "{\"orQueries\":[{\"x".length() + ")."),
                post("truncated 2-byte sequence (C3) before the key ends", TASK,
                        bytes(OR_QUERY_HEAD, raw(0xC3), "\":1}]}"), 400, QUERY_REFUSED, NOT_UTF8 + offset + ")."),
                post("overlong bytes in a value, not a key", TASK,
                        bytes("{\"assignee\":\"", raw(0xC1, 0x81), "\",\"orQueries\":[]}"),
                        400, QUERY_REFUSED, NOT_UTF8 + "{\"assignee\":\"".length() + ")."));
    }

    private static HostileQuery malformedE(String name, int... sequence) {
        return post(name, TASK, bytes(OR_QUERY_HEAD, raw(sequence), OR_QUERY_TAIL),
                400, QUERY_REFUSED, NOT_UTF8 + OR_QUERY_HEAD.length() + ").");
    }

    /** Encodings Jackson would detect and decode on its own, and charsets a caller might declare. */
    private static List<HostileQuery> otherEncodings() {
        return List.of(
                post("UTF-8 byte order mark before the document", TASK,
                        bytes(raw(0xEF, 0xBB, 0xBF), PLAIN_OR_QUERY), 400, QUERY_REFUSED,
                        "The request body starts with a byte order mark; send UTF-8 JSON without one."),
                post("UTF-16LE without byte order mark", TASK, PLAIN_OR_QUERY.getBytes(StandardCharsets.UTF_16LE),
                        400, QUERY_REFUSED, NUL + "1, as UTF-16 or UTF-32 would."),
                post("UTF-16BE with byte order mark", TASK, PLAIN_OR_QUERY.getBytes(StandardCharsets.UTF_16),
                        400, QUERY_REFUSED, NUL + "2, as UTF-16 or UTF-32 would."),
                post("UTF-32LE without byte order mark", TASK, PLAIN_OR_QUERY.getBytes(Charset.forName("UTF-32LE")),
                        400, QUERY_REFUSED, NUL + "1, as UTF-16 or UTF-32 would."),
                post("UTF-32BE with byte order mark", TASK,
                        bytes(raw(0x00, 0x00, 0xFE, 0xFF), PLAIN_OR_QUERY.getBytes(Charset.forName("UTF-32BE"))),
                        400, QUERY_REFUSED, NUL + "0, as UTF-16 or UTF-32 would."),
                with(post("charset=UTF-16 declared on a UTF-16 body", TASK, PLAIN_OR_QUERY.getBytes(StandardCharsets.UTF_16),
                        400, QUERY_REFUSED, "The request body must be UTF-8 JSON; charset 'UTF-16' is not accepted."),
                        "Content-Type", "application/json; charset=UTF-16"),
                with(post("charset=ISO-8859-1 declared on a Latin-1 body", TASK,
                                "{\"assignee\":\"Ren\u00e9\",\"orQueries\":[{\"assigneeExpression\":\"x\"}]}".getBytes(StandardCharsets.ISO_8859_1),
                                400, QUERY_REFUSED, "The request body must be UTF-8 JSON; charset 'ISO-8859-1' is not accepted."),
                        "Content-Type", "application/json;charset=\"ISO-8859-1\""),
                with(post("gzip Content-Encoding", TASK, gzip(PLAIN_OR_QUERY), 415, "Content encoding not accepted",
                        "Content-Encoding 'gzip' is not accepted on engine queries; send the JSON uncompressed."),
                        "Content-Encoding", "gzip"),
                with(post("deflate Content-Encoding", TASK + "/count", deflate(PLAIN_OR_QUERY), 415, "Content encoding not accepted",
                        "Content-Encoding 'deflate' is not accepted on engine queries; send the JSON uncompressed."),
                        "Content-Encoding", "deflate"),
                with(post("identity listed before gzip", TASK, gzip(PLAIN_OR_QUERY), 415, "Content encoding not accepted",
                        "Content-Encoding 'GZIP' is not accepted on engine queries; send the JSON uncompressed."),
                        "Content-Encoding", "identity, GZIP"));
    }

    /** Valid JSON that spells an expression key in another way; the path names the key as the engine reads it. */
    private static List<HostileQuery> jsonSpellings() {
        String deep = "{\"a\":".repeat(40) + "{\"dueAfterExpression\":\"" + PROBE + "\"}" + "}".repeat(40);
        return List.of(
                expression("JSON escape \\u0045 for E in an or-query key",
                        "{\"orQueries\":[{\"assignee\\u0045xpression\":\"" + PROBE + "\"}]}", "orQueries[0].assigneeExpression"),
                expression("every letter of the key escaped",
                        "{\"orQueries\":[{\"" + escapeAll("dueAfterExpression") + "\":\"" + PROBE + "\"}]}",
                        "orQueries[0].dueAfterExpression"),
                expression("upper-case key", "{\"orQueries\":[{\"DUEBEFOREEXPRESSION\":\"" + PROBE + "\"}]}",
                        "orQueries[0].DUEBEFOREEXPRESSION"),
                expression("mixed-case key", "{\"orQueries\":[{\"active\":true},{\"followUpAfterExPrEsSiOn\":\"" + PROBE + "\"}]}",
                        "orQueries[1].followUpAfterExPrEsSiOn"),
                expression("or-queries nested three deep",
                        "{\"orQueries\":[{\"orQueries\":[{\"orQueries\":[{\"assigneeExpression\":\"" + PROBE + "\"}]}]}]}",
                        "orQueries[0].orQueries[0].orQueries[0].assigneeExpression"),
                expression("arrays inside arrays", "{\"orQueries\":[[[{\"dueAfterExpression\":\"" + PROBE + "\"}]]]}",
                        "orQueries[0][0][0].dueAfterExpression"),
                expression("key 41 levels down", deep, "a.".repeat(40) + "dueAfterExpression"),
                expression("expression key holding null", "{\"orQueries\":[{\"dueAfterExpression\":null}]}",
                        "orQueries[0].dueAfterExpression"),
                expression("expression key holding an object", "{\"orQueries\":[{\"dueAfterExpression\":{\"x\":\"" + PROBE + "\"}}]}",
                        "orQueries[0].dueAfterExpression"));
    }

    /** What a lenient or different parser would read otherwise than the guard; the engine's own parser is strict. */
    private static List<HostileQuery> jsonTheEngineWouldReadDifferently() {
        String deepArray = "[".repeat(1200) + "]".repeat(1200);
        String deepObject = "{\"a\":".repeat(1200) + "{\"dueAfterExpression\":\"" + PROBE + "\"}" + "}".repeat(1200);
        String justTooDeep = "{\"a\":".repeat(100) + "{\"dueAfterExpression\":\"" + PROBE + "\"}" + "}".repeat(100);
        return List.of(
                post("key given twice, the later one hiding the expression", TASK,
                        json("{\"orQueries\":[{\"assigneeExpression\":\"" + PROBE + "\"}],\"orQueries\":[]}"),
                        400, QUERY_REFUSED, NOT_JSON + "79): Duplicate field 'orQueries'."),
                post("expression key given twice in an or-query", TASK,
                        json("{\"orQueries\":[{\"dueAfterExpression\":\"" + PROBE + "\",\"dueAfterExpression\":\"2020\"}]}"),
                        400, QUERY_REFUSED, NOT_JSON + "86): Duplicate field 'dueAfterExpression'."),
                notJson("block comment before the key", "{\"orQueries\":[{/* x */\"assigneeExpression\":\"" + PROBE + "\"}]}",
                        "16): Unexpected character ('/' (code 47)): maybe a (non-standard) comment?"),
                notJson("line comment", "{\"orQueries\":[{\"assigneeExpression\":\"" + PROBE + "\"} // x\n]}",
                        "67): Unexpected character ('/' (code 47)): maybe a (non-standard) comment?"),
                notJson("trailing comma in the or-query list", "{\"orQueries\":[{\"assigneeExpression\":\"" + PROBE + "\"},]}",
                        "67): Unexpected character (']' (code 93)): expected a value"),
                notJson("single-quoted key", "{\"orQueries\":[{'assigneeExpression':'" + PROBE + "'}]}",
                        "16): Unexpected character (''' (code 39)): was expecting double-quote to start field name"),
                notJson("unquoted key", "{\"orQueries\":[{assigneeExpression:\"" + PROBE + "\"}]}",
                        "16): Unexpected character ('a' (code 97)): was expecting double-quote to start field name"),
                post("a second document after the first", TASK,
                        json("{\"active\":true} {\"orQueries\":[{\"assigneeExpression\":\"" + PROBE + "\"}]}"),
                        400, QUERY_REFUSED, "The request body holds more than one JSON document."),
                post("1,200 nested arrays", TASK, json(deepArray), 400, QUERY_REFUSED, TOO_DEEP),
                post("1,200 nested objects around an expression", TASK + "/count", json(deepObject), 400, QUERY_REFUSED, TOO_DEEP),
                post("101 nested objects around an expression", TASK, json(justTooDeep), 400, QUERY_REFUSED, TOO_DEEP),
                with(post("form-encoded body", TASK, json("assigneeExpression=" + URLEncoder.encode(PROBE, StandardCharsets.UTF_8)),
                                415, "Unsupported media type", "Content-Type application/x-www-form-urlencoded is not accepted here"),
                        "Content-Type", "application/x-www-form-urlencoded"));
    }

    private static List<HostileQuery> queryStrings() {
        String probe = URLEncoder.encode(PROBE, StandardCharsets.UTF_8);
        return List.of(
                get("expression parameter", TASK + "?maxResults=5&assigneeExpression=" + probe, adHoc("assigneeExpression")),
                get("percent-encoded E in the parameter name", TASK + "?assignee%45xpression=" + probe, adHoc("assigneeExpression")),
                get("upper-case parameter name", TASK + "?DUEAFTEREXPRESSION=" + probe, adHoc("DUEAFTEREXPRESSION")),
                get("expression key in a JSON parameter value", TASK + "?sorting="
                        + URLEncoder.encode("[{\"sortBy\":\"created\",\"dueAfterExpression\":\"" + PROBE + "\"}]", StandardCharsets.UTF_8),
                        adHoc("sorting[0].dueAfterExpression")),
                new HostileQuery("overlong percent-encoded E (%C1%85) in a parameter name", Caller.COLLECTOR, "GET",
                        TASK + "?assignee%C1%85xpression=" + probe, Map.of(), new byte[0], 400, QUERY_REFUSED,
                        "The query string is not valid UTF-8 once percent-decoded, in 'assignee%C1%85xpression'."),
                new HostileQuery("overlong 3-byte percent-encoded E in a parameter name", Caller.COLLECTOR, "GET",
                        TASK + "?assignee%e0%81%85xpression=x", Map.of(), new byte[0], 400, QUERY_REFUSED,
                        "The query string is not valid UTF-8 once percent-decoded, in 'assignee%e0%81%85xpression'."),
                new HostileQuery("broken percent escape", Caller.COLLECTOR, "GET",
                        TASK + "?assigneeExpression%zz=x", Map.of(), new byte[0], 400, QUERY_REFUSED,
                        "The query string has a broken percent escape in 'assigneeExpression%zz'."),
                new HostileQuery("percent escape cut off at the end", Caller.COLLECTOR, "GET",
                        "/engine-rest/history/task?maxResults=1&x=%4", Map.of(), new byte[0], 400, QUERY_REFUSED,
                        "The query string has a broken percent escape in '%4'."));
    }

    /** The same refusals on the other guarded endpoints and transports. */
    private static List<HostileQuery> everyGuardedEndpoint() {
        byte[] overlong = bytes(OR_QUERY_HEAD, raw(0xC1, 0x85), OR_QUERY_TAIL);
        String notUtf8 = NOT_UTF8 + OR_QUERY_HEAD.length() + ").";
        return List.of(
                new HostileQuery("webapps' engine API: overlong E", Caller.COLLECTOR_WEBAPP_SESSION, "POST",
                        WEBAPP_ENGINE + "/task?firstResult=0&maxResults=15", jsonHeaders(), overlong, 400, QUERY_REFUSED, notUtf8),
                new HostileQuery("webapps' engine API count: \\u0045 escape", Caller.COLLECTOR_WEBAPP_SESSION, "POST",
                        WEBAPP_ENGINE + "/task/count", jsonHeaders(),
                        json("{\"orQueries\":[{\"assignee\\u0045xpression\":\"" + PROBE + "\"}]}"), 400, QUERY_REFUSED,
                        adHoc("orQueries[0].assigneeExpression")),
                new HostileQuery("webapps' engine API: gzip", Caller.COLLECTOR_WEBAPP_SESSION, "POST",
                        WEBAPP_ENGINE + "/task", Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
                        gzip(PLAIN_OR_QUERY), 415, "Content encoding not accepted",
                        "Content-Encoding 'gzip' is not accepted on engine queries; send the JSON uncompressed."),
                new HostileQuery("webapps' engine API: 1,200 levels", Caller.COLLECTOR_WEBAPP_SESSION, "POST",
                        WEBAPP_ENGINE + "/task", jsonHeaders(), json("[".repeat(1200) + "]".repeat(1200)), 400, QUERY_REFUSED, TOO_DEEP),
                post("history task query: overlong E", "/engine-rest/history/task", overlong, 400, QUERY_REFUSED, notUtf8),
                post("history process-instance count, named engine: overlong E",
                        "/engine-rest/engine/default/history/process-instance/count", overlong, 400, QUERY_REFUSED, notUtf8),
                post("a filter's extending query: overlong E", "/engine-rest/filter/any-filter/list?maxResults=5",
                        overlong, 400, QUERY_REFUSED, notUtf8),
                new HostileQuery("saving a filter: overlong E", Caller.MANAGER, "POST", "/engine-rest/filter/create",
                        jsonHeaders(), bytes("{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":" + OR_QUERY_HEAD, raw(0xC1, 0x85),
                        OR_QUERY_TAIL + "}"), 400, "Filter refused",
                        NOT_UTF8 + ("{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":" + OR_QUERY_HEAD).length() + ")."));
    }

    private static HostileQuery post(String name, String target, byte[] body, int status, String title, String detail) {
        return new HostileQuery(name, Caller.COLLECTOR, "POST", target, jsonHeaders(), body, status, title, detail);
    }

    private static HostileQuery get(String name, String target, String detail) {
        return new HostileQuery(name, Caller.COLLECTOR, "GET", target, Map.of(), new byte[0], 400, QUERY_REFUSED, detail);
    }

    private static HostileQuery expression(String name, String body, String path) {
        return post(name, TASK, json(body), 400, QUERY_REFUSED, adHoc(path));
    }

    private static HostileQuery notJson(String name, String body, String detailAfterColumn) {
        return post(name, TASK, json(body), 400, QUERY_REFUSED, NOT_JSON + detailAfterColumn);
    }

    private static HostileQuery with(HostileQuery query, String header, String value) {
        Map<String, String> headers = new LinkedHashMap<>(query.headers());
        headers.put(header, value);
        return new HostileQuery(query.name(), query.caller(), query.method(), query.target(), headers, query.body(),
                query.status(), query.title(), query.detail());
    }

    static String adHoc(String path) {
        return "'" + path + "' is an expression. Ad-hoc task and history queries may not carry expressions"
                + " (keys ending in 'Expression'); use a saved filter with Tasklist's expressions instead.";
    }

    private static Map<String, String> jsonHeaders() {
        return Map.of("Content-Type", "application/json");
    }

    private static String escapeAll(String key) {
        StringBuilder escaped = new StringBuilder();
        key.chars().forEach(c -> escaped.append(String.format("\\u%04x", c)));
        return escaped.toString();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] raw(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** Concatenates strings (as UTF-8) and byte arrays. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Object part : parts) {
            all.writeBytes(part instanceof byte[] raw ? raw : part.toString().getBytes(StandardCharsets.UTF_8));
        }
        return all.toByteArray();
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(json(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
            deflate.write(json(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
