package com.collectiondesk.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.outreach.ChannelTestBase;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A letter prints the debtor's page link as text and as a QR code that decodes to the same link. */
class SelfServiceLetterTest extends ChannelTestBase {

    private static final Pattern LINK = Pattern.compile("https://collect\\.example\\.com/s/[A-Za-z0-9_-]{22}");

    @Autowired JdbcTemplate jdbc;

    @Test
    void theLetterCarriesTheLinkAsTextAndAsAQrCodeThatOpensThePage() throws Exception {
        Customer debtor = standardDebtor("Hans Müller", "de", "DE", "Europe/Berlin", "+4915123456789");
        ProcessInstance instance = openAndPlan(debtor);
        String ticketNumber = instance.getBusinessKey();
        String sendKey = ticketNumber + ":0:9:LETTER";
        outreach.send(message(debtor, "LETTER", "letter-formal", sendKey));

        byte[] pdf = jdbc.queryForObject("select pdf from letter where send_key = ?", byte[].class, sendKey);
        try (PDDocument letter = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(letter).replaceAll("\\s+", " ");
            Matcher printed = LINK.matcher(text);
            assertThat(printed.find()).as("the link printed in: %s", text).isTrue();
            assertThat(text).doesNotContain("pay.example.com");
            List<String> decoded = new ArrayList<>();
            for (PDPage page : letter.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        decoded.add(decode(image.getImage()));
                    }
                }
            }
            assertThat(decoded).containsExactly(printed.group());
        }
        assertThat(jdbc.queryForObject("select channel from self_service_link sl join ticket t on t.id = sl.ticket_fk"
                + " where t.ticket_number = ?", String.class, ticketNumber)).isEqualTo("LETTER");
    }

    private static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }
}
