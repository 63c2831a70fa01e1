package com.collectiondesk.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.dispute.Dispute;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketEvent;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketStatus;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** Disputing one invoice from the page, with and without an attachment, and what is refused. */
class DebtorDisputesTest extends SelfServiceTestBase {

    /** The start of a real PDF: what the content check reads. */
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void disputingTheOlderInvoiceTakesItOutOfTheTotalAndTheDisputeTeamUpholdingItCancelsThatInvoice() {
        String page = verifiedPage();
        String older = invoiceNumbers().get(0);

        HttpResponse<String> sent = browser.submitMultipart(page, page + "/dispute", Map.of("disputeInvoice", older,
                "disputeReason", "ALREADY_PAID", "disputeDetails", "Paid by bank transfer on 1 March"),
                new DebtorBrowser.Upload("disputeFile", "receipt.pdf", "application/pdf", PDF));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("your dispute of invoice " + older + " is recorded", "€100.00", "disputed</span>")
                .doesNotContain("name=\"disputeFile\"");
        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.DISPUTED);
        Dispute dispute = disputes.findByTicketIdOrderByIdAsc(ticket.getId()).get(0);
        assertThat(dispute.getAmount()).isEqualByComparingTo("200.00");
        assertThat(dispute.getAuthor()).isEqualTo("debtor");
        assertThat(dispute.getReason()).isEqualTo("On the self-service page, invoice " + older
                + ": I have already paid it: Paid by bank transfer on 1 March (attachment receipt.pdf)");
        assertThat(events.findByTicketIdOrderByAtAscIdAsc(ticket.getId())).filteredOn(e -> e.getType().equals("DISPUTE"))
                .singleElement().extracting(TicketEvent::getAuthor).isEqualTo("debtor");
        assertThat(jdbc.queryForMap("select reason, attachment_type, attachment_size from self_service_dispute where ticket_fk = ?",
                ticket.getId())).containsEntry("REASON", "ALREADY_PAID").containsEntry("ATTACHMENT_TYPE", "application/pdf")
                .containsEntry("ATTACHMENT_SIZE", PDF.length);

