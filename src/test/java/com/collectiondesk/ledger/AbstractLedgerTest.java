package com.collectiondesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * The ledger's import and API as a user meets them; run on H2 and on PostgreSQL by the two subclasses.
 * Own Spring context and database: these scenarios leave overdue invoices that portfolio scans elsewhere would count.
 */
@TestPropertySource(properties = "collection.test.context=ledger-scenarios")
abstract class AbstractLedgerTest extends LedgerHttp {

    static final String CUSTOMER_HEADER = "customer_id,name,phone,email,language,country,time_zone,address,sms_opt_out,email_opt_out\n";

    @Autowired ConfigurableApplicationContext context;

    @Test
    void aFileWithGoodAndBadRowsStoresTheGoodOnesAndListsExactlyTheBadOnes() {
        JsonNode answer = imported("customers", CUSTOMER_HEADER + """
                %1$sA,Ivana Petrova,0888 123 456,ivana@example.com,bg,BG,,"Vitosha 1, Sofia",false,false
                %1$sB,Bad Phone,12,,en,BG,,Somewhere 1,,
                %1$sC,Maria Ionescu,0722 123 456,maria@example.ro,ro,RO,Europe/Bucharest,Str. Lunga 3,yes,no
                %1$sD,Bad Many,,not-an-email,xx,ZZ,Mars/Base,Nowhere 2,maybe,
                %1$sE,Bad Zone,,,en,GB,Europe/Atlantis,London 4,,
                """.formatted(p));

        assertThat(rejections(answer)).containsExactly("3:phone", "5:email", "5:language", "5:country", "5:time_zone",
                "5:sms_opt_out", "6:time_zone");
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.get("unchanged").asInt()).isZero();
        assertThat(answer.at("/rejected/0/message").asText()).contains("'12' is not a valid phone number");
        assertThat(customerView(p + "A").get("name").asText()).isEqualTo("Ivana Petrova");
        assertThat(customerView(p + "C").get("smsOptOut").asBoolean()).isTrue();
        assertThat(customer(p + "B").getStatusCode().value()).isEqualTo(404);
        assertThat(customer(p + "D").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void importingTheSameFilesTwiceChangesNothingAndSaysSo() {
        String customers = CUSTOMER_HEADER + """
                %1$sA,Ivana Petrova,+359888123456,ivana@example.com,bg,BG,Europe/Sofia,Vitosha 1,false,false
                %1$sB,Jonas Weber,,,de,DE,,Hauptstr. 2,,true
                """.formatted(p);
        String contracts = "contract_id,customer_id,product_type\n%1$sK,%1$sA,MORTGAGE\n".formatted(p);
        String invoices = """
                invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency
                %1$sI1,%1$sA,%1$sK,2025-01-01,2025-01-31,100.00,EUR
                %1$sI2,%1$sB,,2025-02-01,2025-02-28,50.5,EUR
                """.formatted(p);
        String payments = "payment_id,customer_id,invoice_number,amount,currency,paid_on\n%1$sP,%1$sA,,30,EUR,2025-02-01\n".formatted(p);
        List<String> kinds = List.of("customers", "contracts", "invoices", "payments");
        List<String> files = List.of(customers, contracts, invoices, payments);
        for (int i = 0; i < kinds.size(); i++) {
            assertThat(imported(kinds.get(i), files.get(i)).get("rejected")).isEmpty();
        }
        JsonNode before = customerView(p + "A");

        for (int i = 0; i < kinds.size(); i++) {
            JsonNode again = imported(kinds.get(i), files.get(i));
            assertThat(again.get("accepted").asInt()).as(kinds.get(i)).isZero();
            assertThat(again.get("unchanged").asInt()).as(kinds.get(i)).isEqualTo(i == 1 || i == 3 ? 1 : 2);
            assertThat(again.get("rejected")).isEmpty();
        }
        JsonNode after = customerView(p + "A");
        assertThat(after).isEqualTo(before);
        assertThat(after.at("/invoices/0/openAmount").decimalValue()).isEqualByComparingTo("70.00");
    }

    @Test
    void aChangedRowIsAnUpdateNotADuplicate() {
        imported("customers", CUSTOMER_HEADER + "%sA,Ivana Petrova,,,bg,BG,,Vitosha 1,,\n".formatted(p));

        JsonNode answer = imported("customers", CUSTOMER_HEADER + "%sA,Ivana Georgieva,,,bg,BG,,Vitosha 1,,\n".formatted(p));

        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(customerView(p + "A").get("name").asText()).isEqualTo("Ivana Georgieva");
    }

    @Test
    void aMissingRequiredColumnRefusesTheWholeFileNamingTheColumn() {
        ResponseEntity<JsonNode> response = importCsv("customers", """
                customer_id,name,phone,email,language,time_zone,address
                %1$sA,Ivana Petrova,,,bg,Europe/Sofia,Vitosha 1
                """.formatted(p));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().get("column").asText()).isEqualTo("country");
        assertThat(response.getBody().get("detail").asText()).contains("'country'");
        assertThat(customer(p + "A").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aBodyThatIsNotCsvIsRefusedAndNothingIsStored() {
        ResponseEntity<JsonNode> binary = importBytes("customers", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xFF});
        ResponseEntity<JsonNode> json = importCsv("invoices", "{\"invoice_number\": \"%sI\"}".formatted(p));
        ResponseEntity<JsonNode> brokenQuotes = importCsv("customers", CUSTOMER_HEADER
                + "%1$sA,Ivana,,,bg,BG,,Vitosha 1,,\n%1$sB,\"Unclosed,,,bg,BG,,x,,\n".formatted(p));

        assertThat(binary.getStatusCode().value()).isEqualTo(400);
        assertThat(binary.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(binary.getBody().get("detail").asText()).contains("not");
        assertThat(json.getStatusCode().value()).isEqualTo(400);
        assertThat(json.getBody().get("column").asText()).isEqualTo("invoice_number");
        assertThat(brokenQuotes.getStatusCode().value()).isEqualTo(400);
        assertThat(customer(p + "A").getStatusCode().value()).as("valid rows before the broken quote").isEqualTo(404);
    }

    @Test
    void aByteOrderMarkColumnsInAnyOrderQuotedCommasAndLineBreaksAreRead() {
        String csv = "\uFEFFaddress,customer_id,country,language,name\r\n"
                + "\"Str. Lunga 3, ap. 4\r\nBrasov\",%1$sA,RO,ro,\"Ionescu, Maria \"\"Mia\"\"\"\r\n".formatted(p)
                + "Vitosha 1,%1$sB,BG,bg,\r\n".formatted(p);

        JsonNode answer = imported("customers", csv);

        assertThat(rejections(answer)).as("a two-line cell stays in its spreadsheet row").containsExactly("3:name");
        assertThat(answer.get("warnings")).isEmpty();
        JsonNode maria = customerView(p + "A");
        assertThat(maria.get("name").asText()).isEqualTo("Ionescu, Maria \"Mia\"");
        assertThat(maria.get("address").asText()).isEqualTo("Str. Lunga 3, ap. 4\r\nBrasov");
        assertThat(maria.get("timeZone").asText()).isEqualTo("Europe/Bucharest");
    }

    @Test
    void formulaCellsAreStoredAsGivenAndExportedAsText() {
        imported("customers", CUSTOMER_HEADER
                + "%sA,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",,,en,GB,,\"@SUM(1+1)\",,\n".formatted(p));
        imported("invoices", """
                invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency
                -%1$sI,%1$sA,,2025-01-01,2025-01-31,10.00,GBP
                """.formatted(p));

        JsonNode view = customerView(p + "A");
        assertThat(view.get("name").asText()).isEqualTo("=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(view.get("address").asText()).isEqualTo("@SUM(1+1)");
        assertThat(view.at("/invoices/0/invoiceNumber").asText()).isEqualTo("-" + p + "I");

        ResponseEntity<String> export = as(COLLECTOR).getForEntity("/api/customers/" + p + "A/invoices.csv", String.class);
        assertThat(export.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(export.getBody().lines().toList()).containsExactly(
                "customer_id,customer_name,invoice_number,contract_id,issue_date,due_date,amount,open_amount,currency,status,days_past_due",
                p + "A,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'-" + p + "I,,2025-01-01,2025-01-31,10.00,10.00,GBP,OPEN,"
                        + java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.of(2025, 1, 31), today()));
    }

    @Test
    void unknownColumnsComeBackAsWarnings() {
        JsonNode answer = imported("contracts", """
                contract_id,customer_id,product_type,branch,Sales Rep
                %1$sK,%1$sX,MORTGAGE,Sofia,Ana
                """.formatted(p));

        assertThat(answer.get("warnings")).extracting(JsonNode::asText)
                .containsExactly("unknown column 'branch' is ignored", "unknown column 'Sales Rep' is ignored");
        assertThat(rejections(answer)).containsExactly("2:customer_id");
    }

    @Test
    void voiceOptOutAndCeasedCommunicationComeFromOptionalColumns() {
        imported("customers", """
                customer_id,name,phone,email,language,country,time_zone,address,sms_opt_out,email_opt_out,voice_opt_out,ceased_communication
                %1$sV,Jonas Weber,030 1234567,,de,DE,,Berlin,,,true,
                %1$sC,Maria Ionescu,,,ro,RO,,Brasov,,,,yes
                """.formatted(p));

        assertThat(customerView(p + "V").get("voiceOptOut").asBoolean()).isTrue();
        assertThat(customerView(p + "V").get("ceasedCommunication").asBoolean()).isFalse();
        assertThat(customerView(p + "C").get("ceasedCommunication").asBoolean()).isTrue();
        assertThat(customerView(p + "C").get("voiceOptOut").asBoolean()).isFalse();
    }

    /** Issue 13 item 5: a re-import from a file without the optional columns reset both safeguards to false. */
    @Test
    void anImportNeverClearsASafeguardByOmissionAndListsEachFlagItChanges() {
        String fullHeader = "customer_id,name,phone,email,language,country,time_zone,address,sms_opt_out,email_opt_out,"
                + "voice_opt_out,ceased_communication\n";
        imported("customers", fullHeader + "%sA,Jonas Weber,030 1234567,,de,DE,,Berlin,true,true,true,true\n".formatted(p));

        JsonNode withoutColumns = imported("customers", "customer_id,name,phone,email,language,country,time_zone,address\n"
                + "%sA,Jonas Weber-Lang,030 1234567,,de,DE,,Berlin\n".formatted(p));
        JsonNode emptyCells = imported("customers", fullHeader + "%sA,Jonas Weber-Lang,030 1234567,,de,DE,,Berlin,,,,\n".formatted(p));

        assertThat(withoutColumns.get("accepted").asInt()).as("the name changed").isEqualTo(1);
        assertThat(withoutColumns.get("changes")).isEmpty();
        assertThat(emptyCells.get("unchanged").asInt()).as("empty cells say nothing").isEqualTo(1);
        assertThat(emptyCells.get("changes")).isEmpty();
        JsonNode kept = customerView(p + "A");
        assertThat(List.of(kept.get("smsOptOut"), kept.get("emailOptOut"), kept.get("voiceOptOut"), kept.get("ceasedCommunication")))
                .extracting(JsonNode::asBoolean).containsOnly(true);

        JsonNode cleared = imported("customers", CUSTOMER_HEADER.strip() + ",ceased_communication,voice_opt_out\n"
                + "%1$sA,Jonas Weber-Lang,030 1234567,,de,DE,,Berlin,,true,false,no\n".formatted(p));

        assertThat(cleared.get("accepted").asInt()).isEqualTo(1);
        assertThat(cleared.get("changes")).extracting(JsonNode::toString).containsExactly(
                "{\"row\":2,\"customerId\":\"%sA\",\"field\":\"voice_opt_out\",\"from\":true,\"to\":false}".formatted(p),
                "{\"row\":2,\"customerId\":\"%sA\",\"field\":\"ceased_communication\",\"from\":true,\"to\":false}".formatted(p));
        JsonNode after = customerView(p + "A");
        assertThat(after.get("ceasedCommunication").asBoolean()).isFalse();
        assertThat(after.get("voiceOptOut").asBoolean()).isFalse();
        assertThat(after.get("smsOptOut").asBoolean()).as("not in the file's sms cell").isTrue();
        assertThat(after.get("emailOptOut").asBoolean()).isTrue();
    }

    @Test
    void theCustomerApiKeepsFlagsItIsNotSentAndListsTheOnesItClears() {
        Map<String, Object> jonas = new HashMap<>(Map.of("name", "Jonas Weber", "language", "de", "country", "DE",
                "address", "Berlin", "ceasedCommunication", true, "smsOptOut", true));
        putCustomer(p + "A", jonas);
        jonas.remove("ceasedCommunication");
        jonas.remove("smsOptOut");
        jonas.put("name", "Jonas Weber-Lang");

        ResponseEntity<JsonNode> omitted = putCustomer(p + "A", jonas);
        jonas.put("smsOptOut", null);
        ResponseEntity<JsonNode> explicitNull = putCustomer(p + "A", jonas);
        jonas.put("ceasedCommunication", false);
        ResponseEntity<JsonNode> explicitFalse = putCustomer(p + "A", jonas);

        assertThat(omitted.getStatusCode().value()).isEqualTo(200);
        assertThat(omitted.getBody().get("name").asText()).isEqualTo("Jonas Weber-Lang");
        assertThat(omitted.getBody().get("ceasedCommunication").asBoolean()).isTrue();
        assertThat(omitted.getBody().get("smsOptOut").asBoolean()).isTrue();
        assertThat(omitted.getBody().get("changes")).isEmpty();
        assertThat(explicitNull.getBody().get("smsOptOut").asBoolean()).isTrue();
        assertThat(explicitFalse.getBody().get("ceasedCommunication").asBoolean()).isFalse();
        assertThat(explicitFalse.getBody().get("changes")).extracting(JsonNode::toString)
                .containsExactly("{\"field\":\"ceasedCommunication\",\"from\":true,\"to\":false}");
        assertThat(customerView(p + "A").get("ceasedCommunication").asBoolean()).isFalse();
    }

    @Test
    void phonesAreStoredAsE164AndTheTimeZoneComesFromPhoneOrCountry() {
        imported("customers", CUSTOMER_HEADER + """
                %1$sDE,Jonas Weber,030 1234567,,de,DE,,Berlin,,
                %1$sRO,Maria Ionescu,,,ro,RO,,Brasov,,
                %1$sUS,Ann Smith,(212) 555-0123,,en-US,US,,New York,,
                %1$sKEEP,Ivana Petrova,+359 888 123 456,,bg,BG,Europe/London,London,,
                """.formatted(p));

        JsonNode german = customerView(p + "DE");
        assertThat(german.get("phone").asText()).isEqualTo("+49301234567");
        assertThat(german.get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(customerView(p + "RO").get("timeZone").asText()).isEqualTo("Europe/Bucharest");
        JsonNode american = customerView(p + "US");
        assertThat(american.get("phone").asText()).isEqualTo("+12125550123");
        assertThat(american.get("timeZone").asText()).isEqualTo("America/New_York");
        JsonNode given = customerView(p + "KEEP");
        assertThat(given.get("phone").asText()).isEqualTo("+359888123456");
        assertThat(given.get("timeZone").asText()).isEqualTo("Europe/London");
    }

    @Test
    void contractsAndInvoicesMustReferToWhatExists() {
        twoCustomersWithContracts();

        JsonNode contracts = imported("contracts", """
                contract_id,customer_id,product_type
                %1$sK3,%1$sC1,SPACESHIP
                %1$sK4,%1$sNOBODY,MORTGAGE
                """.formatted(p));
        JsonNode invoices = imported("invoices", """
                invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency
                %1$sI1,%1$sC1,%1$sK1,2025-01-01,2025-01-31,100.00,EUR
                %1$sI2,%1$sC1,%1$sK2,2025-01-01,2025-01-31,100.00,EUR
                %1$sI3,%1$sC1,%1$sK9,2025-01-01,2025-01-31,100.00,EUR
                %1$sI4,%1$sC1,,01.02.2025,2025-01-31,-5,EURO
                %1$sI5,%1$sC1,,2025-02-01,2025-01-31,1.005,EUR
                """.formatted(p));

        assertThat(rejections(contracts)).containsExactly("2:product_type", "3:customer_id");
        assertThat(rejections(invoices)).containsExactly("3:contract_id", "4:contract_id", "5:issue_date", "5:amount",
                "5:currency", "6:due_date", "6:amount");
        assertThat(invoices.get("accepted").asInt()).isEqualTo(1);
        assertThat(customerView(p + "C1").at("/contracts/0/productType").asText()).isEqualTo("CONSUMER_LOAN");
    }

    @Test
    void paymentsPayTheReferencedInvoiceElseTheOldestAndLeftoverCreditPaysTheNextInvoices() {
        twoCustomersWithContracts();
        imported("invoices", """
                invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency
                %1$sI-MAR,%1$sC1,%1$sK1,2025-03-01,2025-03-31,100.00,EUR
                %1$sI-JAN,%1$sC1,%1$sK1,2025-01-01,2025-01-31,100.00,EUR
                %1$sI-FEB,%1$sC1,%1$sK1,2025-02-01,2025-02-28,100.00,EUR
                """.formatted(p));
        List<Object> booked = recordPaymentEvents();

        JsonNode payments = imported("payments", """
                payment_id,customer_id,invoice_number,amount,currency,paid_on
                %1$sP1,%1$sC1,%1$sI-MAR,40.00,EUR,2025-04-01
                %1$sP2,%1$sC1,,150.00,EUR,2025-04-02
                %1$sP3,%1$sC1,,100,BGN,2025-04-03
                %1$sP4,%1$sC1,%1$sI-FEB,10,USD,2025-04-03
                %1$sP5,%1$sC1,%1$sI-NONE,10,EUR,2025-04-03
                """.formatted(p));

        assertThat(rejections(payments)).containsExactly("4:currency", "5:currency", "6:invoice_number");
        assertThat(booked).extracting(event -> ((PaymentBooked) event).paymentId()).containsExactly(p + "P1", p + "P2");
        Map<String, String> open = openAmounts(customerView(p + "C1"));
        assertThat(open).containsEntry(p + "I-MAR", "60.00 PARTIALLY_PAID").containsEntry(p + "I-JAN", "0.00 PAID")
                .containsEntry(p + "I-FEB", "50.00 PARTIALLY_PAID");

        JsonNode over = imported("payments", "payment_id,customer_id,invoice_number,amount,currency,paid_on\n"
                + "%1$sP6,%1$sC1,,200.00,EUR,2025-04-10\n".formatted(p));
        assertThat(over.get("accepted").asInt()).isEqualTo(1);
        JsonNode view = customerView(p + "C1");
        assertThat(openAmounts(view)).containsEntry(p + "I-FEB", "0.00 PAID").containsEntry(p + "I-MAR", "0.00 PAID");
        assertThat(view.at("/balances/0/credit").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(view.at("/payments/0/paymentId").asText()).isEqualTo(p + "P6");
        assertThat(view.at("/payments/0/unallocatedAmount").decimalValue()).isEqualByComparingTo("90.00");

        imported("invoices", """
                invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency
                %1$sI-MAY,%1$sC1,%1$sK1,2025-05-01,2025-05-31,70.00,EUR
                %1$sI-JUN,%1$sC1,%1$sK1,2025-06-01,2025-06-30,70.00,EUR
                """.formatted(p));
        JsonNode afterCredit = customerView(p + "C1");
        assertThat(openAmounts(afterCredit)).containsEntry(p + "I-MAY", "0.00 PAID").containsEntry(p + "I-JUN", "50.00 PARTIALLY_PAID");
        assertThat(afterCredit.at("/balances/0/credit").decimalValue()).isZero();
        assertThat(afterCredit.at("/balances/0/openAmount").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(afterCredit.at("/payments/0/allocations").findValuesAsText("invoiceNumber"))
                .containsExactly(p + "I-FEB", p + "I-MAR", p + "I-MAY", p + "I-JUN");
    }

    @Test
    void aMultipartUploadWorksLikeACsvBody() {
        ResponseEntity<JsonNode> response = importMultipart("customers", CUSTOMER_HEADER
                + "%sA,Ivana Petrova,,,bg,BG,,Vitosha 1,,\n".formatted(p));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody().get("accepted").asInt()).isEqualTo(1);
        assertThat(customerView(p + "A").get("timeZone").asText()).isEqualTo("Europe/Sofia");
    }

    @Test
    void theSingleRecordApiValidatesLikeTheImportAndNamesTheField() {
        Map<String, Object> ivana = new HashMap<>(Map.of("name", "Ivana Petrova", "phone", "0888 123 456",
                "language", "bg", "country", "BG", "address", "Vitosha 1", "smsOptOut", true));

        Map<String, Object> badPhone = new HashMap<>(ivana);
        badPhone.put("phone", "12345");
        ResponseEntity<JsonNode> rejected = putCustomer(p + "A", badPhone);
        ResponseEntity<JsonNode> created = putCustomer(p + "A", ivana);
        ResponseEntity<JsonNode> again = putCustomer(p + "A", ivana);

        assertThat(rejected.getStatusCode().value()).isEqualTo(400);
        assertThat(rejected.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(rejected.getBody().get("field").asText()).isEqualTo("phone");
        assertThat(rejected.getBody().at("/errors/0/message").asText()).contains("not a valid phone number");
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().get("phone").asText()).isEqualTo("+359888123456");
        assertThat(created.getBody().get("smsOptOut").asBoolean()).isTrue();
        assertThat(again.getStatusCode().value()).isEqualTo(200);

        imported("invoices", """
                invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency
                %1$sI1,%1$sA,,2025-01-01,2025-01-31,100.00,EUR
                """.formatted(p));
        ResponseEntity<JsonNode> badAmount = postPayment(Map.of("paymentId", p + "P", "customerId", p + "A",
                "amount", 12.345, "currency", "EUR", "paidOn", "2025-02-01"));
        ResponseEntity<JsonNode> badDate = postPayment(Map.of("paymentId", p + "P", "customerId", p + "A",
                "amount", "12.50", "currency", "EUR", "paidOn", "yesterday"));
        ResponseEntity<JsonNode> booked = postPayment(Map.of("paymentId", p + "P", "customerId", p + "A",
                "invoiceNumber", p + "I1", "amount", "12.50", "currency", "EUR", "paidOn", "2025-02-01"));
        ResponseEntity<JsonNode> repeated = postPayment(Map.of("paymentId", p + "P", "customerId", p + "A",
                "invoiceNumber", p + "I1", "amount", "12.50", "currency", "EUR", "paidOn", "2025-02-01"));

        assertThat(badAmount.getStatusCode().value()).isEqualTo(400);
        assertThat(badAmount.getBody().get("field").asText()).isEqualTo("amount");
        assertThat(badDate.getStatusCode().value()).isEqualTo(400);
        assertThat(badDate.getBody().get("field").asText()).isEqualTo("paidOn");
        assertThat(booked.getStatusCode().value()).isEqualTo(201);
        assertThat(booked.getBody().at("/allocations/0/amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(repeated.getStatusCode().value()).isEqualTo(200);
        assertThat(customerView(p + "A").get("payments")).hasSize(1);
    }

    @Test
    void theCustomerViewShowsOpenAndOverdueAmountsPerCurrencyAndDaysPastDue() {
        twoCustomersWithContracts();
        String overdue = today().minusDays(45).toString();
        String alsoOverdue = today().minusDays(10).toString();
        String notYetDue = today().plusDays(20).toString();
        imported("invoices", """
                invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency
                %1$sI1,%1$sC1,%1$sK1,2024-01-01,%2$s,100.00,EUR
                %1$sI2,%1$sC1,%1$sK1,2024-01-01,%3$s,40.00,EUR
                %1$sI3,%1$sC1,,2024-01-01,%4$s,75.00,EUR
                %1$sI4,%1$sC1,,2024-01-01,%3$s,500.00,BGN
                """.formatted(p, overdue, alsoOverdue, notYetDue));

        JsonNode view = customerView(p + "C1");

        assertThat(view.get("daysPastDue").asInt()).isEqualTo(45);
        assertThat(view.get("asOf").asText()).isEqualTo(today().toString());
        assertThat(view.get("balances")).hasSize(2);
        assertThat(view.at("/balances/0/currency").asText()).isEqualTo("BGN");
        assertThat(view.at("/balances/0/overdueAmount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(view.at("/balances/1/currency").asText()).isEqualTo("EUR");
        assertThat(view.at("/balances/1/openAmount").decimalValue()).isEqualByComparingTo("215.00");
        assertThat(view.at("/balances/1/overdueAmount").decimalValue()).isEqualByComparingTo("140.00");
        assertThat(view.get("invoices")).extracting(i -> i.get("invoiceNumber").asText() + "=" + i.get("daysPastDue").asInt())
                .containsExactly(p + "I1=45", p + "I2=10", p + "I4=10", p + "I3=0");
        assertThat(view.at("/contracts/0/contractId").asText()).isEqualTo(p + "K1");
    }

    @Test
    void importsNeedCredentialsAndAnImportingRole() {
        String csv = CUSTOMER_HEADER + "%sA,Ivana Petrova,,,bg,BG,,Vitosha 1,,\n".formatted(p);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        HttpEntity<byte[]> body = new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers);

        ResponseEntity<String> anonymous = http.exchange("/api/imports/customers", HttpMethod.POST, body, String.class);
        ResponseEntity<String> collector = as(COLLECTOR).exchange("/api/imports/customers", HttpMethod.POST, body, String.class);
        ResponseEntity<String> collectorPut = as(COLLECTOR).exchange("/api/customers/" + p + "A", HttpMethod.PUT,
                new HttpEntity<>(Map.of("name", "x")), String.class);
        ResponseEntity<String> manager = as(MANAGER).exchange("/api/imports/customers", HttpMethod.POST, body, String.class);

        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(collector.getStatusCode().value()).isEqualTo(403);
        assertThat(collectorPut.getStatusCode().value()).isEqualTo(403);
        assertThat(manager.getStatusCode().value()).isEqualTo(200);
        assertThat(customer(p + "A").getStatusCode().value()).as("a collector may read").isEqualTo(200);
    }

    @Test
    void theDemoPortfolioLoadsCleanlyAndLoadingItAgainChangesNothing() {
        DemoPortfolio demo = new DemoPortfolio(csvImport);
        List<ImportResult> first = demo.load();
        List<ImportResult> second = demo.load();

        assertThat(first).allSatisfy(result -> assertThat(result.rejected()).isEmpty());
        assertThat(first).extracting(ImportResult::accepted).containsExactly(12, 13, 17, 4);
        assertThat(second).extracting(ImportResult::accepted).containsOnly(0);
        assertThat(second).extracting(ImportResult::unchanged).containsExactly(12, 13, 17, 4);
        JsonNode maria = customerView("DEMO-004");
        assertThat(maria.get("phone").asText()).isEqualTo("+40722123404");
        assertThat(openAmounts(maria)).containsEntry("DEMO-INV-4001", "1100.00 PARTIALLY_PAID");
        assertThat(customerView("DEMO-009").get("timeZone").asText()).isEqualTo("Europe/Vienna");
    }

    @Autowired CsvImport csvImport;

    ResponseEntity<JsonNode> postPayment(Map<String, Object> body) {
        return as(ERP).postForEntity("/api/payments", body, JsonNode.class);
    }

    static Map<String, String> openAmounts(JsonNode view) {
        Map<String, String> open = new HashMap<>();
        view.get("invoices").forEach(i -> open.put(i.get("invoiceNumber").asText(),
                i.get("openAmount").decimalValue().setScale(2) + " " + i.get("status").asText()));
        return open;
    }

    /** Collects PaymentBooked events for the rest of the test (the context is shared, so the listener is removed after). */
    List<Object> recordPaymentEvents() {
        List<Object> events = java.util.Collections.synchronizedList(new ArrayList<>());
        ApplicationListener<PayloadApplicationEvent<PaymentBooked>> listener = event -> {
            if (event.getPayload().paymentId().startsWith(p)) {
                events.add(event.getPayload());
            }
        };
        context.addApplicationListener(listener);
        cleanups.add(() -> context.removeApplicationListener(listener));
        return events;
    }

    final List<Runnable> cleanups = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void cleanUp() {
        cleanups.forEach(Runnable::run);
        cleanups.clear();
    }
}
