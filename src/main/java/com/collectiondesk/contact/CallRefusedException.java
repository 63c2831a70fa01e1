package com.collectiondesk.contact;

import com.collectiondesk.errors.ProblemSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The contact policy forbids a collector's call at this moment; nothing was recorded. The API answers 409. */
public class CallRefusedException extends RuntimeException implements ProblemSource {

    private final transient CallWindow window;

    CallRefusedException(CallWindow window) {
        super("The debtor may not be called now (rule '" + window.rule() + "')"
                + (window.nextCallableAt() == null ? "" : "; next callable at " + window.nextCallableLocal()
                + " (debtor's time, " + window.debtorZone() + ")") + ". Nothing was recorded.");
        this.window = window;
    }

    public CallWindow window() {
        return window;
    }

    /** The rule that refused the call and the next moment a call is allowed, as an instant and in the debtor's time. */
    @Override
    public ProblemDetail toProblem() {
        ProblemDetail problem = ProblemSource.problem(HttpStatus.CONFLICT, "Call not allowed now", getMessage());
        problem.setProperty("rule", window.rule());
        problem.setProperty("debtorZone", window.debtorZone().getId());
        if (window.nextCallableAt() != null) {
            problem.setProperty("nextCallableAt", window.nextCallableAt().toString());
            problem.setProperty("nextCallableLocal", window.nextCallableAt().atZone(window.debtorZone()).toLocalDateTime().toString());
        }
        return problem;
    }
}
