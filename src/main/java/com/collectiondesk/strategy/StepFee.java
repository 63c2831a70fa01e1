package com.collectiondesk.strategy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fee a strategy step costs the debtor when it really went out: the decision's {@code fee} column, "5.00 EUR". */
public record StepFee(BigDecimal amount, String currency) {

    private static final Pattern WRITTEN = Pattern.compile("([0-9]{1,9}(?:\\.[0-9]{1,2})?) ([A-Z]{3})");

    /** The row's fee, or null for none (column absent or empty); anything else stops the plan with an incident. */
    static StepFee fromRow(Map<String, Object> row) {
        Object fee = row.get("fee");
        if (fee == null || fee.toString().isBlank()) {
            return null;
        }
        return written(fee.toString()).orElseThrow(() -> new IllegalArgumentException("collection-strategy returned an"
                + " invalid fee '" + fee + "' in " + row + ": write a positive amount and a currency, e.g. \"5.00 EUR\","
                + " or leave it empty for none"));
    }

    /** "5.00 EUR": a positive amount with at most two decimals and a currency code; empty for anything else. */
    static Optional<StepFee> written(String fee) {
        Matcher written = WRITTEN.matcher(fee.strip());
        if (!written.matches() || new BigDecimal(written.group(1)).signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new StepFee(new BigDecimal(written.group(1)).setScale(2), written.group(2)));
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
