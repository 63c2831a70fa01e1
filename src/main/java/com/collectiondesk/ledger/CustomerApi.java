package com.collectiondesk.ledger;

import com.collectiondesk.csv.CsvWriter;
import com.collectiondesk.ledger.LedgerViews.CustomerView;
import com.collectiondesk.ledger.LedgerViews.InvoiceView;
import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.Groups;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One customer: create or update with the import's validation, read with balances and days past due, export invoices. */
@RestController
@RequestMapping("/api/customers")
@AllowedGroups({Groups.COLLECTORS, Groups.DISPUTES, Groups.MANAGERS, Groups.ANALYSTS, Groups.ERP_INTEGRATION})
class CustomerApi {

    static final List<String> INVOICE_COLUMNS = List.of("customer_id", "customer_name", "invoice_number", "contract_id",
            "issue_date", "due_date", "amount", "open_amount", "currency", "status", "days_past_due");

    private final SingleRecords records;
    private final CustomerViews views;

    CustomerApi(SingleRecords records, CustomerViews views) {
        this.records = records;
        this.views = views;
    }

    /** The customer CSV's columns as camelCase JSON (the CSV's names are accepted too); the id comes from the path. */
    record CustomerRequest(@JsonAlias("customer_id") String customerId, String name, String phone, String email,
                           String language, String country, @JsonAlias("time_zone") String timeZone, String address,
                           @JsonAlias("sms_opt_out") Boolean smsOptOut, @JsonAlias("email_opt_out") Boolean emailOptOut,
                           @JsonAlias("voice_opt_out") Boolean voiceOptOut,
                           @JsonAlias("ceased_communication") Boolean ceasedCommunication,
                           @JsonAlias("debtor_kind") String debtorKind,
                           @JsonAlias("legal_entity") String legalEntity,
                           @JsonAlias("credit_limit") String creditLimit) {

        Fields toFields(String pathId) {
            Map<String, String> values = new HashMap<>();
            values.put("customer_id", pathId);
            values.put("name", name);
            values.put("phone", phone);
            values.put("email", email);
            values.put("language", language);
            values.put("country", country);
            values.put("time_zone", timeZone);
            values.put("address", address);
            values.put("sms_opt_out", smsOptOut == null ? null : smsOptOut.toString());
            values.put("email_opt_out", emailOptOut == null ? null : emailOptOut.toString());
            values.put("voice_opt_out", voiceOptOut == null ? null : voiceOptOut.toString());
            values.put("ceased_communication", ceasedCommunication == null ? null : ceasedCommunication.toString());
            values.put("debtor_kind", debtorKind);
            values.put("legal_entity", legalEntity);
            values.put("credit_limit", creditLimit);
            return new Fields(0, values);
        }
    }

    /** The customer as stored, plus each safeguard flag this call changed (fields named as in the request). */
    record CustomerAnswer(@JsonUnwrapped CustomerView customer, List<FlagChangeView> changes) {
    }

    record FlagChangeView(String field, boolean from, boolean to) {
    }

    /** Flags absent or null in the body keep their stored value; only an explicit {@code false} clears one. */
    @Operation(summary = "Create or change one customer; flags absent from the body keep their stored value")
    @PutMapping(path = "/{customerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedGroups({Groups.ERP_INTEGRATION, Groups.MANAGERS})
    ResponseEntity<CustomerAnswer> put(@PathVariable String customerId, @RequestBody CustomerRequest request) {
        if (request.customerId() != null && !request.customerId().strip().equals(customerId)) {
            throw new RecordRejected("customer", List.of(new FieldError(0, "customer_id",
                    Quoted.of(request.customerId()) + " differs from the customer id in the path")));
        }
        views.requireChangeable(customerId);
        ChunkOutcome outcome = records.write(RecordKind.CUSTOMERS, "customer", request.toFields(customerId));
        List<FlagChangeView> changes = outcome.changes.stream()
                .map(change -> new FlagChangeView(JsonNames.of(change.field()), change.from(), change.to()))
                .toList();
        return ResponseEntity.status(outcome.created > 0 ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new CustomerAnswer(views.customer(customerId), changes));
    }

    @Operation(summary = "One customer with contact points, consents and flags")
    @GetMapping("/{customerId}")
    CustomerView get(@PathVariable String customerId) {
        return views.customer(customerId);
    }

    /** The customer's invoices as CSV; cells a spreadsheet would run as formulas are written as text. */
    @Operation(summary = "A customer's invoices as CSV (formula-like cells written as text)")
    @GetMapping("/{customerId}/invoices.csv")
    void invoicesCsv(@PathVariable String customerId, HttpServletResponse response) throws IOException {
        CustomerViews.InvoiceSheet sheet = views.invoiceSheet(customerId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"invoices.csv\"");
        try (CsvWriter csv = CsvWriter.to(response.getOutputStream(), INVOICE_COLUMNS)) {
            for (InvoiceView invoice : sheet.invoices()) {
                csv.row(sheet.customerId(), sheet.customerName(), invoice.invoiceNumber(), invoice.contractId(),
                        invoice.issueDate(), invoice.dueDate(), invoice.amount(), invoice.openAmount(), invoice.currency(),
                        invoice.status(), invoice.daysPastDue());
            }
        }
    }
}
