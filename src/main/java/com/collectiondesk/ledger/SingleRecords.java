package com.collectiondesk.ledger;

import java.util.List;
import org.springframework.stereotype.Service;

/** The single-record API's write path: a batch of one through the import's writer, so validation is the same. */
@Service
class SingleRecords {

    private final LedgerWriter writer;

    SingleRecords(LedgerWriter writer) {
        this.writer = writer;
    }

    /** Stores the record and answers what happened to it; throws {@link RecordRejected} naming the fields. */
    ChunkOutcome write(RecordKind kind, String what, Fields fields) {
        ChunkOutcome outcome = writer.write(kind, List.of(fields));
        if (!outcome.rejected.isEmpty()) {
            throw new RecordRejected(what, outcome.rejected);
        }
        return outcome;
    }
}
