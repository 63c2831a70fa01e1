package com.collectiondesk.ledger;

import com.collectiondesk.errors.RequestProblems;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** problem+json for the ledger APIs, always naming the column or field at fault. */
@RestControllerAdvice(assignableTypes = {LedgerImportApi.class, CustomerApi.class, PaymentApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class LedgerApiErrors {

    @ExceptionHandler(CsvRefused.class)
    ProblemDetail refused(CsvRefused e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "CSV refused, nothing was stored", e.getMessage());
        if (e.column() != null) {
            problem.setProperty("column", e.column());
            problem.setProperty("field", e.column());
        }
        return problem;
    }

    @ExceptionHandler(RecordRejected.class)
    ProblemDetail rejected(RecordRejected e) {
        List<FieldError> errors = e.errors();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid " + e.what(),
                String.join("; ", errors.stream().map(error -> jsonName(error.field()) + ": " + error.message()).toList()));
        problem.setProperty("field", jsonName(errors.get(0).field()));
        problem.setProperty("errors", errors.stream()
                .map(error -> new FieldProblem(jsonName(error.field()), error.message())).toList());
        return problem;
    }

    record FieldProblem(String field, String message) {
    }

    /** The API's JSON names the CSV column {@code paid_on} as {@code paidOn}. */
    static String jsonName(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return RequestProblems.unreadableBody(e);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Send the CSV as the multipart part 'file'");
        problem.setProperty("field", e.getRequestPartName());
        return problem;
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
