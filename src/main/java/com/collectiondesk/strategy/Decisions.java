package com.collectiondesk.strategy;

/** Keys of the analysts' decision tables in dmn/. */
public final class Decisions {

    public static final String TICKET_SEGMENT = "ticket-segment";
    public static final String COLLECTION_STRATEGY = "collection-strategy";
    /** Optional: deployed by an analyst to test a strategy on a share of new tickets (ChallengerSettings). */
    public static final String COLLECTION_STRATEGY_CHALLENGER = "collection-strategy-challenger";

    private Decisions() {
    }
}
