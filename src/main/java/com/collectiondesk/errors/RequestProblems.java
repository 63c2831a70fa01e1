package com.collectiondesk.errors;

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

    /** A query or path parameter that is no date, number or known value. */
    static ProblemDetail badParameter(TypeMismatchException e) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        String value = e.getValue() == null ? "" : JsonReadProblem.shortened(String.valueOf(e.getValue()));
        String expected = e.getRequiredType() == null ? "a valid value" : JsonReadProblem.describe(e.getRequiredType());
        ProblemDetail problem = badRequest(name, name + ": '" + value + "' is not " + expected);
        problem.setProperty("parameter", name);
        return problem;
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
