package com.collectiondesk.ledger;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads the charges of some invoices and their settled parts in two queries, for {@link LedgerQueries#chargesOf}. */
@Component
class InvoiceChargesReader {

    private final EntityManager entities;

    InvoiceChargesReader(EntityManager entities) {
        this.entities = entities;
    }

    /** Interest first (by period), then fees, each invoice's in the order they were charged. */
    Map<Long, InvoiceCharges> read(Collection<Long> invoicePks) {
        Map<Long, InvoiceCharges> found = new HashMap<>();
        if (invoicePks.isEmpty()) {
            return found;
        }
        List<Charge> charges = entities.createQuery("""
                select c from Charge c where c.invoice.id in :pks
                order by c.invoice.id, c.kind desc, c.periodFrom nulls last, c.id""", Charge.class)
                .setParameter("pks", invoicePks).getResultList();
        Map<Long, BigDecimal> paid = new HashMap<>();
        entities.createQuery("select a.invoice.id, sum(a.amount) from ChargeAllocation a where a.invoice.id in :pks"
                        + " group by a.invoice.id", Object[].class)
                .setParameter("pks", invoicePks).getResultList()
                .forEach(row -> paid.put((Long) row[0], (BigDecimal) row[1]));
        Map<Long, List<InvoiceCharges.Line>> lines = new LinkedHashMap<>();
        for (Charge charge : charges) {
            lines.computeIfAbsent(charge.getInvoice().getId(), pk -> new ArrayList<>())
                    .add(new InvoiceCharges.Line(charge.getKind(), charge.getRate(), charge.getPeriodFrom(),
                            charge.getPeriodTo(), charge.getBasis(), charge.getAmount()));
        }
        lines.forEach((pk, its) -> found.put(pk, new InvoiceCharges(pk, List.copyOf(its),
                paid.getOrDefault(pk, BigDecimal.ZERO).setScale(2))));
        return found;
    }
}
