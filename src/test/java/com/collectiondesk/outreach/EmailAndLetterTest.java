package com.collectiondesk.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Emails through GreenMail and letters as PDFs: what the debtor and the print shop actually get. */
class EmailAndLetterTest extends ChannelTestBase {

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identity;

    @Test
    void anEmailHasBothPartsTheUnsubscribeLineAndHeader() throws Exception {
        Customer debtor = standardDebtor("Maria Ionescu", "ro", "RO", "Europe/Bucharest", "+40721234567");
        outreach.send(message(debtor, "EMAIL", "email-friendly", "T-MAIL-1:0:0:EMAIL"));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage email = received[0];
        assertThat(email.getAllRecipients()).extracting(Object::toString).containsExactly("ivana@example.com");
        assertThat(email.getSubject()).isEqualTo("Un memento prietenos privind suma de 300,00 EUR (T-MAIL-1)");
        String text = part(email, "text/plain");
        String html = part(email, "text/html");
        assertThat(text).contains("Stimate/Stimată Maria Ionescu", "INV-1001", "200,00 EUR", "https://pay.example.com/t/T-MAIL-1",
                "Pentru a nu mai primi aceste e-mailuri", PUBLIC_BASE_URL + "/unsubscribe/");
        assertThat(html).contains("<p>Stimate/Stimată Maria Ionescu,</p>", "<td>INV-1002</td>", "<td>100,00 EUR</td>",
                "href=\"" + PUBLIC_BASE_URL + "/unsubscribe/");
        assertThat(email.getHeader("List-Unsubscribe")[0]).matches("<" + PUBLIC_BASE_URL + "/unsubscribe/[A-Za-z0-9_.-]+>");
        assertThat(email.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void markupInANameIsEscapedInTheEmailAndLiteralInTheText() throws Exception {
        Customer debtor = standardDebtor("<b>${T(java.lang.Runtime)}</b> [[${7*7}]]", "en", "GB", "Europe/London", "+447911123456");
        outreach.send(message(debtor, "EMAIL", "email-friendly", "T-MAIL-2:0:0:EMAIL"));

        MimeMessage email = SMTP.getReceivedMessages()[0];
        assertThat(part(email, "text/plain")).contains("Dear <b>${T(java.lang.Runtime)}</b> [[${7*7}]],");
        assertThat(part(email, "text/html")).contains("&lt;b&gt;${T(java.lang.Runtime)}&lt;/b&gt; [[${7*7}]]").doesNotContain("<b>");
    }

    @Test
    void aLetterIsEmailedAsAPdfAndLandsInTheDaysPrintBatch() throws Exception {
        Customer bulgarian = standardDebtor("Иван Петров", "bg", "BG", "Europe/Sofia", "+359888123456");
        Customer german = standardDebtor("Jürgen Weiß ${7*7}", "de", "DE", "Europe/Berlin", "+4915123456789");
        german = ledger.change(german, debtor -> debtor.email(null));
        outreach.send(message(bulgarian, "LETTER", "letter-final-notice", "T-LTR-1:0:0:LETTER"));
        outreach.send(message(german, "LETTER", "letter-formal", "T-LTR-2:0:0:LETTER"));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).as("only the debtor with an email address gets it by email").hasSize(1);
        byte[] attachment = attachment(received[0]);
        try (PDDocument letter = Loader.loadPDF(attachment)) {
            assertThat(new PDFTextStripper().getText(letter)).contains("Иван Петров", "300,00 €", "ПОСЛЕДНО ПРЕДУПРЕЖДЕНИЕ",
                    "INV-1001", "200,00 €");
        }

        TestUsers.ensure(identity, "maggie", Groups.MANAGERS);
        TestUsers.ensure(identity, "colin", Groups.COLLECTORS);
        String day = TODAY.toString();
        ResponseEntity<byte[]> batch = http.withBasicAuth("maggie", TestUsers.PASSWORD)
                .getForEntity("/api/letters/batches/" + day, byte[].class);
        assertThat(batch.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(batch.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (PDDocument merged = Loader.loadPDF(batch.getBody())) {
            String text = new PDFTextStripper().getText(merged);
            assertThat(text).contains("Иван Петров", "Jürgen Weiß ${7*7}", "Zahlungserinnerung", "300,00 €");
            assertThat(merged.getNumberOfPages()).isGreaterThanOrEqualTo(2);
        }
        assertThat(http.withBasicAuth("colin", TestUsers.PASSWORD).getForEntity("/api/letters/batches/" + day, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("maggie", TestUsers.PASSWORD).getForEntity("/api/letters/batches/" + TODAY.minusYears(1), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    static String part(Part part, String type) throws Exception {
        List<String> found = new ArrayList<>();
        collect(part, type, found);
        assertThat(found).as(type + " part").hasSize(1);
        return found.get(0);
    }

    private static void collect(Part part, String type, List<String> found) throws Exception {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            found.add((String) part.getContent());
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), type, found);
            }
        }
    }

    static byte[] attachment(Part part) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                if (body.isMimeType("application/pdf")) {
                    return body.getInputStream().readAllBytes();
                }
                byte[] nested = attachmentOrNull(body);
                if (nested != null) {
                    return nested;
                }
            }
        }
        throw new AssertionError("no PDF attachment");
    }

    private static byte[] attachmentOrNull(Part part) throws Exception {
        try {
            return attachment(part);
        } catch (AssertionError none) {
            return null;
        } catch (IOException unreadable) {
            throw unreadable;
        }
    }
}
