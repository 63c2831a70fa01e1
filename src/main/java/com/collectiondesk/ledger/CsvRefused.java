package com.collectiondesk.ledger;

import com.collectiondesk.errors.ProblemSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The body as a whole cannot be imported (not CSV, or a required column is missing); nothing was stored. */
class CsvRefused extends RuntimeException implements ProblemSource {

    private final String column;

    CsvRefused(String column, String message) {
        super(message);
        this.column = column;
    }

    /** The missing column, or null when the problem is not about one column. */
    String column() {
        return column;
    }

    @Override
    public ProblemDetail toProblem() {
        ProblemDetail problem = ProblemSource.problem(HttpStatus.BAD_REQUEST, "CSV refused, nothing was stored", getMessage());
        if (column != null) {
            problem.setProperty("column", column);
            problem.setProperty("field", column);
        }
        return problem;
    }
}
