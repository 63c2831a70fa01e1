package com.collectiondesk.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.Invoice;
import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.support.ledger.Invoices;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The letter, the email and the SMS show the money the ledger holds: per invoice the open principal, each interest
 * segment with its rate, basis and days, the fees and what payments settled of them, and the total; in the debtor's
 * language and locale. Hand-worked fixture, business day 2026-03-02, a German consumer (BGB §288 (1): reference
 * rate 1.27 from 2025-07-01 + 5 points = 6.27 % a year, ACT/365):
 * <pre>
 * INV A 2000.00 due 2026-01-21; 500.00 paid on 2026-02-15 settles first the interest of 22 Jan – 14 Feb:
 *   2000.00 * 6.27% * 24 / 365 = 8.2455 -> 8.25, then 491.75 principal: 1508.25 open
 *   1508.25 * 6.27% * 15 / 365 = 3.8863 -> 3.89 (15 Feb – 1 Mar); a reminder fee of 5.00
 *   invoice total 1508.25 + 8.25 + 3.89 + 5.00 - 8.25 paid = 1517.14
 * INV B 300.00 due 2026-02-25: 300.00 * 6.27% * 4 / 365 = 0.2061 -> 0.21 (26 Feb – 1 Mar); total 300.21
 * total due 1517.14 + 300.21 = 1817.35 (principal 1808.25)
 * </pre>
 */
class DunningAmountsTest extends EntityChannelTestBase {

    @Autowired LedgerCommands commands;
    private Invoices invoices;

    @Autowired
    void invoiceBuilder(ApplicationContext context) {
        invoices = Invoices.of(context);
    }

