package com.collectiondesk.contact;

/** The contact policy forbids a collector's call at this moment; nothing was recorded. The API answers 409. */
public class CallRefusedException extends RuntimeException {

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
}
