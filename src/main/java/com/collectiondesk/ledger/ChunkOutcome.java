package com.collectiondesk.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened to a batch of records: stored (created or changed), already so, or rejected with reasons, and
 * the safeguard flags changed on existing customers.
 */
final class ChunkOutcome {

    int accepted;
    int created;
    int unchanged;
    final List<FieldError> rejected = new ArrayList<>();
    final List<FlagChange> changes = new ArrayList<>();

    void add(ChunkOutcome other) {
        accepted += other.accepted;
        created += other.created;
        unchanged += other.unchanged;
        rejected.addAll(other.rejected);
        changes.addAll(other.changes);
    }
}
