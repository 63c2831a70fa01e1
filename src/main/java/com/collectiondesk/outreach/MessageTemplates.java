package com.collectiondesk.outreach;

import com.collectiondesk.system.PublicLinks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Message templates under {@code templates/outreach/<templateId>.<language>.txt}, falling back to English.
 * A template is an optional {@code subject:} line, then paragraphs separated by blank lines, with
 * {@code {{name}}}-style placeholders. Filling is one pass of plain substitution over the parsed template:
 * nothing from the data is ever evaluated, so a debtor called {@code ${7*7}} is greeted as exactly that.
 */
@Component
class MessageTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final String INVOICES = "{{invoices}}";

    private final Map<String, Template> parsed = new ConcurrentHashMap<>();
    private final EntitySenders senders;
    private final DebtorPageLinks payLinks;

    /** Without a self-service module, messages carry {@code collection.payment-link-template}. */
    MessageTemplates(EntitySenders senders, PublicLinks links, ObjectProvider<DebtorPageLinks> selfService) {
        this.senders = senders;
        this.payLinks = selfService.getIfAvailable(() -> (ticketNumber, customerId, channel) ->
                links.paymentLinkTemplate().replace("{ticketNumber}", ticketNumber));
    }

    RenderedMessage render(OutreachMessage message) {
        String language = languageOf(message.debtor().language());
        Locale locale = localeOf(message.debtor());
        Template template = parsed.computeIfAbsent(message.templateId() + "." + language,
                key -> load(message.templateId(), language));
        Labels words = Labels.of(language);
        // a link is issued only for a message that carries it (a voice call does not)
        String payLink = template.mentions("{{payLink}}")
                ? payLinks.linkFor(message.debt().ticketNumber(), message.debtor().customerId(), message.channel()) : null;
        Map<String, String> values = values(message, locale, payLink);
        String subject = template.subject() == null ? null : fill(template.subject(), values);
        List<String> text = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        for (String paragraph : template.paragraphs()) {
            if (paragraph.equals(INVOICES)) {
                InvoiceStatement statement = InvoiceStatement.of(message.debt(), locale, words);
                text.add(statement.text());
                html.append(statement.html());
            } else {
                String filled = fill(paragraph, values);
                text.add(filled);
                html.append("<p>").append(HtmlUtils.htmlEscape(filled, "UTF-8").replace("\n", "<br/>")).append("</p>\n");
            }
        }
        return new RenderedMessage(subject, String.join("\n\n", text), html.toString(), locale, words, payLink);
    }

    /** The amount as the debtor reads money: {@code €300.00}, {@code 300,00 €}, {@code 300,00 EUR}. */
    static String money(java.math.BigDecimal amount, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** {@code company}: the name of the debtor's legal entity. */
    private Map<String, String> values(OutreachMessage message, Locale locale, String payLink) {
        OutreachMessage.Debt debt = message.debt();
        return Map.of(
                "name", message.debtor().name() == null ? "" : message.debtor().name(),
                "amount", money(debt.overdueAmount(), debt.currency(), locale),
                "total", money(debt.total(), debt.currency(), locale),
                "ticket", debt.ticketNumber(),
                "dpd", Integer.toString(debt.dpd()),
                "payLink", payLink == null ? "" : payLink,
                "company", senders.of(message.debtor().legalEntity()).name());
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("Unknown placeholder " + matcher.group() + " in an outreach template");
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(text).toString();
    }

    static String languageOf(String tag) {
        return tag == null || tag.isBlank() ? "en" : Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
    }

    private static Locale localeOf(OutreachMessage.Debtor debtor) {
        String language = languageOf(debtor.language());
        return debtor.country() == null ? new Locale(language) : new Locale(language, debtor.country());
    }

    private static Template load(String templateId, String language) {
        for (String candidate : new String[] {language, "en"}) {
            ClassPathResource resource = OutreachTemplates.resource(templateId, candidate);
            if (resource.exists()) {
                try {
                    return Template.parse(resource.getContentAsString(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read template " + templateId + "." + candidate, e);
                }
            }
        }
        throw new IllegalArgumentException("templateId: no outreach template '" + templateId + "' (language "
                + language + " or en) under templates/outreach/");
    }

    private record Template(String subject, List<String> paragraphs) {

        boolean mentions(String placeholder) {
            return (subject != null && subject.contains(placeholder)) || paragraphs.stream().anyMatch(p -> p.contains(placeholder));
        }

        static Template parse(String source) {
            String body = source.strip();
            String subject = null;
            if (body.startsWith("subject:")) {
                int end = body.indexOf('\n');
                subject = (end < 0 ? body.substring(8) : body.substring(8, end)).strip();
                body = end < 0 ? "" : body.substring(end + 1).strip();
            }
            return new Template(subject, List.of(body.split("\\n\\s*\\n")).stream().map(String::strip).toList());
        }
    }
}
