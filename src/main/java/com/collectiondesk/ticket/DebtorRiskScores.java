package com.collectiondesk.ticket;

import java.util.Map;
import java.util.Optional;

/**
 * Where the segment decision's {@code riskScore} comes from when a feature scores debtors (the behavioural score):
 * published as a bean by that feature, so the ticket depends on none. {@code why} is the score's parts, shown in the
 * ticket's segment decision. Without such a bean, or for a debtor it has not scored, the score recorded on the
 * debtor in the ledger counts.
 */
public interface DebtorRiskScores {

    Optional<Scored> of(Long customerPk);

    /** Every scored debtor's score by customer key, for decisions over the whole portfolio at once (the dry-run). */
    Map<Long, Integer> scores();

    record Scored(int score, String why) {
    }
}
