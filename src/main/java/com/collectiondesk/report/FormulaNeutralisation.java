package com.collectiondesk.report;

/**
 * The one rule against CSV formula injection (OWASP): a text cell starting with = + - @, a tab or a carriage
 * return would be run as a formula by Excel or LibreOffice, so it gets a leading apostrophe and shows as text.
 * Numbers are written as numbers and never touched, so negative amounts stay numeric.
 */
final class FormulaNeutralisation {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private FormulaNeutralisation() {
    }

    static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
