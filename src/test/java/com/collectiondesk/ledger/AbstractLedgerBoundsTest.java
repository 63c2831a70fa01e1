package com.collectiondesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * The hostile corpus {@code ledger/hostile-amounts-dates-currencies.txt}: amounts, dates and currencies at and
 * past the bounds, each through every way in (invoice CSV, payment CSV, POST /api/payments) that takes the field.
 * Each case asserts the exact rejection (row, field, message) or the exact stored value, and that the valid rows
 * of the same file were stored while the hostile ones were not. Also the length caps, a huge header and amounts
 * sent as JSON numbers. Run on H2 and on PostgreSQL by the two subclasses, because date storage differs between
 * them (year 0 and BC dates shift on the way in). Same context as {@link AbstractLedgerTest}: no extra Spring start.
 */
@TestPropertySource(properties = "collection.test.context=ledger-scenarios")
abstract class AbstractLedgerBoundsTest extends LedgerHttp {

    static final String INVOICE_HEADER = "invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency\n";

    /** One line of the corpus; {@code value} and {@code expected} still hold the tokens. */
    record Case(String field, String value, String expected, int line) {

        boolean accepted() {
            return expected.startsWith("ok ");
        }

        @Override
        public String toString() {
            return "corpus line " + line + " (" + field + " = " + (value.length() > 30 ? value.substring(0, 30) + "…" : value) + ")";
        }
    }

    static final List<Case> CORPUS = corpus();

