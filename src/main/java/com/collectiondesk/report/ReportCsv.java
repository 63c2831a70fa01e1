package com.collectiondesk.report;

/** Renders a report as CSV; every text cell goes through {@link FormulaNeutralisation}. */
interface ReportCsv {

    String write(ReportTable table);
}
