package com.collectiondesk.ledger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;

/**
 * Imports an RFC 4180 CSV file (UTF-8, BOM or not) of one {@link RecordKind}. The whole body is first checked
 * to be CSV with the required columns, so a broken file stores nothing; then rows go to the
 * {@link LedgerWriter} in chunks, each chunk one transaction, so memory stays bounded and valid rows are kept
 * whatever other rows hold.
 */
@Service
public class CsvImport {

    static final int CHUNK_SIZE = 1000;
    /** Unknown columns named in the warnings; the rest are counted, so a huge header cannot make a huge answer. */
    static final int LISTED_UNKNOWN_COLUMNS = 20;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private final LedgerWriter writer;
    private final MeterRegistry meters;

    CsvImport(LedgerWriter writer, MeterRegistry meters) {
        this.writer = writer;
        this.meters = meters;
    }

    public ImportResult importCsv(RecordKind kind, byte[] body) {
        String text = decode(body);
        List<String> warnings = new ArrayList<>();
        Header header = checkHeader(kind, text, warnings);
        Map<Integer, String> columns = header.columns();
        ChunkOutcome total = new ChunkOutcome();
        List<Fields> chunk = new ArrayList<>(CHUNK_SIZE);
        forEachDataRow(text, (row, record) -> {
            if (record.size() > header.size() && hasExtraValues(record, header.size())) {
                total.rejected.add(new FieldError(row, "row", "has " + record.size() + " cells but the header has "
                        + header.size() + "; quote cells that contain commas"));
                return;
            }
            Map<String, String> values = new HashMap<>();
            columns.forEach((index, column) -> values.put(column, index < record.size() ? record.get(index) : null));
            chunk.add(new Fields(row, values));
            if (chunk.size() == CHUNK_SIZE) {
                total.add(writer.write(kind, List.copyOf(chunk)));
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            total.add(writer.write(kind, chunk));
        }
        List<FieldError> rejected = new ArrayList<>(total.rejected);
        rejected.sort(Comparator.comparingInt(FieldError::row)); // chunks keep column order within a row
        countRows(kind, "accepted", total.accepted);
        countRows(kind, "unchanged", total.unchanged);
        countRows(kind, "rejected", (int) rejected.stream().mapToInt(FieldError::row).distinct().count());
        return new ImportResult(total.accepted, total.unchanged, rejected, warnings, List.copyOf(total.changes));
    }

    /** {@code collection_import_rows_total{kind, result}}: CSV rows imported, unchanged or refused (rows, not errors). */
    private void countRows(RecordKind kind, String result, int rows) {
        Counter.builder("collection.import.rows").description("CSV import rows by what became of them")
                .tags("kind", kind.name(), "result", result).register(meters).increment(rows);
    }

    private static boolean hasExtraValues(CSVRecord record, int headerSize) {
        for (int i = headerSize; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Strict UTF-8 (a leading BOM is dropped); anything else is not a CSV we can read. */
    private static String decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw new CsvRefused(null, "The body is empty; send a CSV file with a header row");
        }
        int start = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, start, body.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new CsvRefused(null, "The body is not UTF-8 text, so not a CSV file");
        }
        if (text.indexOf('\0') >= 0) {
            throw new CsvRefused(null, "The body contains binary data, so it is not a CSV file");
        }
        return text;
    }

    /** Known columns by cell index, and how many cells the header has. */
    private record Header(Map<Integer, String> columns, int size) {
    }

    /** Reads the header and walks the whole file once, so a broken file is refused before anything is stored. */
    private static Header checkHeader(RecordKind kind, String text, List<String> warnings) {
        Map<Integer, String> columns = new LinkedHashMap<>();
        int size;
        int unknown = 0;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new CsvRefused(null, "The body is empty; send a CSV file with a header row");
            }
            CSVRecord header = records.next();
            size = header.size();
            for (int index = 0; index < header.size(); index++) {
                String name = header.get(index).strip().toLowerCase(Locale.ROOT);
                if (kind.columns().contains(name)) {
                    if (columns.containsValue(name)) {
                        throw new CsvRefused(name, "Column '" + name + "' appears twice in the header");
                    }
                    columns.put(index, name);
                } else if (++unknown <= LISTED_UNKNOWN_COLUMNS) {
                    warnings.add("unknown column " + Quoted.of(header.get(index).strip()) + " is ignored");
                }
            }
            if (unknown > LISTED_UNKNOWN_COLUMNS) {
                warnings.add((unknown - LISTED_UNKNOWN_COLUMNS) + " more unknown columns are ignored");
            }
            List<String> missing = kind.requiredColumns().stream().filter(c -> !columns.containsValue(c)).toList();
            if (!missing.isEmpty()) {
                throw new CsvRefused(missing.get(0), "Required column" + (missing.size() > 1 ? "s " : " ")
                        + String.join(", ", missing.stream().map(c -> "'" + c + "'").toList()) + " missing; a "
                        + kind.name().toLowerCase(Locale.ROOT) + " file has the columns " + String.join(",", kind.columns()));
            }
            while (records.hasNext()) {
                records.next();
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new CsvRefused(null, "The body is not valid CSV: " + e.getMessage());
        }
        return new Header(columns, size);
    }

    private interface RowHandler {
        void handle(int row, CSVRecord record);
    }

    /**
     * Data rows with their row number as a spreadsheet shows the file: the header is row 1 and a quoted cell
     * with line breaks stays within its row.
     */
    private static void forEachDataRow(String text, RowHandler handler) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            records.next();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                handler.handle(Math.toIntExact(record.getRecordNumber()), record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
