package com.collectiondesk.ledger;

import com.collectiondesk.errors.ProblemSource;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A single record sent to the API failed validation; answered as 400 naming each field (as the JSON names it). */
class RecordRejected extends RuntimeException implements ProblemSource {

    private final String what;
    private final List<FieldError> errors;

    RecordRejected(String what, List<FieldError> errors) {
        super(what + " rejected: " + errors);
        this.what = what;
        this.errors = List.copyOf(errors);
    }

    String what() {
        return what;
    }

    List<FieldError> errors() {
        return errors;
    }

    @Override
    public ProblemDetail toProblem() {
        ProblemDetail problem = ProblemSource.problem(HttpStatus.BAD_REQUEST, "Invalid " + what,
                String.join("; ", errors.stream().map(error -> JsonNames.of(error.field()) + ": " + error.message()).toList()));
        problem.setProperty("field", JsonNames.of(errors.get(0).field()));
        problem.setProperty("errors", errors.stream()
                .map(error -> new FieldProblem(JsonNames.of(error.field()), error.message())).toList());
        return problem;
    }

    record FieldProblem(String field, String message) {
    }
}
