package com.collectiondesk.credit;

import com.collectiondesk.scan.ScanStep;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** After the behavioural score (order 1), the daily scan suggests every scored customer's limit and starts the reviews. */
@Component
@Order(2)
class CreditScanStep implements ScanStep {

    private static final Logger log = LoggerFactory.getLogger(CreditScanStep.class);

    private final CreditLimitSuggestions suggestions;
    private final CreditLimitReviews reviews;

    CreditScanStep(CreditLimitSuggestions suggestions, CreditLimitReviews reviews) {
        this.suggestions = suggestions;
        this.reviews = reviews;
    }

    @Override
    public String name() {
        return "credit limits";
    }

    @Override
    public void run(LocalDate asOf) {
        int suggested = suggestions.recompute(asOf);
        int reviewed = reviews.startDue(asOf);
        log.info("Credit limits suggested for {} customers as of {}; {} reviews started", suggested, asOf, reviewed);
    }
}
