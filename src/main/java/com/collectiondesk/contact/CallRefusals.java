package com.collectiondesk.contact;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused call answers 409 with the rule that refused it and the next callable moment, as an instant and in the debtor's time. */
@RestControllerAdvice(basePackages = "com.collectiondesk.contact")
@Order(Ordered.HIGHEST_PRECEDENCE)
class CallRefusals {

    @ExceptionHandler(CallRefusedException.class)
    ProblemDetail callRefused(CallRefusedException e) {
        CallWindow window = e.window();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Call not allowed now");
        problem.setProperty("rule", window.rule());
        problem.setProperty("debtorZone", window.debtorZone().getId());
        if (window.nextCallableAt() != null) {
            problem.setProperty("nextCallableAt", window.nextCallableAt().toString());
            problem.setProperty("nextCallableLocal", window.nextCallableAt().atZone(window.debtorZone()).toLocalDateTime().toString());
        }
        return problem;
    }
}
