package com.collectiondesk.selfservice;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The page's "Dispute an invoice" form: which invoice, how much of it (empty: all that is open on it), a reason from
 * the list, optional details and an optional PDF, JPEG or PNG. While a dispute is open the form gives way to a note;
 * while a promise is pending it is not offered.
 */
@Component
@Order(10)
class DisputeSection implements PageSection {

    static final String ACTION = "dispute";
    static final String ACCEPT = "application/pdf,image/jpeg,image/png";

    private final DisputeSettings settings;

    DisputeSection(DisputeSettings settings) {
        this.settings = settings;
    }

    @Override
    public String html(Context form) {
        Words words = form.words();
        DebtorAccount account = form.account();
        var disputed = account.invoices().stream().filter(DebtorAccount.Invoice::disputed).toList();
        if (!disputed.isEmpty()) {
            return "<section><h2>" + PageHtml.esc(words.get("dispute")) + "</h2>"
                    + PageHtml.paragraph("text", words.get("disputeOpen", disputed.get(0).number())) + "</section>";
        }
        // a pending promise holds the ticket's process where it takes no dispute: the debtor can still write to us
        if (account.invoices().isEmpty() || account.promised()) {
            return "";
        }
        Map<String, String> invoices = new LinkedHashMap<>();
        account.invoices().forEach(invoice -> invoices.put(invoice.number(), invoice.number() + " – " + account.money(invoice.openAmount())));
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("", words.get("disputeReasonPick"));
        for (DebtorDisputes.Reason reason : DebtorDisputes.Reason.values()) {
            reasons.put(reason.name(), words.get("reason." + reason.name()));
        }
        Map<String, String> errors = form.errors();
        Map<String, String> typed = form.typed();
        String fields = FormFields.select("disputeInvoice", words.get("disputeInvoice"), invoices, typed.get("disputeInvoice"),
                errors.get("disputeInvoice"), null)
                + FormFields.optional("disputeAmount", words.get("disputeAmount") + " (" + account.currency() + ")", "text",
                typed.get("disputeAmount"), errors.get("disputeAmount"), words.get("disputeAmountHint"),
                "inputmode=\"decimal\" autocomplete=\"off\" maxlength=\"20\"")
                + FormFields.select("disputeReason", words.get("disputeReason"), reasons, typed.get("disputeReason"),
                errors.get("disputeReason"), null)
                + FormFields.optionalText("disputeDetails", words.get("disputeDetails"), typed.get("disputeDetails"),
                errors.get("disputeDetails"), DebtorDisputes.DETAILS_LIMIT)
                + FormFields.file("disputeFile", words.get("disputeFile"), ACCEPT, errors.get("disputeFile"),
                words.get("disputeFileHint", megabytes(settings.attachmentMaxSize().toBytes())));
        return FormFields.uploadForm(form.action(ACTION), form.csrf(), words.get("dispute"), fields, words.get("disputeButton"));
    }

    static String megabytes(long bytes) {
        long whole = bytes / (1024 * 1024);
        return whole * 1024 * 1024 == bytes ? whole + " MB" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
