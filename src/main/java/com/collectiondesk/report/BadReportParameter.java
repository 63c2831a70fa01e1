package com.collectiondesk.report;

import com.collectiondesk.errors.ProblemSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A query parameter the report cannot use: 400 problem+json naming the parameter (or 403 when the caller may not
 * ask for that value), whatever format was asked for.
 */
class BadReportParameter extends RuntimeException implements ProblemSource {

    private final String parameter;
    private final HttpStatus status;

    BadReportParameter(String parameter, String message) {
        this(HttpStatus.BAD_REQUEST, parameter, message);
    }

    private BadReportParameter(HttpStatus status, String parameter, String message) {
        super(message);
        this.parameter = parameter;
        this.status = status;
    }

    /** A value of the parameter this caller may not ask for. */
    static BadReportParameter forbidden(String parameter, String message) {
        return new BadReportParameter(HttpStatus.FORBIDDEN, parameter, message);
    }

    String parameter() {
        return parameter;
    }

    @Override
    public ProblemDetail toProblem() {
        ProblemDetail problem = ProblemSource.problem(status, status.getReasonPhrase(), getMessage());
        if (parameter != null) {
            problem.setProperty("parameter", parameter);
            problem.setProperty("field", parameter);
        }
        return problem;
    }
}
