package com.collectiondesk.errors;

import org.springframework.http.ProblemDetail;

/**
 * An exception that knows its problem+json answer: status, title, detail and the properties a caller reads (the
 * field, the CSV row, a refusal's rule). {@link ApiProblems} answers with it, so features add their own
 * refusals without the shared advice knowing them.
 */
public interface ProblemSource {

    ProblemDetail toProblem();

    /** A problem with a title of its own; the detail is the caller-facing message. */
    static ProblemDetail problem(org.springframework.http.HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
