package com.collectiondesk.selfservice;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.TicketConflictException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The dispute form's post (multipart): checked field by field, each refusal shown at its field with what was typed,
 * nothing stored; an attachment must be a PDF, JPEG or PNG by its content and at most the configured size (a bigger
 * upload is not even parsed, {@link DisputeUploadLimit}).
 */
@RestController
class DisputeActions {

    private final SelfServicePage page;
    private final DebtorDisputes disputes;
    private final LedgerQueries ledger;
    private final DisputeSettings settings;
    private final BusinessClock clock;

    DisputeActions(SelfServicePage page, DebtorDisputes disputes, LedgerQueries ledger, DisputeSettings settings, BusinessClock clock) {
        this.page = page;
        this.disputes = disputes;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping(value = SelfServiceLinks.PAGE_PATH + "{token}/" + DisputeSection.ACTION, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> dispute(@PathVariable String token, @RequestParam(required = false) String lang,
                                   @RequestParam(name = "disputeInvoice", required = false) String invoiceNumber,
                                   @RequestParam(name = "disputeAmount", required = false) String amountText,
                                   @RequestParam(name = "disputeReason", required = false) String reasonText,
                                   @RequestParam(name = "disputeDetails", required = false) String details,
                                   @RequestParam(name = "disputeFile", required = false) MultipartFile file,
                                   @RequestParam(name = BrowserKeys.CSRF_FIELD, required = false) String csrf,
                                   HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(DisputeUploadLimit.TOO_LARGE) != null) {
            // the body was not read, so neither its CSRF token: nothing is done, the page says why
            return page.withLink(token, lang, link -> {
                DebtorAccount account = page.account(link, lang);
                Words words = Words.of(account.language());
                return page.render(HttpStatus.PAYLOAD_TOO_LARGE, token, link, account, new SelfServicePage.Shown(null, null,
                        Map.of("disputeFile", tooLarge(words)), Map.of()), request, response);
            });
        }
        return page.withVerified(token, lang, csrf, request, response, (link, account) -> {
            Words words = Words.of(account.language());
            Map<String, String> errors = new HashMap<>();
            Map<String, String> typed = new HashMap<>();
            typed.put("disputeInvoice", invoiceNumber);
            typed.put("disputeAmount", amountText);
            typed.put("disputeReason", reasonText);
            typed.put("disputeDetails", details);
            Optional<LedgerQueries.OpenInvoice> invoice = invoice(link, account, invoiceNumber);
            if (invoice.isEmpty()) {
                errors.put("disputeInvoice", words.get("disputeInvoicePick"));
            }
            BigDecimal amount = invoice.map(open -> amount(amountText, open.openAmount(), account, words, errors)).orElse(null);
            DebtorDisputes.Reason reason = reason(reasonText);
            if (reason == null) {
                errors.put("disputeReason", words.get("disputeReasonPick"));
            }
            String note = SelfServicePage.blank(details) ? null : details.strip();
            if (note != null && note.length() > DebtorDisputes.DETAILS_LIMIT) {
                errors.put("disputeDetails", words.get("messageTooLong", DebtorDisputes.DETAILS_LIMIT));
            }
            DebtorDisputes.Attachment attachment = attachment(file, words, errors);
            if (!errors.isEmpty()) {
                return page.render(HttpStatus.BAD_REQUEST, token, link, account, new SelfServicePage.Shown(null, null, errors, typed),
                        request, response);
            }
            try {
                disputes.raise(link, account, invoice.get(), amount, reason, note, attachment);
            } catch (TicketConflictException | InputRefused refused) {
                return page.render(HttpStatus.CONFLICT, token, link, account, new SelfServicePage.Shown(words.get("disputeNotNow"),
                        "error", Map.of(), typed), request, response);
            }
            return page.render(HttpStatus.OK, token, link, page.account(link, lang), new SelfServicePage.Shown(
                    words.get("disputeSent", invoice.get().invoiceNumber()), "done", Map.of(), Map.of()), request, response);
        });
    }

    private String tooLarge(Words words) {
        return words.get("disputeFileTooLarge", DisputeSection.megabytes(settings.attachmentMaxSize().toBytes()));
    }

    /** One of the ticket's overdue invoices that no open dispute contests yet. */
    private Optional<LedgerQueries.OpenInvoice> invoice(DebtorLink link, DebtorAccount account, String number) {
        if (SelfServicePage.blank(number) || account.invoices().stream().anyMatch(DebtorAccount.Invoice::disputed)) {
            return Optional.empty();
        }
        return ledger.overdue(link.customerPk(), account.currency(), clock.today()).stream()
                .filter(open -> open.invoiceNumber().equals(number.strip())).findFirst()
                .filter(open -> account.invoices().stream().anyMatch(shown -> shown.number().equals(open.invoiceNumber())));
    }

    /** Empty: all that is open on the invoice; else above zero and at most that. */
    private static BigDecimal amount(String text, BigDecimal open, DebtorAccount account, Words words, Map<String, String> errors) {
        if (SelfServicePage.blank(text)) {
            return open;
        }
        try {
            BigDecimal amount = new BigDecimal(text.trim().replace(" ", "").replace(',', '.'));
            if (amount.signum() <= 0 || amount.scale() > 2) {
                errors.put("disputeAmount", words.get("amountInvalid"));
            } else if (amount.compareTo(open) > 0) {
                errors.put("disputeAmount", words.get("amountTooHigh", account.money(open)));
            }
            return amount.setScale(2);
        } catch (NumberFormatException | ArithmeticException e) {
            errors.put("disputeAmount", words.get("amountInvalid"));
            return null;
        }
    }

    private static DebtorDisputes.Reason reason(String text) {
        try {
            return text == null ? null : DebtorDisputes.Reason.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** No file chosen: none. Else its first bytes must be a PDF, JPEG or PNG, whatever the browser says it is. */
    private DebtorDisputes.Attachment attachment(MultipartFile file, Words words, Map<String, String> errors) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        if (file.getSize() > settings.attachmentMaxSize().toBytes()) {
            errors.put("disputeFile", tooLarge(words));
            return null;
        }
        try {
            byte[] content = file.getBytes();
            Optional<String> type = AttachmentTypes.of(content);
            if (type.isEmpty()) {
                errors.put("disputeFile", words.get("disputeFileType"));
                return null;
            }
            return new DebtorDisputes.Attachment(AttachmentTypes.safeName(file.getOriginalFilename(), type.get()), type.get(), content);
        } catch (IOException e) {
            throw new UncheckedIOException("The uploaded file could not be read", e);
        }
    }
}
