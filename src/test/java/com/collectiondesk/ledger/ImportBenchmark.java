package com.collectiondesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.CollectionDeskApplication;
import com.collectiondesk.support.EmbeddedPostgresDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Import throughput through the HTTP endpoint, as the ERP would drive it: 10,000 customers, then 100,000
 * invoices, then the same invoices again (all unchanged), on H2 (file, the embedded default) and on
 * PostgreSQL 16 (embedded). Prints rows per second; checks only that every row was taken.
 * Run: ./mvnw -Pbenchmark verify -Dtest=ImportBenchmark
 */
class ImportBenchmark {

    private static final int CUSTOMERS = 10_000;
    private static final int INVOICES = 100_000;
    private static final String PASSWORD = "benchmark-only";

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void importThroughput() throws Exception {
        byte[] customers = customersCsv();
        byte[] invoices = invoicesCsv();
        Path h2 = Files.createTempDirectory("import-benchmark-h2");
        run("H2", "jdbc:h2:file:" + h2.resolve("collection-desk").toAbsolutePath(), "sa", customers, invoices);
        run("PostgreSQL", EmbeddedPostgresDatabases.newDatabase("import_benchmark"), "postgres", customers, invoices);
    }

    private void run(String database, String url, String user, byte[] customers, byte[] invoices) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CollectionDeskApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=", "--collection.admin.password=" + PASSWORD,
                "--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.generate-unique-process-engine-name=true")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            report(database, "customers", CUSTOMERS, importFile(port, "customers", customers));
            report(database, "invoices", INVOICES, importFile(port, "invoices", invoices));
            report(database, "invoices again (unchanged)", INVOICES, importFile(port, "invoices", invoices));
        }
    }

    private record Timed(JsonNode answer, long nanos) {
    }

    private Timed importFile(int port, String kind, byte[] csv) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports/" + kind))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build();
        long started = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - started;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new Timed(json.readTree(response.body()), nanos);
    }

    private static void report(String database, String what, int rows, Timed timed) {
        JsonNode answer = timed.answer();
        assertThat(answer.get("rejected")).as(what).isEmpty();
        assertThat(answer.get("accepted").asInt() + answer.get("unchanged").asInt()).as(what).isEqualTo(rows);
        double seconds = timed.nanos() / 1e9;
        System.out.printf("IMPORT %-10s %-28s %,8d rows in %6.1f s = %,8.0f rows/s%n", database, what, rows, seconds,
                rows / seconds);
    }

    private static byte[] customersCsv() {
        StringBuilder csv = new StringBuilder("customer_id,name,phone,email,language,country,time_zone,address,sms_opt_out,email_opt_out\n");
        String[][] countries = {{"BG", "bg", "0888"}, {"RO", "ro", "0722"}, {"DE", "de", "01701"}, {"GB", "en", "07700"}};
        for (int i = 0; i < CUSTOMERS; i++) {
            String[] country = countries[i % countries.length];
            csv.append("BC").append(i).append(",Customer ").append(i).append(',')
                    .append(country[2]).append(String.format("%06d", 100_000 + i)).append(",c").append(i).append("@example.com,")
                    .append(country[1]).append(',').append(country[0]).append(",,\"Street ").append(i).append(", City\",,\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] invoicesCsv() {
        StringBuilder csv = new StringBuilder("invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency\n");
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < INVOICES; i++) {
            LocalDate issued = start.plusDays(i % 300);
            csv.append("BI").append(i).append(",BC").append(i % CUSTOMERS).append(",,").append(issued).append(',')
                    .append(issued.plusDays(30)).append(',').append(10 + i % 990).append('.').append(String.format("%02d", i % 100))
                    .append(",EUR\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
