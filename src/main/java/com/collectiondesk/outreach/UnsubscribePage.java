package com.collectiondesk.outreach;

import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.ledger.LedgerQueries.DebtorFacts;
import com.collectiondesk.ledger.LedgerQueries;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The unsubscribe link in every email. Opening it only asks (mail scanners and link previews open links on their
 * own, and must not unsubscribe anyone); the page's button, or the RFC 8058 one-click POST mail clients make,
 * sets the debtor's email opt-out. No login: the signed, expiring token is the proof. Pages speak the debtor's
 * language.
 */
@RestController
class UnsubscribePage {

    private final UnsubscribeTokens tokens;
    private final LedgerQueries ledger;
    private final LedgerCommands ledgerCommands;

    UnsubscribePage(UnsubscribeTokens tokens, LedgerQueries ledger, LedgerCommands ledgerCommands) {
        this.tokens = tokens;
        this.ledger = ledger;
        this.ledgerCommands = ledgerCommands;
    }

    @GetMapping(value = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Transactional(readOnly = true)
    ResponseEntity<String> ask(@PathVariable String token) {
        return debtorOf(token).map(debtor -> {
            Labels labels = Labels.of(debtor.language());
            // an empty action posts back to this very address, whatever proxy path it came through
            return page(HttpStatus.OK, debtor, labels.get("unsubscribeTitle"), "<p>" + escape(labels.get("unsubscribeQuestion"))
                    + "</p><form method=\"post\" action=\"\"><button type=\"submit\">" + escape(labels.get("unsubscribeButton"))
                    + "</button></form>");
        }).orElseGet(UnsubscribePage::invalidLink);
    }

    @PostMapping(value = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Transactional
    ResponseEntity<String> unsubscribe(@PathVariable String token) {
        return debtorOf(token).map(debtor -> {
            ledgerCommands.unsubscribeEmail(debtor.pk(), Instant.now());
            Labels labels = Labels.of(debtor.language());
            return page(HttpStatus.OK, debtor, labels.get("unsubscribedTitle"), "<p>" + escape(labels.get("unsubscribedText")) + "</p>");
        }).orElseGet(UnsubscribePage::invalidLink);
    }

    private Optional<DebtorFacts> debtorOf(String token) {
        return tokens.verify(token, Instant.now()).flatMap(ledger::findDebtor);
    }

    private static ResponseEntity<String> invalidLink() {
        return page(HttpStatus.BAD_REQUEST, null, "Link not valid", "<p>This unsubscribe link is invalid or has expired."
                + " Please use the link in a more recent email or contact us.</p>");
    }

    private static ResponseEntity<String> page(HttpStatus status, DebtorFacts debtor, String title, String body) {
        String language = debtor == null || debtor.language() == null ? "en" : debtor.language();
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body("<!DOCTYPE html><html lang=\"" + escape(language) + "\"><head><meta charset=\"UTF-8\">"
                        + "<meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + "</title></head><body><h1>"
                        + escape(title) + "</h1>" + body + "</body></html>");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
