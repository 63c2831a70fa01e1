package com.collectiondesk.debtor;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.CollectionDeskApplication;
import com.collectiondesk.ledger.DebtorSearchText;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Debtor search latency on 100,000 customers (H2 file, the embedded default): {@code GET /api/customers?q=} by
 * HTTP for a name without its accents, a Cyrillic name, a phone typed nationally, an invoice number and a customer id,
 * against a same-run baseline: the same lookup as bare SQL (the search's own queries, term already normalized,
 * phone already in E.164) through JDBC. Prints the median and p95 of each, the same search called in process (no HTTP,
 * no login: what the request costs on top shows apart), the ratios of the medians, and the bare
 * SQL of the former search (every name scanned for "%term%") on the same data for reference.
 * Run: ./mvnw -Pbenchmark verify -Dtest=SearchBenchmark (-Dbenchmark.customers=20000 on a shared machine)
 */
class SearchBenchmark {

    /** 100,000 by default; a smaller portfolio with {@code -Dbenchmark.customers=20000} (invoices scale along). */
    private static final int CUSTOMERS = Integer.getInteger("benchmark.customers", 100_000);
    private static final int INVOICES = CUSTOMERS / 5;
    private static final int WARM_UP = 5;
    private static final int ROUNDS = 30;
    private static final String PASSWORD = "benchmark-only";
    private static final String[] FIRST = {"José", "Мария", "Zoë", "Георги", "Ana", "Đorđe", "Ivan", "Élodie"};
    private static final String[] LAST = {"Müller", "Иванова", "Năstase", "Петров", "Kovač", "Šćepanović", "Smith", "Dvořák"};

    /** The search's own queries (DebtorSearch: each handle from its index, the name's words by prefix), for the baseline. */
    private static final String BARE_MATCHES = """
            select c.id from customer c where c.customer_id = :term
            union select c.id from customer c where c.phone in (:phones)
            union select c.id from customer c where c.search_email = :email
            union select i.customer_fk from invoice i where i.invoice_number = :term
            union (%s)""";
    private static final String BARE_FIRST_WORD = "select w0.customer_fk from customer_search_word w0 where w0.word like :word0";
    private static final String BARE_OTHER_WORD = " and exists (select 1 from customer_search_word w%1$d"
            + " where w%1$d.customer_fk = w0.customer_fk and w%1$d.word like :word%1$d)";
    private static final String BARE_PAGE = "select c.id, c.customer_id, c.name, c.phone, c.email, c.country, c.time_zone from customer c"
            + " where c.id in (%s) order by c.search_name, c.customer_id offset 0 rows fetch next 20 rows only";
    private static final String BARE_COUNT = "select count(*) from customer c where c.id in (%s)";
    /** What the search read until issue 15 was closed: every name scanned for "%term%", for reference. */
    private static final String SCAN_PAGE = """
            select c.id, c.customer_id, c.name, c.phone, c.email, c.country, c.time_zone from customer c
            where c.search_name like :contains escape '!' or c.phone in (:phones) or lower(c.email) = :email
               or c.customer_id = :term or c.id in (select i.customer_fk from invoice i where i.invoice_number = :term)
            order by c.search_name, c.customer_id offset 0 rows fetch next 20 rows only""";
    private static final String SCAN_COUNT = """
            select count(*) from customer c
            where c.search_name like :contains escape '!' or c.phone in (:phones) or lower(c.email) = :email
               or c.customer_id = :term or c.id in (select i.customer_fk from invoice i where i.invoice_number = :term)""";

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private record Lookup(String what, String typed, String e164) {
    }

