package com.collectiondesk.ledger;

import java.util.List;

/** The answer to an import: rows stored, rows already so, rows rejected (line as the user counts it, header = 1). */
public record ImportResult(int accepted, int unchanged, List<FieldError> rejected, List<String> warnings) {
}
