package com.collectiondesk.csv;

/**
 * CSV injection guard (OWASP): spreadsheets treat a cell beginning with {@code = + - @}, a tab or a carriage
 * return as a formula. Such cells are written with a leading single quote, which spreadsheets show as text.
 */
public final class FormulaCells {

    private FormulaCells() {
    }

    private static boolean isDangerous(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    public static String neutralise(String cell) {
        return isDangerous(cell) ? "'" + cell : cell;
    }
}
