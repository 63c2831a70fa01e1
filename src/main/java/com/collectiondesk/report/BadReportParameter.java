package com.collectiondesk.report;

/** A query parameter the report cannot use; answered as 400 problem+json naming the parameter. */
class BadReportParameter extends RuntimeException {

    private final String parameter;

    BadReportParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
