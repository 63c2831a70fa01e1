package com.collectiondesk.ticket;

import com.collectiondesk.errors.RequestProblems;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** problem+json for the ticket, scan, call, promise and dispute APIs: unknown → 404, unexpected event → 409, bad field → 400. */
// by package, not by class: the features that hang off a ticket answer alike without the ticket knowing them
@RestControllerAdvice(basePackages = {"com.collectiondesk.ticket", "com.collectiondesk.scan", "com.collectiondesk.contact",
        "com.collectiondesk.promise", "com.collectiondesk.dispute"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class TicketApiErrors {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        FieldError first = e.getBindingResult().getFieldErrors().get(0);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                e.getBindingResult().getFieldErrors().stream().map(f -> f.getField() + ": " + f.getDefaultMessage())
                        .collect(Collectors.joining("; ")));
        problem.setProperty("field", first.getField());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return RequestProblems.unreadableBody(e);
    }

    /** Before the IllegalArgumentException below, which would otherwise answer with the converter's own words. */
    @ExceptionHandler(TypeMismatchException.class)
    ProblemDetail badParameter(TypeMismatchException e) {
        return RequestProblems.badParameter(e);
    }

    @ExceptionHandler(TicketConflictException.class)
    ProblemDetail conflict(TicketConflictException e) {
        return problem(HttpStatus.CONFLICT, "Not expected in the ticket's state", e.getMessage());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    /** Domain validation messages start with the field name, e.g. "date: a promise needs a date from today on". */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.indexOf(':') > 0) {
            problem.setProperty("field", message.substring(0, message.indexOf(':')));
        }
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
