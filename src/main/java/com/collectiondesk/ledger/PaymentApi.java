package com.collectiondesk.ledger;

import com.collectiondesk.ledger.LedgerViews.PaymentView;
import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.Groups;
import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Books one payment (the payment CSV's columns as JSON); a repeated identical payment changes nothing. */
@RestController
@RequestMapping("/api/payments")
@AllowedGroups({Groups.ERP_INTEGRATION, Groups.MANAGERS})
class PaymentApi {

    private final SingleRecords records;
    private final CustomerViews views;

    PaymentApi(SingleRecords records, CustomerViews views) {
        this.records = records;
        this.views = views;
    }

    /**
     * The payment CSV's columns as camelCase JSON (the CSV's names are accepted too). The amount is read as the
     * text it was sent as (a JSON number or string), so it meets the CSV's rules: {@code 1e3} is refused like
     * in a file, and {@code 1e999999999} is never expanded into a billion digits.
     */
    record PaymentRequest(@JsonAlias("payment_id") String paymentId, @JsonAlias("customer_id") String customerId,
                          @JsonAlias("invoice_number") String invoiceNumber, String amount, String currency,
                          @JsonAlias("paid_on") String paidOn) {

        Fields toFields() {
            Map<String, String> values = new HashMap<>();
            values.put("payment_id", paymentId);
            values.put("customer_id", customerId);
            values.put("invoice_number", invoiceNumber);
            values.put("amount", amount);
            values.put("currency", currency);
            values.put("paid_on", paidOn);
            return new Fields(0, values);
        }
    }

    @Operation(summary = "Book one payment; it is allocated to the oldest open invoices and updates the ticket at once")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PaymentView> book(@RequestBody PaymentRequest request) {
        boolean created = records.write(RecordKind.PAYMENTS, "payment", request.toFields()).created > 0;
        PaymentView view = views.payment(request.paymentId().strip()); // validated as present by the write
        return created ? ResponseEntity.created(URI.create("/api/customers/" + view.customerId())).body(view)
                : ResponseEntity.ok(view);
    }
}
