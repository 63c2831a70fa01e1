package com.collectiondesk.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.CustomerRepository;
import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.ledger.LedgerViews;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.ledger.Debtors;
import com.collectiondesk.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Two legal entities on one service (EntityChannelTestBase): each debtor's letters carry their entity's letterhead,
 * its SMS and email come from its entity's senders, its interest and allocation follow its entity's rules, and a
 * user limited to one entity sees nothing of the other's tickets and reports.
 */
class LegalEntitiesTest extends EntityChannelTestBase {

    @Autowired LedgerCommands commands;
    @Autowired LedgerQueries queries;
    @Autowired CustomerRepository customerRows;
    @Autowired TestRestTemplate http;
    @Autowired IdentityService identity;
    @Autowired ObjectMapper json;
    private Debtors debtors;

    @Autowired
    void debtorBuilder(ApplicationContext context) {
        debtors = Debtors.of(context);
    }

    @Test
    void eachEntitysLetterCarriesItsLetterheadAndItsMessagesItsSenders() throws Exception {
        Customer german = withOverdueInvoice(debtorOf("DEFAULT", "de", "DE", "Europe/Berlin", "+4915123456789", "juergen@example.com"));
        Customer romanian = withOverdueInvoice(debtorOf("RO", "ro", "RO", "Europe/Bucharest", "+40721234567", "maria@example.com"));

        outreach.send(built(german, Channel.LETTER, "letter-formal", "L"));
        outreach.send(built(romanian, Channel.LETTER, "letter-formal", "L"));

        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).hasSize(2);
        assertThat(from(mails[0])).isEqualTo("Collection Desk GmbH <collections@example.com>");
        assertThat(from(mails[1])).isEqualTo("Credit Rapid SRL <" + RO_EMAIL_FROM + ">");
        assertThat(letterText(mails[0])).contains("Collection Desk GmbH", "Friedrichstraße 10, 10117 Berlin · HRB 123456 B")
                .doesNotContain("Credit Rapid", "Lipscani");
        assertThat(letterText(mails[1])).contains("Credit Rapid SRL", "Str. Lipscani 10, 030031 București · CUI RO12345678",
                "Cu stimă, Credit Rapid SRL").doesNotContain("Collection Desk", "Friedrichstraße");

