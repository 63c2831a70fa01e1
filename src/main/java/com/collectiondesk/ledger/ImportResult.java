package com.collectiondesk.ledger;

import java.util.List;

/** The answer to an import: rows stored, rows already so, rows rejected (spreadsheet row, header = 1). */
public record ImportResult(int accepted, int unchanged, List<FieldError> rejected, List<String> warnings) {
}
