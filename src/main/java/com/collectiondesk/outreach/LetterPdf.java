package com.collectiondesk.outreach;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a letter to PDF with openhtmltopdf. DejaVu Sans (shipped under fonts/, Bitstream Vera licence)
 * covers Latin with Romanian and German diacritics and Cyrillic.
 */
@Component
class LetterPdf {

    private static final byte[] REGULAR = font("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("fonts/DejaVuSans-Bold.ttf");

    private final EntitySenders senders;

    LetterPdf(EntitySenders senders) {
        this.senders = senders;
    }

    /** On the debtor's legal entity's letterhead: its name and the lines under it. */
    byte[] render(OutreachMessage message, RenderedMessage rendered, LocalDate date) {
        EntitySenders.Sender sender = senders.of(message.debtor().legalEntity());
        String xhtml = """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="UTF-8"/><title>%s</title><style>
                @page { size: A4; margin: 25mm 20mm; }
                body { font-family: 'DejaVu Sans'; font-size: 10.5pt; line-height: 1.4; }
                .sender { font-weight: bold; font-size: 13pt; }
                .letterhead { font-size: 8.5pt; color: #444; white-space: pre-line; border-bottom: 0.5pt solid #888;
                              padding-bottom: 2mm; }
                .head { margin-bottom: 12mm; }
                .address { margin-bottom: 10mm; white-space: pre-line; }
                .date { text-align: right; margin-bottom: 8mm; }
                h1 { font-size: 12pt; }
                table.invoices { border-collapse: collapse; margin: 4mm 0; width: 100%%; }
                table.invoices th, table.invoices td { border: 0.5pt solid #888; padding: 1.5mm 3mm; text-align: left; }
                table.invoices td + td + td + td, table.invoices tr.total td + td { text-align: right; white-space: nowrap; }
                table.invoices tr.charge td { font-size: 9.5pt; }
                table.invoices tr.subtotal td, table.invoices tr.total td { font-weight: bold; }
                .paylink { margin-top: 8mm; }
                .paylink img { width: 30mm; height: 30mm; }
                </style></head><body>
                <div class="head"><div class="sender">%s</div>
                <div class="letterhead">%s</div></div>
                <div class="address">%s
                %s</div>
                <div class="date">%s</div>
                <h1>%s</h1>
                %s
                %s
                </body></html>
                """.formatted(rendered.locale().getLanguage(), esc(rendered.subject()), esc(sender.name()), esc(sender.letterhead()),
                esc(message.debtor().name()), esc(message.debtor().postalAddress()),
                esc(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(rendered.locale()).format(date)),
                esc(rendered.subject()), rendered.htmlBody(), payLinkBlock(rendered.payLink()));
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(REGULAR), "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(BOLD), "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render letter " + message.sendKey(), e);
        }
    }

    /** The debtor's page link as a QR code a phone camera opens, with the link printed under it. */
    private static String payLinkBlock(String payLink) {
        if (payLink == null || payLink.isBlank()) {
            return "";
        }
        return "<div class=\"paylink\"><img alt=\"QR code\" src=\"" + QrCodes.pngDataUri(payLink) + "\"/><br/>"
                + esc(payLink) + "</div>";
    }

    /** Read once: every letter embeds the same two fonts. */
    private static byte[] font(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Missing font " + path, e);
        }
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
