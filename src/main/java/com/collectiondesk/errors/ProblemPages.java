package com.collectiondesk.errors;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A feature with pages for people outside the staff side (the debtor's page) answers its errors as a page of its own
 * instead of problem+json: {@link ApiProblems} asks every implementation before it answers. An API path is never one.
 */
public interface ProblemPages {

    /** This feature's page for the problem when the request is for one of its pages; empty: problem+json as usual. */
    Optional<ResponseEntity<String>> pageFor(HttpServletRequest request, ProblemDetail problem);
}
