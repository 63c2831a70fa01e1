package com.collectiondesk.ledger;

import java.util.List;

/**
 * The answer to an import: rows stored, rows already so, rows rejected (spreadsheet row, header = 1), warnings,
 * and each safeguard flag of an existing customer the import changed.
 */
public record ImportResult(int accepted, int unchanged, List<FieldError> rejected, List<String> warnings,
                           List<FlagChange> changes) {
}
