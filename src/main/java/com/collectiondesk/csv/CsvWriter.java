package com.collectiondesk.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV the service writes goes through here: RFC 4180 with CRLF, a header row, and cells that a
 * spreadsheet would run as a formula neutralised (see {@link FormulaCells}). Rows stream straight to the
 * target, so an export of any size needs no more memory than one row.
 */
public final class CsvWriter implements Closeable {

    private final CSVPrinter printer;

    private CsvWriter(Writer target, List<String> headers) {
        try {
            this.printer = new CSVPrinter(target, CSVFormat.RFC4180);
            printer.printRecord(headers.stream().map(FormulaCells::neutralise).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CsvWriter to(Writer target, List<String> headers) {
        return new CsvWriter(target, headers);
    }

    /** UTF-8 without BOM. */
    public static CsvWriter to(OutputStream target, List<String> headers) {
        return new CsvWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), headers);
    }

    /**
     * Writes one row; {@code null} becomes an empty cell, a number is written as it is (a negative amount stays
     * a number), anything else as its neutralised {@code toString()}.
     */
    public CsvWriter row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    public CsvWriter row(List<?> cells) {
        try {
            printer.printRecord(cells.stream().map(CsvWriter::cell).toList());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof Number ? value.toString() : FormulaCells.neutralise(value.toString());
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
