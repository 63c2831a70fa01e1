package com.collectiondesk.support.ledger;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.ContractRepository;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.Invoice;
import com.collectiondesk.ledger.InvoiceRepository;
import com.collectiondesk.ledger.LedgerCommands.ErpOpenAmount;
import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.ledger.RecordKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * Contracts and invoices for tests, stored through the ledger's API with the import's columns and validation (an
 * invoice a debtor has credit for is paid from it at once, as on import), and the ERP's open amounts as the ERP
 * sync applies them.
 */
public final class Invoices {

    private final LedgerCommands ledger;
    private final ContractRepository contracts;
    private final InvoiceRepository invoices;

    private Invoices(LedgerCommands ledger, ContractRepository contracts, InvoiceRepository invoices) {
        this.ledger = ledger;
        this.contracts = contracts;
        this.invoices = invoices;
    }

    public static Invoices of(ApplicationContext context) {
        return new Invoices(context.getBean(LedgerCommands.class), context.getBean(ContractRepository.class),
                context.getBean(InvoiceRepository.class));
    }

    public Contract contract(Customer customer, String productType) {
        return contract("K-" + UUID.randomUUID(), customer, productType);
    }

    public Contract contract(String contractId, Customer customer, String productType) {
        ledger.record(RecordKind.CONTRACTS, Map.of("contract_id", contractId, "customer_id", customer.getCustomerId(),
                "product_type", productType));
        return contracts.findByContractId(contractId).orElseThrow();
    }

    /** An invoice of the customer: EUR, issued 14 days before it falls due, without contract unless given. */
    public InvoiceBuilder invoice(Customer customer) {
        return new InvoiceBuilder(customer);
    }

    /** The ERP shows the invoice fully paid (settled there, no payment booked here): what its sync applies. */
    public void settledInErp(Invoice invoice) {
        ledger.applyErpOpenAmounts(List.of(new ErpOpenAmount(invoice.getInvoiceNumber(), BigDecimal.ZERO)));
    }

    public final class InvoiceBuilder {

        private final Map<String, String> columns = new HashMap<>();
        private LocalDate issued;

        private InvoiceBuilder(Customer customer) {
            columns.put("invoice_number", "I-" + UUID.randomUUID());
            columns.put("customer_id", customer.getCustomerId());
            columns.put("currency", "EUR");
        }

        public InvoiceBuilder contract(Contract contract) {
            columns.put("contract_id", contract == null ? null : contract.getContractId());
            return this;
        }

        public InvoiceBuilder number(String invoiceNumber) { columns.put("invoice_number", invoiceNumber); return this; }
        public InvoiceBuilder amount(String amount) { columns.put("amount", amount); return this; }
        public InvoiceBuilder currency(String currency) { columns.put("currency", currency); return this; }
        public InvoiceBuilder due(LocalDate due) { columns.put("due_date", due.toString()); return this; }
        public InvoiceBuilder issued(LocalDate day) { this.issued = day; return this; }

        /** Stores the invoice and answers it as stored. */
        public Invoice book() {
            LocalDate due = LocalDate.parse(columns.get("due_date"));
            columns.put("issue_date", (issued == null ? due.minusDays(14) : issued).toString());
            ledger.record(RecordKind.INVOICES, columns);
            return invoices.findByInvoiceNumberIn(List.of(columns.get("invoice_number"))).get(0);
        }
    }
}
