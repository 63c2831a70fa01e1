package com.collectiondesk.selfservice;

import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The page's HTML: one small document per answer, no script, one shared stylesheet. Every value is escaped;
 * every input has a label, and an error names its field through {@code aria-describedby} and {@code aria-invalid}.
 */
final class PageHtml {

    private static final Map<String, String> LANGUAGE_NAMES = Map.of("en", "English", "ro", "Română", "bg", "Български",
            "de", "Deutsch");

    private PageHtml() {
    }

    /** The whole document; {@code switcherPath} is where the language links lead (null: no switcher). */
    static String document(Words words, String title, String company, String switcherPath, String main) {
        StringBuilder html = new StringBuilder(2048).append("<!DOCTYPE html><html lang=\"").append(words.language())
                .append("\"><head><meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\"><title>").append(esc(title)).append(" – ").append(esc(company))
                .append("</title><link rel=\"stylesheet\" href=\"/s/assets/page.css\"></head><body><header><p class=\"company\">")
                .append(esc(company)).append("</p>");
        if (switcherPath != null) {
            html.append("<nav aria-label=\"").append(esc(words.get("language"))).append("\"><ul class=\"languages\">");
            for (String language : Words.LANGUAGES) {
                html.append("<li><a lang=\"").append(language).append("\" hreflang=\"").append(language).append("\" href=\"")
                        .append(esc(switcherPath + "?lang=" + language)).append('"')
                        .append(language.equals(words.language()) ? " aria-current=\"page\"" : "").append('>')
                        .append(LANGUAGE_NAMES.get(language)).append("</a></li>");
            }
            html.append("</ul></nav>");
        }
        return html.append("</header><main>").append(main).append("</main></body></html>").toString();
    }

    /** A labelled input; {@code error} (or null) is shown under it and tied to it. */
    static String field(String id, String label, String type, String value, String error, String hint, String extra) {
        StringBuilder html = new StringBuilder("<div class=\"field\"><label for=\"").append(id).append("\">").append(esc(label))
                .append("</label>");
        String describedBy = "";
        if (hint != null) {
            html.append("<p class=\"hint\" id=\"").append(id).append("-hint\">").append(esc(hint)).append("</p>");
            describedBy = id + "-hint";
        }
        if (error != null) {
            html.append("<p class=\"error\" id=\"").append(id).append("-error\">").append(esc(error)).append("</p>");
            describedBy = (describedBy + " " + id + "-error").trim();
        }
        html.append("<input id=\"").append(id).append("\" name=\"").append(id).append("\" type=\"").append(type)
                .append("\" value=\"").append(esc(value == null ? "" : value)).append("\" required ").append(extra);
        if (!describedBy.isEmpty()) {
            html.append(" aria-describedby=\"").append(describedBy).append('"');
        }
        if (error != null) {
            html.append(" aria-invalid=\"true\"");
        }
        return html.append("></div>").toString();
    }

    /** A labelled checkbox. */
    static String checkbox(String id, String label) {
        return "<div class=\"check\"><input id=\"" + id + "\" name=\"" + id + "\" type=\"checkbox\" value=\"on\"><label for=\""
                + id + "\">" + esc(label) + "</label></div>";
    }

    /** A labelled text area; {@code error} (or null) is shown above it and tied to it. */
    static String textarea(String id, String label, String value, String error, int maxLength) {
        return "<div class=\"field\"><label for=\"" + id + "\">" + esc(label) + "</label>"
                + (error == null ? "" : "<p class=\"error\" id=\"" + id + "-error\">" + esc(error) + "</p>")
                + "<textarea id=\"" + id + "\" name=\"" + id + "\" rows=\"4\" maxlength=\"" + maxLength + "\" required"
                + (error == null ? "" : " aria-describedby=\"" + id + "-error\" aria-invalid=\"true\"") + ">" + esc(value == null ? "" : value)
                + "</textarea></div>";
    }

    static String form(String action, String csrf, String heading, String fields, String button) {
        return "<section><h2>" + esc(heading) + "</h2><form method=\"post\" action=\"" + esc(action) + "\" novalidate>"
                + "<input type=\"hidden\" name=\"" + BrowserKeys.CSRF_FIELD + "\" value=\"" + esc(csrf) + "\">" + fields
                + "<button type=\"submit\">" + esc(button) + "</button></form></section>";
    }

    static String paragraph(String cssClass, String text) {
        return "<p class=\"" + cssClass + "\">" + esc(text) + "</p>";
    }

    /** A message the page gives after an action, read out by screen readers as it appears. */
    static String notice(String cssClass, String text) {
        return "<p class=\"notice " + cssClass + "\" role=\"" + ("error".equals(cssClass) ? "alert" : "status") + "\">"
                + esc(text) + "</p>";
    }

    static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