    @Test
    void searchLatency() throws Exception {
        Path h2 = Files.createTempDirectory("search-benchmark-h2");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CollectionDeskApplication.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + h2.resolve("collection-desk").toAbsolutePath(),
                "--spring.datasource.username=sa", "--spring.datasource.password=", "--collection.admin.password=" + PASSWORD,
                "--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.generate-unique-process-engine-name=true")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            importCsv(port, "customers", customersCsv());
            importCsv(port, "invoices", invoicesCsv());
            TestUsers.ensure(app.getBean(IdentityService.class), "bench-collector", Groups.COLLECTORS);
            NamedParameterJdbcTemplate jdbc = app.getBean(NamedParameterJdbcTemplate.class);
            int n = CUSTOMERS * 7 / 9;
            int cyrillic = n / 64 * 64 + 8 + 3;
            List<Lookup> lookups = List.of(
                    new Lookup("name without accents", DebtorSearchText.normalize(LAST[(n / 8) % LAST.length]) + " " + n, null),
                    new Lookup("Cyrillic name, upper case", "ИВАНОВА " + cyrillic, null),
                    new Lookup("phone typed nationally", "0888 " + String.format("%06d", n).substring(0, 3) + " " + String.format("%06d", n).substring(3),
                            "+359888" + String.format("%06d", n)),
                    new Lookup("invoice number", "BI" + INVOICES / 2, null),
                    new Lookup("customer id", "BC" + n, null));
            System.out.printf("SEARCH on %,d customers, %,d invoices (H2 file); %d rounds after %d warm-up%n", CUSTOMERS, INVOICES, ROUNDS, WARM_UP);
            for (Lookup lookup : lookups) {
                measure(port, jdbc, app.getBean(DebtorFinder.class), lookup);
            }
        }
    }

    private void measure(int port, NamedParameterJdbcTemplate jdbc, DebtorFinder finder, Lookup lookup) throws Exception {
        JsonNode answer = search(port, lookup.typed());
        assertThat(answer.get("totalElements").asLong()).as(lookup.what()).isPositive();
        // as the search orders them: a word with digits first, then the longest
        List<String> words = DebtorSearchText.words(lookup.typed()).stream().sorted(Comparator.<String, Boolean>comparing(
                word -> word.chars().noneMatch(Character::isDigit)).thenComparing(Comparator.comparingInt(String::length).reversed())).toList();
        Map<String, Object> params = new HashMap<>(Map.of(
                "contains", "%" + DebtorSearchText.normalize(lookup.typed()) + "%",
                "phones", List.of(lookup.e164() == null ? "-" : lookup.e164()),
                "email", lookup.typed().toLowerCase(), "term", lookup.typed()));
        for (int i = 0; i < words.size(); i++) {
            params.put("word" + i, words.get(i) + "%");
        }
        String matches = BARE_MATCHES.formatted(BARE_FIRST_WORD + IntStream.range(1, words.size())
                .mapToObj(BARE_OTHER_WORD::formatted).collect(Collectors.joining()));
        Query bare = new Query(BARE_COUNT.formatted(matches), BARE_PAGE.formatted(matches));
        Query scan = new Query(SCAN_COUNT, SCAN_PAGE);
        long[] api = new long[ROUNDS];
        long[] inProcess = new long[ROUNDS];
        long[] bareSql = new long[ROUNDS];
        long[] scanSql = new long[ROUNDS];
        for (int i = 0; i < WARM_UP; i++) {
            search(port, lookup.typed());
            bare.run(jdbc, params);
            scan.run(jdbc, params);
        }
        for (int i = 0; i < ROUNDS; i++) {
            long started = System.nanoTime();
            search(port, lookup.typed());
            api[i] = System.nanoTime() - started;
            started = System.nanoTime();
            finder.search(lookup.typed(), 0, 20);
            inProcess[i] = System.nanoTime() - started;
            started = System.nanoTime();
            int rows = bare.run(jdbc, params);
            bareSql[i] = System.nanoTime() - started;
            started = System.nanoTime();
            scan.run(jdbc, params);
            scanSql[i] = System.nanoTime() - started;
            assertThat(rows).as(lookup.what()).isPositive();
        }
        double apiMedian = percentile(api, 50);
        double bareMedian = percentile(bareSql, 50);
        double inProcessMedian = percentile(inProcess, 50);
        System.out.printf("SEARCH %-26s %-18s API median %7.2f ms p95 %7.2f ms | in process median %7.2f ms | bare SQL median %7.2f ms"
                        + " p95 %7.2f ms | ratio API %6.2f, in process %5.2f | former name scan, bare SQL median %7.2f ms%n",
                lookup.what(), "'" + lookup.typed() + "'", apiMedian, percentile(api, 95), inProcessMedian, bareMedian,
                percentile(bareSql, 95), apiMedian / bareMedian, inProcessMedian / bareMedian, percentile(scanSql, 50));
    }

    private record Query(String count, String page) {
        int run(NamedParameterJdbcTemplate jdbc, Map<String, Object> params) {
            jdbc.queryForObject(count, params, Long.class);
            return jdbc.queryForList(page, params).size();
        }
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e6;
    }

    private JsonNode search(int port, String q) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/customers?q="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Authorization", basic("bench-collector", TestUsers.PASSWORD)).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void importCsv(int port, String kind, byte[] csv) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports/" + kind))
                .header("Content-Type", "text/csv").header("Authorization", basic("admin", PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("rejected")).as(kind).isEmpty();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Names from accented Latin and Cyrillic parts with the customer's number, so each lookup finds one or a few. */
    private static byte[] customersCsv() {
        StringBuilder csv = new StringBuilder("customer_id,name,phone,email,language,country,time_zone,address,sms_opt_out,email_opt_out\n");
        for (int i = 0; i < CUSTOMERS; i++) {
            csv.append("BC").append(i).append(',').append(FIRST[i % FIRST.length]).append(' ').append(LAST[(i / 8) % LAST.length])
                    .append(' ').append(i).append(",0888").append(String.format("%06d", i)).append(",c").append(i)
                    .append("@example.com,bg,BG,,\"Street ").append(i).append(", Sofia\",,\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] invoicesCsv() {
        StringBuilder csv = new StringBuilder("invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency\n");
        for (int i = 0; i < INVOICES; i++) {
            csv.append("BI").append(i).append(",BC").append(i * 5).append(",,2026-01-01,2026-02-01,")
                    .append(10 + i % 990).append(".50,EUR\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
