package com.collectiondesk.selfservice;

import java.util.Map;

/**
 * Form controls the page's own {@link PageHtml#field} does not draw: a list to pick from, an optional field, a file.
 * Each has its label; a hint and an error are shown above the control and tied to it ({@code aria-describedby},
 * {@code aria-invalid}), as on the rest of the page.
 */
final class FormFields {

    private FormFields() {
    }

    /** A labelled list; {@code options} in order, value to label; {@code chosen} (or null) is selected. */
    static String select(String id, String label, Map<String, String> options, String chosen, String error, String hint) {
        StringBuilder list = new StringBuilder("<select id=\"").append(id).append("\" name=\"").append(id).append("\"")
                .append(described(id, error, hint)).append('>');
        options.forEach((value, text) -> list.append("<option value=\"").append(PageHtml.esc(value)).append('"')
                .append(value.equals(chosen) ? " selected" : "").append('>').append(PageHtml.esc(text)).append("</option>"));
        return control(id, label, error, hint, list.append("</select>").toString());
    }

    /** A labelled text input the debtor may leave empty. */
    static String optional(String id, String label, String type, String value, String error, String hint, String extra) {
        return control(id, label, error, hint, "<input id=\"" + id + "\" name=\"" + id + "\" type=\"" + type + "\" value=\""
                + PageHtml.esc(value == null ? "" : value) + "\" " + extra + described(id, error, hint) + ">");
    }

    /** A labelled text area the debtor may leave empty. */
    static String optionalText(String id, String label, String value, String error, int maxLength) {
        return control(id, label, error, null, "<textarea id=\"" + id + "\" name=\"" + id + "\" rows=\"3\" maxlength=\""
                + maxLength + "\"" + described(id, error, null) + ">" + PageHtml.esc(value == null ? "" : value) + "</textarea>");
    }

    /** A labelled file input taking the given media types. */
    static String file(String id, String label, String accept, String error, String hint) {
        return control(id, label, error, hint, "<input id=\"" + id + "\" name=\"" + id + "\" type=\"file\" accept=\"" + accept + "\""
                + described(id, error, hint) + ">");
    }

    /** A form that uploads files: as {@link PageHtml#form}, sent as multipart. */
    static String uploadForm(String action, String csrf, String heading, String fields, String button) {
        return PageHtml.form(action, csrf, heading, fields, button)
                .replace("<form method=\"post\"", "<form method=\"post\" enctype=\"multipart/form-data\"");
    }

    private static String control(String id, String label, String error, String hint, String control) {
        return "<div class=\"field\"><label for=\"" + id + "\">" + PageHtml.esc(label) + "</label>"
                + (hint == null ? "" : "<p class=\"hint\" id=\"" + id + "-hint\">" + PageHtml.esc(hint) + "</p>")
                + (error == null ? "" : "<p class=\"error\" id=\"" + id + "-error\">" + PageHtml.esc(error) + "</p>")
                + control + "</div>";
    }

    private static String described(String id, String error, String hint) {
        String by = ((hint == null ? "" : id + "-hint") + (error == null ? "" : " " + id + "-error")).trim();
        return (by.isEmpty() ? "" : " aria-describedby=\"" + by + "\"") + (error == null ? "" : " aria-invalid=\"true\"");
    }
}
