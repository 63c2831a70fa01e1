package com.collectiondesk.errors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The request is understood but the state of what it names does not allow it now: 409 with the feature's title. */
public class Conflict extends RuntimeException implements ProblemSource {

    private final String title;

    public Conflict(String title, String message) {
        super(message);
        this.title = title;
    }

    @Override
    public ProblemDetail toProblem() {
        return ProblemSource.problem(HttpStatus.CONFLICT, title, getMessage());
    }
}
