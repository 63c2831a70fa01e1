package com.collectiondesk.selfservice;

import com.collectiondesk.errors.NotFound;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment providers' webhooks, at {@code /webhooks/self-service/<provider>}. Not behind our authentication (a
 * provider cannot log in): the body must carry the provider's signature in its header ({@code X-Signature} for the
 * sandbox, {@code Stripe-Signature} for Stripe), else 401 and nothing is read. A confirmed outcome settles the payment
 * it names once; an event about anything else is acknowledged and ignored.
 */
@RestController
class PaymentWebhooks {

    static final String PATH = "/webhooks/self-service/";

    private final SelfServicePayments payments;

    PaymentWebhooks(SelfServicePayments payments) {
        this.payments = payments;
    }

    @PostMapping(path = PATH + "{provider}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(@PathVariable String provider, @RequestBody byte[] body, @RequestHeader HttpHeaders headers) {
        PaymentProvider known = payments.provider(provider).orElseThrow(() -> new NotFound("No payment provider " + provider));
        try {
            String outcome = handle(known, body, headers.getFirst(known.signatureHeader())).map(Enum::name).orElse("IGNORED");
            return ResponseEntity.ok(Map.of("outcome", outcome));
        } catch (WebhookSignatureRefused refused) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, refused.getMessage());
            problem.setTitle("Signature refused");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }

    /** A webhook as the provider delivered it: verified by the provider, then the payment it confirms is settled. */
    java.util.Optional<SelfServicePayments.Outcome> handle(PaymentProvider provider, byte[] body, String signature) {
        return provider.confirmed(body, signature).map(confirmed -> payments.settle(provider.name(), confirmed.reference(),
                confirmed.succeeded(), confirmed.amount(), confirmed.currency()));
    }
}