        runAsyncJobs(instance);
        Task resolve = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TicketProcess.RESOLVE_DISPUTE).singleResult();
        assertThat(resolve).as("the dispute team's task").isNotNull();
        complete(resolve, Map.of(TicketProcess.RESOLUTION, "UPHELD"));

        // the named invoice is cancelled, not the newest one as a dispute without an invoice would be
        assertThat(jdbc.queryForList("select open_amount from invoice where customer_fk = ? order by due_date", java.math.BigDecimal.class,
                debtor.getId())).extracting(java.math.BigDecimal::toPlainString).containsExactly("0.00", "100.00");
        assertThat(ticketOf(instance).getOverdueAmount()).isEqualByComparingTo("100.00");
    }

    @Test
    void staffReadTheAttachmentOnlySignedInAndThroughItsOwnTicketAsADownload() {
        String page = verifiedPage();
        browser.submitMultipart(page, page + "/dispute", Map.of("disputeInvoice", invoiceNumbers().get(1), "disputeReason", "WRONG_AMOUNT"),
                new DebtorBrowser.Upload("disputeFile", "../../etc/my receipt.PDF", "application/pdf", PDF));
        Ticket ticket = ticketOf(instance);
        long id = jdbc.queryForObject("select id from self_service_dispute where ticket_fk = ?", Long.class, ticket.getId());
        String path = DisputeAttachmentApi.path(ticket.getTicketNumber(), id);
        TestUsers.ensure(engine.getIdentityService(), "ss-disputes", Groups.DISPUTES);
        TestUsers.ensure(engine.getIdentityService(), "ss-analyst", Groups.ANALYSTS);

        HttpResponse<byte[]> read = browser.getBytes(path, basic("ss-disputes"));
        HttpResponse<byte[]> anonymous = browser.getBytes(path, Map.of());
        HttpResponse<byte[]> analyst = browser.getBytes(path, basic("ss-analyst"));
        String otherTicket = ticketOf(openAndPlan(ledger.change(standardDebtor(), d -> d.name("Other Debtor")))).getTicketNumber();
        HttpResponse<byte[]> throughAnotherTicket = browser.getBytes(DisputeAttachmentApi.path(otherTicket, id), basic("ss-disputes"));

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(PDF);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(read.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"my_receipt.PDF\"");
        assertThat(read.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(analyst.statusCode()).isEqualTo(403);
        assertThat(throughAnotherTicket.statusCode()).isEqualTo(404);
        assertThat(new String(throughAnotherTicket.body(), StandardCharsets.UTF_8)).contains("has no self-service dispute attachment");
        // the ticket's detail names it for staff; the debtor's page never links it
        assertThat(browser.get(page).body()).doesNotContain("/attachment", "my_receipt");
    }

    @Test
    void aFileThatClaimsToBeAPdfButIsNotIsRefusedAtItsFieldAndNothingIsStored() {
        String page = verifiedPage();
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> refused = browser.submitMultipart(page, page + "/dispute",
                Map.of("disputeInvoice", invoiceNumbers().get(0), "disputeReason", "NOT_MINE"),
                new DebtorBrowser.Upload("disputeFile", "invoice.pdf", "application/pdf", script));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<p class=\"error\" id=\"disputeFile-error\">This file is not a PDF, JPEG or PNG.",
                "aria-describedby=\"disputeFile-hint disputeFile-error\" aria-invalid=\"true\"", "<option value=\"NOT_MINE\" selected>");
        assertNothingDisputed();
    }

    @Test
    void aFileOverTheCapIsRefusedWithItsSizeBeforeItsBodyIsParsed() {
        String page = verifiedPage();
        byte[] big = Arrays.copyOf(PDF, 5 * 1024 * 1024 + 200 * 1024);

        HttpResponse<String> refused = browser.submitMultipart(page, page + "/dispute",
                Map.of("disputeInvoice", invoiceNumbers().get(0), "disputeReason", "OTHER"),
                new DebtorBrowser.Upload("disputeFile", "scan.pdf", "application/pdf", big));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("id=\"disputeFile-error\">This file is larger than 5 MB. Please choose a smaller file.");
        assertNothingDisputed();
    }

    @Test
    void aMissingReasonAnUnknownInvoiceAndTooMuchAreNamedAtTheirFieldsAndAFormWithoutItsTokenDoesNothing() {
        String page = verifiedPage();

        HttpResponse<String> noReason = browser.submitMultipart(page, page + "/dispute",
                Map.of("disputeInvoice", invoiceNumbers().get(1), "disputeAmount", "100.01"), null);
        HttpResponse<String> foreignInvoice = browser.submitMultipart(page, page + "/dispute",
                Map.of("disputeInvoice", "INV-NOT-YOURS", "disputeReason", "OTHER"), null);
        HttpResponse<String> forged = browser.postMultipart(page + "/dispute",
                Map.of("disputeInvoice", invoiceNumbers().get(1), "disputeReason", "OTHER", "csrf", "forged"), null);

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"disputeReason-error\">Choose a reason.",
                "id=\"disputeAmount-error\">Enter at most €100.00.", "value=\"100.01\"");
        assertThat(foreignInvoice.statusCode()).isEqualTo(400);
        assertThat(foreignInvoice.body()).contains("id=\"disputeInvoice-error\">Choose one of your invoices.");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("This form has expired");
        assertNothingDisputed();
    }

    @Test
    void anyOtherFormOfThePageOverItsSmallLimitIsRefusedUnreadEvenAsMultipart() {
        String page = verifiedPage();
        String csrf = DebtorBrowser.csrfOf(browser.get(page).body());

        HttpResponse<String> message = browser.postMultipart(page + "/message?lang=de",
                Map.of("csrf", csrf, "message", "x".repeat(100 * 1024)), null);

        assertThat(message.statusCode()).isEqualTo(413);
        assertThat(message.body()).contains("<html lang=\"de\"", "Dieses Formular ist zu groß.");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                .taskDefinitionKey(TicketProcess.ANSWER_REPLY).count()).isZero();
    }

    @Test
    void whileAPromiseIsPendingThePageOffersNoDisputeItsProcessCouldNotTake() {
        String page = verifiedPage();
        assertThat(browser.get(page).body()).contains("name=\"disputeFile\"");

        browser.submit(page, page + "/promise", Map.of("promiseAmount", "300", "promiseDate", TODAY.plusDays(5).toString()));

        assertThat(browser.get(page).body()).doesNotContain("name=\"disputeFile\"").contains("name=\"message\"");
    }

    private void assertNothingDisputed() {
        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(disputes.findByTicketIdOrderByIdAsc(ticket.getId())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from self_service_dispute where ticket_fk = ?", Integer.class, ticket.getId())).isZero();
    }

    private List<String> invoiceNumbers() {
        return jdbc.queryForList("select invoice_number from invoice where customer_fk = ? order by due_date", String.class, debtor.getId());
    }

    private static Map<String, String> basic(String user) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8)));
    }
}