        SMTP.purgeEmailFromAllMailboxes();
        outreach.send(built(romanian, Channel.EMAIL, "email-friendly", "E"));
        assertThat(from(SMTP.getReceivedMessages()[0])).isEqualTo("Credit Rapid SRL <" + RO_EMAIL_FROM + ">");
    }

    @Test
    void eachEntitysSmsGoesOutFromItsOwnNumber() {
        Customer german = withOverdueInvoice(debtorOf("DEFAULT", "de", "DE", "Europe/Berlin", "+4915123456780", "j2@example.com"));
        Customer romanian = withOverdueInvoice(debtorOf("RO", "ro", "RO", "Europe/Bucharest", "+40721234560", "m2@example.com"));
        runNextStep(openAndPlan(german)); // STANDARD: the SMS of day 0
        runNextStep(openAndPlan(romanian));

        Map<String, String> fromByTo = new java.util.HashMap<>();
        TWILIO.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_PATH))).stream().map(TwilioSmsTest::form)
                .forEach(form -> fromByTo.put(form.get("To"), form.get("From")));
        assertThat(fromByTo).containsEntry("+4915123456780", FROM).containsEntry("+40721234560", RO_SMS_FROM);
    }

    /**
     * The same invoice, 1000.00 due 2026-01-31, 29 days of interest through 2026-03-01, and 100.00 paid on 2026-03-02:
     * the default entity charges the consumer rule (1.27 + 5 = 6.27 %: 1000 * 6.27% * 29 / 365 = 4.9816 -> 4.98) and
     * settles interest first (BGB §367: 4.98 interest, 95.02 principal); RO charges its fixed 10 %
     * (1000 * 10% * 29 / 365 = 7.9452 -> 7.95) and settles principal first (100.00 principal, 7.95 interest open).
     */
    @Test
    void eachEntitysInterestRateAndAllocationOrderApply() {
        Customer german = debtorOf("DEFAULT", "de", "DE", "Europe/Berlin", "+4915123456781", "j3@example.com");
        Customer romanian = debtorOf("RO", "ro", "RO", "Europe/Bucharest", "+40721234561", "m3@example.com");
        for (Customer debtor : List.of(german, romanian)) {
            ledger.invoice(debtor, ledger.contract(debtor, "CONSUMER_LOAN"), "1000.00", LocalDate.of(2026, 1, 31));
        }
        commands.accrueInterest();
        ledger.pay(german, "100.00", TODAY);
        ledger.pay(romanian, "100.00", TODAY);

        LedgerViews.CustomerView de = queries.account(german.getCustomerId());
        LedgerViews.CustomerView ro = queries.account(romanian.getCustomerId());
        assertThat(de.legalEntity()).isEqualTo("DEFAULT");
        assertThat(ro.legalEntity()).isEqualTo("RO");
        assertThat(de.charges()).extracting(c -> c.rule() + " " + c.rate().stripTrailingZeros().toPlainString() + " "
                + c.periodFrom() + ".." + c.periodTo() + " " + c.amount())
                .containsExactly("BGB 288 (1) consumer 6.27 2026-02-01..2026-03-01 4.98");
        assertThat(ro.charges()).extracting(c -> c.rule() + " " + c.rate().stripTrailingZeros().toPlainString() + " "
                + c.periodFrom() + ".." + c.periodTo() + " " + c.amount())
                .containsExactly("RO fixed 10 10 2026-02-01..2026-03-01 7.95");
        assertThat(de.payments().get(0).allocations()).extracting(a -> a.part() + " " + a.amount())
                .containsExactly("INTEREST 4.98", "PRINCIPAL 95.02");
        assertThat(ro.payments().get(0).allocations()).extracting(a -> a.part() + " " + a.amount())
                .containsExactly("PRINCIPAL 100.00");
        assertThat(de.balances().get(0).totalDue()).isEqualByComparingTo("904.98");
        assertThat(ro.balances().get(0).totalDue()).as("900.00 principal + 7.95 interest").isEqualByComparingTo("907.95");
    }

    @Test
    void aUserLimitedToOneEntitySeesNeitherTheOthersTicketsNorItsReports() throws Exception {
        Customer german = withOverdueInvoice(debtorOf("DEFAULT", "de", "DE", "Europe/Berlin", "+4915123456782", "j4@example.com"));
        Customer romanian = withOverdueInvoice(debtorOf("RO", "ro", "RO", "Europe/Bucharest", "+40721234562", "m4@example.com"));
        Ticket germanTicket = ticketOf(openAndPlan(german));
        Ticket romanianTicket = ticketOf(openAndPlan(romanian));
        assertThat(germanTicket.getLegalEntity()).isEqualTo("DEFAULT");
        assertThat(romanianTicket.getLegalEntity()).isEqualTo("RO");
        entityGroup("entity-ro");
        TestUsers.ensure(identity, "ana", Groups.COLLECTORS, Groups.MANAGERS, "entity-ro");
        TestUsers.ensure(identity, "max", Groups.COLLECTORS, Groups.MANAGERS);

        assertThat(ticketNumbers("ana", "")).contains(romanianTicket.getTicketNumber())
                .doesNotContain(germanTicket.getTicketNumber());
        assertThat(ticketNumbers("ana", "&legalEntity=DEFAULT")).isEmpty();
        assertThat(ticketNumbers("max", "")).contains(romanianTicket.getTicketNumber(), germanTicket.getTicketNumber());
        assertThat(ticketNumbers("max", "&legalEntity=ro")).contains(romanianTicket.getTicketNumber())
                .doesNotContain(germanTicket.getTicketNumber());

        ResponseEntity<String> other = get("ana", "/api/tickets/" + germanTicket.getTicketNumber());
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getBody()).contains("No ticket " + germanTicket.getTicketNumber()).doesNotContain("DEFAULT");
        assertThat(get("ana", "/api/tickets/" + romanianTicket.getTicketNumber()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("max", "/api/tickets/" + germanTicket.getTicketNumber()).getStatusCode()).isEqualTo(HttpStatus.OK);
        HttpHeaders jsonBody = new HttpHeaders();
        jsonBody.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> call = http.withBasicAuth("ana", TestUsers.PASSWORD).postForEntity(
                "/api/tickets/" + germanTicket.getTicketNumber() + "/calls", new HttpEntity<>("{}", jsonBody), String.class);
        assertThat(call.getStatusCode()).as(call.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(germanTicket.getId())).as("no call recorded")
                .noneMatch(contact -> contact.getChannel().name().equals("CALL"));
        for (String path : List.of("", "/overview", "/invoices.csv")) {
            assertThat(get("ana", "/api/customers/" + german.getCustomerId() + path).getStatusCode()).as(path)
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(get("ana", "/api/customers/" + romanian.getCustomerId() + path).getStatusCode()).as(path)
                    .isEqualTo(HttpStatus.OK);
            assertThat(get("max", "/api/customers/" + german.getCustomerId() + path).getStatusCode()).as(path)
                    .isEqualTo(HttpStatus.OK);
        }

        JsonNode anasReport = json.readTree(get("ana", "/api/reports/tickets?groupBy=legalEntity").getBody());
        assertThat(anasReport.get("rows")).extracting(row -> row.get("legalEntity").asText()).containsOnly("RO");
        JsonNode maxsReport = json.readTree(get("max", "/api/reports/tickets?groupBy=legalEntity").getBody());
        assertThat(maxsReport.get("rows")).extracting(row -> row.get("legalEntity").asText()).contains("RO", "DEFAULT");
        ResponseEntity<String> refused = get("ana", "/api/reports/aging?legalEntity=DEFAULT");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("legalEntity", "RO only");
        JsonNode aging = json.readTree(get("ana", "/api/reports/aging?groupBy=legalEntity").getBody());
        assertThat(aging.get("rows")).extracting(row -> row.get("legalEntity").asText()).containsOnly("RO");
    }

    @Test
    void aUserLimitedToOneEntityQueriesOnlyItsTasks() throws Exception {
        Customer german = withOverdueInvoice(debtorOf("DEFAULT", "de", "DE", "Europe/Berlin", "+4915123456783", "j5@example.com"));
        Customer romanian = withOverdueInvoice(debtorOf("RO", "ro", "RO", "Europe/Bucharest", "+40721234565", "m5@example.com"));
        String germanTask = callTask(german);
        String romanianTask = callTask(romanian);
        entityGroup("entity-ro");
        TestUsers.ensure(identity, "ana", Groups.COLLECTORS, Groups.MANAGERS, "entity-ro");
        TestUsers.ensure(identity, "max", Groups.COLLECTORS, Groups.MANAGERS);
        String both = "processInstanceBusinessKeyIn=" + businessKeyOf(germanTask) + "," + businessKeyOf(romanianTask);

        assertThat(taskIds("ana", tasks() + "?firstResult=0&maxResults=50&" + both)).containsExactly(romanianTask);
        assertThat(json.readTree(get("ana", tasks() + "/count?" + both).getBody()).get("count").asInt()).isEqualTo(1);
        assertThat(get("ana", tasks() + "/" + germanTask).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("ana", tasks() + "/" + romanianTask).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(taskIds("max", tasks() + "?firstResult=0&maxResults=50&" + both)).containsExactlyInAnyOrder(germanTask, romanianTask);
    }

    private String tasks() {
        return "/engine-rest/engine/" + engine.getName() + "/task";
    }

    /** Runs the STANDARD plan's SMS (day 0) and up to its call (day 5): the open call task's id. */
    private String callTask(Customer debtor) {
        ProcessInstance instance = openAndPlan(debtor);
        runNextStep(instance);
        runNextStep(instance);
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    }

    private String businessKeyOf(String taskId) {
        String instanceId = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
                .getBusinessKey();
    }

    private List<String> taskIds(String user, String path) throws Exception {
        ResponseEntity<String> answer = get(user, path);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        List<String> ids = new java.util.ArrayList<>();
        json.readTree(answer.getBody()).forEach(task -> ids.add(task.get("id").asText()));
        return ids;
    }

    @Test
    void theImportRefusesAnUnknownEntityAndAnInvoiceOfAnotherEntityNamingTheFieldAndRow() throws Exception {
        TestUsers.ensure(identity, "erp", Groups.ERP_INTEGRATION);
        String id = "LE-" + System.nanoTime();
        JsonNode customers = importCsv("customers", """
                customer_id,name,phone,email,language,country,time_zone,address,legal_entity
                %1$s-1,Maria Pop,+40721234563,mp@example.com,ro,RO,Europe/Bucharest,Str. Unirii 1,ro
                %1$s-2,Ion Pop,+40721234564,ip@example.com,ro,RO,Europe/Bucharest,Str. Unirii 2,ACME
                """.formatted(id));
        assertThat(customers.get("accepted").asInt()).isEqualTo(1);
        assertThat(customers.get("rejected")).hasSize(1);
        assertThat(customers.at("/rejected/0/row").asInt()).as("the file's line").isEqualTo(3);
        assertThat(customers.at("/rejected/0/field").asText()).isEqualTo("legal_entity");
        assertThat(customers.at("/rejected/0/message").asText()).isEqualTo("no legal entity 'ACME'; known: DEFAULT, RO");
        assertThat(customerRows.findByCustomerId(id + "-1")).get().extracting(Customer::getLegalEntity).isEqualTo("RO");
        assertThat(customerRows.findByCustomerId(id + "-2")).as("nothing stored of the refused row").isEmpty();

        JsonNode invoices = importCsv("invoices", """
                invoice_number,customer_id,issue_date,due_date,amount,currency,legal_entity
                %1$s-I1,%1$s-1,2026-01-01,2026-01-31,100.00,EUR,RO
                %1$s-I2,%1$s-1,2026-01-01,2026-01-31,100.00,EUR,DEFAULT
                """.formatted(id));
        assertThat(invoices.get("accepted").asInt()).isEqualTo(1);
        assertThat(invoices.at("/rejected/0/row").asInt()).isEqualTo(3);
        assertThat(invoices.at("/rejected/0/field").asText()).isEqualTo("legal_entity");
        assertThat(invoices.at("/rejected/0/message").asText()).isEqualTo("customer '" + id
                + "-1' belongs to legal entity RO, not DEFAULT; its contracts and invoices are its entity's");
        assertThat(queries.account(id + "-1").invoices()).extracting(LedgerViews.InvoiceView::invoiceNumber)
                .containsExactly(id + "-I1");

        JsonNode moved = importCsv("customers", """
                customer_id,name,phone,email,language,country,time_zone,address,legal_entity
                %1$s-1,Maria Pop,+40721234563,mp@example.com,ro,RO,Europe/Bucharest,Str. Unirii 1,DEFAULT
                """.formatted(id));
        assertThat(moved.at("/rejected/0/field").asText()).isEqualTo("legal_entity");
        assertThat(moved.at("/rejected/0/message").asText()).contains("has invoices of legal entity RO");
        assertThat(customerRows.findByCustomerId(id + "-1")).get().extracting(Customer::getLegalEntity).isEqualTo("RO");
    }

    private Customer debtorOf(String entity, String language, String country, String zone, String phone, String email) {
        Customer debtor = debtors.debtor().riskScore(500).name("RO".equals(entity) ? "Maria Ionescu" : "Jürgen Weiß")
                .language(language).country(country).timeZone(zone).phone(phone).email(email).legalEntity(entity).book();
        return debtor;
    }

    private Customer withOverdueInvoice(Customer debtor) {
        ledger.invoice(debtor, ledger.contract(debtor, "CONSUMER_LOAN"), "300.00", TODAY.minusDays(20));
        return debtor;
    }

    private void entityGroup(String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            org.camunda.bpm.engine.identity.Group group = identity.newGroup(groupId);
            group.setName("Legal entity " + groupId.substring("entity-".length()).toUpperCase(java.util.Locale.ROOT));
            identity.saveGroup(group);
        }
    }

    private List<String> ticketNumbers(String user, String query) throws Exception {
        JsonNode page = json.readTree(get(user, "/api/tickets?size=200" + query).getBody());
        List<String> numbers = new java.util.ArrayList<>();
        page.get("content").forEach(ticket -> numbers.add(ticket.get("ticketNumber").asText()));
        return numbers;
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, TestUsers.PASSWORD).getForEntity(path, String.class);
    }

    private JsonNode importCsv(String kind, String csv) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<String> answer = http.withBasicAuth("erp", TestUsers.PASSWORD)
                .postForEntity("/api/imports/" + kind, new HttpEntity<>(csv, headers), String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
        return json.readTree(answer.getBody());
    }

    private static String from(MimeMessage mail) throws Exception {
        return ((InternetAddress) mail.getFrom()[0]).toUnicodeString();
    }

    /** The letter's text; the PDF stays under target/ to be looked at. */
    private static String letterText(MimeMessage mail) throws Exception {
        byte[] pdf = EmailAndLetterTest.attachment(mail);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/entity-letter-" + mail.getAllRecipients()[0].toString()
                .replaceAll("[^a-z0-9]", "_") + ".pdf"), pdf);
        try (PDDocument letter = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(letter).replaceAll("\\s+", " ");
        }
    }
}
