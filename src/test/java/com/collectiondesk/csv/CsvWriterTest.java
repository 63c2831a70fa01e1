package com.collectiondesk.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void cellsThatASpreadsheetWouldRunAreWrittenAsText() {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.to(out, List.of("name", "note"))) {
            csv.row("=HYPERLINK(\"http://x\")", "+1");
            csv.row("-5", "@SUM(A1)");
            csv.row("\tcmd", "\rcmd");
            csv.row("Ivana", "10-20");
        }
        assertThat(out.toString()).isEqualTo("""
                name,note\r
                "'=HYPERLINK(""http://x"")",'+1\r
                '-5,'@SUM(A1)\r
                '\tcmd,"'\rcmd"\r
                Ivana,10-20\r
                """);
    }

    @Test
    void quotesCommasAndLineBreaksAndWritesNullsAsEmptyCells() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter csv = CsvWriter.to(out, List.of("a", "b", "c"))) {
            csv.row("Sofia, Vitosha 1", "line one\nline two", null);
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("a,b,c\r\n\"Sofia, Vitosha 1\",\"line one\nline two\",\r\n");
    }
}