    @Test
    void theLetterListsPrincipalInterestWithRateAndDaysFeesAndTheTotalToTheCent() throws Exception {
        Customer debtor = germanDebtorWithInterestAndAFee("T1");
        OutreachMessage letter = built(debtor, Channel.LETTER, "letter-formal", "L");

        outreach.send(letter);

        byte[] pdf = EmailAndLetterTest.attachment(SMTP.getReceivedMessages()[0]);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/dunning-letter.pdf"), pdf);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Zahlungserinnerung",
                "T1A 21.01.2026 Hauptforderung 1.508,25 €",
                "Verzugszinsen 6,27 % p. a. auf 2.000,00 €, 22.01.2026 – 14.02.2026 8,25 €",
                "Verzugszinsen 6,27 % p. a. auf 1.508,25 €, 15.02.2026 – 01.03.2026 3,89 €",
                "Mahngebühr 5,00 €",
                "Bereits gezahlt auf Zinsen und Gebühren -8,25 €",
                "Summe der Rechnung 1.517,14 €",
                "T1B 25.02.2026 Hauptforderung 300,00 €",
                "Verzugszinsen 6,27 % p. a. auf 300,00 €, 26.02.2026 – 01.03.2026 0,21 €",
                "Summe der Rechnung 300,21 €",
                "Gesamtbetrag 1.817,35 €");
        assertThat(text).as("the letter's opening names the total, not the principal alone")
                .contains("ein Betrag von 1.817,35 €").doesNotContain("1.808,25");
    }

    @Test
    void theEmailListsTheSameInBothPartsInTheDebtorsLanguage() throws Exception {
        Customer debtor = germanDebtorWithInterestAndAFee("T2");
        outreach.send(built(debtor, Channel.EMAIL, "email-friendly", "E"));

        MimeMessage email = SMTP.getReceivedMessages()[0];
        assertThat(email.getSubject()).contains("1.817,35 €");
        String text = EmailAndLetterTest.part(email, "text/plain");
        assertThat(text).contains("- T2A, 21.01.2026: 1.508,25 €",
                "  Verzugszinsen 6,27 % p. a. auf 2.000,00 €, 22.01.2026 – 14.02.2026: 8,25 €",
                "  Verzugszinsen 6,27 % p. a. auf 1.508,25 €, 15.02.2026 – 01.03.2026: 3,89 €",
                "  Mahngebühr: 5,00 €", "  Bereits gezahlt auf Zinsen und Gebühren: -8,25 €",
                "  Summe der Rechnung: 1.517,14 €", "  Verzugszinsen 6,27 % p. a. auf 300,00 €, 26.02.2026 – 01.03.2026: 0,21 €",
                "Gesamtbetrag: 1.817,35 €");
        String html = EmailAndLetterTest.part(email, "text/html");
        assertThat(html).contains("<td>T2A</td><td>21.01.2026</td><td>Hauptforderung</td><td>1.508,25 €</td>",
                "<td>Mahngebühr</td><td>5,00 €</td>",
                "<tr class=\"total\"><td colspan=\"3\">Gesamtbetrag</td><td>1.817,35 €</td>");
    }

    @Test
    void anEnglishDebtorReadsTheSameFiguresInHerLocale() throws Exception {
        Customer debtor = germanDebtorWithInterestAndAFee("T3");
        debtor = ledger.change(debtor, d -> d.language("en").country("IE"));
        outreach.send(built(debtor, Channel.EMAIL, "email-friendly", "E"));

        String text = EmailAndLetterTest.part(SMTP.getReceivedMessages()[0], "text/plain");
        assertThat(text).contains("- T3A, 21 Jan 2026: €1,508.25",
                "  Interest 6.27% p.a. on €2,000.00, 22 Jan 2026 – 14 Feb 2026: €8.25", "  Fee: €5.00",
                "  Already paid on interest and fees: -€8.25", "  Invoice total: €1,517.14", "Total due: €1,817.35");
    }

    @Test
    void theSmsTheProcessSendsGivesTheTotalWithInterestAndFees() {
        Customer debtor = germanDebtorWithInterestAndAFee("T4");
        ProcessInstance instance = openAndPlan(debtor);

        runNextStep(instance); // STANDARD: the SMS of day 0

        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> sent =
                TWILIO.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        assertThat(sent).hasSize(1);
        assertThat(TwilioSmsTest.form(sent.get(0)).get("Body")).contains("1.817,35 €").doesNotContain("1.808,25");
    }

    /**
     * RO settles principal first (its allocation order) at a fixed 10 %: of INV A 1000.00 due 2026-01-31 (29 days of
     * interest through 2026-03-01: 1000 * 10% * 29 / 365 = 7.9452 -> 7.95) and INV B 200.00 due 2026-01-21 (39 days:
     * 200 * 10% * 39 / 365 = 2.1370 -> 2.14), 200.00 paid after the ticket opened settles B's principal: B is left with
     * its interest only, and the letter lists it with its interest; total 1000.00 + 7.95 + 2.14 = 1010.09.
     */
    @Test
    void theLetterListsAnInvoiceWhosePrincipalIsPaidWithItsOpenInterest() throws Exception {
        Customer debtor = ledger.change(ledger.customer(500), d -> d.name("Maria Ionescu").language("ro").country("RO")
                .timeZone("Europe/Bucharest").phone("+40721234579").email("maria.i@example.com").legalEntity("RO")
                .address("Str. Unirii 1\n030031 București"));
        Contract loan = ledger.contract(debtor, "CONSUMER_LOAN");
        invoice(debtor, loan, "T5A", "1000.00", LocalDate.of(2026, 1, 31));
        invoice(debtor, loan, "T5B", "200.00", LocalDate.of(2026, 1, 21));
        commands.accrueInterest();
        ProcessInstance instance = openAndPlan(debtor);
        ledger.pay(debtor, "200.00", TODAY);
        OutreachMessage letter = transaction.execute(status -> {
            com.collectiondesk.ticket.Ticket ticket = ticketOf(instance);
            return messages.of(ticket, steps.findByTicketIdOrderByPlanRoundAscStepIndexAsc(ticket.getId()).get(0),
                    ticket.getTicketNumber() + ":CHARGES-ONLY");
        });
        letter = new OutreachMessage(letter.sendKey(), Channel.LETTER, "letter-formal", letter.debtor(), letter.debt());

        outreach.send(letter);

        byte[] pdf = EmailAndLetterTest.attachment(SMTP.getReceivedMessages()[0]);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/dunning-letter-charges-only.pdf"), pdf);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("T5B 21 ian. 2026 Principal achitat 0,00 EUR",
                "Dobândă penalizatoare 10,00 % pe an la 200,00 EUR, 22 ian. 2026 – 1 mar. 2026 2,14 EUR",
                "Total factură 2,14 EUR",
                "T5A 31 ian. 2026 Principal 1.000,00 EUR",
                "Total de plată 1.010,09 EUR");
    }

    /** The fixture of the class comment; invoices {@code <prefix>A} and {@code <prefix>B}. */
    private Customer germanDebtorWithInterestAndAFee(String prefix) {
        Customer debtor = ledger.change(ledger.customer(500), d -> d.name("Jürgen Weiß").language("de").country("DE")
                .timeZone("Europe/Berlin").phone("+4915123456789").email("juergen@example.com")
                .address("Hauptstraße 1\n10115 Berlin"));
        Contract loan = ledger.contract(debtor, "CONSUMER_LOAN");
        Invoice a = invoice(debtor, loan, prefix + "A", "2000.00", LocalDate.of(2026, 1, 21));
        Invoice b = invoice(debtor, loan, prefix + "B", "300.00", LocalDate.of(2026, 2, 25));
        commands.accrueInterest(); // as the daily scan did before the payment was booked
        ledger.pay(debtor, "500.00", LocalDate.of(2026, 2, 15));
        commands.chargeFee("fee:" + prefix, List.of(a.getId(), b.getId()), new BigDecimal("5.00"), "EUR", "reminder");
        return debtor;
    }

    private Invoice invoice(Customer debtor, Contract contract, String number, String amount, LocalDate due) {
        return invoices.invoice(debtor).contract(contract).number(number).amount(amount).due(due).book();
    }
}
