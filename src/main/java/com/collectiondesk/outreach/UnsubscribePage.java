package com.collectiondesk.outreach;

import com.collectiondesk.ledger.CustomerRepository;
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

/**
 * The unsubscribe link in every email (and the one-click POST mail clients make): a valid, unexpired token
 * sets the debtor's email opt-out. No login: the signed token is the proof.
 */
@RestController
class UnsubscribePage {

    private final UnsubscribeTokens tokens;
    private final CustomerRepository customers;

    UnsubscribePage(UnsubscribeTokens tokens, CustomerRepository customers) {
        this.tokens = tokens;
        this.customers = customers;
    }

    @GetMapping(value = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Transactional
    ResponseEntity<String> unsubscribe(@PathVariable String token) {
        Optional<Long> customerId = tokens.verify(token, Instant.now());
        customerId.flatMap(customers::findById).ifPresent(customer -> customer.unsubscribeEmail(Instant.now()));
        return customerId.isPresent()
                ? page(HttpStatus.OK, "Unsubscribed", "You will receive no more emails from us about this account.")
                : page(HttpStatus.BAD_REQUEST, "Link not valid",
                "This unsubscribe link is invalid or has expired. Please use the link in a more recent email or contact us.");
    }

    @PostMapping(value = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Transactional
    ResponseEntity<String> oneClick(@PathVariable String token) {
        return unsubscribe(token);
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String text) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>" + title + "</title></head><body><h1>"
                        + title + "</h1><p>" + text + "</p></body></html>");
    }
}
