package com.collectiondesk.worklist;

import com.collectiondesk.errors.RequestProblems;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** problem+json for the collector and owner APIs: bad field → 400 naming it, unknown → 404. */
@RestControllerAdvice(assignableTypes = {CollectorApi.class, TicketOwnerApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorklistApiErrors {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        FieldError first = e.getBindingResult().getFieldErrors().get(0);
        return badRequest(first.getField(), e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage()).collect(Collectors.joining("; ")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return RequestProblems.unreadableBody(e);
    }

    /** Messages start with the field name, e.g. "owner: no collector with this user id". */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidValue(IllegalArgumentException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return badRequest(message.indexOf(':') > 0 ? message.substring(0, message.indexOf(':')) : null, message);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    private static ProblemDetail badRequest(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