    private static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = AbstractLedgerBoundsTest.class.getResourceAsStream("/ledger/hostile-amounts-dates-currencies.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split(" \\| ", 3);
                    cases.add(new Case(parts[0].strip(), unquote(parts[1].strip()), parts[2].strip(), i + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    private static final Pattern DIGITS = Pattern.compile("\\{digits:(\\d+)}");

    /** The corpus's tokens made concrete: the business date and long digit strings. */
    private String expand(String text) {
        String expanded = text.replace("{today+1}", today().plusDays(1).toString()).replace("{today}", today().toString());
        Matcher digits = DIGITS.matcher(expanded);
        return digits.find() ? digits.replaceAll("9".repeat(Integer.parseInt(digits.group(1)))) : expanded;
    }

    private static List<Case> casesFor(String... fields) {
        List<String> taken = List.of(fields);
        return CORPUS.stream().filter(c -> taken.contains(c.field())).toList();
    }

    @Test
    void theCorpusHasAtLeastThirtyCasesOfEachKind() {
        assertThat(casesFor("amount")).hasSizeGreaterThanOrEqualTo(25);
        assertThat(casesFor("issue_date", "due_date", "paid_on")).hasSizeGreaterThanOrEqualTo(20);
        assertThat(casesFor("currency")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void theCorpusThroughTheInvoiceCsv() {
        customerNamed("C");
        Map<String, String> valid = Map.of("customer_id", p + "C", "contract_id", "", "issue_date", "2025-01-01",
                "due_date", today().plusDays(30).toString(), "amount", "100.00", "currency", "EUR");
        importTheCorpus(RecordKind.INVOICES, "invoice_number", "invoices", "invoiceNumber", valid,
                casesFor("amount", "currency", "issue_date", "due_date"));
    }

    @Test
    void theCorpusThroughThePaymentCsv() {
        customerNamed("C");
        Map<String, String> valid = Map.of("customer_id", p + "C", "invoice_number", "", "amount", "10.00",
                "currency", "EUR", "paid_on", "2025-02-01");
        importTheCorpus(RecordKind.PAYMENTS, "payment_id", "payments", "paymentId", valid,
                casesFor("amount", "currency", "paid_on"));
    }

    /**
     * One file: each hostile row followed by a valid one. The answer lists exactly the hostile rows' rejections;
     * the valid rows and the cases the corpus accepts are stored with the expected value; nothing else is.
     */
    private void importTheCorpus(RecordKind kind, String idColumn, String listName, String idField,
                                 Map<String, String> valid, List<Case> cases) {
        StringBuilder csv = new StringBuilder(String.join(",", kind.columns())).append('\n');
        List<String> expectedRejections = new ArrayList<>();
        Map<String, Case> byId = new HashMap<>();
        int row = 1;
        for (Case c : cases) {
            Map<String, String> hostile = new HashMap<>(valid);
            hostile.put(idColumn, p + "H" + c.line());
            hostile.put(c.field(), expand(c.value()));
            csv.append(row(kind, hostile));
            row++;
            byId.put(p + "H" + c.line(), c);
            if (!c.accepted()) {
                expectedRejections.add(row + ":" + c.field() + ":" + expand(c.expected()));
            }
            Map<String, String> good = new HashMap<>(valid);
            good.put(idColumn, p + "V" + c.line());
            csv.append(row(kind, good));
            row++;
        }

        JsonNode answer = imported(kind.name().toLowerCase(java.util.Locale.ROOT), csv.toString());

        assertThat(answer.get("rejected")).extracting(r -> r.get("row").asInt() + ":" + r.get("field").asText() + ":"
                + r.get("message").asText()).containsExactlyElementsOf(expectedRejections);
        long acceptedCases = cases.stream().filter(Case::accepted).count();
        assertThat(answer.get("accepted").asInt()).isEqualTo(cases.size() + acceptedCases);
        assertThat(answer.toString().length()).as("about one short line per rejection, whatever the cells hold")
                .isLessThan(200 * (expectedRejections.size() + 1));
        Map<String, JsonNode> stored = new HashMap<>();
        customerView(p + "C").get(listName).forEach(record -> stored.put(record.get(idField).asText(), record));
        SoftAssertions softly = new SoftAssertions();
        for (Case c : cases) {
            softly.assertThat(stored).as("valid row after " + c).containsKey(p + "V" + c.line());
            JsonNode record = stored.get(p + "H" + c.line());
            if (c.accepted()) {
                softly.assertThat(record).as(c.toString()).isNotNull();
                if (record != null) {
                    softly.assertThat(storedValue(record, c.field())).as(c.toString()).isEqualTo(expand(c.expected()).substring(3));
                }
            } else {
                softly.assertThat(record).as("nothing stored for " + c).isNull();
            }
        }
        softly.assertAll();
    }

    @Test
    void theCorpusThroughThePaymentApi() {
        customerNamed("C");
        SoftAssertions softly = new SoftAssertions();
        for (Case c : casesFor("amount", "currency", "paid_on")) {
            String jsonField = JsonNames.of(c.field());
            Map<String, Object> body = new HashMap<>(Map.of("paymentId", p + "H" + c.line(), "customerId", p + "C",
                    "amount", "10.00", "currency", "EUR", "paidOn", "2025-02-01"));
            body.put(jsonField, expand(c.value()));

            ResponseEntity<JsonNode> response = as(ERP).postForEntity("/api/payments", body, JsonNode.class);

            String expected = expand(c.expected());
            if (c.accepted()) {
                softly.assertThat(response.getStatusCode().value()).as(c + " " + response.getBody()).isEqualTo(201);
                if (response.getStatusCode().value() == 201) {
                    softly.assertThat(storedValue(response.getBody(), c.field())).as(c.toString()).isEqualTo(expected.substring(3));
                }
            } else {
                softly.assertThat(response.getStatusCode().value()).as(c.toString()).isEqualTo(400);
                softly.assertThat(String.valueOf(response.getHeaders().getContentType())).as(c.toString())
                        .startsWith("application/problem+json");
                softly.assertThat(response.getBody().path("field").asText()).as(c.toString()).isEqualTo(jsonField);
                softly.assertThat(response.getBody().path("detail").asText()).as(c.toString()).isEqualTo(jsonField + ": " + expected);
                softly.assertThat(response.getBody().path("errors").findValuesAsText("message")).as(c.toString())
                        .containsExactly(expected);
            }
        }
        softly.assertAll();
        assertThat(customerView(p + "C").get("payments")).extracting(payment -> payment.get("paymentId").asText())
                .as("only the accepted cases were booked")
                .containsExactlyInAnyOrderElementsOf(casesFor("amount", "currency", "paid_on").stream()
                        .filter(Case::accepted).map(c -> p + "H" + c.line()).toList());
    }

    /** What the API shows for the field: amounts with two decimals, dates and codes as text. */
    private static String storedValue(JsonNode record, String field) {
        JsonNode value = record.get(JsonNames.of(field));
        return field.equals("amount") ? value.decimalValue().setScale(2).toPlainString() : value.asText();
    }

    @Test
    void fieldsLongerThanTheirColumnAreRejectedByFieldAndRowWithoutEchoingThem() {
        String email254 = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com";
        String id64 = p + "X".repeat(64 - p.length());
        String csv = AbstractLedgerTest.CUSTOMER_HEADER
                + "%sOK,Ivana Petrova,,,bg,BG,,Vitosha 1,,\n".formatted(p)
                + "%sNAME,%s,,,bg,BG,,Vitosha 1,,\n".formatted(p, "N".repeat(201))
                + "%sADDR,Ivana,,,bg,BG,,%s,,\n".formatted(p, "A".repeat(501))
                + "%s,Ivana,,,bg,BG,,Vitosha 1,,\n".formatted(id64 + "Y")
                + "%sMAIL,Ivana,,%s,bg,BG,,Vitosha 1,,\n".formatted(p, "a" + email254)
                + "%sHUGE,%s,,,bg,BG,,Vitosha 1,,\n".formatted(p, "N".repeat(1_000_000))
                + "%sPHONE,Ivana,%s,,bg,BG,,Vitosha 1,,\n".formatted(p, "8".repeat(100_000))
                + "%sLANG,Ivana,,,%s,BG,,Vitosha 1,,\n".formatted(p, "b".repeat(100_000))
                + "%s,%s,,%s,bg,BG,,%s,,\n".formatted(id64, "N".repeat(200), email254, "A".repeat(500));

        JsonNode answer = imported("customers", csv);

        assertThat(answer.get("rejected")).extracting(r -> r.get("row").asInt() + ":" + r.get("field").asText() + ":"
                + r.get("message").asText()).containsExactly(
                "3:name:must be at most 200 characters (has 201)",
                "4:address:must be at most 500 characters (has 501)",
                "5:customer_id:must be at most 64 characters (has 65)",
                "6:email:must be at most 254 characters (has 255)",
                "7:name:must be at most 200 characters (has 1000000)",
                "8:phone:'" + "8".repeat(40) + "…' (100000 characters) is not a valid phone number for country BG",
                "9:language:'" + "b".repeat(40) + "…' (100000 characters) is not a known language tag (e.g. en, bg, ro, de-AT)");
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.toString().length()).as("a 1.3 MB body answers in under 2 KB").isLessThan(2_000);
        for (String refused : List.of("NAME", "ADDR", "MAIL", "HUGE", "PHONE", "LANG")) {
            assertThat(customer(p + refused).getStatusCode().value()).as(refused).isEqualTo(404);
        }
        JsonNode atTheCaps = customerView(id64);
        assertThat(atTheCaps.get("name").asText()).hasSize(200);
        assertThat(atTheCaps.get("address").asText()).hasSize(500);
        assertThat(atTheCaps.get("email").asText()).isEqualTo(email254);
    }

    @Test
    void idsAndNamesOverTheirCapAreRefusedByTheApiNamingTheField() {
        customerNamed("C");
        ResponseEntity<JsonNode> longName = putCustomer(p + "N", Map.of("name", "N".repeat(201), "language", "bg",
                "country", "BG", "address", "Vitosha 1"));
        ResponseEntity<JsonNode> longPaymentId = as(ERP).postForEntity("/api/payments", Map.of("paymentId", p + "P".repeat(65),
                "customerId", p + "C", "amount", "10.00", "currency", "EUR", "paidOn", "2025-02-01"), JsonNode.class);
        JsonNode invoices = imported("invoices", INVOICE_HEADER
                + "%s,%sC,,2025-01-01,2025-01-31,10.00,EUR\n".formatted(p + "I".repeat(65), p));

        assertThat(longName.getStatusCode().value()).isEqualTo(400);
        assertThat(longName.getBody().get("field").asText()).isEqualTo("name");
        assertThat(longName.getBody().at("/errors/0/message").asText()).isEqualTo("must be at most 200 characters (has 201)");
        assertThat(customer(p + "N").getStatusCode().value()).isEqualTo(404);
        assertThat(longPaymentId.getStatusCode().value()).isEqualTo(400);
        assertThat(longPaymentId.getBody().get("field").asText()).isEqualTo("paymentId");
        assertThat(longPaymentId.getBody().at("/errors/0/message").asText())
                .isEqualTo("must be at most 64 characters (has " + (p.length() + 65) + ")");
        assertThat(rejections(invoices)).containsExactly("2:invoice_number");
        assertThat(invoices.at("/rejected/0/message").asText()).isEqualTo("must be at most 64 characters (has " + (p.length() + 65) + ")");
        JsonNode view = customerView(p + "C");
        assertThat(view.get("payments")).isEmpty();
        assertThat(view.get("invoices")).isEmpty();
    }

    @Test
    void aHugeHeaderAnswersWithAFewCutWarningsAndACount() {
        customerNamed("C");
        StringBuilder csv = new StringBuilder(INVOICE_HEADER.strip());
        int unknown = 100_000;
        for (int i = 0; i < unknown; i++) {
            csv.append(',').append("unknown-column-").append(i).append('-').append("x".repeat(60));
        }
        csv.append('\n').append("%sI1,%sC,,2025-01-01,2025-01-31,10.00,EUR\n".formatted(p, p));
        assertThat(csv.length()).as("a header of about 8 MB").isGreaterThan(7_900_000);

        JsonNode answer = imported("invoices", csv.toString());

        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.get("warnings")).hasSize(CsvImport.LISTED_UNKNOWN_COLUMNS + 1);
        assertThat(answer.at("/warnings/0").asText())
                .isEqualTo("unknown column 'unknown-column-0-" + "x".repeat(23) + "…' (77 characters) is ignored");
        assertThat(answer.at("/warnings/" + CsvImport.LISTED_UNKNOWN_COLUMNS).asText())
                .isEqualTo((unknown - CsvImport.LISTED_UNKNOWN_COLUMNS) + " more unknown columns are ignored");
        assertThat(answer.toString().length()).as("the answer to an 8 MB header").isLessThan(3_000);
    }

    @Test
    void paymentAmountsSentAsJsonNumbersMeetTheSameRules() {
        customerNamed("C");
        String body = "{\"paymentId\":\"%1$sP\",\"customerId\":\"%1$sC\",\"currency\":\"EUR\",\"paidOn\":\"2025-02-01\",\"amount\":%2$s}";

        ResponseEntity<JsonNode> exponent = postJson("/api/payments", body.formatted(p, "1e3"));
        ResponseEntity<JsonNode> hugeExponent = postJson("/api/payments", body.formatted(p, "1e999999999"));
        ResponseEntity<JsonNode> tooLarge = postJson("/api/payments", body.formatted(p, "1000000000"));
        ResponseEntity<JsonNode> plain = postJson("/api/payments", body.formatted(p, "12.5"));

        assertThat(exponent.getStatusCode().value()).isEqualTo(400);
        assertThat(exponent.getBody().at("/errors/0/message").asText()).isEqualTo("'1e3' is not an amount like 1234.50");
        assertThat(hugeExponent.getStatusCode().value()).isEqualTo(400);
        assertThat(hugeExponent.getBody().at("/errors/0/message").asText()).isEqualTo("'1e999999999' is not an amount like 1234.50");
        assertThat(tooLarge.getStatusCode().value()).isEqualTo(400);
        assertThat(tooLarge.getBody().at("/errors/0/message").asText()).isEqualTo("must be at most 999999999.99");
        assertThat(plain.getStatusCode().value()).isEqualTo(201);
        assertThat(customerView(p + "C").get("payments")).extracting(pay -> pay.get("amount").decimalValue().setScale(2).toPlainString())
                .containsExactly("12.50");
    }

    ResponseEntity<JsonNode> postJson(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(ERP).exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), JsonNode.class);
    }

    /** One CSV row in the kind's column order, every cell quoted (doubled quotes inside). */
    static String row(RecordKind kind, Map<String, String> values) {
        return String.join(",", kind.columns().stream().filter(values::containsKey)
                .map(column -> "\"" + values.get(column).replace("\"", "\"\"") + "\"").toList()) + "\n";
    }

    void customerNamed(String suffix) {
        imported("customers", AbstractLedgerTest.CUSTOMER_HEADER + "%s%s,Ivana Petrova,,,bg,BG,,Vitosha 1,,\n".formatted(p, suffix));
    }
}
