package com.collectiondesk.errors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * What the caller sent is refused: 400 "Invalid request" naming the field (and the CSV row, when there is one).
 * The message starts with the field, e.g. {@code date: a promise needs a date from today on}. An
 * IllegalArgumentException, so the engine REST API also answers it as the caller's mistake.
 */
public class InputRefused extends IllegalArgumentException implements ProblemSource {

    static final String TITLE = "Invalid request";

    private final String field;
    private final Integer row;
    private final String reason;

    public InputRefused(String field, String reason) {
        this(field, null, reason);
    }

    /** @param row the spreadsheet row (header = 1) of a CSV, or null */
    public InputRefused(String field, Integer row, String reason) {
        super((row == null ? "" : "row " + row + ", ") + field + ": " + reason);
        this.field = field;
        this.row = row;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public Integer row() {
        return row;
    }

    /** The message without the field's name. */
    public String reason() {
        return reason;
    }

    @Override
    public ProblemDetail toProblem() {
        ProblemDetail problem = ProblemSource.problem(HttpStatus.BAD_REQUEST, TITLE, getMessage());
        problem.setProperty("field", field);
        if (row != null) {
            problem.setProperty("row", row);
        }
        return problem;
    }
}
