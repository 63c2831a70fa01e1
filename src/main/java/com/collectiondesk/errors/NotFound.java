package com.collectiondesk.errors;

import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** What the request names does not exist: 404 "Not found" with the message as detail. */
public class NotFound extends NoSuchElementException implements ProblemSource {

    public NotFound(String message) {
        super(message);
    }

    @Override
    public ProblemDetail toProblem() {
        return ProblemSource.problem(HttpStatus.NOT_FOUND, "Not found", getMessage());
    }
}
