package com.collectiondesk.dispute;

/**
 * Published inside the resolving transaction once the dispute team's resolution is applied, so what the dispute put
 * in place (the page's hold on the disputed invoice) ends with it before the strategy resumes.
 */
public record DisputeResolved(Long ticketId, Long disputeId, Dispute.Resolution resolution, String author) {
}
