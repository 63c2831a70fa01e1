package com.collectiondesk.worklist;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@code collection.worklist.*}: how long each kind of task may take and how far ahead a promise may go. */
@Component
class WorklistSettings {

    final int disputeBusinessDays;
    final int escalationBusinessDays;
    final int promiseMaxDays;
    final String digestFrom;
    /** {@code collection.digest.transport}: smtp mails the digest; sandbox (the embedded default) only logs it. */
    enum DigestTransport { SMTP, SANDBOX }

    final DigestTransport digestTransport;

    WorklistSettings(@Value("${collection.worklist.dispute-business-days:10}") int disputeBusinessDays,
                     @Value("${collection.worklist.escalation-business-days:5}") int escalationBusinessDays,
                     @Value("${collection.worklist.promise-max-days:30}") int promiseMaxDays,
                     @Value("${collection.digest.from:collection-desk@localhost}") String digestFrom,
                     @Value("${collection.digest.transport:sandbox}") DigestTransport digestTransport) {
        this.disputeBusinessDays = disputeBusinessDays;
        this.escalationBusinessDays = escalationBusinessDays;
        this.promiseMaxDays = promiseMaxDays;
        this.digestFrom = digestFrom;
        this.digestTransport = digestTransport;
    }
}
