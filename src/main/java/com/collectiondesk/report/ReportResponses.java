package com.collectiondesk.report;

import com.collectiondesk.csv.CsvWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * JSON or CSV, chosen by {@code ?format=json|csv} or else by {@code Accept: text/csv}; problems are answered by the
 * service's one advice as problem+json whatever was asked for. Bodies are rendered here so the chosen type is
 * always the one sent.
 */
@Component
class ReportResponses {

    static final MediaType TEXT_CSV = new MediaType("text", "csv");

    private final ObjectMapper json;

    ReportResponses(ObjectMapper json) {
        this.json = json;
    }

    boolean wantsCsv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase()) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new BadReportParameter("format", "Parameter 'format' must be csv or json, not '" + format + "'.");
            };
        }
        return accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("csv"));
    }

    ResponseEntity<String> render(ReportTable table, boolean asCsv) {
        if (asCsv) {
            return ResponseEntity.ok()
                    .contentType(new MediaType(TEXT_CSV, java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(table.name() + ".csv").build().toString())
                    .body(csv(table));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(write(table.asJson()));
    }

    /** RFC 4180 through the service's one CSV writer, so formula cells are neutralised as everywhere else. */
    private static String csv(ReportTable table) {
        StringWriter out = new StringWriter();
        try (CsvWriter writer = CsvWriter.to(out, table.columns())) {
            for (Map<String, Object> row : table.rows()) {
                writer.row(table.columns().stream().map(row::get).toList());
            }
        }
        return out.toString();
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Report not serialisable", e);
        }
    }
}
