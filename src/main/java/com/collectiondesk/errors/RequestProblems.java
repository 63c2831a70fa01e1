package com.collectiondesk.errors;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** 400 problem+json for a request our API cannot read, naming the field or parameter; for {@link ApiProblems}. */
final class RequestProblems {

    private RequestProblems() {
    }

    /** A body that is no JSON, too deep, or has a field of the wrong type. */
    static ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        JsonReadProblem problem = e.getCause() == null
                ? new JsonReadProblem(null, "The request needs a JSON body") : JsonReadProblem.of(e.getCause());
        return badRequest(problem.field(), problem.detail());
    }

    /**
     * A query or path parameter that is no date, number or known value, for every such parameter of every endpoint:
     * "status must be one of OPEN, PROMISED, …, not 'FOO'", "asOf must be a date like 2026-12-01, not 'yesterday'".
     */
    static ProblemDetail badParameter(TypeMismatchException e) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        String value = e.getValue() == null ? "" : JsonReadProblem.shortened(String.valueOf(e.getValue()));
        ProblemDetail problem = badRequest(name, name + " must be " + expected(e.getRequiredType()) + ", not '" + value + "'");
        problem.setProperty("parameter", name);
        return problem;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == LocalDate.class) {
            return "a date like 2026-12-01";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "a date and time like 2026-12-01T09:00:00Z";
        }
        if (type == LocalDateTime.class) {
            return "a date and time like 2026-12-01T09:00:00";
        }
        return JsonReadProblem.describe(type);
    }

    static ProblemDetail badRequest(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(InputRefused.TITLE);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
