package com.collectiondesk.outreach;

import com.collectiondesk.ledger.ChargeKind;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * The {@code {{invoices}}} block of a message: per overdue invoice (and per invoice whose principal is paid but whose
 * interest or fees are open) its open principal, each interest segment (rate,
 * the principal it ran on, its days) and fee, what payments already settled of those, the invoice's total when it has
 * charges, and the total due; amounts, rates and dates as the debtor's locale writes them. Plain text and an HTML
 * table with every value escaped.
 */
final class InvoiceStatement {

    /** One line of the statement: the invoice's number and due date on its first line only. */
    private record Row(String invoice, String dueDate, String item, String amount, String css) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Labels words;

    private InvoiceStatement(OutreachMessage.Debt debt, Locale locale, Labels words) {
        this.words = words;
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        String currency = debt.currency();
        for (OutreachMessage.OverdueInvoice invoice : debt.invoices()) {
            // an invoice whose principal is paid is listed for its open interest and fees
            boolean principalPaid = invoice.openAmount().signum() == 0;
            rows.add(new Row(invoice.number(), date.format(invoice.dueDate()), words.get(principalPaid ? "principalPaid" : "principal"),
                    MessageTemplates.money(invoice.openAmount(), currency, locale), principalPaid ? "paid" : null));
            for (OutreachMessage.Charge charge : invoice.charges()) {
                rows.add(new Row("", "", describe(charge, currency, locale, date),
                        MessageTemplates.money(charge.amount(), currency, locale), "charge"));
            }
            if (invoice.chargesPaid().signum() > 0) {
                rows.add(new Row("", "", words.get("chargesPaid"),
                        MessageTemplates.money(invoice.chargesPaid().negate(), currency, locale), "charge"));
            }
            if (!invoice.charges().isEmpty()) {
                rows.add(new Row("", "", words.get("invoiceTotal"), MessageTemplates.money(invoice.total(), currency, locale),
                        "subtotal"));
            }
        }
        rows.add(new Row(words.get("total"), "", "", MessageTemplates.money(debt.total(), currency, locale), "total"));
    }

    static InvoiceStatement of(OutreachMessage.Debt debt, Locale locale, Labels words) {
        return new InvoiceStatement(debt, locale, words);
    }

    String text() {
        List<String> lines = new ArrayList<>();
        for (Row row : rows) {
            if ("total".equals(row.css())) {
                lines.add(row.invoice() + ": " + row.amount());
            } else if (row.css() == null) {
                lines.add("- " + row.invoice() + ", " + row.dueDate() + ": " + row.amount());
            } else if ("paid".equals(row.css())) {
                lines.add("- " + row.invoice() + ", " + row.dueDate() + ": " + row.item());
            } else {
                lines.add("  " + row.item() + ": " + row.amount());
            }
        }
        return String.join("\n", lines);
    }

    String html() {
        StringBuilder table = new StringBuilder("<table class=\"invoices\">\n<tr><th>").append(esc(words.get("invoice")))
                .append("</th><th>").append(esc(words.get("dueDate"))).append("</th><th>").append(esc(words.get("item")))
                .append("</th><th>").append(esc(words.get("amount"))).append("</th></tr>\n");
        for (Row row : rows) {
            table.append(row.css() == null ? "<tr>" : "<tr class=\"" + row.css() + "\">");
            if ("total".equals(row.css())) {
                table.append("<td colspan=\"3\">").append(esc(row.invoice())).append("</td>");
            } else {
                table.append("<td>").append(esc(row.invoice())).append("</td><td>").append(esc(row.dueDate()))
                        .append("</td><td>").append(esc(row.item())).append("</td>");
            }
            table.append("<td>").append(esc(row.amount())).append("</td></tr>\n");
        }
        return table.append("</table>\n").toString();
    }

    /** "Interest 6.27% p.a. on €2,000.00, Jan 22, 2026 – Feb 14, 2026", or the bare word for a fee or a bare ERP rate. */
    private String describe(OutreachMessage.Charge charge, String currency, Locale locale, DateTimeFormatter date) {
        if (charge.kind() == ChargeKind.FEE) {
            return words.get("fee");
        }
        if (charge.annualRate() == null || charge.from() == null || charge.to() == null) {
            return words.get("interestPlain");
        }
        String text = words.get(charge.basis() == null ? "interestNoBasis" : "interest")
                .replace("{rate}", percent(charge.annualRate(), locale))
                .replace("{from}", date.format(charge.from()))
                .replace("{to}", date.format(charge.to()));
        return charge.basis() == null ? text : text.replace("{basis}", MessageTemplates.money(charge.basis(), currency, locale));
    }

    /** An annual rate in percent as the locale writes it: {@code 6.27%}, {@code 6,27 %}. */
    private static String percent(BigDecimal rate, Locale locale) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(4);
        return format.format(rate.movePointLeft(2)).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
